// Copy and paste of part of a model: what a copy takes, how a paste renames and rewires, that
// a fragment is a valid model on its own, and that appending is undone exactly.
#include "model_helpers.h"
#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"

#include <QtTest>

using namespace plumb;
using testing::box;
using testing::element;
using testing::flow;

namespace {

// Orders (api, db) and billing (invoicer), flows between them, a waiver on db.
Model sample() {
    Model m;
    m.contexts = {{"orders", std::string("Orders"), {}, {}, Json::object()},
                  {"billing", std::string("Billing"), {}, {}, Json::object()}};
    m.elements = {element("api", ElementKind::Service, "orders"),
                  element("db", ElementKind::Store, "orders"),
                  element("invoicer", ElementKind::Service, "billing"),
                  element("store-1", ElementKind::Store)};
    m.elements[1].technology = "postgresql";
    m.flows = {flow("api-db", "api", "db", {}, 120), flow("inv-db", "invoicer", "db", {}, 5)};
    Waiver w;
    w.rule = "some-rule";
    w.element = "db";
    w.reason = "measured";
    m.waivers = {w};
    m.present.waivers = true;
    m.layout = {
        box("orders", 0, 0, 600, 300),    box("api", 40, 60),       box("db", 320, 60),
        box("billing", 700, 0, 400, 300), box("invoicer", 740, 60), box("store-1", 100, 500)};
    m.present.layout = true;
    return m;
}

std::vector<std::string> idsOf(const std::vector<Element>& elements) {
    std::vector<std::string> ids;
    for (const auto& e : elements)
        ids.push_back(e.id);
    return ids;
}

} // namespace

class TestModelFragment : public QObject {
    Q_OBJECT

private slots:
    void freshIdKeepsAFreeIdAndNumbersATakenOne() {
        const Model m = sample();
        const auto taken = [&](std::string_view id) { return !isFreeId(m, id); };
        QCOMPARE(freshId("cache", taken), std::string("cache"));
        QCOMPARE(freshId("store-1", taken), std::string("store-2"));
        QCOMPARE(freshId("db", taken), std::string("db-2"));
        QCOMPARE(freshId("api-db", taken), std::string("api-db-2")); // "db" is not a number
        const std::string longId(128, 'x');
        const auto all = [&](std::string_view id) { return id == longId; };
        const std::string renamed = freshId(longId, all);
        QCOMPARE(renamed.size(), std::size_t(128));
        QVERIFY(renamed.ends_with("-2"));
        QCOMPARE(freshId("", taken), std::string("item-2"));
    }

    void copyingAnElementTakesItsBoxAndWaiverButNotItsContext() {
        const Model fragment = extractFragment(sample(), {"db"});
        QCOMPARE(idsOf(fragment.elements), std::vector<std::string>{"db"});
        QVERIFY(!fragment.elements[0].context); // orders was not copied
        QCOMPARE(fragment.elements[0].technology, Text("postgresql"));
        QVERIFY(fragment.contexts.empty());
        QVERIFY(fragment.flows.empty()); // no flow has both ends copied
        QCOMPARE(fragment.waivers.size(), std::size_t(1));
        QCOMPARE(fragment.layout.size(), std::size_t(1));
        QCOMPARE(*fragment.layout[0].x, 320.0);
    }

    void copyingAContextTakesItsMembersAndTheFlowsBetweenThem() {
        const Model fragment = extractFragment(sample(), {"orders", "nonexistent"});
        QCOMPARE(fragment.contexts.size(), std::size_t(1));
        QCOMPARE(idsOf(fragment.elements), (std::vector<std::string>{"api", "db"}));
        QCOMPARE(*fragment.elements[0].context, std::string("orders"));
        QCOMPARE(fragment.flows.size(), std::size_t(1));
        QCOMPARE(fragment.flows[0].id, std::string("api-db"));
        QCOMPARE(*fragment.flows[0].writesPerSecond, 120.0); // with its workload
        QCOMPARE(fragment.layout.size(), std::size_t(3));
    }

    void aFlowWhoseEndIsNotCopiedIsLeftOut() {
        const Model fragment = extractFragment(sample(), {"invoicer", "inv-db"});
        QCOMPARE(idsOf(fragment.elements), std::vector<std::string>{"invoicer"});
        QVERIFY(fragment.flows.empty());
    }

    void aFragmentIsAValidModelThatRoundTrips() {
        const Model fragment = extractFragment(sample(), {"orders", "invoicer", "store-1"});
        const std::string json = writeModelJson(fragment);
        const ModelReadResult read = readModelJson(json, "clipboard");
        QVERIFY2(read.ok(), read.errors.empty() ? "" : read.errors[0].toString().c_str());
        QCOMPARE(*read.model, fragment);
        QVERIFY(fragmentProblem(*read.model).empty());
    }

    void pastingIntoTheSameModelRenamesAndRewires() {
        const Model target = sample();
        const Model fragment = extractFragment(target, {"orders"});
        const PreparedFragment prepared = prepareFragment(target, fragment);
        QCOMPARE(prepared.contextIds, std::vector<std::string>{"orders-2"});
        QCOMPARE(prepared.elementIds, (std::vector<std::string>{"api-2", "db-2"}));
        QCOMPARE(prepared.flowIds, std::vector<std::string>{"api-db-2"});
        const Model& f = prepared.fragment;
        QCOMPARE(*f.elements[0].context, std::string("orders-2"));
        QCOMPARE(f.flows[0].from, std::string("api-2"));
        QCOMPARE(f.flows[0].to, std::string("db-2"));
        QCOMPARE(f.layout[0].id, std::string("orders-2"));
        QVERIFY(f.waivers.empty()); // the copy beside db does not inherit db's waiver
        QCOMPARE(prepared.renamed.at("db"), std::string("db-2"));

        Model merged = target;
        appendFragment(merged, prepared.fragment);
        const ModelReadResult read = readModelJson(writeModelJson(merged), "merged");
        QVERIFY2(read.ok(), read.errors.empty() ? "" : read.errors[0].toString().c_str());
        QCOMPARE(merged.elements.size(), std::size_t(6));
    }

    void pastingTwiceGivesFreshIdsEachTime() {
        Model target = sample();
        const Model fragment = extractFragment(target, {"store-1"});
        appendFragment(target, prepareFragment(target, fragment).fragment);
        appendFragment(target, prepareFragment(target, fragment).fragment);
        QCOMPARE(
            idsOf(target.elements),
            (std::vector<std::string>{"api", "db", "invoicer", "store-1", "store-2", "store-3"}));
    }

    void cutAndPasteKeepsIdsAndWaivers() {
        const Model source = sample();
        const Model fragment = extractFragment(source, {"db"});
        Model target; // another window, where "db" is free
        const PreparedFragment prepared = prepareFragment(target, fragment);
        QVERIFY(prepared.renamed.empty());
        QCOMPARE(prepared.fragment.waivers.size(), std::size_t(1));
        appendFragment(target, prepared.fragment);
        QVERIFY(target.present.waivers);
        QVERIFY(target.present.layout);
        QVERIFY(readModelJson(writeModelJson(target), "t").ok());
    }

    void keptIdsAreNotTakenByRenamedOnes() {
        // "a" is taken in the target; the fragment holds both "a" and "a-2".
        Model target;
        target.elements = {element("a", ElementKind::Service)};
        Model fragment;
        fragment.elements = {element("a", ElementKind::Service),
                             element("a-2", ElementKind::Store)};
        fragment.flows = {flow("f", "a", "a-2", {}, 1)};
        const PreparedFragment prepared = prepareFragment(target, fragment);
        QCOMPARE(prepared.elementIds, (std::vector<std::string>{"a-3", "a-2"}));
        QCOMPARE(prepared.fragment.flows[0].from, std::string("a-3"));
        QCOMPARE(prepared.fragment.flows[0].to, std::string("a-2"));
    }

    void referencesTheFragmentCannotSatisfyAreDropped() {
        // Hand-written or from another tool: dangling ends, contexts and boxes.
        Model fragment;
        fragment.elements = {element("x", ElementKind::Service, "elsewhere")};
        fragment.flows = {flow("f", "x", "missing", {}, 1)};
        fragment.layout = {box("x", 0, 0), box("ghost", 5, 5)};
        Waiver w;
        w.rule = "r";
        fragment.waivers = {w}; // model-wide: not pasted
        const PreparedFragment prepared = prepareFragment(Model{}, fragment);
        QVERIFY(!prepared.fragment.elements[0].context);
        QVERIFY(prepared.fragment.flows.empty());
        QCOMPARE(prepared.fragment.layout.size(), std::size_t(1));
        QVERIFY(prepared.fragment.waivers.empty());
    }

    void truncatingUndoesAnAppendExactly() {
        Model target = sample();
        target.present.waivers = false;
        target.waivers.clear();
        target.layout.clear();
        target.present.layout = false;
        const Model before = target;
        const ModelListSizes sizes = listSizes(target);
        appendFragment(target, prepareFragment(target, extractFragment(sample(), {"db"})).fragment);
        QVERIFY(!(target == before));
        truncateTo(target, sizes);
        QCOMPARE(target, before);
    }

    void anEmptyModelIsNotAFragment() {
        QVERIFY(!fragmentProblem(Model{}).empty());
        QVERIFY(fragmentProblem(extractFragment(sample(), {"nothing"})).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestModelFragment)
#include "tst_model_fragment.moc"

// model_diff.h: matching two versions of a model, field-by-field changes, derived store loads
// and findings matched by the SARIF fingerprint.
#include "diff_fixture.h"
#include "model_helpers.h"
#include "plumbline/check_output.h"
#include "plumbline/model_diff.h"

#include <QtTest>
#include <set>
#include <sstream>

using namespace plumb;
using testing::element;
using testing::flow;

namespace {

const KnowledgeBase& kb() {
    static const KnowledgeBase knowledge = *loadKnowledge({}, false).knowledge;
    return knowledge;
}

ModelDiff diffOf(const Model& before, const Model& after) {
    const CheckResult a = check(before, kb()), b = check(after, kb());
    return diffModels({before, a, "old.json"}, {after, b, "new.json"});
}

std::set<std::string> fingerprints(const CheckResult& result) {
    std::set<std::string> out;
    for (const auto& f : result.findings)
        out.insert(findingFingerprint(f));
    return out;
}

std::set<std::string> fingerprints(const std::vector<FindingSummary>& findings) {
    std::set<std::string> out;
    for (const auto& f : findings)
        out.insert(f.fingerprint);
    return out;
}

Model small() {
    Model m;
    m.name = "shop";
    m.elements = {element("api", ElementKind::Service, {}, 4),
                  element("orders-db", ElementKind::Store, {}, {}, "postgresql")};
    m.elements[1].name = "Orders DB";
    m.flows = {flow("f1", "api", "orders-db", 900, 200)};
    return m;
}

} // namespace

class TestModelDiff : public QObject {
    Q_OBJECT

private slots:
    void identicalModelsHaveNoChanges() {
        const ModelDiff d = diffOf(small(), small());
        QVERIFY(d.empty());
        QVERIFY(d.stores.empty());
    }

    void fieldChangesAreJsonPointersWithWorkloadDeltas() {
        Model after = small();
        after.flows[0].writesPerSecond = 2000;
        after.elements[1].technology = "sqlite";
        const ModelDiff d = diffOf(small(), after);
        QCOMPARE(d.flows.changed.size(), std::size_t(1));
        QCOMPARE(d.flows.changed[0].fields.size(), std::size_t(1));
        QCOMPARE(d.flows.changed[0].fields[0].path, std::string("/writesPerSecond"));
        QCOMPARE(fieldChangeText(d.flows.changed[0].fields[0]),
                 std::string("writes 200 -> 2,000/s (x10)"));
        QCOMPARE(d.elements.changed[0].fields[0].path, std::string("/technology"));
        QCOMPARE(fieldChangeText(d.elements.changed[0].fields[0]),
                 std::string("technology postgresql -> sqlite"));
        QCOMPARE(d.stores.size(), std::size_t(1));
        QCOMPARE(storeLoadText(d.stores[0]),
                 std::string("technology postgresql -> sqlite, writes 200 -> 2,000/s (x10)"));
    }

    void nestedFieldsGetTheirPath() {
        Model before = small(), after = small();
        before.elements[1].data = DataProfile{};
        before.elements[1].data->volumeGB = 12;
        after.elements[1].data = DataProfile{};
        after.elements[1].data->volumeGB = 24;
        const ModelDiff d = diffOf(before, after);
        QCOMPARE(d.elements.changed[0].fields[0].path, std::string("/data/volumeGB"));
        QCOMPARE(fieldChangeText(d.elements.changed[0].fields[0]),
                 std::string("volume 12 -> 24 GB (x2)"));
        // Derived load: the store's volume is what the analysis sees.
        QCOMPARE(d.stores.size(), std::size_t(1));
        QCOMPARE(*d.stores[0].after->volumeGB, 24.0);
    }

    void sameNameAndNeighboursIsARename() {
        Model after = small();
        after.elements[1].id = "order-store";
        after.flows[0].to = "order-store";
        const ModelDiff d = diffOf(small(), after);
        QVERIFY(d.elements.added.empty());
        QVERIFY(d.elements.removed.empty());
        QCOMPARE(d.elements.renamed.size(), std::size_t(1));
        QCOMPARE(d.elements.renamed[0].oldId, std::string("orders-db"));
        QCOMPARE(d.elements.renamed[0].newId, std::string("order-store"));
        // The flow's end follows the rename: it is not listed as changed.
        QVERIFY(d.flows.changed.empty());
        QVERIFY(d.flows.added.empty());
    }

    void sameIdWithANewNameIsARename() {
        Model after = small();
        after.elements[1].name = "Order store";
        const ModelDiff d = diffOf(small(), after);
        QCOMPARE(d.elements.renamed.size(), std::size_t(1));
        QCOMPARE(d.elements.renamed[0].newName, std::string("Order store"));
        QCOMPARE(d.changedCount(), 1);
    }

    void sameNameWithOtherNeighboursIsRemovedAndAdded() {
        Model after = small();
        after.elements[1].id = "order-store";
        after.flows.clear();
        const ModelDiff d = diffOf(small(), after);
        QCOMPARE(d.elements.removed, std::vector<std::string>{"orders-db"});
        QCOMPARE(d.elements.added, std::vector<std::string>{"order-store"});
    }

    void contextsMatchByIdThenName() {
        Model before = small(), after = small();
        before.contexts = {Context{"sales", std::string("Sales"), {}, {}, Json::object()},
                           Context{"ops", std::string("Operations"), {}, {}, Json::object()}};
        after.contexts = {
            Context{"selling", std::string("Sales"), {}, {}, Json::object()},
            Context{"ops", std::string("Operations"), {}, std::string("sre"), Json::object()}};
        const ModelDiff d = diffOf(before, after);
        QVERIFY(d.contexts.added.empty() && d.contexts.removed.empty());
        QCOMPARE(d.contexts.renamed.size(), std::size_t(1));
        QCOMPARE(d.contexts.renamed[0].newId, std::string("selling"));
        QCOMPARE(d.contexts.changed.size(), std::size_t(1));
        QCOMPARE(d.contexts.changed[0].fields[0].path, std::string("/team"));
    }

    void flowsWithNewIdsButTheSameEndsAreRenamed() {
        Model after = small();
        after.flows[0].id = "api-to-orders";
        const ModelDiff d = diffOf(small(), after);
        QVERIFY(d.flows.added.empty());
        QCOMPARE(d.flows.renamed.size(), std::size_t(1));
    }

    // Issue #18's acceptance: every example, one technology swapped, one rate x10, one element
    // removed: exactly those changes, and the findings they cause.
    void everyExampleGivesExactlyTheChangesMade() {
        for (const auto& file : testing::exampleFiles()) {
            const Model before = testing::readModelOrFail(file);
            const testing::ExampleChange c = testing::changeExample(before);
            const CheckResult a = check(before, kb()), b = check(c.changed, kb());
            const ModelDiff d = diffModels({before, a, "old"}, {c.changed, b, "new"});
            QVERIFY2(d.elements.added.empty() && d.flows.added.empty(), file.c_str());
            QCOMPARE(d.elements.removed, std::vector<std::string>{c.removed});
            QCOMPARE(d.flows.removed, c.removedFlows);
            QCOMPARE(d.elements.changed.size(), std::size_t(1));
            QCOMPARE(d.elements.changed[0].id, c.store);
            QCOMPARE(d.elements.changed[0].fields.size(), std::size_t(1));
            QCOMPARE(d.elements.changed[0].fields[0].path, std::string("/technology"));
            QCOMPARE(d.elements.changed[0].fields[0].newValue.get<std::string>(), c.newTechnology);
            QCOMPARE(d.flows.changed.size(), std::size_t(1));
            QCOMPARE(d.flows.changed[0].id, c.flow);
            QCOMPARE(d.flows.changed[0].fields[0].path, c.rateField);
            QVERIFY(fieldChangeText(d.flows.changed[0].fields[0]).ends_with("(x10)"));
            QVERIFY(d.contexts.added.empty() && d.contexts.removed.empty() &&
                    d.contexts.changed.empty());
            QVERIFY(d.elements.renamed.empty());
            // The store at the end of the changed flow receives ten times that rate.
            const std::string target = c.changed.findFlow(c.flow)->to;
            const Element* reached = c.changed.findElement(target);
            if (holdsData(reached->kind)) {
                const auto it = std::find_if(d.stores.begin(), d.stores.end(),
                                             [&](const auto& s) { return s.element == target; });
                QVERIFY2(it != d.stores.end(), (file + ": " + target).c_str());
            }
            // Findings: exactly the fingerprint differences of the two checks.
            std::set<std::string> appeared, gone;
            const auto fa = fingerprints(a), fb = fingerprints(b);
            std::set_difference(fb.begin(), fb.end(), fa.begin(), fa.end(),
                                std::inserter(appeared, appeared.end()));
            std::set_difference(fa.begin(), fa.end(), fb.begin(), fb.end(),
                                std::inserter(gone, gone.end()));
            QCOMPARE(fingerprints(d.findings.added), appeared);
            QCOMPARE(fingerprints(d.findings.fixed), gone);
            QVERIFY2(!appeared.empty() || !gone.empty(), file.c_str());
        }
    }

    void findingsMatchBySarifFingerprint() {
        Model after = small();
        after.elements[1].technology = "sqlite";
        after.flows[0].writesPerSecond = 5000;
        after.elements[0].instances = 40;
        const ModelDiff d = diffOf(small(), after);
        QVERIFY(!d.findings.added.empty());
        const CheckResult b = check(after, kb());
        const Json sarif = checkToSarif({after, kb(), b, {}, "m.json", "", "1"});
        std::set<std::string> sarifPrints;
        for (const auto& r : sarif["runs"][0]["results"])
            sarifPrints.insert(r["partialFingerprints"]["plumblineFinding/v1"].get<std::string>());
        for (const auto& f : d.findings.added)
            QVERIFY(sarifPrints.count(f.fingerprint));
        QVERIFY(diffFails(d.findings, "warning"));
        QVERIFY(!diffFails(d.findings, "never"));
    }

    void severityChangesAreListedAndGateOnlyWhenTheyCrossFailOn() {
        std::vector<FindingSummary> before{
            {"r", "orders-db", "t", findingFingerprint("r", "orders-db"), Severity::Warning}};
        Finding now;
        now.rule = "r";
        now.element = "orders-db";
        now.severity = Severity::Error;
        const FindingsDiff d = diffFindings(before, {now});
        QCOMPARE(d.changed.size(), std::size_t(1));
        QCOMPARE(d.baselineState(findingFingerprint(now)), std::string("updated"));
        QVERIFY(diffFails(d, "error"));
        QVERIFY(!diffFails(d, "warning")); // it already failed a warning gate before
    }

    void findingsFilesAreReadAndBadOnesNamed() {
        std::string error;
        auto read = readFindingsFile(
            Json::parse(R"({"tool":"plumbline","findings":[{"rule":"r","severity":"error",
                           "element":"db","title":"t"}]})"),
            "f.json", error);
        QVERIFY(read && error.empty());
        QCOMPARE(read->front().fingerprint, findingFingerprint("r", "db"));
        QVERIFY(!readFindingsFile(Json::parse(R"({"elements":[]})"), "m.json", error));
        read = readFindingsFile(
            Json::parse(R"({"tool":"plumbline","findings":[{"rule":"r","severity":"bad"}]})"),
            "f.json", error);
        QCOMPARE(error,
                 std::string("f.json: /findings/0/severity: expected error, warning or info"));
    }

    void writersAgreeOnTheChange() {
        Model after = small();
        after.elements[1].technology = "sqlite";
        after.flows[0].writesPerSecond = 2000;
        const ModelDiff d = diffOf(small(), after);
        std::ostringstream text, markdown;
        writeDiffText(text, d);
        writeDiffMarkdown(markdown, d);
        QVERIFY(text.str().find("orders-db: technology postgresql -> sqlite, writes 200 -> "
                                "2,000/s (x10)") != std::string::npos);
        QVERIFY(markdown.str().find("| store | change (derived load) |") != std::string::npos);
        // New findings come before the store table.
        QVERIFY(markdown.str().find("new |") < markdown.str().find("| store |"));
        const Json j = diffToJson(d, "test");
        QCOMPARE(j["flows"]["changed"][0]["fields"][0]["new"].get<double>(), 2000.0);
        QCOMPARE(j["stores"][0]["old"]["writesPerSecond"].get<double>(), 200.0);
        QCOMPARE(j["summary"]["changed"].get<int>(), 2);
    }
};

QTEST_APPLESS_MAIN(TestModelDiff)
#include "tst_model_diff.moc"

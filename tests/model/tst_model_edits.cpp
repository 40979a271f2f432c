// Model edits without Qt (model_edits.h): rename everywhere, cascading delete and exact
// restore, id checks, one id generator within the contract's length, and validateModel, which
// the JSON reader and the workbench's commands both rely on.
#include "model_helpers.h"
#include "plumbline/model_edits.h"
#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"

#include <QtTest>

using namespace plumb;
using testing::box;
using testing::element;
using testing::flow;

namespace {

Waiver waiver(const std::string& rule, Text element) {
    Waiver w;
    w.rule = rule;
    w.element = std::move(element);
    w.reason = "accepted";
    return w;
}

// Two contexts, four elements, three flows, waivers on an element, a flow and the model, and
// a layout box for each element and context: a whole model.
Model shop() {
    Model m;
    m.contexts.push_back({});
    m.contexts.back().id = "orders";
    m.contexts.push_back({});
    m.contexts.back().id = "billing";
    m.elements.push_back(element("api", ElementKind::Service, "orders", 2));
    m.elements.push_back(element("db", ElementKind::Store, "orders", {}, "postgresql"));
    m.elements.push_back(element("worker", ElementKind::Service, "billing"));
    m.elements.push_back(element("cache", ElementKind::Cache, {}, {}, "redis"));
    m.flows.push_back(flow("f1", "api", "db", 10, 20));
    m.flows.push_back(flow("f2", "worker", "db", {}, 5));
    m.flows.push_back(flow("f3", "api", "cache", 100, {}));
    m.waivers.push_back(waiver("sqlite-write-concurrency", std::string("db")));
    m.waivers.push_back(waiver("some-flow-rule", std::string("f3")));
    m.waivers.push_back(waiver("shared-database", std::nullopt));
    for (const char* id : {"orders", "billing", "api", "db", "worker", "cache"})
        m.layout.push_back(box(id, 0, 0));
    m.present.layout = m.present.waivers = true;
    return m;
}

QStringList paths(const std::vector<ModelProblem>& problems) {
    QStringList out;
    for (const auto& p : problems)
        out << QString::fromStdString(p.path);
    return out;
}

} // namespace

class TestModelEdits : public QObject {
    Q_OBJECT

private slots:
    void theFixtureIsWhole() { QVERIFY(validateModel(shop()).empty()); }

    void renameReachesEveryReference() {
        Model m = shop();
        renameId(m, "db", "orders-db");
        QVERIFY(!m.findElement("db"));
        QVERIFY(m.findElement("orders-db"));
        QCOMPARE(m.flows[0].to, std::string("orders-db"));
        QCOMPARE(m.flows[1].to, std::string("orders-db"));
        QCOMPARE(*m.waivers[0].element, std::string("orders-db"));
        QVERIFY(m.findLayout("orders-db"));
        QVERIFY(validateModel(m).empty());
        renameId(m, "orders", "sales"); // a context: its elements follow
        QCOMPARE(*m.findElement("api")->context, std::string("sales"));
        renameId(m, "f3", "reads"); // a flow: its waiver follows
        QCOMPARE(*m.waivers[1].element, std::string("reads"));
        QVERIFY(validateModel(m).empty());
        // Back again: exactly the model before.
        renameId(m, "reads", "f3");
        renameId(m, "sales", "orders");
        renameId(m, "orders-db", "db");
        QVERIFY(m == shop());
    }

    void renameOfNothingOrToItselfChangesNothing() {
        Model m = shop();
        renameId(m, "no-such-id", "x");
        renameId(m, "api", "api");
        QVERIFY(m == shop());
    }

    void idProblemsAreNamed() {
        const Model m = shop();
        QVERIFY(idError(m, "db", "db").empty()); // unchanged
        QVERIFY(idError(m, "orders-db", "db").empty());
        QVERIFY(QString::fromStdString(idError(m, "", "db")).contains("empty"));
        QVERIFY(QString::fromStdString(idError(m, "   ", "db")).contains("empty"));
        QVERIFY(QString::fromStdString(idError(m, "api", "db")).contains("already used"));
        QVERIFY(QString::fromStdString(idError(m, "orders", "db")).contains("already used"));
        QVERIFY(idError(m, std::string(kMaxIdLength, 'x'), "db").empty());
        QVERIFY(QString::fromStdString(idError(m, std::string(kMaxIdLength + 1, 'x'), "db"))
                    .contains("at most 128"));
    }

    void deletingAnElementCascadesAndRestoresExactly() {
        Model m = shop();
        const RemovedItems removed = removeItems(m, {"db"});
        QVERIFY(!m.findElement("db"));
        QCOMPARE(m.flows.size(), std::size_t(1)); // f1 and f2 ended at db
        QCOMPARE(m.flows[0].id, std::string("f3"));
        QCOMPARE(m.waivers.size(), std::size_t(2)); // db's waiver went; the others stay
        QVERIFY(!m.findLayout("db"));
        QVERIFY(validateModel(m).empty());
        restore(m, removed);
        QVERIFY(m == shop());
    }

    void deletingAContextOrphansItsElements() {
        Model m = shop();
        const RemovedItems removed = removeItems(m, {"orders"});
        QVERIFY(!m.findContext("orders"));
        QVERIFY(!m.findElement("api")->context);
        QVERIFY(!m.findElement("db")->context);
        QCOMPARE(*m.findElement("worker")->context, std::string("billing"));
        QCOMPARE(m.flows.size(), std::size_t(3));
        QVERIFY(validateModel(m).empty());
        restore(m, removed);
        QVERIFY(m == shop());
    }

    void deletingAContextWithItsElementsKeepsNoOrphans() {
        Model m = shop();
        const RemovedItems removed = removeItems(m, {"api", "orders", "f2", "cache"});
        QVERIFY(removed.orphaned.count("db") == 1);
        QVERIFY(removed.orphaned.count("api") == 0); // removed itself
        QCOMPARE(m.elements.size(), std::size_t(2));
        QVERIFY(m.flows.empty());
        QCOMPARE(m.waivers.size(), std::size_t(2)); // f3 went with api, and its waiver with it
        QVERIFY(validateModel(m).empty());
        restore(m, removed);
        QVERIFY(m == shop());
    }

    void unknownIdsRemoveNothing() {
        Model m = shop();
        const RemovedItems removed = removeItems(m, {"nope", "", "also-nope"});
        QVERIFY(removed.empty());
        QVERIFY(m == shop());
        QVERIFY(existingIds(m, {"nope", "db", "f1", "db", "orders"}) ==
                (std::vector<std::string>{"db", "f1", "orders"}));
    }

    void newIdIsTheOneGenerator() {
        Model m = shop();
        QCOMPARE(newId(m, "store-1"), std::string("store-1"));
        m.elements.push_back(element("store-1", ElementKind::Store));
        QCOMPARE(newId(m, "store-1"), std::string("store-2"));
        QCOMPARE(newId(m, "db"), std::string("db-2"));
        QCOMPARE(newId(m, ""), std::string("item-2"));
        const std::string longPrefix(300, 'p');
        QVERIFY(newId(m, longPrefix + "-1").size() <= kMaxIdLength);
    }

    // The canvas names a new flow after its ends; two 100-character element ids once made a
    // 201-character flow id that the JSON reader then refused.
    void aFlowBetweenLongIdsIsReadBack() {
        Model m;
        const std::string a(100, 'a'), b(100, 'b');
        m.elements.push_back(element(a, ElementKind::Service));
        m.elements.push_back(element(b, ElementKind::Store));
        Flow f = flow(newId(m, a + "-" + b), a, b, 1, 1);
        QVERIFY(f.id.size() <= kMaxIdLength);
        m.flows.push_back(f);
        m.flows.push_back(flow(newId(m, a + "-" + b), a, b, 2, 2)); // a second: still unique
        QVERIFY(m.flows[0].id != m.flows[1].id);
        QVERIFY(m.flows[1].id.size() <= kMaxIdLength);
        QVERIFY(validateModel(m).empty());
        const auto read = readModelJson(writeModelJson(m), "long.json");
        QVERIFY2(read.errors.empty(), read.errors.empty() ? "" : read.errors[0].message.c_str());
    }

    void validateModelNamesEveryBrokenReference() {
        Model m = shop();
        m.elements.push_back(element("", ElementKind::Service));
        m.elements.push_back(element(std::string(kMaxIdLength + 1, 'x'), ElementKind::Service));
        m.elements.push_back(element("db", ElementKind::Store)); // duplicate
        m.elements.push_back(element("lost", ElementKind::Service, "no-context"));
        m.flows.push_back(flow("f9", "ghost", "db", 1, 1));
        m.flows.push_back(flow("f10", "api", "phantom", 1, 1));
        m.waivers.push_back(waiver("r", std::string("nobody")));
        m.layout.push_back(box("f1", 0, 0)); // a flow has no box
        const auto problems = validateModel(m);
        QCOMPARE(paths(problems), (QStringList{"/elements/4/id", "/elements/5/id", "/elements/6/id",
                                               "/elements/7/context", "/flows/3/from",
                                               "/flows/4/to", "/waivers/3/element", "/layout/f1"}));
        QVERIFY(QString::fromStdString(problems[2].message).contains("/elements/1"));
        QCOMPARE(validateModel(m, 3).size(), std::size_t(3));
        QVERIFY(validateModel(Model{}).empty());
    }

    // The reader reports validateModel's problems with the file's name.
    void theReaderUsesValidateModel() {
        Model m = shop();
        m.flows.push_back(flow("f9", "ghost", "db", 1, 1));
        const auto read = readModelJson(writeModelJson(m), "bad.json");
        QCOMPARE(read.errors.size(), std::size_t(1));
        QCOMPARE(read.errors[0].path, std::string("/flows/3/from"));
        QCOMPARE(read.errors[0].file, std::string("bad.json"));
    }
};

QTEST_MAIN(TestModelEdits)
#include "tst_model_edits.moc"

// Load analysis: what each derived number means, that missing estimates stay missing, and that
// incremental re-analysis after any sequence of edits equals a full analysis.
#include "model_helpers.h"
#include "plumbline/analysis.h"
#include "plumbline/knowledge.h"

#include <QtTest>
#include <random>

using namespace plumb;
using testing::element;
using testing::flow;

namespace {

Model shop() {
    Model m;
    m.elements.push_back(element("api", ElementKind::Service, "orders", 4));
    m.elements.back().connectionsPerInstance = 10;
    m.elements.push_back(element("worker", ElementKind::Service, "billing"));
    m.elements.push_back(element("fn", ElementKind::Function, "orders", 50));
    m.elements.push_back(element("pool", ElementKind::Pooler, "orders", 2));
    m.elements.back().connectionsPerInstance = 25;
    m.elements.push_back(element("db", ElementKind::Store, "orders", {}, "postgresql"));
    m.elements.back().data = DataProfile{};
    m.elements.back().data->volumeGB = 100;
    m.elements.back().data->growthGBPerMonth = 5;
    m.elements.push_back(element("cache", ElementKind::Cache, "orders", {}, "redis"));
    m.flows.push_back(flow("f1", "api", "db", 800, 100, 3));
    m.flows.push_back(flow("f2", "worker", "db", {}, 50));
    m.flows.push_back(flow("f3", "fn", "pool", 100, 10));
    m.flows.push_back(flow("f4", "pool", "db", 100, 10));
    m.flows.push_back(flow("f5", "api", "cache", 3000, {}));
    return m;
}

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private slots:
    void sumsTheFlowsIntoAStore() {
        const auto result = analyse(shop(), builtinKnowledge());
        const Facts& db = *result.facts("db");
        QCOMPARE(*db.number("readsPerSecond"), 900.0);
        QCOMPARE(*db.number("writesPerSecond"), 160.0);
        QCOMPARE(*db.number("peakWritesPerSecond"), 100.0 * 3 + 50 + 10);
        QCOMPARE(*db.number("syncWritesPerSecond"), 160.0); // no style: sync
        // api x4, worker (assumed 1), and fn x50 behind the pooler: a pooler is not a writer.
        QCOMPARE(*db.number("writers"), 4.0 + 1 + 50);
        QCOMPARE(std::get<bool>(*db.find("instancesAssumed")), true);
        // api 4 x 10 + worker 1 x 1 + pool 2 x 25; the function sits behind the pooler.
        QCOMPARE(*db.number("connections"), 40.0 + 1 + 50);
        QCOMPARE(*db.number("functionConnections"), 0.0);
        QCOMPARE(std::get<bool>(*db.find("pooled")), true);
        QCOMPARE(*db.number("contextCount"), 2.0);
        QCOMPARE(std::get<std::vector<std::string>>(*db.find("writerContexts")),
                 (std::vector<std::string>{"billing", "orders"}));
        QCOMPARE(std::get<bool>(*db.find("readOffload")), true); // api also reads the cache
        QCOMPARE(*db.number("envelope.writesPerSecond.comfortable"), 1000.0);
    }

    void missingEstimatesStayMissing() {
        Model m = shop();
        m.flows = {flow("f1", "api", "db", {}, {})};
        m.elements[4].data = std::nullopt;
        const auto result = analyse(m, builtinKnowledge());
        const Facts& db = *result.facts("db");
        for (const char* name : {"readsPerSecond", "writesPerSecond", "writers", "readers",
                                 "volumeGB", "volumeAtHorizonGB", "durability", "queries"})
            QVERIFY2(!db.find(name), name);
        QVERIFY(db.find("connections")); // the api does connect
    }

    void scaleAndHorizon() {
        AnalysisOptions options;
        options.scale = 10;
        options.horizonMonths = 12;
        const auto result = analyse(shop(), builtinKnowledge(), options);
        const Facts& db = *result.facts("db");
        QCOMPARE(*db.number("writesPerSecond"), 1600.0);
        QCOMPARE(*db.number("volumeGB"), 1000.0);
        QCOMPARE(*db.number("volumeAtHorizonGB"), 1000.0 + 50 * 12);
        QCOMPARE(*db.number("writers"), 55.0); // instances are not scaled
    }

    void functionsWithoutPoolerAndTenants() {
        Model m;
        m.elements.push_back(element("fn", ElementKind::Function, {}, 100));
        m.elements.push_back(element("db", ElementKind::Store, {}, {}, "turso"));
        m.elements.back().data = DataProfile{};
        m.elements.back().data->tenants = 50;
        m.elements.back().data->volumeGB = 100;
        m.flows.push_back(flow("f", "fn", "db", 10, 500));
        const auto result = analyse(m, builtinKnowledge());
        const Facts& db = *result.facts("db");
        QCOMPARE(*db.number("functionConnections"), 100.0);
        QCOMPARE(*db.number("databases"), 50.0); // single-writer engine: one database per tenant
        QCOMPARE(*db.number("writesPerDatabase"), 10.0);
        QCOMPARE(*db.number("volumePerDatabaseGB"), 2.0);
    }

    // A pooler shares connections; it does not hide who uses the store: the contexts behind it
    // count (a shared database stays shared) and so do the processes behind it (its writers and
    // readers), while connections are the pooler's sessions. Editing a caller updates the store
    // one pooler further on.
    void contextsAreSeenThroughAPooler() {
        Model m;
        m.elements.push_back(element("orders-api", ElementKind::Service, "orders", 4));
        m.elements.push_back(element("catalog-api", ElementKind::Service, "catalog", 2));
        m.elements.push_back(element("pool", ElementKind::Pooler, "orders", 1));
        m.elements.push_back(element("db", ElementKind::Store, "orders", {}, "postgresql"));
        m.flows.push_back(flow("a", "orders-api", "pool", 100, 10));
        m.flows.push_back(flow("b", "catalog-api", "pool", 100, {}));
        m.flows.push_back(flow("c", "pool", "db", 200, 10));
        Analysis analysis(builtinKnowledge());
        analysis.reset(m);
        const Facts* db = analysis.result().facts("db");
        QCOMPARE(std::get<std::vector<std::string>>(*db->find("contexts")),
                 (std::vector<std::string>{"catalog", "orders"}));
        QCOMPARE(std::get<std::vector<std::string>>(*db->find("readerContexts")),
                 (std::vector<std::string>{"catalog", "orders"}));
        QCOMPARE(std::get<std::vector<std::string>>(*db->find("writerContexts")),
                 (std::vector<std::string>{"orders"}));
        QCOMPARE(*db->number("writers"), 4.0); // orders-api x4; catalog-api only reads
        QCOMPARE(*db->number("readers"), 6.0);
        QCOMPARE(*db->number("connections"), 1.0); // the pooler's one instance
        QCOMPARE(std::get<bool>(*db->find("pooled")), true);

        m.findElement("catalog-api")->context = "search";
        analysis.elementChanged(m, "catalog-api");
        db = analysis.result().facts("db");
        QCOMPARE(std::get<std::vector<std::string>>(*db->find("contexts")),
                 (std::vector<std::string>{"orders", "search"}));
        QCOMPARE(*db, *analyse(m, builtinKnowledge()).facts("db"));
        // More instances of a caller: more writers of the store behind the pooler.
        m.findElement("orders-api")->instances = 20;
        analysis.elementChanged(m, "orders-api");
        db = analysis.result().facts("db");
        QCOMPARE(*db->number("writers"), 20.0);
        QCOMPARE(*db, *analyse(m, builtinKnowledge()).facts("db"));
    }

    void streamConsumers() {
        Model m;
        m.elements.push_back(element("topic", ElementKind::Stream, {}, {}, "kafka"));
        m.elements.back().partitions = 6;
        m.elements.push_back(element("group-a", ElementKind::Service, {}, 12));
        m.elements.push_back(element("group-b", ElementKind::Service, {}, 3));
        m.flows.push_back(flow("a", "group-a", "topic", 100, {}));
        m.flows.push_back(flow("b", "topic", "group-b", {}, {}));
        const auto result = analyse(m, builtinKnowledge());
        const Facts& topic = *result.facts("topic");
        QCOMPARE(*topic.number("consumers"), 12.0);
        QCOMPARE(*topic.number("consumerGroups"), 2.0);
    }

    void incrementalEqualsFull() {
        testing::RandomModels random(20261125);
        auto pick = [&](std::size_t n) { return random.pick(n); };
        auto randomElement = [&](const std::string& id) { return random.element(id); };
        Model model;
        for (int i = 0; i < 30; ++i)
            model.elements.push_back(randomElement("e" + std::to_string(i)));
        auto randomFlow = [&](const std::string& id) { return random.flow(id, model); };
        for (int i = 0; i < 60; ++i)
            model.flows.push_back(randomFlow("f" + std::to_string(i)));

        AnalysisOptions options{3.0, 6.0};
        Analysis incremental(builtinKnowledge(), options);
        incremental.reset(model);
        int nextId = 1000;
        for (int step = 0; step < 400; ++step) {
            switch (pick(5)) {
            case 0: { // edit an element
                auto& e = model.elements[pick(model.elements.size())];
                const std::string id = e.id;
                e = randomElement(id);
                incremental.elementChanged(model, id);
                break;
            }
            case 1: { // edit a flow, endpoints included
                if (model.flows.empty()) break;
                auto& f = model.flows[pick(model.flows.size())];
                const std::string id = f.id;
                f = randomFlow(id);
                incremental.flowChanged(model, id);
                break;
            }
            case 2: { // add a flow
                const std::string id = "f" + std::to_string(nextId++);
                model.flows.push_back(randomFlow(id));
                incremental.flowChanged(model, id);
                break;
            }
            case 3: { // remove a flow
                if (model.flows.empty()) break;
                const std::size_t i = pick(model.flows.size());
                const std::string id = model.flows[i].id;
                model.flows.erase(model.flows.begin() + long(i));
                incremental.flowChanged(model, id);
                break;
            }
            case 4: { // add an element, or remove one with its flows
                if (pick(2) || model.elements.size() < 5) {
                    const std::string id = "e" + std::to_string(nextId++);
                    model.elements.push_back(randomElement(id));
                    incremental.elementChanged(model, id);
                } else {
                    const std::size_t i = pick(model.elements.size());
                    const std::string id = model.elements[i].id;
                    model.elements.erase(model.elements.begin() + long(i));
                    incremental.elementChanged(model, id);
                    std::vector<std::string> gone;
                    std::erase_if(model.flows, [&](const Flow& f) {
                        if (f.from != id && f.to != id) return false;
                        gone.push_back(f.id);
                        return true;
                    });
                    for (const auto& flowId : gone)
                        incremental.flowChanged(model, flowId);
                }
                break;
            }
            }
            const AnalysisResult full = analyse(model, builtinKnowledge(), options);
            if (!(incremental.result() == full)) {
                for (const auto& [id, facts] : full.elements) {
                    const Facts* mine = incremental.result().facts(id);
                    QVERIFY2(mine, id.c_str());
                    QVERIFY2(*mine == facts,
                             ("differs at step " + std::to_string(step) + " for " + id).c_str());
                }
                QVERIFY2(incremental.result().model == full.model, "model facts differ");
                QVERIFY2(incremental.result().elements.size() == full.elements.size(),
                         "element count differs");
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"

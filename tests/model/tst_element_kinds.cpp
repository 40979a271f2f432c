// The element-kind traits table (element_kinds.h): every kind has one row, its spelling reads
// and writes through the model JSON, and the traits the analysis and the templates use agree.
#include "plumbline/analysis.h"
#include "plumbline/element_kinds.h"
#include "plumbline/model_json.h"
#include "plumbline/report_text.h"

#include <QTest>
#include <cstdio>
#include <set>

using namespace plumb;

class TestElementKinds : public QObject {
    Q_OBJECT
private slots:
    void everyKindHasOneRowInEnumOrder() {
        QCOMPARE(spellings<ElementKind>().size(), kKindCount);
        std::set<std::string_view> spelled, colours;
        for (std::size_t i = 0; i < kKindCount; ++i) {
            const KindTraits& row = kKindTraits[i];
            QCOMPARE(static_cast<std::size_t>(row.kind), i);
            QCOMPARE(spelling(row.kind), row.spelling);
            QCOMPARE(fromString<ElementKind>(row.spelling), std::optional(row.kind));
            QVERIFY(!row.title.empty() && !row.hint.empty());
            QVERIFY(row.width > 0 && row.height > 0);
            spelled.insert(row.spelling);
            colours.insert(kindColourHex(row.kind));
        }
        QCOMPARE(spelled.size(), kKindCount);
        QCOMPARE(colours.size(), kKindCount); // kinds stay apart by colour
    }

    // The schema: each kind's spelling is read, and written back, by the model JSON.
    void everyKindRoundTripsThroughTheModelJson() {
        Model model;
        for (const KindTraits& row : kKindTraits) {
            Element e;
            e.id = std::string(row.spelling) + "-1";
            e.kind = row.kind;
            model.elements.push_back(e);
        }
        const std::string json = writeModelJson(model);
        for (const KindTraits& row : kKindTraits)
            QVERIFY(json.find("\"kind\": \"" + std::string(row.spelling) + "\"") !=
                    std::string::npos);
        const auto back = readModelJson(json, "kinds.json");
        QVERIFY(back.ok());
        QCOMPARE(back.model->elements.size(), kKindCount);
        for (std::size_t i = 0; i < kKindCount; ++i)
            QCOMPARE(back.model->elements[i].kind, kKindTraits[i].kind);
    }

    // One colour per kind in every output: the report's colour is the canvas's accent.
    void reportsUseTheCanvasColours() {
        QCOMPARE(std::string(kindColour(ElementKind::Stream)), std::string("#b02e7c"));
        for (const KindTraits& row : kKindTraits) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "#%06x", static_cast<unsigned>(row.colours.accent));
            QCOMPARE(std::string(kindColour(row.kind)), std::string(hex));
            QCOMPARE(kindTitle(row.kind), std::string(row.title));
        }
    }

    // Runtime kinds are those with instances and connections, and the ones the analysis
    // counts: a pooler included. Clients (whose reads a cache can serve) are a different set.
    void runtimeAndClientKinds() {
        std::set<ElementKind> runtime, clients, data;
        for (const KindTraits& row : kKindTraits) {
            if (row.runtime) runtime.insert(row.kind);
            if (row.client) clients.insert(row.kind);
            if (row.holdsData) data.insert(row.kind);
            QCOMPARE(holdsData(row.kind), row.holdsData);
            QVERIFY(!(row.runtime && row.holdsData));
            QVERIFY(!row.cacheFields || row.holdsData);
            QVERIFY(!row.logFields || row.holdsData);
        }
        QCOMPARE(runtime,
                 (std::set{ElementKind::Service, ElementKind::Function, ElementKind::Pooler}));
        QCOMPARE(clients,
                 (std::set{ElementKind::Actor, ElementKind::Service, ElementKind::Function}));
        QCOMPARE(data, (std::set{ElementKind::Store, ElementKind::Cache, ElementKind::Stream,
                                 ElementKind::Queue}));
    }

    // What the table says about a runtime kind is what the analysis uses: a pooler's instances
    // and connections are its sessions into the store.
    void theAnalysisCountsEveryRuntimeKindsConnections() {
        for (const KindTraits& row : kKindTraits) {
            Model model;
            Element source;
            source.id = "source";
            source.kind = row.kind;
            source.instances = 3;
            source.connectionsPerInstance = 5;
            Element store;
            store.id = "db";
            store.kind = ElementKind::Store;
            Flow flow;
            flow.id = "f";
            flow.from = "source";
            flow.to = "db";
            flow.writesPerSecond = 10;
            model.elements = {source, store};
            model.flows = {flow};
            const AnalysisResult result = analyse(model, builtinKnowledge());
            const auto connections = result.facts("db")->number("connections");
            if (row.runtime) {
                QVERIFY2(connections && *connections == 15.0, row.spelling.data());
            } else {
                QVERIFY2(!connections || *connections != 15.0, row.spelling.data());
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestElementKinds)
#include "tst_element_kinds.moc"

// draw.io import: every shared sample imports with a readable report and checks; shapes,
// icons, C4, containers, edges, positions and plumbline.* attributes map as the README says;
// export -> import gives the same model for every bundled example.
#include "plumbline/checker.h"
#include "plumbline/interop/drawio_export.h"
#include "plumbline/interop/import_report_text.h"
#include "plumbline/interop/importer.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"

#include <QDir>
#include <QTest>

using namespace plumb;
using namespace plumb::interop;

namespace {

// CI checks shared/ out beside the clone; a missing sample is a failure, not a skip.
const QString kSamples = QStringLiteral(PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/");

const KnowledgeBase& kb() {
    static const KnowledgeBase base = *loadKnowledge().knowledge;
    return base;
}

ImportResult importText(const std::string& text, const std::string& name = "test.drawio") {
    const Importer* importer = detectImporter(text);
    if (!importer) {
        ImportResult none;
        none.errors.push_back({name, "", "not detected", {}, {}});
        return none;
    }
    return importer->read({name, text, &kb()});
}

std::string wrap(const std::string& cells) {
    return "<mxfile><diagram name=\"P\" id=\"p\"><mxGraphModel><root><mxCell id=\"0\"/>"
           "<mxCell id=\"1\" parent=\"0\"/>" +
           cells + "</root></mxGraphModel></diagram></mxfile>";
}

std::string vertex(const std::string& id, const std::string& label, const std::string& style,
                   const std::string& parent = "1", int x = 0, int y = 0) {
    return "<mxCell id=\"" + id + "\" value=\"" + label + "\" style=\"" + style +
           "\" vertex=\"1\" parent=\"" + parent + "\"><mxGeometry x=\"" + std::to_string(x) +
           "\" y=\"" + std::to_string(y) +
           "\" width=\"100\" height=\"60\" as=\"geometry\"/></mxCell>";
}

std::string edge(const std::string& id, const std::string& from, const std::string& to,
                 const std::string& label = "", const std::string& style = "") {
    return "<mxCell id=\"" + id + "\" value=\"" + label + "\" style=\"" + style +
           "\" edge=\"1\" parent=\"1\" source=\"" + from + "\" target=\"" + to +
           "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
}

const Element* byName(const Model& m, const std::string& name) {
    for (const Element& e : m.elements)
        if (e.name == name) return &e;
    return nullptr;
}

bool reportHas(const ImportResult& r, const std::string& text) {
    for (const ImportNote& n : r.report.notes)
        if (n.text.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

class TestImportDrawio : public QObject {
    Q_OBJECT

private slots:
    void everySampleImportsAndChecks_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(kSamples + "drawio");
        const auto files = dir.entryList({"*.drawio"}, QDir::Files);
        QVERIFY2(files.size() >= 7, "the shared draw.io samples are missing");
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everySampleImportsAndChecks() {
        QFETCH(QString, file);
        auto loaded = loadAnyModel(file.toStdString(), &kb());
        QVERIFY2(loaded.ok(),
                 loaded.errors.empty() ? "" : loaded.errors.front().toString().c_str());
        QVERIFY(loaded.import);
        QCOMPARE(loaded.import->format, std::string("drawio"));
        const Model& m = loaded.project->model;
        QVERIFY(!m.elements.empty());
        QCOMPARE(m.layout.empty(), false);
        // Every element says where it came from; the report names every element.
        const std::string text = importReportText(*loaded.import, &m);
        for (const Element& e : m.elements) {
            QVERIFY(e.extra.contains("source"));
            QVERIFY2(text.find(e.id) != std::string::npos, e.id.c_str());
        }
        // It checks: no input errors, the model is valid JSON again.
        auto again = readModelJson(writeModelJson(m), "again.json");
        QVERIFY2(again.ok(), again.errors.empty() ? "" : again.errors.front().toString().c_str());
        (void)check(m, kb(), {});
    }

    void awsIconsMapToKindsAndTechnologies() {
        auto loaded = loadAnyModel((kSamples + "drawio/startleft-aws.drawio").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        const Element* audit = byName(m, "Audit DB");
        QVERIFY(audit);
        QCOMPARE(audit->kind, ElementKind::Store);
        QCOMPARE(audit->technology.value_or(""), std::string("dynamodb"));
        QCOMPARE(byName(m, "Audit msg")->kind, ElementKind::Queue);
        QCOMPARE(byName(m, "lambda p1")->kind, ElementKind::Function);
        QCOMPARE(byName(m, "Files S3")->kind, ElementKind::Store);
        QCOMPARE(byName(m, "Android client")->kind, ElementKind::Actor);
        QCOMPARE(audit->extra["source"]["format"].get<std::string>(), std::string("drawio"));
    }

    void awsRdsInCompressedPage() {
        auto loaded =
            loadAnyModel((kSamples + "drawio/aws-saas-example.drawio").toStdString(), &kb());
        QVERIFY(loaded.ok());
        int stores = 0;
        for (const Element& e : loaded.project->model.elements)
            stores += e.kind == ElementKind::Store;
        QVERIFY(stores >= 2); // RDS master and slave (and S3)
    }

    void c4DatabaseWithTechnologyAndLegendDropped() {
        auto loaded = loadAnyModel((kSamples + "drawio/C4.drawio").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        bool influx = false;
        for (const Element& e : m.elements) {
            QVERIFY2(e.name != "name", "legend template shapes must be dropped");
            if (e.kind == ElementKind::Store && e.technology == "influxdb") influx = true;
        }
        QVERIFY(influx);
        QCOMPARE(byName(m, "Support Staff")->kind, ElementKind::Actor);
        bool legendNoted = false;
        for (const ImportNote& n : loaded.import->notes)
            legendNoted |= n.text.find("legend") != std::string::npos;
        QVERIFY(legendNoted);
    }

    void dataFlowDiagramStoresAndTurnedFlows() {
        auto loaded = loadAnyModel((kSamples + "drawio/data-flow.drawio").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        const Element* accounts = byName(m, "Accounts Database");
        QVERIFY(accounts);
        QCOMPARE(accounts->kind, ElementKind::Store);
        for (const Flow& f : m.flows) {
            const Element* from = m.findElement(f.from);
            const Element* to = m.findElement(f.to);
            QVERIFY(from && to);
            QVERIFY2(!(holdsData(from->kind) && !holdsData(to->kind)), f.id.c_str());
        }
        auto habits = loadAnyModel((kSamples + "drawio/habit-tracker.drawio").toStdString(), &kb());
        QVERIFY(habits.ok());
        QCOMPARE(byName(habits.project->model, "User database")->kind, ElementKind::Store);
    }

    void containersBecomeContextsWhereTheyHoldElements() {
        const std::string text = wrap(vertex("lane", "Ordering", "swimlane;", "1", 0, 0) +
                                      vertex("api", "Orders API", "rounded=1;", "lane", 10, 30) +
                                      vertex("db", "Orders", "shape=cylinder3;", "lane", 150, 30) +
                                      vertex("empty", "Nothing here", "swimlane;", "1", 600, 0) +
                                      edge("e1", "api", "db", "writes orders"));
        auto r = importText(text);
        QVERIFY(r.ok());
        const Model& m = *r.model;
        QCOMPARE(m.contexts.size(), std::size_t(1));
        QCOMPARE(m.contexts[0].name.value_or(""), std::string("Ordering"));
        QCOMPARE(byName(m, "Orders API")->context.value_or(""), m.contexts[0].id);
        QCOMPARE(byName(m, "Orders")->kind, ElementKind::Store);
        QVERIFY(reportHas(r, "store: cylinder3 shape"));
        QVERIFY(reportHas(r, "holds no elements"));
        // Positions are absolute: the child's geometry is relative to the swimlane.
        const LayoutBox* box = m.findLayout(byName(m, "Orders")->id);
        QVERIFY(box);
        QCOMPARE(*box->x, 150.0);
        QCOMPARE(*box->y, 30.0);
        QCOMPARE(m.flows.size(), std::size_t(1));
        QCOMPARE(m.flows[0].description.value_or(""), std::string("writes orders"));
    }

    void workloadAttributesAreRead() {
        const std::string text = wrap(
            vertex("a", "API", "rounded=1;") +
            "<object id=\"d\" label=\"Orders DB\" plumbline.volumeGB=\"250\" "
            "plumbline.technology=\"postgresql\"><mxCell style=\"shape=cylinder;\" vertex=\"1\" "
            "parent=\"1\"><mxGeometry x=\"200\" width=\"80\" height=\"60\" as=\"geometry\"/>"
            "</mxCell></object>"
            "<object id=\"e\" label=\"async events\" plumbline.writesPerSecond=\"120\" "
            "plumbline.readsPerSecond=\"800\"><mxCell edge=\"1\" parent=\"1\" source=\"a\" "
            "target=\"d\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell></object>");
        auto r = importText(text);
        QVERIFY2(r.ok(), r.errors.empty() ? "" : r.errors.front().toString().c_str());
        const Element* db = byName(*r.model, "Orders DB");
        QCOMPARE(db->data->volumeGB.value_or(-1), 250.0);
        QCOMPARE(db->technology.value_or(""), std::string("postgresql"));
        QCOMPARE(r.model->flows[0].writesPerSecond.value_or(-1), 120.0);
        QCOMPARE(r.model->flows[0].readsPerSecond.value_or(-1), 800.0);
        QCOMPARE(r.model->flows[0].style, std::optional<FlowStyle>(FlowStyle::Async));
    }

    void badWorkloadAttributeIsOneErrorAtItsCell() {
        const std::string text =
            wrap("<object id=\"d\" label=\"Orders DB\" plumbline.volumeGB=\"lots\"><mxCell "
                 "style=\"shape=cylinder;\" vertex=\"1\" parent=\"1\"><mxGeometry as=\"geometry\"/>"
                 "</mxCell></object>");
        auto r = importText(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), std::size_t(1));
        const std::string message = r.errors.front().toString();
        QVERIFY2(message.find("line 1") != std::string::npos, message.c_str());
        QVERIFY2(message.find("plumbline.data.volumeGB") != std::string::npos, message.c_str());
    }

    void htmlLabelsAreStripped() {
        auto r = importText(wrap(vertex(
            "a", "&lt;b&gt;Billing&lt;/b&gt;&lt;br&gt;Service&amp;nbsp;", "html=1;rounded=1;")));
        QVERIFY(r.ok());
        QCOMPARE(r.model->elements[0].name.value_or(""), std::string("Billing Service"));
    }

    void technologyFromLabel() {
        auto r = importText(wrap(vertex("a", "RDS Postgres", "shape=cylinder;")));
        QVERIFY(r.ok());
        QCOMPARE(r.model->elements[0].technology.value_or(""), std::string("postgresql"));
        QVERIFY(reportHas(r, "technology postgresql: from label 'RDS Postgres'"));
    }

    void plainMxGraphModelIsRead() {
        auto r =
            importText("<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>" +
                       vertex("q", "Orders queue", "rounded=1;") + "</root></mxGraphModel>");
        QVERIFY(r.ok());
        QCOMPARE(r.model->elements[0].kind, ElementKind::Queue);
    }

    void exportThenImportGivesTheSameModel_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(PLUMBLINE_SOURCE_DIR "/resources/examples"));
        for (const QString& f : dir.entryList({"*.json"}, QDir::Files))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void exportThenImportGivesTheSameModel() {
        QFETCH(QString, file);
        auto loaded = loadProjectOrModel(file.toStdString());
        QVERIFY(loaded.ok());
        const Model& original = loaded.project->model;
        const std::string drawio = writeDrawio(original);
        auto r = importText(drawio, "export.drawio");
        QVERIFY2(r.ok(), r.errors.empty() ? "" : r.errors.front().toString().c_str());
        Model back = *r.model;
        if (!original.present.layout) {
            QCOMPARE(back.layout.size(), original.elements.size() + original.contexts.size());
            back.layout = original.layout;
            back.present.layout = original.present.layout;
        }
        QCOMPARE(writeModelJson(back), writeModelJson(original));
        QVERIFY(back == original);
        // The file is a plain mxfile with cylinders for stores and numbers as attributes.
        QVERIFY(drawio.starts_with("<mxfile"));
        QVERIFY(drawio.find("shape=cylinder3") != std::string::npos);
        QVERIFY(drawio.find("plumbline.writesPerSecond=") != std::string::npos);
    }

    void exportOfAModelWithLayoutKeepsIt() {
        Model m;
        m.elements.push_back({});
        m.elements[0].id = "db";
        m.elements[0].kind = ElementKind::Store;
        m.layout.push_back({"db", 12.5, 40, 160, 80, Json::object()});
        m.present.layout = true;
        auto r = importText(writeDrawio(m), "x.drawio");
        QVERIFY(r.ok());
        QVERIFY(*r.model == m);
    }
};

QTEST_APPLESS_MAIN(TestImportDrawio)
#include "tst_import_drawio.moc"

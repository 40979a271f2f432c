// Structurizr import (DSL and workspace JSON) on the real workspaces in
// ../shared/interop-samples/structurizr: every one imports with a report, the model checks
// without input errors, and Big Bank's Oracle database is a store on oracle in its context.
#include "model_helpers.h"
#include "plumbline/checker.h"
#include "plumbline/interop/importer.h"
#include "plumbline/interop/structurizr.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <QtTest>
#include <filesystem>

using namespace plumb;
using namespace plumb::interop;

namespace {

// CI checks shared/ out beside the clone; a missing sample is a failure, not a skip.
const std::string kSamples = PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/structurizr";

ImportResult importFile(const std::string& path, std::string& content) {
    content = testing::readText(path);
    const Importer* importer = detectImporter(content);
    if (!importer) {
        ImportResult none;
        none.errors.push_back({path, {}, "no importer recognised it", {}, {}});
        return none;
    }
    return importer->read({path, content, &builtinKnowledge()});
}

std::string reportText(const ImportReport& report) {
    std::string out;
    for (const ImportNote& n : report.notes)
        out += n.text + "\n";
    return out;
}

const Element* bySourceId(const Model& model, const std::string& id) {
    for (const Element& e : model.elements)
        if (e.extra.contains("source") && e.extra["source"].value("id", "") == id) return &e;
    return nullptr;
}

const Element* byName(const Model& model, const std::string& name) {
    for (const Element& e : model.elements)
        if (e.name == name) return &e;
    return nullptr;
}

} // namespace

class TestImportStructurizr : public QObject {
    Q_OBJECT

private slots:
    void everySampleImportsAndChecks_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        for (const auto& entry : std::filesystem::directory_iterator(kSamples)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".dsl" && ext != ".json")) continue;
            QTest::newRow(entry.path().filename().c_str())
                << QString::fromStdString(entry.path().string())
                << (ext == ".dsl" ? "structurizr-dsl" : "structurizr-json");
        }
    }

    void everySampleImportsAndChecks() {
        QFETCH(QString, file);
        QFETCH(QString, format);
        std::string content;
        const ImportResult result = importFile(file.toStdString(), content);
        QVERIFY2(result.ok(),
                 result.errors.empty() ? "no model" : result.errors[0].toString().c_str());
        QCOMPARE(QString::fromStdString(result.report.format), format);
        QVERIFY(!result.model->elements.empty());
        // Every element is in the report, and the report says what each became.
        for (const Element& e : result.model->elements) {
            bool mentioned = false;
            for (const ImportNote& n : result.report.notes)
                mentioned = mentioned || n.element == e.id;
            QVERIFY2(mentioned, e.id.c_str());
            QVERIFY(e.extra.contains("source"));
        }
        // The model is valid as the contract says and the checker runs on it.
        const ModelReadResult again = readModelJson(writeModelJson(*result.model), "again.json");
        QVERIFY2(again.ok(), again.errors.empty() ? "" : again.errors[0].toString().c_str());
        QCOMPARE(*again.model, *result.model);
        const CheckResult checked = check(*result.model, builtinKnowledge());
        Q_UNUSED(checked);
        qInfo().noquote() << file.section('/', -1) << ":" << result.model->elements.size()
                          << "elements," << result.model->contexts.size() << "contexts,"
                          << result.model->flows.size() << "flows," << checked.findings.size()
                          << "findings";
    }

    void bigBankOracleIsAStoreInItsContext_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("dsl") << "big-bank-plc-workspace.dsl";
        QTest::newRow("json") << "big-bank-plc-workspace.json";
    }

    void bigBankOracleIsAStoreInItsContext() {
        QFETCH(QString, file);
        std::string content;
        const ImportResult result = importFile(kSamples + "/" + file.toStdString(), content);
        QVERIFY(result.ok());
        const Model& model = *result.model;
        const Element* database = byName(model, "Database");
        QVERIFY(database);
        QCOMPARE(database->kind, ElementKind::Store);
        QCOMPARE(database->technology.value_or(""), std::string("oracle"));
        QVERIFY(database->context);
        const Context* context = model.findContext(*database->context);
        QVERIFY(context);
        QCOMPARE(context->name.value_or(""), std::string("Internet Banking System"));
        const std::string report = reportText(result.report);
        QVERIFY2(report.find("-> store: tagged 'Database'") != std::string::npos, report.c_str());
        QVERIFY2(report.find("technology oracle: from 'Oracle Database Schema'") !=
                     std::string::npos,
                 report.c_str());
        // The API Application's components keep the flow to the database.
        bool flowIn = false;
        for (const Flow& f : model.flows)
            flowIn = flowIn || f.to == database->id;
        QVERIFY(flowIn);
        // A person is an actor; the mainframe (an existing system) is external.
        QCOMPARE(byName(model, "Personal Banking Customer")->kind, ElementKind::Actor);
        QCOMPARE(byName(model, "Mainframe Banking System")->kind, ElementKind::External);
        if (file.endsWith(".dsl")) QVERIFY(bySourceId(model, "database"));
    }

    void microservicesArchetypesAndGroups() {
        std::string content;
        const ImportResult result = importFile(kSamples + "/microservices-workspace.dsl", content);
        QVERIFY(result.ok());
        const Model& model = *result.model;
        int stores = 0;
        for (const Element& e : model.elements)
            if (e.kind == ElementKind::Store) {
                ++stores;
                QCOMPARE(e.technology.value_or(""), std::string("mysql"));
                QVERIFY(e.tags && std::ranges::count(*e.tags, "Datastore") == 1);
                QVERIFY(e.context);
                // Each microservice group is the context of its API and its database.
                QVERIFY2(model.findContext(*e.context)->name->starts_with("Service "),
                         e.context->c_str());
            }
        QCOMPARE(stores, 8);
        const Element* api = byName(model, "Service 1 API");
        QVERIFY(api);
        QCOMPARE(api->technology.value_or(""), std::string("Java and Spring Boot"));
        QCOMPARE(api->context, byName(model, "Service 1 Database Schema")->context);
    }

    void nxAndAngularWorkspacesAreNotStructurizr_data() {
        QTest::addColumn<QString>("content");
        QTest::newRow("nx") << R"({"version": 2, "projects": {"app": "apps/app",
                                   "model": {"root": "libs/model"}}})";
        QTest::newRow("angular")
            << R"({"$schema": "./node_modules/@angular/cli/lib/config/schema.json",
            "version": 1, "newProjectRoot": "projects", "projects": {"model": {"projectType":
            "library", "root": "projects/model"}}})";
        QTest::newRow("model-without-people") << R"({"model": {"root": "x"}})";
    }

    void nxAndAngularWorkspacesAreNotStructurizr() {
        QFETCH(QString, content);
        const std::string text = content.toStdString();
        QVERIFY(!isStructurizrJson(text));
        QVERIFY(!isStructurizrDsl(text));
        QVERIFY(!detectImporter(text));
        const ImportResult result = readStructurizrJson({"workspace.json", text, nullptr});
        QVERIFY(!result.ok());
        QCOMPARE(result.errors.size(), std::size_t(1));
        QVERIFY(result.errors[0].message.starts_with("not a Structurizr workspace"));
    }

    void detectionIsByContent() {
        QVERIFY(isStructurizrDsl("// a comment\n\n/* block\n*/\nworkspace {\n}"));
        QVERIFY(isStructurizrDsl("\xEF\xBB\xBFworkspace \"Name\" {\n}"));
        QVERIFY(!isStructurizrDsl("{\"model\": {}}"));
        QVERIFY(!isStructurizrDsl("<mxfile></mxfile>"));
        QVERIFY(isStructurizrJson(R"({"name": "W", "model": {"people": []}, "views": {}})"));
        QVERIFY(!isStructurizrJson(R"({"format": "plumbline-model", "version": 1})"));
    }

    void hostileJsonIsRefusedWithOneError() {
        const std::string whole = testing::readText(kSamples + "/big-bank-plc-workspace.json");
        for (std::size_t cut = 1; cut < whole.size(); cut += 4999) {
            const ImportResult r = readStructurizrJson({"bb.json", whole.substr(0, cut), nullptr});
            QVERIFY(!r.ok());
            QCOMPARE(r.errors.size(), std::size_t(1));
            QVERIFY2(r.errors[0].line, r.errors[0].toString().c_str());
        }
        std::string deep = "{\"model\": {\"people\": ";
        deep += std::string(100000, '[');
        const ImportResult nested = readStructurizrJson({"deep.json", deep, nullptr});
        QCOMPARE(nested.errors.size(), std::size_t(1));
        QVERIFY(!isStructurizrJson(deep));
        const ImportResult utf8 = readStructurizrJson(
            {"bad.json", "{\"model\": {\"people\": [{\"id\": \"1\", \"name\": \"\xff\"}]}}",
             nullptr});
        QCOMPARE(utf8.errors.size(), std::size_t(1));
    }

    void jsonPropertiesCarryWorkloads() {
        const std::string text = testing::readText(testing::dataPath("structurizr/workloads.json"));
        QVERIFY(isStructurizrJson(text));
        const ImportResult r = readStructurizrJson({"w.json", text, &builtinKnowledge()});
        QVERIFY2(r.ok(), r.errors.empty() ? "" : r.errors[0].toString().c_str());
        const Element* db = byName(*r.model, "Orders DB");
        QVERIFY(db);
        QCOMPARE(db->kind, ElementKind::Store);
        QCOMPARE(db->technology.value_or(""), std::string("postgresql"));
        QCOMPARE(db->data->volumeGB, Number(40));
        QCOMPARE(r.model->findContext(*db->context)->name.value_or(""), std::string("Billing"));
        QCOMPARE(r.model->flows.size(), std::size_t(2));
        for (const Flow& f : r.model->flows)
            if (f.to == db->id) {
                QCOMPARE(f.writesPerSecond, Number(75));
                QCOMPARE(f.style, std::optional(FlowStyle::Async));
            }
        std::string bad = text;
        bad.replace(bad.find("\"40\""), 4, "\"-4\"");
        const ImportResult refused = readStructurizrJson({"w.json", bad, nullptr});
        QCOMPARE(refused.errors.size(), std::size_t(1));
        QCOMPARE(
            refused.errors[0].path,
            std::string("/model/softwareSystems/0/containers/1/properties/plumbline.volumeGB"));
        QVERIFY(refused.errors[0].message.find("non-negative number, got '-4'") !=
                std::string::npos);
    }

    void windowsLineEndingsReadTheSame() {
        const std::string lf = testing::readText(kSamples + "/big-bank-plc-workspace.dsl");
        std::string crlf;
        for (char c : lf) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        const ImportResult a = readStructurizrDsl({"bb.dsl", lf, &builtinKnowledge()});
        const ImportResult b = readStructurizrDsl({"bb.dsl", crlf, &builtinKnowledge()});
        QVERIFY2(b.ok(), b.errors.empty() ? "" : b.errors[0].toString().c_str());
        QCOMPARE(writeModelJson(*b.model), writeModelJson(*a.model));
    }

    void withoutKnowledgeTechnologyIsKeptAsWritten() {
        const std::string content = testing::readText(kSamples + "/big-bank-plc-workspace.dsl");
        const ImportResult result = readStructurizrDsl({"bb.dsl", content, nullptr});
        QVERIFY(result.ok());
        const Element* database = byName(*result.model, "Database");
        QCOMPARE(database->kind, ElementKind::Store);
        QCOMPARE(database->technology.value_or(""), std::string("Oracle Database Schema"));
        QVERIFY(reportText(result.report).find("kept as written") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestImportStructurizr)
#include "tst_import_structurizr.moc"

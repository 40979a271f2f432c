// OWASP Threat Dragon v2 and Open Threat Model import: every shared sample imports, checks and
// reports; data direction becomes "from initiates"; trust boundaries become contexts.
#include "plumbline/checker.h"
#include "plumbline/interop/import_report_text.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"
#include "plumbline/report.h"

#include <QDir>
#include <QTest>

using namespace plumb;
using namespace plumb::interop;

namespace {

const QString kSamples = QStringLiteral(PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/");

const KnowledgeBase& kb() {
    static const KnowledgeBase base = *loadKnowledge().knowledge;
    return base;
}

const Element* byName(const Model& m, const std::string& name) {
    for (const Element& e : m.elements)
        if (e.name == name) return &e;
    return nullptr;
}

const Flow* flowBetween(const Model& m, const std::string& from, const std::string& to) {
    for (const Flow& f : m.flows)
        if (f.from == from && f.to == to) return &f;
    return nullptr;
}

} // namespace

class TestImportThreatModels : public QObject {
    Q_OBJECT

private slots:
    void everySampleImportsChecksAndReports_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        for (const char* folder : {"threat-dragon", "otm"}) {
            const QDir dir(kSamples + folder);
            const auto files = dir.entryList({"*.json"}, QDir::Files);
            QVERIFY2(!files.isEmpty(), "the shared samples are missing");
            for (const QString& f : files)
                QTest::newRow(qPrintable(f)) << dir.filePath(f) << QString(folder);
        }
    }
    void everySampleImportsChecksAndReports() {
        QFETCH(QString, file);
        QFETCH(QString, format);
        auto loaded = loadAnyModel(file.toStdString(), &kb());
        QVERIFY2(loaded.ok(),
                 loaded.errors.empty() ? "" : loaded.errors.front().toString().c_str());
        QVERIFY(loaded.import);
        QCOMPARE(QString::fromStdString(loaded.import->format), format);
        const Model& m = loaded.project->model;
        QVERIFY(!m.elements.empty());
        const std::string text = importReportText(*loaded.import, &m);
        QVERIFY(text.find("initiat") != std::string::npos || m.flows.empty());
        for (const Element& e : m.elements)
            QVERIFY2(text.find(e.id) != std::string::npos, e.id.c_str());
        auto again = readModelJson(writeModelJson(m), "again.json");
        QVERIFY2(again.ok(), again.errors.empty() ? "" : again.errors.front().toString().c_str());
        (void)check(m, kb(), {});
        const Report report = buildReport(m, kb(), {});
        QVERIFY(!writeReportHtml(report).empty());
    }

    void threatDragonFlowsReadStoresFromTheProcess() {
        auto loaded =
            loadAnyModel((kSamples + "threat-dragon/v2-threat-model.json").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        const Element* web = byName(m, "Web Application");
        const Element* db = byName(m, "Database");
        const Element* queue = byName(m, "Message Queue");
        QVERIFY(web && db && queue);
        QCOMPARE(db->kind, ElementKind::Store);
        QCOMPARE(queue->kind, ElementKind::Queue);
        // "Queries" web -> db and "Web App Query Results" db -> web: one flow web -> db.
        QVERIFY(flowBetween(m, web->id, db->id));
        QVERIFY(!flowBetween(m, db->id, web->id));
        for (const Flow& f : m.flows)
            QVERIFY2(!holdsData(m.findElement(f.from)->kind) ||
                         holdsData(m.findElement(f.to)->kind),
                     f.id.c_str());
    }

    void threatDragonTrustBoundaryBoxesBecomeContexts() {
        auto loaded =
            loadAnyModel((kSamples + "threat-dragon/online-game.json").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        QVERIFY(!m.contexts.empty());
        int inContext = 0;
        for (const Element& e : m.elements)
            inContext += e.context.has_value();
        QVERIFY(inContext > 0);
    }

    void threatDragonStoreTechnologyFromName() {
        auto loaded = loadAnyModel(
            (kSamples + "threat-dragon/cryptocurrency-wallet.json").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Element* mongo = byName(loaded.project->model, "MongoDB");
        QVERIFY(mongo);
        QCOMPARE(mongo->technology.value_or(""), std::string("mongodb"));
        const Element* mysql = byName(loaded.project->model, "MySQL user & config");
        QVERIFY(mysql);
        QCOMPARE(mysql->technology.value_or(""), std::string("mysql"));
    }

    void otmComponentsZonesAndRequestResponsePairs() {
        auto loaded = loadAnyModel((kSamples + "otm/mobile-cloud.otm.json").toStdString(), &kb());
        QVERIFY(loaded.ok());
        const Model& m = loaded.project->model;
        const Element* pg = byName(m, "Accounting PostgreSQL");
        QVERIFY(pg);
        QCOMPARE(pg->kind, ElementKind::Store);
        QCOMPARE(pg->technology.value_or(""), std::string("postgresql"));
        QVERIFY(pg->context);
        const Element* api = byName(m, "Public API v2");
        QVERIFY(flowBetween(m, api->id, pg->id));
        QVERIFY(!flowBetween(m, pg->id, api->id));

        auto example = loadAnyModel((kSamples + "otm/EXAMPLE.otm.json").toStdString(), &kb());
        QVERIFY(example.ok());
        const Element* customers = byName(example.project->model, "Customer Database");
        QVERIFY(customers);
        QCOMPARE(customers->kind, ElementKind::Store);
        QCOMPARE(customers->technology.value_or(""), std::string("postgresql"));
        QCOMPARE(example.project->model.contexts.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestImportThreatModels)
#include "tst_import_threat_models.moc"

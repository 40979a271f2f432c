// The .plumb project file: lossless, refuses what is not ours, migrates, and saves atomically.
#include "model_helpers.h"
#include "plumbline/model_files.h"
#include "plumbline/project_file.h"
#include "project_schema.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fstream>
#include <random>
#include <unistd.h>

using namespace plumb;

class TestProjectFile : public QObject {
    Q_OBJECT
private slots:
    void jsonToProjectToJsonIsIdentical_data();
    void jsonToProjectToJsonIsIdentical();
    void keepsFindingStatus();
    void refusesWhatIsNotAProject_data();
    void refusesWhatIsNotAProject();
    void refusesANewerSchema();
    void refusesViewsInPlaceOfTables();
    void migratesAnOlderSchema();
    void damagedRowIsNamed();
    void failedSaveKeepsThePreviousFile();

private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }
};

void TestProjectFile::jsonToProjectToJsonIsIdentical_data() {
    QTest::addColumn<QString>("file");
    for (const auto& file : testing::exampleFiles())
        QTest::newRow(file.c_str()) << QString::fromStdString(file);
    QTest::newRow("unknown-fields")
        << QString::fromStdString(testing::dataPath("model/unknown-fields.json"));
}

void TestProjectFile::jsonToProjectToJsonIsIdentical() {
    QFETCH(QString, file);
    const std::string original = testing::readText(file.toStdString());
    Project project{testing::readModelOrFail(file.toStdString()), {}};
    QVERIFY(!saveProject(path("roundtrip.plumb"), project));
    auto loaded = loadProject(path("roundtrip.plumb"));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.errors.front().toString().c_str());
    QVERIFY(loaded.project->model == project.model);
    QVERIFY(testing::sameJson(original, writeModelJson(loaded.project->model)));
}

void TestProjectFile::keepsFindingStatus() {
    Project project{testing::readModelOrFail(testing::examplePath("ecommerce-platform.json")), {}};
    project.findingStatuses.push_back({"shared-store", "orders-db", "acknowledged",
                                       "reviewed on 2026-11-20", "2026-11-20T10:00:00Z"});
    QVERIFY(!saveProject(path("status.plumb"), project));
    auto loaded = loadProject(path("status.plumb"));
    QVERIFY(loaded.ok());
    QVERIFY(*loaded.project == project);
}

void TestProjectFile::refusesWhatIsNotAProject_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    std::mt19937 random(7);
    QByteArray noise(64 * 1024, 0);
    for (auto& b : noise)
        b = static_cast<char>(random());
    QTest::newRow("random bytes") << noise << "not a Plumbline project";
    QTest::newRow("empty file") << QByteArray() << "not a Plumbline project";
    QTest::newRow("json inside") << QByteArray(R"({"format":"plumbline-model"})")
                                 << "not a Plumbline project";
}

void TestProjectFile::refusesWhatIsNotAProject() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const std::string file = path("bad.plumb");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.constData(), bytes.size());
    }
    auto loaded = loadProject(file);
    QVERIFY(!loaded.ok());
    QCOMPARE(QString::fromStdString(loaded.errors[0].file), QString::fromStdString(file));
    QVERIFY2(QString::fromStdString(loaded.errors[0].message).contains(expected),
             loaded.errors[0].toString().c_str());
}

void TestProjectFile::refusesANewerSchema() {
    QVERIFY(!saveProject(path("newer.plumb"), Project{}));
    {
        SQLite::Database db(path("newer.plumb"), SQLite::OPEN_READWRITE);
        db.exec("UPDATE plumbline_schema SET version = 99");
    }
    auto loaded = loadProject(path("newer.plumb"));
    QVERIFY(!loaded.ok());
    QVERIFY(QString::fromStdString(loaded.errors[0].message).contains("newer Plumbline"));
}

void TestProjectFile::refusesViewsInPlaceOfTables() {
    QVERIFY(!saveProject(
        path("crafted.plumb"),
        Project{testing::readModelOrFail(testing::examplePath("iot-telemetry.json")), {}}));
    {
        SQLite::Database db(path("crafted.plumb"), SQLite::OPEN_READWRITE);
        db.exec("ALTER TABLE elements RENAME TO elements_real");
        db.exec("CREATE VIEW elements AS SELECT * FROM elements_real");
        db.exec("CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM flows; END");
    }
    auto loaded = loadProject(path("crafted.plumb"));
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.errors[0].message).contains("is a view"),
             loaded.errors[0].toString().c_str());
}

void TestProjectFile::migratesAnOlderSchema() {
    Project project{testing::readModelOrFail(testing::examplePath("ecommerce-platform.json")), {}};
    QVERIFY(!saveProject(path("v1.plumb"), project));
    { // turn it into a version-1 file: no finding_status or history yet
        SQLite::Database db(path("v1.plumb"), SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE finding_status");
        db.exec("DROP TABLE history");
        db.exec("UPDATE plumbline_schema SET version = 1");
    }
    const std::string before = testing::readText(path("v1.plumb"));
    auto loaded = loadProject(path("v1.plumb"));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.errors.front().toString().c_str());
    QVERIFY(loaded.project->model == project.model);
    QCOMPARE(testing::readText(path("v1.plumb")), before); // reading never writes
    QVERIFY(!saveProject(path("v1.plumb"), *loaded.project));
    SQLite::Database db(path("v1.plumb"), SQLite::OPEN_READONLY);
    QCOMPARE(detail::schemaVersion(db).value_or(0), project_schema::kCurrentVersion);
}

void TestProjectFile::damagedRowIsNamed() {
    QVERIFY(!saveProject(
        path("damaged.plumb"),
        Project{testing::readModelOrFail(testing::examplePath("iot-telemetry.json")), {}}));
    {
        SQLite::Database db(path("damaged.plumb"), SQLite::OPEN_READWRITE);
        db.exec("UPDATE elements SET body = '{\"id\": \"lake\", \"kind\": ' WHERE id = 'lake'");
    }
    auto loaded = loadProject(path("damaged.plumb"));
    QVERIFY(!loaded.ok());
    QVERIFY2(QString::fromStdString(loaded.errors[0].message).contains("elements row"),
             loaded.errors[0].toString().c_str());
}

void TestProjectFile::failedSaveKeepsThePreviousFile() {
    const std::string file = path("keep.plumb");
    Project original{testing::readModelOrFail(testing::examplePath("iot-telemetry.json")), {}};
    QVERIFY(!saveProject(file, original));
    // Block the side file the save writes first with a non-empty folder of the same name:
    // the save must fail cleanly (works as root too, unlike permission tricks).
    const std::string blocker = file + ".saving-" + std::to_string(::getpid());
    QVERIFY(QDir().mkpath(QString::fromStdString(blocker)));
    { std::ofstream(blocker + "/occupied") << "x"; }
    Project changed = original;
    changed.model.name = "changed";
    auto err = saveProject(file, changed);
    QVERIFY(err);
    QCOMPARE(err->file, file);
    QVERIFY2(QString::fromStdString(err->message).contains("previous file is unchanged"),
             err->toString().c_str());
    auto loaded = loadProject(file);
    QVERIFY(loaded.ok());
    QVERIFY(loaded.project->model == original.model);
    QDir(QString::fromStdString(blocker)).removeRecursively();
    QVERIFY(!saveProject(file, changed)); // the work in memory still saves once the path is free
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_project_file.moc"

// Snapshots in a .plumb's history table: add, list, read, delete, kept across saves and reopen,
// and damaged rows reported by row.
#include "model_helpers.h"
#include "plumbline/model_files.h"
#include "plumbline/project_file.h"
#include "plumbline/project_history.h"

#include <QTemporaryDir>
#include <QTest>
#include <SQLiteCpp/SQLiteCpp.h>

using namespace plumb;

class TestProjectHistory : public QObject {
    Q_OBJECT
private slots:
    void addListReadDelete();
    void survivesSaveAndReopen();
    void changesSincePrevious();
    void badRowsAreNamed_data();
    void badRowsAreNamed();
    void refusesABadName();
    void missingSnapshotIsAnError();
    void survivesConvertToJsonAndBack();
    void badHistoryJsonIsNamed();

private:
    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }
    Model example() const {
        return testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
    }
    std::string newProject(const char* name) const {
        const std::string p = path(name);
        Project project{example(), {}};
        if (saveProject(p, project)) QTest::qFail("could not save", __FILE__, __LINE__);
        return p;
    }
};

void TestProjectHistory::addListReadDelete() {
    const std::string p = newProject("crud.plumb");
    QVERIFY(listSnapshots(p).snapshots.empty());
    auto added = addSnapshot(p, "before sharding", example(), "2026-12-02T10:00:00Z");
    QVERIFY2(added.snapshot, added.error ? added.error->toString().c_str() : "");
    auto list = listSnapshots(p);
    QVERIFY(list.ok());
    QCOMPARE(list.snapshots.size(), std::size_t{1});
    QCOMPARE(list.snapshots[0].name, std::string("before sharding"));
    QCOMPARE(list.snapshots[0].savedAt, std::string("2026-12-02T10:00:00Z"));
    auto read = readSnapshot(p, added.snapshot->id);
    QVERIFY(read.ok());
    QVERIFY(*read.model == example());
    QVERIFY(!deleteSnapshot(p, added.snapshot->id));
    QVERIFY(listSnapshots(p).snapshots.empty());
}

void TestProjectHistory::survivesSaveAndReopen() {
    const std::string p = newProject("reopen.plumb");
    QVERIFY(addSnapshot(p, "v1", example()).snapshot);
    auto loaded = loadProject(p);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.project->history.size(), std::size_t{1});
    // Saving the project (the workbench's Save) keeps the history it loaded.
    QVERIFY(!saveProject(p, *loaded.project));
    auto again = loadProject(p);
    QVERIFY(again.ok());
    QVERIFY(again.project->history == loaded.project->history);
    QCOMPARE(listSnapshots(p).snapshots[0].name, std::string("v1"));
}

void TestProjectHistory::changesSincePrevious() {
    const std::string p = newProject("changes.plumb");
    Model model = example();
    QVERIFY(addSnapshot(p, "first", model).snapshot);
    model.elements.pop_back();
    auto second = addSnapshot(p, "second", model);
    QVERIFY(second.snapshot);
    QCOMPARE(second.snapshot->changes, snapshotChangeSummary(example(), model));
    QVERIFY(second.snapshot->changes.find("1 removed") != std::string::npos);
    QCOMPARE(listSnapshots(p).snapshots[1].changes, second.snapshot->changes);
    QCOMPARE(snapshotChangeSummary(model, model), std::string("no changes"));
}

void TestProjectHistory::badRowsAreNamed_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no date") << "INSERT INTO history(id, saved_at, summary, model) "
                                "VALUES (7, '', 'x', '{}')"
                             << "history row 7: the snapshot has no date";
    QTest::newRow("no model") << "INSERT INTO history(id, saved_at, summary, model) "
                                 "VALUES (8, '2026', 'x', NULL)"
                              << "history row 8: the snapshot has no stored model";
    QTest::newRow("damaged") << "INSERT INTO history(id, saved_at, summary, model) "
                                "VALUES (9, '2026', 'x', '{\"elements\": [')"
                             << "history row 9: the stored model JSON is damaged";
    QTest::newRow("array") << "INSERT INTO history(id, saved_at, summary, model) "
                              "VALUES (10, '2026', 'x', '[1]')"
                           << "history row 10: the stored model is not a JSON object";
}

void TestProjectHistory::badRowsAreNamed() {
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const std::string p = newProject("bad.plumb");
    {
        SQLite::Database db(p, SQLite::OPEN_READWRITE);
        db.exec(sql.toStdString());
    }
    auto list = listSnapshots(p);
    QVERIFY(!list.ok());
    QVERIFY2(list.errors[0].toString().find(expected.toStdString()) != std::string::npos,
             list.errors[0].toString().c_str());
    QVERIFY(list.errors[0].toString().find(p) != std::string::npos);
    auto loaded = loadProject(p); // not silently dropped on the next save
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.errors[0].toString().find(expected.toStdString()) != std::string::npos);
}

void TestProjectHistory::refusesABadName() {
    const std::string p = newProject("name.plumb");
    QVERIFY(addSnapshot(p, "", example()).error);
    QVERIFY(addSnapshot(p, "two\nlines", example()).error);
}

void TestProjectHistory::missingSnapshotIsAnError() {
    const std::string p = newProject("missing.plumb");
    auto read = readSnapshot(p, 42);
    QVERIFY(!read.ok());
    QVERIFY(read.errors[0].toString().find("no snapshot 42") != std::string::npos);
    auto error = deleteSnapshot(p, 42);
    QVERIFY(error);
    QVERIFY(error->toString().find("no snapshot 42") != std::string::npos);
    QVERIFY(addSnapshot(path("nowhere.plumb"), "x", example()).error);
}

void TestProjectHistory::survivesConvertToJsonAndBack() {
    const std::string p = newProject("convert.plumb");
    QVERIFY(addSnapshot(p, "v1", example(), "2026-12-01T09:00:00Z").snapshot);
    auto original = loadProjectOrModel(p);
    QVERIFY(original.ok());
    QVERIFY(!saveProjectOrModel(path("convert.json"), *original.project));
    auto json = loadProjectOrModel(path("convert.json"));
    QVERIFY2(json.ok(), json.ok() ? "" : json.errors[0].toString().c_str());
    QVERIFY(json.project->history == original.project->history);
    QVERIFY(json.project->model == original.project->model); // "history" is not left in extra
    QVERIFY(!saveProjectOrModel(path("back.plumb"), *json.project));
    auto back = listSnapshots(path("back.plumb"));
    QVERIFY(back.ok());
    QVERIFY(back.snapshots == original.project->history);
}

void TestProjectHistory::badHistoryJsonIsNamed() {
    std::vector<InputError> errors;
    historyFromJson(Json::parse(R"([{"id": 1, "savedAt": 5, "model": {}}])"), "m.json", errors);
    QCOMPARE(errors.size(), std::size_t{1});
    QCOMPARE(errors[0].toString(), std::string("m.json: /history/0/savedAt: expected a string"));
    errors.clear();
    historyFromJson(Json::parse(R"([{"id": 1, "savedAt": "2026"}])"), "m.json", errors);
    QCOMPARE(errors[0].path, std::string("/history/0/model"));
    errors.clear();
    historyFromJson(Json::parse(R"({"id": 1})"), "m.json", errors);
    QCOMPARE(errors[0].path, std::string("/history"));
}

QTEST_GUILESS_MAIN(TestProjectHistory)
#include "tst_project_history.moc"

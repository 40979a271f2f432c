// Snapshots in the workbench: Save Snapshot keeps the model in the project file (and only
// there), Compare marks on the canvas what was added, changed and removed with the same text as
// `plumbline diff`, Restore is one undoable edit, and snapshots survive saving and reopening.
#include "plumbline/ui/commands.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/findings_comparison.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/snapshots/snapshots_panel.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;
using Mark = SnapshotsPanel::Mark;

namespace {

Model threeElements() {
    Model m;
    for (auto [id, x] :
         {std::pair{"api", 0.0}, std::pair{"db", 300.0}, std::pair{"cache", 600.0}}) {
        Element e;
        e.id = id;
        e.kind = std::string(id) == "api" ? ElementKind::Service : ElementKind::Store;
        if (std::string(id) == "db") e.technology = std::string("postgresql");
        m.elements.push_back(e);
        m.layout.push_back(LayoutBox{id, x, 0.0, 200.0, 72.0, Json::object()});
    }
    Flow f;
    f.id = "api-db";
    f.from = "api";
    f.to = "db";
    f.writesPerSecond = 200;
    m.flows.push_back(f);
    m.present.layout = true;
    return m;
}

} // namespace

class TestSnapshots : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::FakeDialogs m_dialogs;

    std::unique_ptr<Document> savedProject(const QString& name) {
        auto document = std::make_unique<Document>(Project{threeElements(), {}});
        const QString path = m_dir.filePath(name);
        if (document->saveAs(path)) qFatal("cannot save %s", qPrintable(path));
        return document;
    }

private slots:
    void init() { test::useScratchSettings(); }

    void aSnapshotNeedsAProjectFile() {
        Document untitled(Project{threeElements(), {}});
        SnapshotsPanel panel(&m_dialogs, nullptr);
        panel.setDocument(&untitled);
        const int before = int(m_dialogs.informations.size());
        QVERIFY(!panel.saveSnapshot(QStringLiteral("first")));
        QCOMPARE(int(m_dialogs.informations.size()), before + 1);
        QVERIFY(m_dialogs.informations.last().text.contains(QStringLiteral(".plumb")));
        QCOMPARE(panel.snapshotCount(), 0);
    }

    void compareMarksWhatChangedAndRestoreIsOneUndoStep() {
        auto document = savedProject(QStringLiteral("compare.plumb"));
        diagram::DiagramScene scene;
        scene.setDocument(document.get());
        SnapshotsPanel panel(&m_dialogs, &scene);
        panel.setDocument(document.get());
        QVERIFY(panel.saveSnapshot(QStringLiteral("before the change")));
        QCOMPARE(panel.snapshotCount(), 1);
        const Model snapshot = document->model();

        // The change: db moves to MongoDB, the flow's rate x10, the cache goes, a queue comes.
        Model changed = snapshot;
        changed.findElement("db")->technology = std::string("mongodb");
        changed.flows[0].writesPerSecond = 2000;
        std::erase_if(changed.elements, [](const Element& e) { return e.id == "cache"; });
        std::erase_if(changed.layout, [](const LayoutBox& b) { return b.id == "cache"; });
        Element queue;
        queue.id = "events";
        queue.kind = ElementKind::Queue;
        changed.elements.push_back(queue);
        changed.layout.push_back(LayoutBox{"events", 0.0, 300.0, 200.0, 72.0, Json::object()});
        document->undoStack()->push(new ReplaceModelCommand(document.get(), changed, "change"));

        QVERIFY(panel.compareWithSnapshot(0));
        QVERIFY(panel.isComparing());
        QCOMPARE(panel.markOf("db"), Mark::Changed);
        QCOMPARE(panel.markOf("api-db"), Mark::Changed);
        QCOMPARE(panel.markOf("cache"), Mark::Removed);
        QCOMPARE(panel.markOf("events"), Mark::Added);
        QCOMPARE(panel.markOf("api"), Mark::None);
        const QString text = panel.compareText();
        QVERIFY2(text.contains(QStringLiteral("mongodb")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2,000")) || text.contains(QStringLiteral("2000")),
                 qPrintable(text));
        panel.endCompare();
        QVERIFY(!panel.isComparing());
        QCOMPARE(panel.markOf("db"), Mark::None);

        const int steps = document->undoStack()->count();
        QVERIFY(panel.restoreSnapshot(0));
        QCOMPARE(document->model(), snapshot);
        QCOMPARE(document->undoStack()->count(), steps + 1);
        document->undoStack()->undo();
        QCOMPARE(document->model(), changed);
    }

    // A comparison ends with the next edit (its marks would be stale), and the scene
    // rebuilding under it leaves nothing dangling.
    void anEditEndsTheComparison() {
        auto document = savedProject(QStringLiteral("edit.plumb"));
        diagram::DiagramScene scene;
        scene.setDocument(document.get());
        SnapshotsPanel panel(&m_dialogs, &scene);
        panel.setDocument(document.get());
        QVERIFY(panel.saveSnapshot(QStringLiteral("one")));
        QVERIFY(panel.compareWithSnapshot(0));
        QVERIFY(panel.isComparing());
        Model renamed = document->model();
        renamed.name = std::string("Renamed");
        document->undoStack()->push(new ReplaceModelCommand(document.get(), renamed, "rename"));
        QVERIFY(!panel.isComparing());
        QVERIFY(panel.compareWithSnapshot(0));
        scene.setDocument(nullptr); // the scene clears its items, the marks with them
        panel.endCompare();
        QVERIFY(!panel.isComparing());
    }

    // A model without a saved layout is kept with the layout the canvas shows, so a removed
    // element is ghosted where it stood.
    void aSnapshotKeepsTheDrawnLayout() {
        Model withoutLayout = threeElements();
        withoutLayout.layout.clear();
        withoutLayout.present.layout = false;
        auto document = std::make_unique<Document>(Project{withoutLayout, {}});
        QVERIFY(!document->saveAs(m_dir.filePath(QStringLiteral("drawn.plumb"))));
        diagram::DiagramScene scene;
        scene.setDocument(document.get());
        SnapshotsPanel panel(&m_dialogs, &scene);
        panel.setDocument(document.get());
        QVERIFY(panel.saveSnapshot(QStringLiteral("as drawn")));
        const auto& kept = document->project().history.front();
        QVERIFY(kept.model.contains("layout"));
        QVERIFY(panel.compareWithSnapshot(0));
        QCOMPARE(panel.markOf("cache"), Mark::None); // nothing removed yet
        panel.endCompare();
    }

    void snapshotsSurviveSavingAndReopening() {
        auto document = savedProject(QStringLiteral("keep.plumb"));
        SnapshotsPanel panel(&m_dialogs, nullptr);
        panel.setDocument(document.get());
        QVERIFY(panel.saveSnapshot(QStringLiteral("v1")));
        QVERIFY(panel.saveSnapshot(QStringLiteral("v2")));
        // Saving the project afterwards writes them back, not over them.
        QVERIFY(!document->saveAs(document->filePath()));
        const auto reopened = Document::load(document->filePath());
        QVERIFY(reopened.document);
        QCOMPARE(reopened.document->project().history.size(), std::size_t(2));
        QCOMPARE(reopened.document->project().history[1].name, std::string("v2"));
        SnapshotsPanel again(&m_dialogs, nullptr);
        again.setDocument(reopened.document.get());
        QCOMPARE(again.snapshotCount(), 2);
        QVERIFY(again.deleteSnapshot(0));
        QCOMPARE(Document::load(document->filePath()).document->project().history.size(),
                 std::size_t(1));
    }

    // The findings dock answers what the change breaks: the finding the change adds is marked
    // "new" (and alone under "Only new"), the one it fixes is listed apart, and the next edit
    // ends it all.
    void theFindingsDockShowsNewAndFixedFindings() {
        Model sqlite;
        for (const char* id : {"api", "worker"}) {
            Element service;
            service.id = id;
            service.kind = ElementKind::Service;
            sqlite.elements.push_back(service);
            Flow write;
            write.id = std::string(id) + "-db";
            write.from = id;
            write.to = "db";
            write.writesPerSecond = 200;
            sqlite.flows.push_back(write);
        }
        Element db;
        db.id = "db";
        db.name = std::string("Orders DB");
        db.kind = ElementKind::Store;
        db.technology = std::string("sqlite");
        sqlite.elements.push_back(db);
        Element cache;
        cache.id = "cache";
        cache.kind = ElementKind::Cache;
        cache.ttlSeconds = 60;
        sqlite.elements.push_back(cache);
        const QString path = m_dir.filePath(QStringLiteral("findings.plumb"));
        QVERIFY(!Document(Project{sqlite, {}}).saveAs(path));

        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openFile(path));
        auto* snapshots = window.findChild<SnapshotsPanel*>();
        QVERIFY(snapshots);
        QVERIFY(snapshots->saveSnapshot(QStringLiteral("on SQLite")));
        // The change fixes SQLite's write concurrency and drops the cache's TTL.
        Model changed = window.document()->model();
        changed.findElement("db")->technology = std::string("postgresql");
        changed.findElement("cache")->ttlSeconds.reset();
        window.document()->undoStack()->push(
            new ReplaceModelCommand(window.document(), changed, "change"));
        QVERIFY(snapshots->compareWithSnapshot(0));

        FindingsPanel* panel = window.findingsPanel();
        QVERIFY(panel->comparison()->isVisibleTo(panel));
        const QString banner = panel->comparison()->banner()->text();
        QVERIFY2(banner.contains(QStringLiteral("1 new")) &&
                     banner.contains(QStringLiteral("1 fixed")),
                 qPrintable(banner));
        QAbstractItemModel* open = panel->openList()->model();
        QStringList marked;
        for (int row = 0; row < open->rowCount(); ++row)
            if (open->index(row, 0).data(FindingsTableModel::ChangeRole) == QStringLiteral("new"))
                marked << open->index(row, 0).data(FindingsTableModel::RuleRole).toString();
        QCOMPARE(marked, QStringList{QStringLiteral("cache-without-ttl")});
        panel->comparison()->onlyNewBox()->setChecked(true);
        QCOMPARE(open->rowCount(), 1);
        QCOMPARE(open->index(0, 0).data(FindingsTableModel::RuleRole).toString(),
                 QStringLiteral("cache-without-ttl"));
        QCOMPARE(open->index(0, 0).data().toString(), QStringLiteral("Warning · new"));
        QTreeWidget* fixed = panel->comparison()->fixedList();
        QCOMPARE(fixed->topLevelItemCount(), 1);
        QCOMPARE(fixed->topLevelItem(0)->text(1), QStringLiteral("Orders DB"));
        QVERIFY(fixed->topLevelItem(0)->text(2).contains(QStringLiteral("SQLite")));

        // The next edit ends the comparison: every finding listed again, no marks.
        Model renamed = window.document()->model();
        renamed.name = std::string("Renamed");
        window.document()->undoStack()->push(
            new ReplaceModelCommand(window.document(), renamed, "rename"));
        QVERIFY(!panel->comparison()->isVisibleTo(panel));
        QVERIFY(!panel->comparison()->onlyNewBox()->isChecked());
        QVERIFY(open->rowCount() > 1);
        for (int row = 0; row < open->rowCount(); ++row)
            QVERIFY(open->index(row, 0).data(FindingsTableModel::ChangeRole).toString().isEmpty());
    }

    void theWorkbenchOffersSnapshots() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionSaveSnapshot")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionCompareWithSaved")));
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("snapshotsPanel")));
    }
};

QTEST_MAIN(TestSnapshots)
#include "tst_snapshots.moc"

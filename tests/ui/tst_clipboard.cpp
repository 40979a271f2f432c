// Cut, Copy, Paste and Duplicate on the diagram, through the Edit actions and the system
// clipboard: what a copy takes, fresh ids and rewired flows on paste, offsets, one undo step
// each that restores the model exactly, pasting between documents, and clipboard contents that
// are not a model refused with a reason in the status bar.

#include "plumbline/model_json.h"
#include "plumbline/ui/diagram/clipboard.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/edit_actions.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QClipboard>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <QtTest>
#include <memory>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::diagram;

namespace {

// ordersModel() with a flow from api to worker (inside "orders"), db a PostgreSQL store read by
// api, a waiver on db, and api and worker 4 pixels lower.
Model sampleModel() {
    Model model = test::ordersModel();
    for (Element& element : model.elements)
        if (element.id == "db") element.technology = "postgresql";
    Flow jobs;
    jobs.id = "jobs";
    jobs.from = "api";
    jobs.to = "worker";
    jobs.style = FlowStyle::Async;
    jobs.writesPerSecond = 40;
    Flow reads;
    reads.id = "reads";
    reads.from = "api";
    reads.to = "db";
    reads.readsPerSecond = 1200;
    model.flows = {jobs, reads};
    Waiver waiver;
    waiver.rule = "some-rule";
    waiver.element = "db";
    waiver.reason = "measured";
    model.waivers = {waiver};
    model.present.waivers = true;
    for (LayoutBox& box : model.layout)
        if (box.id == "api" || box.id == "worker") box.y = 64;
    return model;
}

void setClipboardText(const QString& text) {
    auto* data = new QMimeData;
    data->setText(text);
    QGuiApplication::clipboard()->setMimeData(data);
}

} // namespace

class TestClipboard : public QObject, test::DiagramSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() {
        openDiagram(sampleModel());
        m_view->resize(1200, 800);
        m_menu = std::make_unique<QMenu>();
        m_status = std::make_unique<QStatusBar>();
        installClipboardActions(m_menu.get(), m_view.get(), m_status.get());
        QGuiApplication::clipboard()->clear();
    }

    void cleanup() {
        m_menu.reset();
        m_status.reset();
        closeDiagram();
    }

    void actionsFollowTheSelection() {
        QVERIFY(!action("actionCopy")->isEnabled());
        QVERIFY(!action("actionCut")->isEnabled());
        QVERIFY(!action("actionDuplicate")->isEnabled());
        m_document->setSelection({"reads"}); // a flow alone: nothing a copy could take
        QVERIFY(!action("actionCopy")->isEnabled());
        m_document->setSelection({"db"});
        QVERIFY(action("actionCopy")->isEnabled());
        QVERIFY(action("actionDuplicate")->isEnabled());
        QCOMPARE(action("actionCopy")->shortcut(), QKeySequence(QKeySequence::Copy));
        QCOMPARE(action("actionDuplicate")->shortcut(), QKeySequence(QStringLiteral("Ctrl+D")));
    }

    void copyPutsAValidModelOnTheClipboard() {
        m_document->setSelection({"orders"});
        action("actionCopy")->trigger();
        const QMimeData* data = QGuiApplication::clipboard()->mimeData();
        QVERIFY(data->hasFormat(kFragmentMimeType));
        QVERIFY(data->hasText());
        QCOMPARE(data->text().toUtf8(), data->data(kFragmentMimeType));
        const ModelReadResult read = readModelJson(data->text().toStdString(), "clipboard");
        QVERIFY2(read.ok(), read.errors.empty() ? "" : read.errors[0].toString().c_str());
        const Model& fragment = *read.model;
        QCOMPARE(fragment.contexts.size(), std::size_t(1));
        QCOMPARE(fragment.elements.size(), std::size_t(2)); // its members, not db
        QCOMPARE(fragment.flows.size(), std::size_t(1));    // jobs: both ends copied
        QCOMPARE(*fragment.flows[0].writesPerSecond, 40.0);
        QCOMPARE(fragment.layout.size(), std::size_t(3));
        QCOMPARE(m_document->undoStack()->count(), 0); // copying changes nothing
    }

    void pasteGivesFreshIdsOffsetsAndSelectsAsOneStep() {
        const Model before = m_document->model();
        m_document->setSelection({"orders"});
        action("actionCopy")->trigger();
        action("actionPaste")->trigger();
        const Model& model = m_document->model();
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(model.findContext("orders-2"));
        const Element* api = model.findElement("api-2");
        QVERIFY(api);
        QCOMPARE(*api->context, std::string("orders-2"));
        const Flow* jobs = model.findFlow("jobs-2");
        QVERIFY(jobs);
        QCOMPARE(jobs->from, std::string("api-2"));
        QCOMPARE(jobs->to, std::string("worker-2"));
        QCOMPARE(*jobs->writesPerSecond, 40.0);
        QCOMPARE(*model.findLayout("orders-2")->x, 24.0);
        QCOMPARE(*model.findLayout("api-2")->y, 64.0 + 24);
        QCOMPARE(m_document->selection(), (QStringList{"orders-2", "api-2", "worker-2"}));
        QVERIFY(m_scene->elementItem("worker-2"));
        QVERIFY(m_scene->flowItem("jobs-2"));
        QVERIFY(readModelJson(writeModelJson(model), "after").ok());
        const Model after = model;

        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QVERIFY(!m_scene->elementItem("api-2"));
        m_document->undoStack()->redo();
        QCOMPARE(m_document->model(), after);
    }

    void repeatedPastesCascade() {
        m_document->setSelection({"db"});
        action("actionCopy")->trigger();
        action("actionPaste")->trigger();
        action("actionPaste")->trigger();
        QCOMPARE(*m_document->model().findLayout("db-2")->x, 800.0 + 24);
        QCOMPARE(*m_document->model().findLayout("db-3")->x, 800.0 + 48);
        QCOMPARE(*m_document->model().findLayout("db-3")->y, 400.0 + 48);
        QCOMPARE(m_document->model().findElement("db-3")->technology, Text("postgresql"));
        QVERIFY(m_document->model().waivers.size() == 1); // copies do not inherit db's waiver
    }

    void cutAndPasteKeepIdsFlowsAndWaivers() {
        const Model before = m_document->model();
        m_document->setSelection({"api", "db"});
        action("actionCut")->trigger();
        QCOMPARE(m_document->undoStack()->count(), 1);
        QVERIFY(m_document->undoStack()->text(0).startsWith("Cut"));
        QVERIFY(!m_document->model().findElement("db"));
        QVERIFY(m_document->model().waivers.empty());
        action("actionPaste")->trigger();
        QCOMPARE(m_document->undoStack()->count(), 2);
        const Model& model = m_document->model();
        QVERIFY(model.findElement("db")); // free again: the same id
        QVERIFY(model.findFlow("reads"));
        QCOMPARE(*model.findFlow("reads")->readsPerSecond, 1200.0);
        QCOMPARE(model.waivers.size(), std::size_t(1));
        m_document->undoStack()->undo();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void pastesIntoAnotherDocument() {
        m_document->setSelection({"orders", "db"});
        action("actionCopy")->trigger();
        Project empty;
        Document other(empty);
        DiagramScene otherScene;
        otherScene.setDocument(&other);
        DiagramView otherView(&otherScene);
        QMenu otherMenu;
        QStatusBar otherStatus;
        installClipboardActions(&otherMenu, &otherView, &otherStatus);
        otherMenu.findChild<QAction*>("actionPaste")->trigger();
        const Model& model = other.model();
        QCOMPARE(model.elements.size(), std::size_t(3));
        QVERIFY(model.findElement("api")); // free there: ids kept
        QCOMPARE(model.flows.size(), std::size_t(2));
        QCOMPARE(model.waivers.size(), std::size_t(1));
        QVERIFY(readModelJson(writeModelJson(model), "other").ok());
        other.undoStack()->undo();
        QCOMPARE(other.model(), Model{});
    }

    void duplicatePlacesACopyBesideAndLeavesTheClipboard() {
        setClipboardText("unrelated");
        const Model before = m_document->model();
        m_document->setSelection({"api"});
        action("actionDuplicate")->trigger();
        QCOMPARE(m_document->undoStack()->count(), 1);
        const Element* copy = m_document->model().findElement("api-2");
        QVERIFY(copy);
        QCOMPARE(*copy->context, std::string("orders")); // it landed inside orders
        QCOMPARE(m_scene->boxOf("api-2"), QRectF(64, 88, 200, 72));
        QCOMPARE(m_document->selection(), QStringList{"api-2"});
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("unrelated"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void pastesAtAGivenPoint() {
        m_document->setSelection({"api", "worker"});
        const Model fragment = m_scene->selectionFragment();
        const QStringList ids =
            m_scene->pasteFragment(fragment, QPointF(1203, 997), {}, QStringLiteral("Paste"));
        QCOMPARE(ids.size(), 2);
        // The fragment's top-left corner lands on the grid point nearest the mouse.
        QCOMPARE(m_scene->boxOf(ids[0]).topLeft(), QPointF(1200, 1000));
        QCOMPARE(m_scene->boxOf(ids[1]).topLeft(), QPointF(1480, 1000));
        QVERIFY(!m_document->model().findElement(ids[0].toStdString())->context);
    }

    void pastesModelJsonWithoutLayout() {
        setClipboardText(R"({"elements": [{"id": "a", "kind": "service"},
                                          {"id": "b", "kind": "queue"}],
                             "flows": [{"id": "a-b", "from": "a", "to": "b"}]})");
        action("actionPaste")->trigger();
        QVERIFY(m_scene->elementItem("a"));
        QVERIFY(m_scene->elementItem("b"));
        QVERIFY(m_scene->flowItem("a-b"));
        QVERIFY(!m_scene->boxOf("a").intersects(m_scene->boxOf("b")));
        QVERIFY(readModelJson(writeModelJson(m_document->model()), "after").ok());
    }

    void aModelWithoutLayoutUndoesExactly() {
        Document document(test::withoutLayout(sampleModel()));
        m_scene->setDocument(&document);
        const Model before = document.model();
        document.setSelection({"db"});
        action("actionDuplicate")->trigger();
        QCOMPARE(document.undoStack()->count(), 1); // the provisional layout goes with it
        QVERIFY(document.model().findElement("db-2"));
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        m_scene->setDocument(m_document.get());
    }

    void refusesClipboardsThatHoldNoModel_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("plain text") << "hello world"
                                    << "not a Plumbline model";
        QTest::newRow("broken json") << "{\"elements\": ["
                                     << "line 1";
        QTest::newRow("bad kind") << R"({"elements": [{"id": "x", "kind": "spaceship"}]})"
                                  << "/elements/0/kind";
        QTest::newRow("dangling flow") << R"({"elements": [{"id": "x", "kind": "service"}],
                   "flows": [{"id": "f", "from": "x", "to": "nowhere"}]})"
                                       << "/flows/0/to";
        QTest::newRow("negative") << R"({"elements": [{"id": "x", "kind": "store",
                                         "data": {"volumeGB": -5}}]})"
                                  << "/elements/0/data/volumeGB";
        QTest::newRow("empty model") << "{}"
                                     << "no elements or contexts";
        QTest::newRow("array") << "[1, 2]"
                               << "not a Plumbline model";
        QTest::newRow("newer version") << R"({"format": "plumbline-model", "version": 99})"
                                       << "newer";
        QTest::newRow("deep nesting") << QString(2000, '{') << "clipboard";
        QTest::newRow("blank") << "   "
                               << "empty";
    }
    void refusesClipboardsThatHoldNoModel() {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const Model before = m_document->model();
        setClipboardText(text);
        QVERIFY(action("actionPaste")->isEnabled());
        action("actionPaste")->trigger();
        QCOMPARE(m_document->model(), before);
        QCOMPARE(m_document->undoStack()->count(), 0);
        const QString message = m_status->currentMessage();
        QVERIFY2(message.startsWith("Nothing pasted"), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }

    void copiesAndPastesAThousandElementsQuickly() {
        Document document(test::thousandElementProject());
        m_scene->setDocument(&document);
        const Model before = document.model();
        QStringList contexts;
        for (const auto& context : before.contexts)
            contexts << QString::fromStdString(context.id);
        document.setSelection(contexts); // with their 1,000 members and 1,500 flows
        QElapsedTimer timer;
        timer.start();
        action("actionCopy")->trigger();
        const qint64 copyMs = timer.restart();
        action("actionPaste")->trigger();
        const qint64 pasteMs = timer.restart();
        document.undoStack()->undo();
        const qint64 undoMs = timer.elapsed();
        qInfo("1,020 items and 1,500 flows: copy %lld ms, paste %lld ms, undo %lld ms", copyMs,
              pasteMs, undoMs);
        QCOMPARE(document.model(), before);
        document.undoStack()->redo();
        QCOMPARE(document.model().elements.size(), std::size_t(2000));
        QCOMPARE(document.model().flows.size(), std::size_t(3000));
        QVERIFY(pasteMs < 3000);
        m_scene->setDocument(m_document.get());
    }

    void theWorkbenchMenusHoldTheActionsWithUniqueShortcuts() {
        test::useScratchSettings();
        MainWindow window(std::make_unique<test::FakeDialogs>());
        for (const char* name : {"actionCut", "actionCopy", "actionPaste", "actionDuplicate",
                                 "actionAlignLeft", "actionDistributeVertically"})
            QVERIFY2(window.findChild<QAction*>(name), name);
        QMap<QString, QString> owners; // shortcut -> action
        for (QAction* each : window.findChildren<QAction*>())
            for (const QKeySequence& keys : each->shortcuts()) {
                const QString text = keys.toString();
                QVERIFY2(!owners.contains(text) || owners[text] == each->objectName(),
                         qPrintable(text + " is taken by " + owners[text] + " and " +
                                    each->objectName()));
                owners.insert(text, each->objectName());
            }
    }

    void anEmptyClipboardDisablesPaste() {
        QGuiApplication::clipboard()->clear();
        QVERIFY(!action("actionPaste")->isEnabled());
    }

private:
    QAction* action(const char* name) const {
        auto* found = m_menu->findChild<QAction*>(QString::fromLatin1(name));
        if (!found) qFatal("no action %s", name);
        return found;
    }

    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QStatusBar> m_status;
};

QTEST_MAIN(TestClipboard)
#include "tst_clipboard.moc"

// The diagram editor through its scene API and through the mouse: placing, connecting,
// moving into contexts, deleting, nudging, auto-layout. Every edit is undoable and undo
// restores the model exactly.

#include "plumbline/arrange.h"
#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/examples.h"
#include "plumbline/ui/kind_icons.h"
#include "ui_test_helpers.h"

#include <QtTest>
#include <memory>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::diagram;

class TestDiagramEditing : public QObject, test::DiagramSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() {
        openDiagram(test::ordersModel());
        QVERIFY(test::showAtFullZoom(*m_view, QSize(1200, 800), QPointF(500, 250)));
    }

    void cleanup() { closeDiagram(); }

    void itemsFollowTheModel() {
        QCOMPARE(m_scene->elementCount(), 3);
        QVERIFY(m_scene->contextItem("orders"));
        QCOMPARE(m_scene->boxOf("api"), QRectF(40, 60, 200, 72));
    }

    void placesAStoreClickedFromThePalette() {
        const Model before = m_document->model();
        m_view->setPlacement("store");
        const QPoint at = m_view->mapFromScene(QPointF(900, 200));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(m_document->model().elements.size(), std::size_t(4));
        const Element& added = m_document->model().elements.back();
        QCOMPARE(added.kind, ElementKind::Store);
        QCOMPARE(added.id, std::string("store-1"));
        QVERIFY(!added.context); // placed outside any context
        QVERIFY(m_scene->boxOf("store-1").contains(QPointF(900, 200)));
        QCOMPARE(m_document->selection(), QStringList{"store-1"});
        QVERIFY(m_view->placement().isEmpty());
        const Model after = m_document->model();
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QVERIFY(!m_scene->elementItem("store-1"));
        m_document->undoStack()->redo();
        QCOMPARE(m_document->model(), after);
    }

    void anElementPlacedInAContextJoinsIt() {
        const QString id = m_view->place("cache", QPointF(300, 220));
        QCOMPARE(*m_document->model().findElement(id.toStdString())->context,
                 std::string("orders"));
        const QString context = m_view->place("context", QPointF(1400, 200));
        QVERIFY(m_document->model().findContext(context.toStdString()));
    }

    void dragsAFlowFromAHandleToAnotherElement() {
        const Model before = m_document->model();
        const QPoint handle = m_view->mapFromScene(QPointF(240, 96));  // api's right handle
        const QPoint target = m_view->mapFromScene(QPointF(900, 436)); // db's centre
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, handle);
        QTest::mouseMove(m_view->viewport(), (handle + target) / 2);
        QTest::mouseMove(m_view->viewport(), target);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, target);
        QCOMPARE(m_document->model().flows.size(), std::size_t(1));
        const Flow& flow = m_document->model().flows.front();
        QCOMPARE(flow.from, std::string("api"));
        QCOMPARE(flow.to, std::string("db"));
        QCOMPARE(flow.id, std::string("api-db"));
        QVERIFY(m_scene->flowItem("api-db"));
        // Nothing moved on the way.
        QCOMPARE(m_scene->boxOf("api"), QRectF(40, 60, 200, 72));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QVERIFY(!m_scene->flowItem("api-db"));
    }

    // Two 100-character element ids once made a 201-character flow id, which the JSON reader
    // then refused: the saved model could not be opened again.
    void aFlowBetweenLongIdsStaysWithinTheIdLimit() {
        const QString longApi(100, QLatin1Char('a')), longDb(100, QLatin1Char('d'));
        m_document->undoStack()->push(new RenameIdCommand(m_document.get(), "api", longApi));
        m_document->undoStack()->push(new RenameIdCommand(m_document.get(), "db", longDb));
        const QString first = m_scene->addFlow(longApi, longDb);
        const QString second = m_scene->addFlow(longApi, longDb);
        QVERIFY(first.size() <= int(kMaxIdLength));
        QVERIFY(second.size() <= int(kMaxIdLength));
        QVERIFY(first != second);
        const std::string saved = writeModelJson(m_document->model());
        const ModelReadResult reread = readModelJson(saved, "long-ids.json");
        QVERIFY2(reread.ok(), reread.errors.empty() ? "" : reread.errors.front().message.c_str());
        QCOMPARE(*reread.model, m_document->model());
    }

    void draggingAnElementIntoAContextSetsItsContext() {
        const Model before = m_document->model();
        const QPoint from = m_view->mapFromScene(QPointF(900, 436)); // db's centre
        const QPoint to = m_view->mapFromScene(QPointF(300, 236));   // inside "orders"
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(m_view->viewport(), (from + to) / 2);
        QTest::mouseMove(m_view->viewport(), to);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
        const Element* db = m_document->model().findElement("db");
        QCOMPARE(*db->context, std::string("orders"));
        const LayoutBox* moved = m_document->model().findLayout("db");
        QVERIFY(QRectF(0, 0, 600, 300).contains(QPointF(*moved->x + 100, *moved->y + 36)));
        QCOMPARE(std::fmod(*moved->x, kGridSize), 0.0); // snapped
        QCOMPARE(m_document->undoStack()->count(), 1);  // one step for the move and the regroup
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);

        // And out again: dragging api out of its context clears it.
        const QPoint api = m_view->mapFromScene(QPointF(140, 96));
        const QPoint outside = m_view->mapFromScene(QPointF(300, 600));
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, api);
        QTest::mouseMove(m_view->viewport(), outside);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, outside);
        QVERIFY(!m_document->model().findElement("api")->context);
    }

    // Dropped with its centre inside but its box across the frame's edge, an element joins
    // the context and the frame grows to hold it, in the same undo step.
    void aFrameGrowsToHoldAnElementDroppedAtItsEdge() {
        const Model before = m_document->model();
        const QPoint from = m_view->mapFromScene(QPointF(900, 436)); // db's centre
        const QPoint to = m_view->mapFromScene(QPointF(560, 236));   // near "orders"' right edge
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(m_view->viewport(), (from + to) / 2);
        QTest::mouseMove(m_view->viewport(), to);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(*m_document->model().findElement("db")->context, std::string("orders"));
        const LayoutBox* db = m_document->model().findLayout("db");
        const LayoutBox* orders = m_document->model().findLayout("orders");
        QVERIFY(*db->x + *db->width + kContextMargin <= *orders->x + *orders->width);
        QVERIFY(*orders->width > 600);                              // it was 600 wide
        QCOMPARE(m_scene->boxOf("orders").width(), *orders->width); // the canvas shows it
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void movingAContextCarriesItsElements() {
        const Model before = m_document->model();
        const QPoint header = m_view->mapFromScene(QPointF(300, 12));
        const QPoint to = m_view->mapFromScene(QPointF(300 + 80, 12 + 40));
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, header);
        QTest::mouseMove(m_view->viewport(), to);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(m_scene->boxOf("orders").topLeft(), QPointF(80, 40));
        QCOMPARE(m_scene->boxOf("api").topLeft(), QPointF(120, 100));
        QCOMPARE(*m_document->model().findLayout("worker")->x, 400.0);
        QCOMPARE(*m_document->model().findLayout("db")->x, 800.0); // not a member
        QCOMPARE(*m_document->model().findElement("api")->context, std::string("orders"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QCOMPARE(m_scene->boxOf("api").topLeft(), QPointF(40, 60));
    }

    void keyboardNudgesMergeIntoOneStep() {
        const Model before = m_document->model();
        m_document->setSelection({"db"});
        m_view->setFocus();
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(*m_document->model().findLayout("db")->x, 800 + 2 * kGridSize);
        QCOMPARE(*m_document->model().findLayout("db")->y, 401.0);
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void deleteAndUndoRestoresFlowsWorkloadsAndWaivers() {
        DocumentLoad load = loadBundledExample("iot-telemetry.json");
        QVERIFY(load.document);
        m_scene->setDocument(load.document.get());
        Document& document = *load.document;
        const Model before = document.model();
        const auto touches = [](const Model& m, const std::string& id) {
            int n = 0;
            for (const auto& f : m.flows)
                n += f.from == id || f.to == id;
            for (const auto& w : m.waivers)
                n += w.element == id;
            return n;
        };
        QVERIFY(touches(before, "metrics-db") >= 3); // flows and a waiver
        document.setSelection({"metrics-db"});
        m_scene->deleteSelection();
        QVERIFY(!document.model().findElement("metrics-db"));
        QCOMPARE(touches(document.model(), "metrics-db"), 0);
        QVERIFY(!m_scene->elementItem("metrics-db"));
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        QVERIFY(m_scene->elementItem("metrics-db"));
        QCOMPARE(document.selection(), QStringList{"metrics-db"});

        // A context with a flow and an element, together; the context's other elements stay.
        document.setSelection(
            {"monitoring", "telemetry", document.model().flows.front().id.c_str()});
        m_scene->deleteSelection();
        for (const auto& element : document.model().elements)
            QVERIFY(element.context != std::string("monitoring"));
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        document.undoStack()->redo();
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        m_scene->setDocument(m_document.get());
    }

    void aModelWithoutLayoutIsLaidOutButNotChangedUntilEdited() {
        DocumentLoad load = loadBundledExample("ecommerce-platform.json");
        QVERIFY(load.document);
        Document& document = *load.document;
        QVERIFY(document.model().layout.empty());
        m_scene->setDocument(&document);
        const Model before = document.model();
        QCOMPARE(before.layout.size(), std::size_t(0)); // laid out on screen only
        QVERIFY(!m_scene->boxOf("orders-db").isEmpty());
        // The first move stores every position, so saving keeps what the user sees.
        m_scene->moveItems({"orders-db"}, QPointF(16, 0), false);
        QCOMPARE(document.model().layout.size(), before.elements.size() + before.contexts.size());
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        m_scene->applyAutoLayout();
        QCOMPARE(document.model().layout.size(), before.elements.size() + before.contexts.size());
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        m_scene->setDocument(m_document.get());
    }

    void renamingAnIdUpdatesEveryReference() {
        m_scene->addFlow("api", "db");
        Waiver waiver;
        waiver.element = "db";
        m_document->editableModel().waivers.push_back(waiver);
        const Model before = m_document->model();
        QVERIFY(idProblem(before, "api", "db").contains("already used"));
        QVERIFY(!idProblem(before, "", "db").isEmpty());
        QVERIFY(idProblem(before, "orders-db", "db").isEmpty());
        m_document->undoStack()->push(new RenameIdCommand(m_document.get(), "db", "orders-db"));
        const Model& after = m_document->model();
        QVERIFY(after.findElement("orders-db"));
        QCOMPARE(after.flows.front().to, std::string("orders-db"));
        QCOMPARE(*after.waivers.front().element, std::string("orders-db"));
        QVERIFY(after.findLayout("orders-db"));
        QVERIFY(m_scene->elementItem("orders-db"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void undoingEverythingRestoresTheOriginal() {
        const Model original = m_document->model();
        m_view->place("store", QPointF(900, 100));
        m_view->place("context", QPointF(1500, 100));
        m_scene->addFlow("api", "store-1");
        m_scene->moveItems({"orders"}, QPointF(8, 8), false);
        m_document->setSelection({"worker"});
        m_scene->deleteSelection();
        const Model edited = m_document->model();
        while (m_document->undoStack()->canUndo())
            m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), original);
        while (m_document->undoStack()->canRedo())
            m_document->undoStack()->redo();
        QCOMPARE(m_document->model(), edited);
    }
};

QTEST_MAIN(TestDiagramEditing)
#include "tst_diagram_editing.moc"

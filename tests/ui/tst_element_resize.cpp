// Resizing an element by the grip at its bottom-right corner, with the mouse: only a selected
// element shows the grip, the size snaps to the grid, it never gets smaller than its text
// needs, and the resize is one undo step that restores the model exactly.

#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"

#include <QtTest>
#include <memory>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::diagram;

class TestElementResize : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() {
        Project project;
        Element db;
        db.id = "db";
        db.name = "Orders database";
        db.kind = ElementKind::Store;
        db.technology = "postgresql";
        project.model.elements = {db};
        LayoutBox box;
        box.id = "db";
        box.x = 800;
        box.y = 400;
        box.width = 200;
        box.height = 72;
        project.model.layout = {box};
        project.model.present.layout = true;
        m_document = std::make_unique<Document>(project);
        m_scene = std::make_unique<DiagramScene>();
        m_scene->setDocument(m_document.get());
        m_view = std::make_unique<DiagramView>(m_scene.get());
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setZoom(1.0);
        m_view->centerOn(900, 436);
    }
    void cleanup() {
        m_view.reset();
        m_scene.reset();
        m_document.reset();
    }

    void dragsTheGripOfASelectedElement() {
        const Model before = m_document->model();
        m_document->setSelection({"db"});
        ElementItem* item = m_scene->elementItem("db");
        QVERIFY(item->isResizeHandle(QPointF(196, 68)));
        QVERIFY(!item->isResizeHandle(QPointF(100, 36)));
        drag(QPointF(996, 468), QPointF(1098, 521));
        // The corner snaps to the grid: 1096, 520.
        QCOMPARE(m_scene->boxOf("db"), QRectF(800, 400, 296, 120));
        const LayoutBox* stored = m_document->model().findLayout("db");
        QCOMPARE(*stored->width, 296.0);
        QCOMPARE(*stored->height, 120.0);
        QCOMPARE(*stored->x, 800.0); // the top-left corner stays
        QCOMPARE(m_document->undoStack()->count(), 1);
        QCOMPARE(m_document->undoStack()->text(0), QStringLiteral("Resize element"));
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QCOMPARE(m_scene->boxOf("db"), QRectF(800, 400, 200, 72));
    }

    void neverSmallerThanItsText() {
        m_document->setSelection({"db"});
        const QSizeF minimum = m_scene->elementItem("db")->minimumSize();
        QVERIFY(minimum.width() > 100); // "Orders database" and "store · PostgreSQL"
        QVERIFY(minimum.width() <= 200);
        drag(QPointF(996, 468), QPointF(810, 410));
        const QRectF after = m_scene->boxOf("db");
        QCOMPARE(after.width(), minimum.width());
        QCOMPARE(after.height(), std::min(72.0, minimum.height()));
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void anUnselectedElementMovesInstead() {
        drag(QPointF(996, 468), QPointF(1096, 568));
        QCOMPARE(m_scene->boxOf("db").size(), QSizeF(200, 72));
        QCOMPARE(m_scene->boxOf("db").topLeft(), QPointF(904, 504)); // moved, snapped
    }

    void aClickOnTheGripChangesNothing() {
        m_document->setSelection({"db"});
        drag(QPointF(996, 468), QPointF(996, 468));
        QCOMPARE(m_document->undoStack()->count(), 0);
    }

    void theGripShowsTheResizeCursor() {
        m_document->setSelection({"db"});
        ElementItem* item = m_scene->elementItem("db");
        QTest::mouseMove(m_view->viewport(), m_view->mapFromScene(QPointF(900, 436)));
        QVERIFY(!item->hasCursor());
        QTest::mouseMove(m_view->viewport(), m_view->mapFromScene(QPointF(996, 468)));
        QVERIFY(item->hasCursor());
        QCOMPARE(item->cursor().shape(), Qt::SizeFDiagCursor);
        QTest::mouseMove(m_view->viewport(), m_view->mapFromScene(QPointF(900, 436)));
        QVERIFY(!item->hasCursor());
    }

private:
    void drag(QPointF fromScene, QPointF toScene) {
        const QPoint from = m_view->mapFromScene(fromScene);
        const QPoint to = m_view->mapFromScene(toScene);
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(m_view->viewport(), (from + to) / 2);
        QTest::mouseMove(m_view->viewport(), to);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, to);
    }

    std::unique_ptr<Document> m_document;
    std::unique_ptr<DiagramScene> m_scene;
    std::unique_ptr<DiagramView> m_view;
};

QTEST_MAIN(TestElementResize)
#include "tst_element_resize.moc"

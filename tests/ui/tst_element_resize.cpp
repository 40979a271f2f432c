// Resizing an element by the grip at its bottom-right corner, with the mouse: only a selected
// element shows the grip, the size snaps to the grid, it never gets smaller than its text
// needs, and the resize is one undo step that restores the model exactly.

#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"
#include "ui_test_helpers.h"

#include <QtTest>
#include <memory>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::diagram;

class TestElementResize : public QObject, test::DiagramSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() {
        Model model;
        Element db;
        db.id = "db";
        db.name = "Orders database";
        db.kind = ElementKind::Store;
        db.technology = "postgresql";
        model.elements = {db};
        model.layout = {test::box("db", 800, 400)};
        model.present.layout = true;
        openDiagram(model);
        QVERIFY(test::showAtFullZoom(*m_view, QSize(1200, 800), QPointF(900, 436)));
    }
    void cleanup() { closeDiagram(); }

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
};

QTEST_MAIN(TestElementResize)
#include "tst_element_resize.moc"

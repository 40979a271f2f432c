// The map of the diagram: it shows where the canvas looks, clicking or dragging on it moves
// the canvas there, and it is its own dock, apart from the model's Overview.

#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/diagram/minimap.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QDockWidget>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;

namespace {

// Three elements far apart: a canvas at 100% shows one of them at most.
Model spreadOut() {
    Model model;
    const auto add = [&](const std::string& id, double x, double y) {
        Element element;
        element.id = id;
        element.kind = ElementKind::Service;
        model.elements.push_back(element);
        model.layout.push_back(test::box(id, x, y));
    };
    add("west", 0, 0);
    add("east", 4000, 0);
    add("south", 0, 2500);
    model.present.layout = true;
    return model;
}

QPointF viewCentre(const diagram::DiagramView& view) {
    return view.mapToScene(view.viewport()->rect().center());
}

} // namespace

class TestMiniMap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }
    void init() { test::useScratchSettings(); }

    void clickingTheMapCentresTheCanvasThere() {
        test::DiagramFixture fixture(spreadOut(), QSize(800, 600));
        auto& [document, scene, view] = fixture;
        view.zoomToFit(); // gives the scene room around the content
        view.setZoom(1.0);
        view.centerOn(scene.boxOf("west").center());
        diagram::MiniMap map(&view);
        map.resize(240, 160);
        map.show();
        map.refresh();

        // The rectangle shows the canvas's part: small, at the west element.
        const QRectF shown = map.viewportRect();
        QVERIFY(shown.contains(map.fromScene(scene.boxOf("west").center())));
        QVERIFY(shown.width() < map.width() / 2.0);

        const QPointF east = scene.boxOf("east").center();
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.fromScene(east).toPoint());
        QVERIFY2(QLineF(viewCentre(view), east).length() < 40,
                 qPrintable(QStringLiteral("centre %1,%2")
                                .arg(viewCentre(view).x())
                                .arg(viewCentre(view).y())));
        QVERIFY(map.viewportRect().contains(map.fromScene(east)));

        // Dragging keeps following the pointer.
        const QPointF south = scene.boxOf("south").center();
        QTest::mousePress(&map, Qt::LeftButton, {}, map.fromScene(east).toPoint());
        QMouseEvent move(QEvent::MouseMove, map.fromScene(south),
                         map.mapToGlobal(map.fromScene(south)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(&map, &move);
        QTest::mouseRelease(&map, Qt::LeftButton, {}, map.fromScene(south).toPoint());
        QVERIFY(QLineF(viewCentre(view), south).length() < 40);
    }

    void theMapFollowsEdits() {
        test::DiagramFixture fixture(spreadOut(), QSize(800, 600));
        auto& [document, scene, view] = fixture;
        view.zoomToFit();
        diagram::MiniMap map(&view);
        map.resize(240, 160);
        map.show();
        map.refresh();
        const QImage before = map.grab().toImage();
        scene.addElement(ElementKind::Store, QPointF(2000, 1200));
        // Redrawn a moment later, not at once: edits in a burst cost one redraw.
        QTRY_VERIFY(map.grab().toImage() != before);
    }

    void theWindowHasAMapDockApartFromTheOverview() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        auto* map = window.findChild<QDockWidget*>(QStringLiteral("mapDock"));
        auto* overview = window.findChild<QDockWidget*>(QStringLiteral("overviewDock"));
        QVERIFY(map && overview);
        QCOMPARE(map->windowTitle(), QStringLiteral("Map"));
        QVERIFY(qobject_cast<diagram::MiniMap*>(map->widget()));
        QVERIFY(map->windowTitle() != overview->windowTitle());
    }
};

QTEST_MAIN(TestMiniMap)
#include "tst_minimap.moc"

// The window's arrangement: on a first start the canvas gets most of the window at the sizes
// users have (1280x800 and 1600x1000), selecting brings Properties forward, View > Reset
// Layout puts every dock back, and the user's own arrangement is remembered.
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/decision_map_view.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/examples.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QScreen>
#include <QSplitter>
#include <QtTest>

using namespace plumb::ui;

namespace {

QDockWidget* dock(MainWindow& window, const char* name) {
    auto* found = window.findChild<QDockWidget*>(QLatin1String(name));
    if (!found) qFatal("no dock %s", name);
    return found;
}

bool inFront(QDockWidget* dock) {
    return dock->isVisible() && !dock->visibleRegion().isEmpty();
}

void showAt(MainWindow& window, QSize size) {
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50); // the default sizes are applied once the window is laid out
}

} // namespace

class TestWindowLayout : public QObject {
    Q_OBJECT
private slots:
    void init() { test::useScratchSettings(); }

    void theCanvasGetsMostOfTheWindow_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1600x1000") << QSize(1600, 1000);
    }
    void theCanvasGetsMostOfTheWindow() {
        QFETCH(QSize, size);
        MainWindow window(std::make_unique<test::FakeDialogs>());
        showAt(window, size);
        const QSize canvas = window.diagramView()->size();
        // Before: a bottom strip of findings and charts left the canvas about 700x290 px at
        // 1280x800. Now nothing sits under it.
        QVERIFY2(canvas.height() >= size.height() * 80 / 100,
                 qPrintable(QString::number(canvas.height())));
        QVERIFY2(canvas.width() >= size.width() * 50 / 100,
                 qPrintable(QString::number(canvas.width())));
        QCOMPARE(window.dockWidgetArea(dock(window, "findingsDock")), Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(dock(window, "chartsDock")), Qt::RightDockWidgetArea);
        QVERIFY(inFront(dock(window, "overviewDock"))); // nothing is selected yet
        QVERIFY(inFront(dock(window, "findingsDock")));
        QVERIFY(inFront(dock(window, "paletteDock")));
        QVERIFY(!dock(window, "modelDock")->isVisible()); // the Overview shows the same tree
        // In the side column the findings list sits above the details.
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("findingsSplitter"));
        QVERIFY(splitter);
        QCOMPARE(splitter->orientation(), Qt::Vertical);
    }

    // A first start fits the window on the screen (it opened 1,360 px wide on a 1,280 px
    // screen: the size was set while the docks still sat side by side).
    void aFirstStartFitsTheScreen() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        const QSize screen = QGuiApplication::primaryScreen()->availableSize();
        // 1280 px, or the screen's width when it is wider. (The test platform's 800 px screen
        // is narrower than the docks' minimum: there the window takes that minimum.)
        const int allowed = std::max(1280, screen.width());
        QVERIFY2(window.width() <= allowed,
                 qPrintable(QStringLiteral("%1 on %2").arg(window.width()).arg(screen.width())));
    }

    void selectingAnElementBringsPropertiesForward() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        showAt(window, {1280, 800});
        QVERIFY(window.openExample(defaultExampleFileName()));
        dock(window, "overviewDock")->raise();
        QTest::qWait(20);
        QVERIFY(!inFront(dock(window, "propertiesDock")));
        const auto& first = window.document()->model().elements.front();
        window.document()->setSelection({QString::fromStdString(first.id)});
        QTest::qWait(20);
        QVERIFY(inFront(dock(window, "propertiesDock")));
        // With nothing selected the empty form gives way to the model's overview.
        window.document()->setSelection({});
        QTest::qWait(20);
        QVERIFY(inFront(dock(window, "overviewDock")));
        // A dock the user put in front of Properties stays there.
        window.tabifyDockWidget(dock(window, "propertiesDock"), dock(window, "historyDock"));
        dock(window, "historyDock")->raise();
        QTest::qWait(20);
        window.document()->setSelection({});
        QVERIFY(inFront(dock(window, "historyDock")));
    }

    // In the side column the charts are tabs (map, growth, candidates), each at a readable
    // size, and they take most of the column's height when brought to the front; docked
    // under the canvas they stand side by side again.
    void theChartsChangeFormWithTheirColumn() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        showAt(window, {1280, 800});
        QVERIFY(window.openExample(defaultExampleFileName()));
        auto* charts = window.chartsPanel();
        QVERIFY(charts->isCompact());
        dock(window, "chartsDock")->raise();
        // The dock lays out in the event loop: on a loaded machine that takes more than 50 ms.
        QTRY_VERIFY(charts->decisionMap()->isVisible());
        QTRY_VERIFY2_WITH_TIMEOUT(charts->decisionMap()->height() >= 260,
                                  qPrintable(QString::number(charts->decisionMap()->height())),
                                  3000);
        QVERIFY(charts->decisionMap()->width() >= 400);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock(window, "chartsDock"));
        QTest::qWait(20);
        QVERIFY(!charts->isCompact());
        QVERIFY(charts->decisionMap()->isVisible());
    }

    void resetLayoutPutsEveryDockBack() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        showAt(window, {1600, 1000});
        window.addDockWidget(Qt::BottomDockWidgetArea, dock(window, "findingsDock"));
        dock(window, "catalogueDock")->setFloating(true);
        dock(window, "paletteDock")->hide();
        auto* reset = window.findChild<QAction*>(QStringLiteral("actionResetLayout"));
        QVERIFY(reset);
        reset->trigger();
        QTest::qWait(50);
        QCOMPARE(window.dockWidgetArea(dock(window, "findingsDock")), Qt::RightDockWidgetArea);
        QVERIFY(!dock(window, "catalogueDock")->isFloating());
        QVERIFY(dock(window, "paletteDock")->isVisible());
        QVERIFY(window.diagramView()->height() >= 800);
    }

    void theUsersArrangementIsRemembered() {
        {
            MainWindow window(std::make_unique<test::FakeDialogs>());
            showAt(window, {1600, 1000});
            window.addDockWidget(Qt::LeftDockWidgetArea, dock(window, "findingsDock"));
            window.close();
        }
        MainWindow next(std::make_unique<test::FakeDialogs>());
        showAt(next, {1600, 1000});
        QCOMPARE(next.dockWidgetArea(dock(next, "findingsDock")), Qt::LeftDockWidgetArea);
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_window_layout.moc"

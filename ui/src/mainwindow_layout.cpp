// Where the docks go (MainWindow): the default arrangement, View > Reset Layout, the user's
// arrangement remembered between runs, and the small rules that keep the canvas large.
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/snapshots/snapshots_panel.h"
#include "plumbline/ui/user_dialogs.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <algorithm>
#include <functional>

namespace plumb::ui {

namespace {

// Saved states of an older arrangement (findings, charts and catalogue in a strip under the
// canvas) are not restored: the first start after the update shows the new default.
constexpr int kLayoutVersion = 2;

bool inSideColumn(QMainWindow* window, QDockWidget* dock) {
    const Qt::DockWidgetArea area = window->dockWidgetArea(dock);
    return !dock->isFloating() &&
           (area == Qt::LeftDockWidgetArea || area == Qt::RightDockWidgetArea);
}

// A panel that shows two parts side by side (a list and its details, a chart and its tabs)
// changes its form when its dock moves into a side column, which is narrow and tall, and back.
void followColumn(QMainWindow* window, QDockWidget* dock, std::function<void(bool)> useSideForm) {
    const auto follow = [window, dock, useSideForm] { useSideForm(inSideColumn(window, dock)); };
    QObject::connect(dock, &QDockWidget::dockLocationChanged, window, follow);
    QObject::connect(dock, &QDockWidget::topLevelChanged, window, follow);
    follow();
}

// Side by side in a wide dock, one above the other in a side column.
void stackInSideColumns(QMainWindow* window, QDockWidget* dock) {
    auto* splitter =
        dock->widget()
            ? dock->widget()->findChild<QSplitter*>(QString(), Qt::FindDirectChildrenOnly)
            : nullptr;
    if (!splitter) return;
    followColumn(window, dock, [splitter](bool side) {
        splitter->setOrientation(side ? Qt::Vertical : Qt::Horizontal);
    });
}

} // namespace

void MainWindow::applyDefaultLayout() {
    // Left: the palette (history as a tab behind it) over the map. Right: properties (the
    // model overview as a tab) over findings, with the charts and the catalogue as tabs
    // beside findings. Nothing under the canvas: it keeps the window's full height. The
    // Model dock repeats the Overview's tree, so it starts hidden (View > Model).
    // Splits before tabs: splitting a dock that is already a tab only adds another tab.
    auto* mapDock = findChild<QDockWidget*>(QStringLiteral("mapDock"));
    const QList<QDockWidget*> all = findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly);
    for (QDockWidget* dock : all) {
        dock->setFloating(false);
        dock->show();
    }
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    if (mapDock) splitDockWidget(m_paletteDock, mapDock, Qt::Vertical);
    tabifyDockWidget(m_paletteDock, m_historyDock);
    if (auto* snapshots = findChild<QDockWidget*>(QStringLiteral("snapshotsDock")))
        tabifyDockWidget(m_paletteDock, snapshots);
    tabifyDockWidget(m_paletteDock, m_modelDock);
    m_modelDock->hide();
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    splitDockWidget(m_propertiesDock, m_findingsDock, Qt::Vertical);
    tabifyDockWidget(m_propertiesDock, m_overviewDock);
    tabifyDockWidget(m_findingsDock, m_chartsDock);
    tabifyDockWidget(m_findingsDock, m_catalogueDock);
    m_paletteDock->raise();
    m_findingsDock->raise();
    // Nothing is selected at first: the overview is the useful tab (bringPropertiesForward).
    m_overviewDock->raise();
    // Sizes take once the window is laid out.
    QTimer::singleShot(0, this, [this, mapDock] {
        const int column = height() - 110; // less the menu, tool and status bars
        const int right = std::clamp(width() * 27 / 100, 300, 440);
        resizeDocks({m_paletteDock, m_propertiesDock}, {std::clamp(width() / 7, 170, 230), right},
                    Qt::Horizontal);
        if (mapDock)
            resizeDocks({m_paletteDock, mapDock}, {column * 62 / 100, column * 38 / 100},
                        Qt::Vertical);
        resizeDocks({m_propertiesDock, m_findingsDock}, {column * 55 / 100, column * 45 / 100},
                    Qt::Vertical);
    });
}

void MainWindow::createSnapshots(QMenu* file) {
    m_snapshots = new SnapshotsPanel(m_dialogs.get(), m_scene, this);
    auto* dock = new QDockWidget(tr("Snapshots"), this);
    dock->setObjectName(QStringLiteral("snapshotsDock"));
    dock->setWidget(m_snapshots);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(m_snapshots, &SnapshotsPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    // The findings dock answers a review's second question (what does the change break?).
    connect(m_snapshots, &SnapshotsPanel::comparisonStarted, this,
            [this](const QString& label, const plumb::FindingsDiff& diff, const plumb::Model& old) {
                m_findingsPanel->showComparison(label, diff, old);
                m_findingsDock->raise();
            });
    connect(m_snapshots, &SnapshotsPanel::comparisonEnded, m_findingsPanel,
            &FindingsPanel::endComparison);
    QAction* save = file->addAction(tr("Save S&napshot…"), this, [this, dock] {
        dock->show();
        dock->raise();
        m_snapshots->saveSnapshotAsked();
    });
    save->setObjectName(QStringLiteral("actionSaveSnapshot"));
    QAction* compare = file->addAction(tr("Compare with Sa&ved"), this, [this, dock] {
        dock->show();
        dock->raise();
        m_snapshots->compareWithSaved();
    });
    compare->setObjectName(QStringLiteral("actionCompareWithSaved"));
    QAction* compareFile = file->addAction(tr("Compare with &File…"), this, [this, dock] {
        const QString path = m_dialogs->askOpenFileName(
            this, tr("Compare with File"), startDirectory(), tr("Models (*.json *.plumb)"));
        if (path.isEmpty()) return;
        dock->show();
        dock->raise();
        m_snapshots->compareWithFile(path);
    });
    compareFile->setObjectName(QStringLiteral("actionCompareWithFile"));
}

void MainWindow::resetLayout() {
    applyDefaultLayout();
    statusBar()->showMessage(tr("Window layout reset"), 3000);
}

void MainWindow::addLayoutActions(QMenu* view) {
    if (auto* snapshots = findChild<QDockWidget*>(QStringLiteral("snapshotsDock")))
        view->addAction(snapshots->toggleViewAction());
    QAction* reset = view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("actionResetLayout"));
    for (QDockWidget* dock : {m_findingsDock, m_catalogueDock})
        stackInSideColumns(this, dock);
    followColumn(this, m_chartsDock, [charts = m_charts](bool side) { charts->setCompact(side); });
    // The charts and the catalogue need more room than findings: the column widens and they
    // take most of its height when one of them comes to the front in a side column (the
    // user can drag it back).
    for (QDockWidget* dock : {m_chartsDock, m_catalogueDock}) {
        connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
            if (!visible || !inSideColumn(this, dock)) return;
            QTimer::singleShot(0, this, [this, dock] {
                const int wanted = std::min(560, width() * 42 / 100);
                if (dock->width() < wanted) resizeDocks({dock}, {wanted}, Qt::Horizontal);
                const int tall = (height() - 110) * 68 / 100;
                if (dock->height() < tall) resizeDocks({dock}, {tall}, Qt::Vertical);
            });
        });
    }
}

void MainWindow::bringPropertiesForward(const QStringList& selection) {
    // Selecting something is asking to see it: Properties comes to the front of its tabs.
    // With nothing selected an empty form has nothing to say, and the model's overview (its
    // tab neighbour) takes the place, unless the user put another dock in front.
    // (A dock behind another tab is open, and its View menu entry checked, but not in front.)
    if (m_propertiesDock->isFloating() || !m_propertiesDock->toggleViewAction()->isChecked())
        return;
    const bool overviewIsNeighbour = tabifiedDockWidgets(m_propertiesDock).contains(m_overviewDock);
    if (!selection.isEmpty())
        m_propertiesDock->raise();
    else if (overviewIsNeighbour && !m_propertiesDock->visibleRegion().isEmpty())
        m_overviewDock->raise();
}

void MainWindow::restoreWindowSettings() {
    QSettings settings;
    // The side columns run the full height.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // The docks first, the window's size second: the docks as they were created sit side by
    // side and need 1,360 px, which a size given before would have grown to.
    m_restoredState = restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray(),
                                   kLayoutVersion);
    if (!m_restoredState) applyDefaultLayout();
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // First start: 1280x800, or most of a larger screen, never more than the screen.
        QSize wanted(1280, 800);
        if (const QScreen* screen = QGuiApplication::primaryScreen()) {
            const QSize available = screen->availableSize();
            wanted = wanted.boundedTo(available).expandedTo(available * 9 / 10);
        }
        resize(wanted);
    }
}

void MainWindow::saveWindowSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState(kLayoutVersion));
}

} // namespace plumb::ui

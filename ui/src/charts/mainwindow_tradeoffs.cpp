// MainWindow's tradeoff views (issue 6): the charts dock, the pattern catalogue dock and the
// what-if toolbar. Kept out of mainwindow.cpp so the window's own file stays about documents.
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/scale_slider.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/mainwindow.h"

#include <QDockWidget>
#include <QStatusBar>
#include <QToolBar>

namespace plumb::ui {

void MainWindow::createTradeoffViews() {
    const auto& knowledge = plumb::builtinKnowledge();

    m_charts = new charts::ChartsPanel(knowledge, this);
    m_chartsDock = new QDockWidget(tr("Tradeoff Charts"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);

    m_catalogue = new catalogue::CatalogueBrowser(knowledge, this);
    m_catalogueDock = new QDockWidget(tr("Pattern Catalogue"), this);
    m_catalogueDock->setObjectName(QStringLiteral("catalogueDock"));
    m_catalogueDock->setWidget(m_catalogue);
    addDockWidget(Qt::BottomDockWidgetArea, m_catalogueDock);
    // Findings, charts and catalogue share the bottom area as tabs; findings first.
    if (m_findingsDock) {
        tabifyDockWidget(m_findingsDock, m_chartsDock);
        tabifyDockWidget(m_chartsDock, m_catalogueDock);
        m_findingsDock->raise();
    } else {
        tabifyDockWidget(m_chartsDock, m_catalogueDock);
    }

    auto* toolbar = addToolBar(tr("What If"));
    toolbar->setObjectName(QStringLiteral("whatIfToolBar"));
    m_scaleSlider = new charts::ScaleSlider(toolbar);
    toolbar->addWidget(m_scaleSlider);
    connect(m_scaleSlider, &charts::ScaleSlider::scaleChanged, m_charts,
            &charts::ChartsPanel::setScale);
    // The findings follow the slider too: badges, the findings dock and the status bar count
    // show what would fire at that load.
    connect(m_scaleSlider, &charts::ScaleSlider::scaleChanged, m_findings,
            &FindingsModel::setScale);
    connect(m_findingsPanel, &FindingsPanel::learnMoreRequested, this,
            &MainWindow::showInCatalogue);
    connect(m_scaleSlider, &charts::ScaleSlider::scaleChanged, this, [this](double scale) {
        statusBar()->showMessage(scale == 1
                                     ? tr("What if: the model as estimated")
                                     : tr("What if: every rate, volume and growth x%1").arg(scale),
                                 3000);
    });
}

void MainWindow::showInCatalogue(const QString& id) {
    m_catalogueDock->show();
    m_catalogueDock->raise();
    m_catalogue->showEntry(id);
}

} // namespace plumb::ui

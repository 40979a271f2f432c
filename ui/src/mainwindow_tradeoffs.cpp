// MainWindow's tradeoff views (issue 6): the charts dock, the pattern catalogue dock and the
// what-if toolbar. Kept out of mainwindow.cpp so the window's own file stays about documents.
#include "plumbline/pattern_templates.h"
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/scale_slider.h"
#include "plumbline/ui/commands.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/mainwindow.h"

#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <algorithm>

namespace plumb::ui {

void MainWindow::createTradeoffViews() {
    const auto& knowledge = plumb::builtinKnowledge();

    m_charts = new charts::ChartsPanel(knowledge, this);
    m_charts->setFindings(m_findings); // one live check for dock, badges, status and charts
    m_chartsDock = new QDockWidget(tr("Tradeoff Charts"), this);
    m_chartsDock->setObjectName(QStringLiteral("chartsDock"));
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, m_chartsDock);

    m_catalogue = new catalogue::CatalogueBrowser(knowledge, this);
    m_catalogueDock = new QDockWidget(tr("Pattern Catalogue"), this);
    m_catalogueDock->setObjectName(QStringLiteral("catalogueDock"));
    m_catalogueDock->setWidget(m_catalogue);
    addDockWidget(Qt::BottomDockWidgetArea, m_catalogueDock);
    // Where the docks go and how large they are: mainwindow_layout.cpp.

    auto* toolbar = addToolBar(tr("What If"));
    toolbar->setObjectName(QStringLiteral("whatIfToolBar"));
    m_scaleSlider = new charts::ScaleSlider(toolbar);
    toolbar->addWidget(m_scaleSlider);
    // The live findings hold the scale: the charts, badges, the findings dock and the status
    // bar count show what would fire at that load.
    connect(m_scaleSlider, &charts::ScaleSlider::scaleChanged, m_findings,
            &FindingsModel::setScale);
    // The scale belongs to the document (x1 again on open and new): the slider, the title and
    // the canvas's flow labels follow the findings' scale, wherever it was changed.
    connect(m_findings, &FindingsModel::scaleChanged, m_scaleSlider,
            &charts::ScaleSlider::setScale);
    connect(m_findings, &FindingsModel::scaleChanged, m_scene,
            &diagram::DiagramScene::setRateScale);
    connect(m_findings, &FindingsModel::scaleChanged, this, &MainWindow::updateTitle);
    connect(m_findingsPanel, &FindingsPanel::learnMoreRequested, this,
            &MainWindow::showInCatalogue);
    connect(m_catalogue, &catalogue::CatalogueBrowser::templateRequested, this,
            &MainWindow::applyPatternTemplate);
    connect(m_charts, &charts::ChartsPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });

    m_patternMenu = new QMenu(tr("Insert &Pattern"), this);
    m_patternMenu->setObjectName(QStringLiteral("menuInsertPattern"));
    m_patternMenu->setToolTipsVisible(true);
    for (const auto& t : plumb::patternTemplates()) {
        QAction* action = m_patternMenu->addAction(QString::fromStdString(t.title));
        action->setObjectName(QStringLiteral("actionTemplate-") + QString::fromStdString(t.id));
        action->setData(QString::fromStdString(t.id));
        action->setToolTip(QString::fromStdString(t.summary));
        connect(action, &QAction::triggered, this,
                [this, id = QString::fromStdString(t.id)] { applyPatternTemplate(id); });
    }
    // Enabled states follow the selection and the model (a new reader flow enables a cache).
    connect(m_patternMenu, &QMenu::aboutToShow, this, &MainWindow::updatePatternActions);

    connect(m_scaleSlider, &charts::ScaleSlider::scaleChanged, this, [this](double scale) {
        statusBar()->showMessage(scale == 1
                                     ? tr("What if: the model as estimated")
                                     : tr("What if: every rate, volume and growth x%1").arg(scale),
                                 3000);
    });
}

bool MainWindow::applyPatternTemplate(const QString& templateId) {
    const QStringList selection = m_document->selection();
    const std::string target = selection.size() == 1 ? selection.front().toStdString() : "";
    // Placed against the diagram as drawn: a model saved without a layout is shown laid out
    // provisionally, and the new elements belong next to the store the user sees.
    const auto result = plumb::applyPatternTemplate(m_document->model(), templateId.toStdString(),
                                                    target, m_scene->drawnLayout());
    if (!result.problem.empty()) {
        statusBar()->showMessage(QString::fromStdString(result.problem), 8000);
        return false;
    }
    QStringList added;
    for (const auto& id : result.added)
        if (result.model.findElement(id)) added << QString::fromStdString(id);
    const auto* t = plumb::findPatternTemplate(templateId.toStdString());
    m_document->undoStack()->push(new ReplaceModelCommand(
        m_document.get(), result.model,
        tr("%1 at %2").arg(QString::fromStdString(t->title), QString::fromStdString(target)),
        added.isEmpty() ? selection : added));
    statusBar()->showMessage(QString::fromStdString(result.summary), 8000);
    return true;
}

void MainWindow::updatePatternActions() {
    if (!m_patternMenu || !m_document) return;
    const QStringList selection = m_document->selection();
    const std::string target = selection.size() == 1 ? selection.front().toStdString() : "";
    for (QAction* action : m_patternMenu->actions()) {
        const std::string problem = plumb::templateProblem(
            m_document->model(), action->data().toString().toStdString(), target);
        const auto* t = plumb::findPatternTemplate(action->data().toString().toStdString());
        // A disabled item says why in its tooltip ("Nothing reads orders-db yet: ...").
        action->setEnabled(problem.empty());
        action->setToolTip(QString::fromStdString(problem.empty() ? t->summary : problem));
    }
}

void MainWindow::showInCatalogue(const QString& id) {
    m_catalogueDock->show();
    m_catalogueDock->raise();
    m_catalogue->showEntry(id);
}

} // namespace plumb::ui

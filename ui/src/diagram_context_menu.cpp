// The canvas's right-click menu (mainwindow.h): what people expect from draw.io and Archi (cut,
// copy, paste, delete), plus Plumbline's judgement on the item under the mouse (its findings,
// patterns to insert, technologies to compare, the catalogue page of its technology).
#include "plumbline/element_kinds.h"
#include "plumbline/knowledge.h"
#include "plumbline/pattern_templates.h"
#include "plumbline/technology_resolver.h"
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/mainwindow.h"

#include <QDockWidget>
#include <QGraphicsItem>
#include <QMenu>

namespace plumb::ui {
namespace {

// The id of the element, flow or context under `pos` (badges and labels are children of it).
QString idAt(diagram::DiagramView* view, const QPoint& pos) {
    for (QGraphicsItem* item : view->items(pos)) {
        for (QGraphicsItem* i = item; i; i = i->parentItem()) {
            if (auto* e = dynamic_cast<diagram::ElementItem*>(i)) return e->id();
            if (auto* f = dynamic_cast<diagram::FlowItem*>(i)) return f->id();
            if (auto* c = dynamic_cast<diagram::ContextItem*>(i)) return c->id();
        }
    }
    return {};
}

} // namespace

void MainWindow::createDiagramContextMenu() {
    // A scroll area handles its viewport's context-menu events with its own policy, and reports
    // the position in viewport coordinates.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu* menu = buildDiagramContextMenu(idAt(m_view, pos));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
}

QMenu* MainWindow::buildDiagramContextMenu(const QString& id) {
    // Right-clicking outside the selection selects what is under the mouse, as file managers do.
    if (!id.isEmpty() && !m_document->selection().contains(id)) m_document->setSelection({id});
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("diagramContextMenu"));
    auto addExisting = [this, menu](const char* name) {
        if (auto* action = findChild<QAction*>(QLatin1String(name))) menu->addAction(action);
    };
    const plumb::Element* element =
        id.isEmpty() ? nullptr : m_document->model().findElement(id.toStdString());
    if (!id.isEmpty()) {
        menu->addAction(tr("&Properties"), this, [this] {
            m_propertiesDock->show();
            m_propertiesDock->raise();
        });
        menu->addAction(tr("Show &Findings"), this, [this] {
            m_findingsDock->show();
            m_findingsDock->raise();
        });
    }
    if (element && plumb::holdsData(element->kind)) {
        menu->addAction(tr("&Compare Technologies"), this, [this] {
            m_chartsDock->show();
            m_chartsDock->raise();
            m_charts->showCandidates();
        });
        const plumb::Technology* known =
            element->technology
                ? plumb::resolveTechnology(plumb::builtinKnowledge(), *element->technology)
                      .technology
                : nullptr;
        if (known) {
            const QString technology = QString::fromStdString(known->id);
            menu->addAction(
                tr("About %1 in the Catalogue").arg(QString::fromStdString(known->name)), this,
                [this, technology] { showInCatalogue(technology); });
        }
    }
    if (element && plumb::traits(element->kind).ofRecord) {
        updatePatternActions();
        menu->addMenu(m_patternMenu);
    }
    if (!menu->isEmpty()) menu->addSeparator();
    if (!id.isEmpty()) {
        for (const char* name :
             {"actionCut", "actionCopy", "actionPaste", "actionDuplicate", "actionDelete"})
            addExisting(name);
    } else {
        for (const char* name : {"actionPaste", "actionSelectAll"})
            addExisting(name);
        menu->addSeparator();
        for (const char* name : {"actionAutoLayout", "actionZoomFit"})
            addExisting(name);
    }
    return menu;
}

} // namespace plumb::ui

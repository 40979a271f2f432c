#include "plumbline/ui/findings/waived_actions.h"

#include "plumbline/checker.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/findings/waiver_command.h"
#include "plumbline/ui/user_dialogs.h"

#include <QAction>
#include <QBoxLayout>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>

namespace plumb::ui {

namespace {

QString q(const plumb::Text& text) {
    return text ? QString::fromStdString(*text) : QString();
}

} // namespace

WaivedFindingActions::WaivedFindingActions(QTreeView* list, FindingsModel* findings,
                                           UserDialogs* dialogs, QWidget* dialogWindow)
    : QObject(list), m_list(list), m_findings(findings), m_dialogs(dialogs),
      m_dialogWindow(dialogWindow), m_lift(new QAction(tr("Lift Waiver"), this)),
      m_edit(new QAction(tr("Edit Waiver…"), this)) {
    m_lift->setObjectName(QStringLiteral("actionLiftWaiver"));
    m_lift->setToolTip(tr("Remove the waiver: the finding counts again"));
    m_edit->setObjectName(QStringLiteral("actionEditWaiver"));
    m_edit->setToolTip(tr("Change the waiver's reason, author or expiry date"));
    list->addAction(m_edit);
    list->addAction(m_lift);
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_lift, &QAction::triggered, this, [this] { liftSelected(); });
    connect(m_edit, &QAction::triggered, this, [this] { editSelected(); });
    connect(list, &QTreeView::doubleClicked, this, [this] { editSelected(); });
    connect(list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WaivedFindingActions::updateEnabled);
    connect(findings, &FindingsModel::findingsChanged, this, &WaivedFindingActions::updateEnabled);
    updateEnabled();
}

void WaivedFindingActions::addButtonsTo(QBoxLayout* bar, QWidget* parent) const {
    for (QAction* action : {m_edit, m_lift}) {
        auto* button = new QToolButton(parent);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
}

void WaivedFindingActions::updateEnabled() {
    const bool enabled = selectedWaiver().has_value();
    m_lift->setEnabled(enabled);
    m_edit->setEnabled(enabled);
}

std::optional<std::size_t> WaivedFindingActions::selectedWaiver() const {
    Document* document = m_findings->document();
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (!document || rows.isEmpty()) return std::nullopt;
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(m_list->model());
    const int row = proxy ? proxy->mapToSource(rows.first()).row() : rows.first().row();
    const auto& findings = m_findings->findings();
    if (row < 0 || row >= static_cast<int>(findings.size())) return std::nullopt;
    return plumb::waiverFor(document->model(), findings[static_cast<std::size_t>(row)]);
}

bool WaivedFindingActions::liftSelected() {
    const auto index = selectedWaiver();
    if (!index) return false;
    Document* document = m_findings->document();
    document->undoStack()->push(new RemoveWaiverCommand(document, *index));
    return true;
}

bool WaivedFindingActions::editSelected() {
    const auto index = selectedWaiver();
    if (!index) return false;
    Document* document = m_findings->document();
    const plumb::Waiver& waiver = document->model().waivers[*index];
    const QModelIndex row = m_list->selectionModel()->selectedRows().first();
    const QString title = row.siblingAtColumn(FindingsTableModel::FindingColumn).data().toString();
    const QString where = row.siblingAtColumn(FindingsTableModel::ElementColumn).data().toString();
    WaiverFields initial{q(waiver.reason), q(waiver.author),
                         QDate::fromString(q(waiver.expires), Qt::ISODate)};
    if (initial.reason.isEmpty()) initial.reason = tr("(no reason given)");
    const auto answer = m_dialogs->askWaiver(m_dialogWindow, title, where, initial);
    if (!answer) return false;
    plumb::Waiver edited = waiver;
    edited.reason = answer->reason.toStdString();
    if (answer->author.isEmpty())
        edited.author.reset();
    else
        edited.author = answer->author.toStdString();
    if (answer->expires.isValid())
        edited.expires = answer->expires.toString(Qt::ISODate).toStdString();
    else
        edited.expires.reset();
    if (edited == waiver) return false;
    document->undoStack()->push(new EditWaiverCommand(document, *index, std::move(edited)));
    return true;
}

} // namespace plumb::ui

#include "plumbline/ui/findings/findings_panel.h"

#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/findings/finding_details.h"
#include "plumbline/ui/findings/findings_comparison.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/severity_style.h"
#include "plumbline/ui/findings/waived_actions.h"
#include "plumbline/ui/findings/waiver_command.h"
#include "plumbline/ui/findings/waiver_dialog.h"
#include "plumbline/ui/user_dialogs.h"

#include <QAction>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <optional>

namespace plumb::ui {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

// One of the panel's two lists: open or waived findings, by severity and text.
class FindingsFilter : public QSortFilterProxyModel {
public:
    FindingsFilter(bool waived, QObject* parent) : QSortFilterProxyModel(parent), m_waived(waived) {
        setFilterCaseSensitivity(Qt::CaseInsensitive);
        setFilterRole(FindingsTableModel::SearchRole);
        setFilterKeyColumn(0);
    }
    void setSeverity(std::optional<plumb::Severity> severity) {
        m_severity = severity;
        invalidateFilter();
    }
    void setOnlyNew(bool on) {
        m_onlyNew = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (index.data(FindingsTableModel::WaivedRole).toBool() != m_waived) return false;
        if (m_severity && index.data(FindingsTableModel::SeverityRole).toInt() != int(*m_severity))
            return false;
        if (m_onlyNew && index.data(FindingsTableModel::ChangeRole).toString() != "new")
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool m_waived;
    std::optional<plumb::Severity> m_severity;
    bool m_onlyNew = false;
};

QString changeKey(const std::string& rule, const std::string& element) {
    return QString::fromStdString(rule) + QLatin1Char('\n') + QString::fromStdString(element);
}

constexpr int kSeverityColumnWidth = 92;

QTreeView* makeList(QAbstractItemModel* model, const QString& name, QWidget* parent) {
    auto* list = new QTreeView(parent);
    list->setObjectName(name);
    list->setModel(model);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true); // thousands of rows on big models
    list->setAlternatingRowColors(true);
    list->setSelectionBehavior(QAbstractItemView::SelectRows);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setTextElideMode(Qt::ElideRight);
    list->header()->setStretchLastSection(true);
    list->setColumnWidth(FindingsTableModel::SeverityColumn, kSeverityColumnWidth);
    list->setColumnWidth(FindingsTableModel::ElementColumn, 190);
    list->setColumnWidth(FindingsTableModel::FindingColumn, 320);
    return list;
}

} // namespace

// --- the rows ------------------------------------------------------------------------------

FindingsTableModel::FindingsTableModel(FindingsModel* findings, QObject* parent)
    : QAbstractTableModel(parent), m_findings(findings) {
    connect(findings, &FindingsModel::findingsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int FindingsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_findings->findings().size());
}

int FindingsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsTableModel::elementName(const std::string& id) const {
    if (id.empty()) return tr("Whole model");
    const Document* document = m_findings->document();
    if (const plumb::Element* element = document ? document->model().findElement(id) : nullptr)
        return q(element->displayName());
    return q(id);
}

void FindingsTableModel::setComparison(const plumb::FindingsDiff* diff) {
    beginResetModel();
    m_changes.clear();
    if (diff) {
        for (const auto& finding : diff->added)
            m_changes.insert(changeKey(finding.rule, finding.element), QStringLiteral("new"));
        for (const auto& change : diff->changed)
            m_changes.insert(changeKey(change.finding.rule, change.finding.element),
                             QStringLiteral("updated"));
    }
    endResetModel();
}

QString FindingsTableModel::changeOf(const plumb::Finding& finding) const {
    return m_changes.isEmpty() ? QString()
                               : m_changes.value(changeKey(finding.rule, finding.element));
}

QVariant FindingsTableModel::data(const QModelIndex& index, int role) const {
    const auto& findings = m_findings->findings();
    if (!index.isValid() || index.row() >= static_cast<int>(findings.size())) return {};
    const plumb::Finding& finding = findings[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ElementIdRole:
        return q(finding.element);
    case RuleRole:
        return q(finding.rule);
    case WaivedRole:
        return finding.waived;
    case SeverityRole:
        return int(finding.severity);
    case ChangeRole:
        return changeOf(finding);
    case Qt::FontRole:
        if (!changeOf(finding).isEmpty()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SearchRole:
        return QStringList{elementName(finding.element), q(finding.element), q(finding.title),
                           q(finding.rule), q(finding.waiverReason)}
            .join('\n');
    case Qt::ToolTipRole: {
        const QString change = changeOf(finding);
        const QString since = change == "new"       ? tr("<p><b>New</b> since the comparison</p>")
                              : change == "updated" ? tr("<p><b>Severity changed</b> since the "
                                                         "comparison</p>")
                                                    : QString();
        return QStringLiteral("<b>%1</b><p>%2</p>%4<p style='color:gray'>%3</p>")
            .arg(q(finding.title).toHtmlEscaped(), q(finding.message).toHtmlEscaped(),
                 q(finding.rule).toHtmlEscaped(), since);
    }
    default:
        break;
    }
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole) {
            const QString change = changeOf(finding);
            return change == "new"       ? tr("%1 · new").arg(severityName(finding.severity))
                   : change == "updated" ? tr("%1 · changed").arg(severityName(finding.severity))
                                         : severityName(finding.severity);
        }
        if (role == Qt::DecorationRole) return severityIcon(finding.severity);
        break;
    case ElementColumn:
        if (role == Qt::DisplayRole) return elementName(finding.element);
        break;
    case FindingColumn:
        if (role == Qt::DisplayRole) return q(finding.title);
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole)
            return finding.waiverExpired ? tr("(expired) %1").arg(q(finding.waiverReason))
                                         : q(finding.waiverReason);
        break;
    default:
        break;
    }
    return {};
}

QVariant FindingsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case ElementColumn:
        return tr("Element");
    case FindingColumn:
        return tr("Finding");
    case ReasonColumn:
        return tr("Waiver reason");
    default:
        return {};
    }
}

// --- the panel -----------------------------------------------------------------------------

FindingsPanel::FindingsPanel(FindingsModel* findings, UserDialogs* dialogs,
                             diagram::DiagramView* view, QWidget* parent)
    : QWidget(parent), m_findings(findings), m_dialogs(dialogs), m_view(view),
      m_model(new FindingsTableModel(findings, this)), m_openProxy(new FindingsFilter(false, this)),
      m_waivedProxy(new FindingsFilter(true, this)), m_filter(new QLineEdit(this)),
      m_severity(new QComboBox(this)) {
    setObjectName(QStringLiteral("findingsPanel"));
    m_openProxy->setSourceModel(m_model);
    m_waivedProxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("findingsFilter"));
    m_filter->setPlaceholderText(tr("Filter by element, finding or rule"));
    m_filter->setClearButtonEnabled(true);
    m_severity->setObjectName(QStringLiteral("findingsSeverityFilter"));
    m_severity->addItem(tr("All severities"), -1);
    for (const auto severity :
         {plumb::Severity::Error, plumb::Severity::Warning, plumb::Severity::Info})
        m_severity->addItem(severityIcon(severity), severityName(severity), int(severity));

    m_waiveAction = new QAction(tr("Waive…"), this);
    m_waiveAction->setObjectName(QStringLiteral("actionWaiveFinding"));
    m_waiveAction->setToolTip(tr("Accept this finding with a reason (stored in the project)"));
    auto* waiveButton = new QToolButton(this);
    waiveButton->setDefaultAction(m_waiveAction);
    waiveButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_severity);
    bar->addWidget(waiveButton);

    m_learnMoreAction = new QAction(tr("Learn More"), this);
    m_learnMoreAction->setObjectName(QStringLiteral("actionLearnMore"));
    m_details = new FindingDetails(findings->knowledge(), this);
    m_comparison = new FindingsComparison(this);

    m_openList = makeList(m_openProxy, QStringLiteral("openFindings"), this);
    m_openList->setColumnHidden(FindingsTableModel::ReasonColumn, true);
    m_openList->addAction(m_waiveAction);
    m_openList->addAction(m_learnMoreAction);
    m_openList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_waivedList = makeList(m_waivedProxy, QStringLiteral("waivedFindings"), this);
    m_waivedList->setVisible(false);
    m_waivedActions = new WaivedFindingActions(m_waivedList, findings, dialogs, this);

    m_waivedToggle = new QToolButton(this);
    m_waivedToggle->setObjectName(QStringLiteral("waivedToggle"));
    m_waivedToggle->setCheckable(true);
    m_waivedToggle->setAutoRaise(true);
    m_waivedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_waivedToggle->setArrowType(Qt::RightArrow);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    QPalette muted = m_summary->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_summary->setPalette(muted);
    auto* waivedBar = new QHBoxLayout;
    waivedBar->setContentsMargins(2, 0, 6, 0);
    waivedBar->addWidget(m_waivedToggle);
    m_waivedActions->addButtonsTo(waivedBar, this);
    waivedBar->addStretch(1);
    waivedBar->addWidget(m_summary);

    // The lists on the left, the details on the right: the bottom dock is wide and short.
    auto* lists = new QWidget(this);
    auto* listsLayout = new QVBoxLayout(lists);
    listsLayout->setContentsMargins(0, 0, 0, 0);
    listsLayout->setSpacing(4);
    listsLayout->addWidget(m_openList, 3);
    listsLayout->addLayout(waivedBar);
    listsLayout->addWidget(m_waivedList, 2);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("findingsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(lists);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_comparison);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &FindingsPanel::applyFilters);
    connect(m_comparison, &FindingsComparison::onlyNewToggled, this, [this](bool on) {
        static_cast<FindingsFilter*>(m_openProxy)->setOnlyNew(on);
        updateCounts();
    });
    connect(m_severity, &QComboBox::currentIndexChanged, this, &FindingsPanel::applyFilters);
    connect(m_waivedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_waivedList->setVisible(open);
        m_waivedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    connect(m_openList, &QTreeView::clicked, this, &FindingsPanel::showFinding);
    connect(m_openList, &QTreeView::activated, this, &FindingsPanel::showFinding);
    connect(m_waivedList, &QTreeView::clicked, this, &FindingsPanel::showFinding);
    connect(m_waiveAction, &QAction::triggered, this, [this] { waiveSelected(); });
    connect(m_learnMoreAction, &QAction::triggered, this, [this] {
        if (!m_details->learnMoreIds().isEmpty())
            emit learnMoreRequested(m_details->learnMoreIds().first());
    });
    connect(m_details, &FindingDetails::learnMoreRequested, this,
            &FindingsPanel::learnMoreRequested);
    connect(m_openList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetails(current); });
    connect(m_waivedList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showDetails(current); });
    connect(m_openList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FindingsPanel::updateActions);
    connect(findings, &FindingsModel::findingsChanged, this, [this] {
        restoreSelection();
        updateCounts();
        updateActions();
    });
    updateCounts();
    updateActions();
}

void FindingsPanel::applyFilters() {
    const int severity = m_severity->currentData().toInt();
    const auto wanted =
        severity < 0 ? std::nullopt : std::optional(static_cast<plumb::Severity>(severity));
    for (auto* proxy : {m_openProxy, m_waivedProxy}) {
        static_cast<FindingsFilter*>(proxy)->setSeverity(wanted);
        proxy->setFilterFixedString(m_filter->text());
    }
    updateCounts();
}

void FindingsPanel::updateCounts() {
    m_waivedToggle->setText(tr("Waived (%1)").arg(m_waivedProxy->rowCount()));
    const int shown = m_openProxy->rowCount();
    const int open = static_cast<int>(m_findings->findings().size()) - m_findings->waivedCount();
    m_summary->setText(shown == open ? (open == 1 ? tr("1 finding") : tr("%1 findings").arg(open))
                                     : tr("%1 of %2 shown").arg(shown).arg(open));
}

void FindingsPanel::updateActions() {
    m_waiveAction->setEnabled(m_findings->document() &&
                              m_openList->selectionModel()->hasSelection());
    const QStringList ids = m_details->learnMoreIds();
    m_learnMoreAction->setEnabled(!ids.isEmpty());
    m_learnMoreAction->setText(ids.isEmpty()
                                   ? tr("Learn More")
                                   : tr("Learn more about %1").arg(m_details->entryName(ids[0])));
}

void FindingsPanel::showDetails(const QModelIndex& proxyIndex) {
    const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(proxyIndex.model());
    const int row = proxy ? proxy->mapToSource(proxyIndex).row() : -1;
    const auto& findings = m_findings->findings();
    if (row < 0 || row >= static_cast<int>(findings.size())) {
        m_details->showFinding(nullptr);
        m_shownRule.clear();
        m_shownElement.clear();
    } else {
        const plumb::Finding& finding = findings[static_cast<std::size_t>(row)];
        m_details->showFinding(
            &finding,
            proxyIndex.siblingAtColumn(FindingsTableModel::ElementColumn).data().toString());
        m_shownRule = finding.rule;
        m_shownElement = finding.element;
        m_shownWaived = finding.waived;
    }
    updateActions();
}

void FindingsPanel::restoreSelection() {
    // The table was reset (an edit, the what-if slider): select the same finding again if it
    // still fires, so its details follow the numbers as they change.
    if (m_shownRule.empty()) return showDetails({});
    QTreeView* list = m_shownWaived ? m_waivedList : m_openList;
    auto* proxy = static_cast<QSortFilterProxyModel*>(list->model());
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(FindingsTableModel::RuleRole).toString().toStdString() == m_shownRule &&
            index.data(FindingsTableModel::ElementIdRole).toString().toStdString() ==
                m_shownElement) {
            list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
            return showDetails(index);
        }
    }
    showDetails({});
}

void FindingsPanel::showFinding(const QModelIndex& proxyIndex) {
    Document* document = m_findings->document();
    const QString id = proxyIndex.data(FindingsTableModel::ElementIdRole).toString();
    if (!document || id.isEmpty()) return;
    document->setSelection({id});
    if (m_view) {
        const QRectF box = m_view->diagramScene()->boxOf(id);
        if (!box.isEmpty()) m_view->centerOn(box.center());
    }
}

void FindingsPanel::showComparison(const QString& label, const plumb::FindingsDiff& diff,
                                   const plumb::Model& old) {
    m_model->setComparison(&diff);
    m_comparison->show(label, diff, old);
    m_openList->resizeColumnToContents(FindingsTableModel::SeverityColumn); // "Warning · new"
    restoreSelection();
    updateCounts();
}

void FindingsPanel::endComparison() {
    if (!m_comparison->active()) return;
    m_comparison->clear(); // unticks "Only new", which lists every finding again
    m_model->setComparison(nullptr);
    m_openList->setColumnWidth(FindingsTableModel::SeverityColumn, kSeverityColumnWidth);
    restoreSelection();
    updateCounts();
}

bool FindingsPanel::waiveSelected() {
    Document* document = m_findings->document();
    const QModelIndexList rows = m_openList->selectionModel()->selectedRows();
    if (!document || rows.isEmpty()) return false;
    const QModelIndex row = rows.first();
    const QString rule = row.data(FindingsTableModel::RuleRole).toString();
    const QString element = row.data(FindingsTableModel::ElementIdRole).toString();
    const QString title = row.siblingAtColumn(FindingsTableModel::FindingColumn).data().toString();
    const QString where = row.siblingAtColumn(FindingsTableModel::ElementColumn).data().toString();
    const auto answer =
        m_dialogs->askWaiver(this, title, where, {{}, waiverAuthor(), defaultWaiverExpiry()});
    if (!answer || answer->reason.trimmed().isEmpty()) return false;
    document->undoStack()->push(new AddWaiverCommand(
        document, makeWaiver(rule.toStdString(), element.toStdString(), answer->reason,
                             answer->expires, answer->author)));
    return true;
}

} // namespace plumb::ui

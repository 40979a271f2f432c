#pragma once
// The Findings dock's content: the checker's findings as a table (severity, element, finding),
// with a text filter and a severity filter, and the waived findings apart under a "Waived"
// toggle with their reasons. Clicking a finding selects its element and centres it on the
// canvas; "Waive…" asks for a reason and adds the waiver to the model as one undo step. The
// details pane beside the lists explains the selected finding and links to the catalogue
// ("Learn more", also in the list's context menu).

#include "plumbline/model_diff.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QWidget>
#include <string>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace plumb::ui {

class FindingsComparison;
class WaivedFindingActions;

class FindingDetails;
class FindingsModel;
class UserDialogs;
namespace diagram {
class DiagramView;
}

// The findings as rows, waived or not; FindingsPanel filters them into its two lists.
class FindingsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, ElementColumn, FindingColumn, ReasonColumn, ColumnCount };
    enum Role {
        ElementIdRole = Qt::UserRole + 1,
        RuleRole,
        WaivedRole,
        SeverityRole,
        SearchRole,
        // During a comparison: "new" (not in the compared model), "updated" (its severity
        // changed), or empty.
        ChangeRole
    };

    explicit FindingsTableModel(FindingsModel* findings, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Marks the findings a comparison reports as new or changed in severity; empty ends it.
    void setComparison(const plumb::FindingsDiff* diff);

private:
    QString elementName(const std::string& id) const;
    QString changeOf(const plumb::Finding& finding) const;
    FindingsModel* m_findings;
    // "rule\nelement" -> "new" | "updated"
    QHash<QString, QString> m_changes;
};

class FindingsPanel : public QWidget {
    Q_OBJECT
public:
    FindingsPanel(FindingsModel* findings, UserDialogs* dialogs, diagram::DiagramView* view,
                  QWidget* parent = nullptr);

    QTreeView* openList() const { return m_openList; }
    QTreeView* waivedList() const { return m_waivedList; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* severityFilter() const { return m_severity; }
    QToolButton* waivedToggle() const { return m_waivedToggle; }
    QAction* waiveAction() const { return m_waiveAction; }
    // Lift and edit the waiver of the finding selected in the Waived list.
    WaivedFindingActions* waivedActions() const { return m_waivedActions; }
    // "Learn more about <pattern>": the selected finding's first pattern or alternative.
    QAction* learnMoreAction() const { return m_learnMoreAction; }
    FindingDetails* details() const { return m_details; }

    // Selects the element of the finding at `proxyIndex` (of either list) and centres it.
    void showFinding(const QModelIndex& proxyIndex);
    // Asks for a reason and waives the finding selected in the open list; false if cancelled.
    bool waiveSelected();

    // During a comparison (the Snapshots dock): new findings marked in the open list, "Only
    // new" to list just those, and the fixed ones apart. `old` names fixed findings' elements.
    void showComparison(const QString& label, const plumb::FindingsDiff& diff,
                        const plumb::Model& old);
    void endComparison();
    FindingsComparison* comparison() const { return m_comparison; }

signals:
    // A pattern or technology id to show in the catalogue.
    void learnMoreRequested(const QString& id);

private:
    void showDetails(const QModelIndex& proxyIndex);
    void restoreSelection();
    void applyFilters();
    void updateCounts();
    void updateActions();

    FindingsModel* m_findings;
    UserDialogs* m_dialogs;
    diagram::DiagramView* m_view;
    FindingsTableModel* m_model;
    QSortFilterProxyModel* m_openProxy;
    QSortFilterProxyModel* m_waivedProxy;
    QLineEdit* m_filter;
    QComboBox* m_severity;
    QTreeView* m_openList;
    QTreeView* m_waivedList;
    QToolButton* m_waivedToggle;
    QLabel* m_summary;
    QAction* m_waiveAction;
    WaivedFindingActions* m_waivedActions;
    QAction* m_learnMoreAction;
    FindingDetails* m_details;
    FindingsComparison* m_comparison;
    // The finding shown in the details pane (rule, element), found again after every update.
    std::string m_shownRule, m_shownElement;
    bool m_shownWaived = false;
};

} // namespace plumb::ui

#pragma once
// What the findings dock's Waived list offers on a waived finding: lift its waiver (the
// finding counts again) and edit it (reason, author, expiry), each one undo step. Context menu
// and buttons share the two actions.

#include <QObject>
#include <optional>

class QAction;
class QBoxLayout;
class QTreeView;
class QWidget;

namespace plumb::ui {

class FindingsModel;
class UserDialogs;

class WaivedFindingActions : public QObject {
    Q_OBJECT
public:
    // `list`: the Waived list (a proxy over FindingsTableModel); `dialogWindow` parents the
    // edit dialog.
    WaivedFindingActions(QTreeView* list, FindingsModel* findings, UserDialogs* dialogs,
                         QWidget* dialogWindow);

    QAction* liftAction() const { return m_lift; }
    QAction* editAction() const { return m_edit; }
    // Adds "Lift" and "Edit…" buttons to a bar.
    void addButtonsTo(QBoxLayout* bar, QWidget* parent) const;

    // On the finding selected in the Waived list; false when nothing changed.
    bool liftSelected();
    bool editSelected();
    void updateEnabled();

private:
    // The selected waived finding's waiver index in the model.
    std::optional<std::size_t> selectedWaiver() const;

    QTreeView* m_list;
    FindingsModel* m_findings;
    UserDialogs* m_dialogs;
    QWidget* m_dialogWindow;
    QAction* m_lift;
    QAction* m_edit;
};

} // namespace plumb::ui

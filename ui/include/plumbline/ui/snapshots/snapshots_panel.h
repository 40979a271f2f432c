#pragma once
// The Snapshots dock: named, dated versions of the model kept in the `.plumb` file's history
// (project_history.h). Save Snapshot stores the model as it is now; Compare shows what changed
// since a snapshot, another file or the last saved version: the canvas marks added (green),
// changed (amber) and removed (ghosted red) elements and flows, and the list beside it gives
// the same text as `plumbline diff`, new and fixed findings included. Restore makes a
// snapshot's model the document's, as one undoable edit.

#include "plumbline/model.h"
#include "plumbline/model_diff.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QGraphicsObject;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace plumb::ui {

class Document;
class UserDialogs;
namespace diagram {
class DiagramScene;
}

class SnapshotsPanel : public QWidget {
    Q_OBJECT
public:
    enum class Mark { None, Added, Changed, Removed };

    SnapshotsPanel(UserDialogs* dialogs, diagram::DiagramScene* scene, QWidget* parent = nullptr);
    ~SnapshotsPanel() override;

    void setDocument(Document* document);

    // Stores the model as it is now as a snapshot called `name`. Needs a `.plumb` document:
    // otherwise says so and returns false.
    bool saveSnapshot(const QString& name);
    // Asks for a name, then saves (File > Save Snapshot...).
    void saveSnapshotAsked();
    int snapshotCount() const;

    // Compare the open model against snapshot `row` (oldest first), the document's file as
    // last saved, or another model file. False (with a message) when that cannot be read.
    bool compareWithSnapshot(int row);
    bool compareWithSaved();
    bool compareWithFile(const QString& path);
    void endCompare();
    bool isComparing() const { return !m_marks.empty() || !m_compareText.isEmpty(); }
    QString compareText() const { return m_compareText; }
    // How the canvas marks an element, context or flow in the current comparison.
    Mark markOf(const QString& id) const;

    // Makes snapshot `row`'s model the document's model: one undo step.
    bool restoreSnapshot(int row);
    bool deleteSnapshot(int row);

signals:
    void message(const QString& text);
    // A comparison began (the findings dock marks new findings and lists fixed ones) or ended.
    void comparisonStarted(const QString& label, const plumb::FindingsDiff& findings,
                           const plumb::Model& old);
    void comparisonEnded();

private:
    void refresh();
    bool compareWith(const plumb::Model& old, const QString& label);
    void markScene(const plumb::Model& old);
    int currentRow() const;

    UserDialogs* m_dialogs;
    diagram::DiagramScene* m_scene;
    QPointer<Document> m_document;
    QTreeWidget* m_list;
    QLabel* m_hint;
    QPlainTextEdit* m_changes;
    QPushButton *m_save, *m_compare, *m_compareSaved, *m_endCompare, *m_restore, *m_delete;
    QString m_compareText;
    std::vector<std::pair<QString, Mark>> m_marks;
    // The marks, children of one item in the scene: deleted with it, or by the scene when it
    // rebuilds (the pointer then clears itself).
    QPointer<QGraphicsObject> m_layer;
};

} // namespace plumb::ui

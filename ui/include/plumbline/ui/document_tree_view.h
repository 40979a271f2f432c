#pragma once
// A tree view of the shared ModelTreeModel that follows the document's selection and keeps
// its expanded nodes across rebuilds. Used for the central tree and the model dock.

#include "plumbline/ui/document.h"
#include "plumbline/ui/model_tree.h"

#include <QPointer>
#include <QSet>
#include <QTreeView>

namespace plumb::ui {

class DocumentTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit DocumentTreeView(ModelTreeModel* model, QWidget* parent = nullptr);

    // Follows `document` from now on (nullptr: none); expands everything for a new document.
    void setDocument(Document* document);

private:
    void rememberExpansion();
    void restoreExpansion();
    void showSelection(const QStringList& ids);
    void publishSelection();

    ModelTreeModel* m_model;
    QPointer<Document> m_document;
    QSet<QString> m_expanded;
    bool m_busy = false; // set while we change the selection ourselves, to ignore the echo
};

} // namespace plumb::ui

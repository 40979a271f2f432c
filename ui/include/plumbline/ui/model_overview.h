#pragma once
// The central widget for now: a summary header (name, description, counts) above the model
// tree, or an empty state inviting to open something when there is no model content.

#include "plumbline/ui/document.h"
#include "plumbline/ui/model_tree.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace plumb::ui {

class DocumentTreeView;

class ModelOverview : public QWidget {
    Q_OBJECT
public:
    explicit ModelOverview(QWidget* parent = nullptr);

    void setDocument(Document* document);

    // Shared with the model dock so both show the same tree.
    ModelTreeModel* treeModel() const { return m_treeModel; }
    DocumentTreeView* treeView() const { return m_treeView; }
    bool isShowingEmptyState() const;

signals:
    // The empty state's buttons.
    void openRequested();
    void openExampleRequested();

private:
    void refresh(unsigned parts);
    QWidget* createEmptyState();

    QPointer<Document> m_document;
    ModelTreeModel* m_treeModel;
    QStackedWidget* m_pages;
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_counts;
    QLabel* m_kinds;
    DocumentTreeView* m_treeView;
    QWidget* m_contentPage;
    QWidget* m_emptyPage;
};

} // namespace plumb::ui

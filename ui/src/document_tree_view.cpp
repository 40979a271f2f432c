#include "plumbline/ui/document_tree_view.h"

#include <QHeaderView>
#include <functional>

namespace plumb::ui {

DocumentTreeView::DocumentTreeView(ModelTreeModel* model, QWidget* parent)
    : QTreeView(parent), m_model(model) {
    setModel(model);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAllColumnsShowFocus(true);
    setIconSize(QSize(16, 16));
    header()->setStretchLastSection(true);
    header()->setSectionsMovable(false);

    connect(model, &ModelTreeModel::aboutToRebuild, this, &DocumentTreeView::rememberExpansion);
    connect(model, &ModelTreeModel::rebuilt, this, &DocumentTreeView::restoreExpansion);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DocumentTreeView::publishSelection);
}

void DocumentTreeView::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    expandAll();
    if (!document) return;
    connect(document, &Document::selectionChanged, this, &DocumentTreeView::showSelection);
    showSelection(document->selection());
}

void DocumentTreeView::rememberExpansion() {
    // Removing the rows clears the selection; that is not the user deselecting anything.
    m_busy = true;
    m_expanded.clear();
    const std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (!isExpanded(index)) continue;
            m_expanded.insert(ModelTreeModel::nodeKey(index));
            visit(index);
        }
    };
    visit({});
}

void DocumentTreeView::restoreExpansion() {
    const std::function<void(const QModelIndex&)> visit = [&](const QModelIndex& parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (!m_expanded.contains(ModelTreeModel::nodeKey(index))) continue;
            expand(index);
            visit(index);
        }
    };
    visit({});
    m_busy = false;
    if (m_document) showSelection(m_document->selection());
}

void DocumentTreeView::showSelection(const QStringList& ids) {
    m_busy = true;
    QItemSelection selection;
    for (const QString& id : ids)
        if (const QModelIndex index = m_model->indexForId(id); index.isValid())
            selection.select(index, index.siblingAtColumn(m_model->columnCount() - 1));
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty()) scrollTo(selection.first().topLeft());
    m_busy = false;
}

void DocumentTreeView::publishSelection() {
    if (m_busy || !m_document) return;
    QStringList ids;
    for (const QModelIndex& index : selectionModel()->selectedRows(0))
        if (const QString id = index.data(ModelTreeModel::IdRole).toString(); !id.isEmpty())
            ids << id;
    m_document->setSelection(ids);
}

} // namespace plumb::ui

#pragma once
// The model as a read-only tree: contexts with their elements, "No context", "Flows",
// "Waivers"; columns Name / Kind / Technology / Details. Shared by the central tree and the
// model dock so both always show the same thing.

#include "plumbline/model.h"

#include <QStandardItemModel>

namespace plumb::ui {

class ModelTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, TechnologyColumn, DetailsColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // context, element or flow id (empty for groups and waivers)
        NodeTypeRole,              // a NodeType
    };
    enum class NodeType { Context, Element, Flow, Waiver, Group };

    explicit ModelTreeModel(QObject* parent = nullptr);

    // Rebuilds the whole tree; cheap for the hundreds of nodes a real model has. Views keep
    // their expansion and selection across it through aboutToRebuild() and rebuilt().
    void setModel(const plumb::Model& model);

    // The index of the node for a context, element or flow id, in column 0; invalid if none.
    QModelIndex indexForId(const QString& id) const;
    // A stable key for a node (its id, or the group's title) to restore expansion by.
    static QString nodeKey(const QModelIndex& index);

signals:
    void aboutToRebuild();
    void rebuilt();
};

} // namespace plumb::ui

#include "plumbline/ui/model_tree.h"

#include "plumbline/ui/display_text.h"
#include "plumbline/ui/kind_icons.h"

#include <QMap>

namespace plumb::ui {

namespace {

using NodeType = ModelTreeModel::NodeType;

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}
QString fromText(const plumb::Text& text) {
    return text ? fromStd(*text) : QString();
}
QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QStandardItem* cell(const QString& text, const QString& toolTip = {}) {
    auto* item = new QStandardItem(text);
    item->setEditable(false);
    if (!toolTip.isEmpty()) item->setToolTip(toolTip);
    return item;
}

// One row: a name cell carrying the node's identity, then the other three columns.
QList<QStandardItem*> row(const QIcon& icon, const QString& name, NodeType type, const QString& id,
                          const QString& kind, const QString& technology, const QString& details,
                          const QString& toolTip = {}) {
    auto* nameCell = cell(name, toolTip);
    nameCell->setIcon(icon);
    nameCell->setData(id, ModelTreeModel::IdRole);
    nameCell->setData(static_cast<int>(type), ModelTreeModel::NodeTypeRole);
    return {nameCell, cell(kind, toolTip), cell(technology), cell(details, details)};
}

void setBold(QStandardItem* item) {
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
}

QList<QStandardItem*> groupRow(const QIcon& icon, const QString& title, int count) {
    auto cells =
        row(icon, title, NodeType::Group, {}, {}, {}, QObject::tr("%n item(s)", nullptr, count));
    setBold(cells[0]);
    return cells;
}

QString elementToolTip(const plumb::Element& element) {
    QString tip = QStringLiteral("<b>%1</b> <span style='color:gray'>(%2)</span>")
                      .arg(fromStd(element.displayName()).toHtmlEscaped(),
                           fromStd(element.id).toHtmlEscaped());
    if (element.description) tip += "<br>" + fromStd(*element.description).toHtmlEscaped();
    return tip;
}

QList<QStandardItem*> elementRow(const plumb::Element& element) {
    return row(kindIcon(element.kind), fromStd(element.displayName()), NodeType::Element,
               fromStd(element.id), kindLabel(element.kind), fromText(element.technology),
               elementDetails(element), elementToolTip(element));
}

QString contextDetails(const plumb::Context& context) {
    QStringList parts;
    if (context.team) parts << QObject::tr("team %1").arg(fromStd(*context.team));
    if (context.description) parts << fromStd(*context.description);
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ModelTreeModel::ModelTreeModel(QObject* parent) : QStandardItemModel(parent) {
    setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Technology"), tr("Details")});
}

void ModelTreeModel::setModel(const plumb::Model& model) {
    emit aboutToRebuild();
    // Clearing the rows (not clear()) keeps the header labels.
    removeRows(0, rowCount());
    QStandardItem* root = invisibleRootItem();

    QMap<QString, QStandardItem*> contextItems;
    for (const auto& context : model.contexts) {
        const QString name =
            context.name && !context.name->empty() ? fromStd(*context.name) : fromStd(context.id);
        auto cells =
            row(contextIcon(), name, NodeType::Context, fromStd(context.id), tr("context"), {},
                contextDetails(context), fromText(context.description).toHtmlEscaped());
        setBold(cells[0]); // top-level nodes in bold make the tree scannable
        contextItems.insert(fromStd(context.id), cells[0]);
        root->appendRow(cells);
    }

    QList<const plumb::Element*> withoutContext;
    for (const auto& element : model.elements) {
        QStandardItem* parent =
            element.context ? contextItems.value(fromStd(*element.context)) : nullptr;
        if (parent)
            parent->appendRow(elementRow(element));
        else
            withoutContext << &element;
    }
    if (!withoutContext.isEmpty()) {
        auto group = groupRow(noContextIcon(), tr("No context"), int(withoutContext.size()));
        for (const auto* element : withoutContext)
            group[0]->appendRow(elementRow(*element));
        root->appendRow(group);
    }

    if (!model.flows.empty()) {
        auto group = groupRow(flowIcon(), tr("Flows"), int(model.flows.size()));
        const auto nameOf = [&model](const std::string& id) {
            const auto* element = model.findElement(id);
            return fromStd(element ? element->displayName() : id);
        };
        for (const auto& flow : model.flows) {
            const QString name = nameOf(flow.from) + QStringLiteral("  →  ") + nameOf(flow.to);
            QString tip = QStringLiteral("%1 → %2 (%3)")
                              .arg(fromStd(flow.from), fromStd(flow.to), fromStd(flow.id))
                              .toHtmlEscaped();
            if (flow.description) tip += "<br>" + fromStd(*flow.description).toHtmlEscaped();
            const QString style = flow.style ? fromView(plumb::spelling(*flow.style)) : tr("flow");
            group[0]->appendRow(row(flowIcon(), name, NodeType::Flow, fromStd(flow.id), style, {},
                                    flowDetails(flow), tip));
        }
        root->appendRow(group);
    }

    if (!model.waivers.empty()) {
        auto group = groupRow(waiverIcon(), tr("Waivers"), int(model.waivers.size()));
        for (const auto& waiver : model.waivers) {
            QStringList details;
            if (waiver.element) details << tr("on %1").arg(fromStd(*waiver.element));
            if (waiver.reason) details << fromStd(*waiver.reason);
            if (waiver.author) details << tr("by %1").arg(fromStd(*waiver.author));
            if (waiver.expires) details << tr("expires %1").arg(fromStd(*waiver.expires));
            group[0]->appendRow(
                row(waiverIcon(), waiver.rule ? fromStd(*waiver.rule) : tr("(any rule)"),
                    NodeType::Waiver, {}, tr("waiver"), {}, details.join(QStringLiteral(" · "))));
        }
        root->appendRow(group);
    }
    emit rebuilt();
}

QModelIndex ModelTreeModel::indexForId(const QString& id) const {
    if (id.isEmpty()) return {};
    const auto matches =
        match(index(0, NameColumn), IdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return matches.isEmpty() ? QModelIndex() : matches.first();
}

QString ModelTreeModel::nodeKey(const QModelIndex& index) {
    const QModelIndex name = index.siblingAtColumn(NameColumn);
    const QString id = name.data(IdRole).toString();
    return id.isEmpty() ? QStringLiteral("group:") + name.data().toString() : id;
}

} // namespace plumb::ui

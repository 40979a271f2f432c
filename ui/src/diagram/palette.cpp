#include "plumbline/ui/diagram/palette.h"

#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/kind_icons.h"

#include <QMimeData>

namespace plumb::ui::diagram {

namespace {

QString hint(plumb::ElementKind kind) {
    switch (kind) {
    case plumb::ElementKind::Actor:
        return QObject::tr("A person or client application outside the system");
    case plumb::ElementKind::Service:
        return QObject::tr("A long-running service or application");
    case plumb::ElementKind::Function:
        return QObject::tr("A serverless function: many short-lived instances");
    case plumb::ElementKind::Store:
        return QObject::tr("A system of record: data that exists nowhere else");
    case plumb::ElementKind::Cache:
        return QObject::tr("A copy of data whose source of truth is elsewhere");
    case plumb::ElementKind::Stream:
        return QObject::tr("An event log or topic (Kafka and the like)");
    case plumb::ElementKind::Queue:
        return QObject::tr("A message queue");
    case plumb::ElementKind::Pooler:
        return QObject::tr("A connection pooler (PgBouncer and the like)");
    case plumb::ElementKind::External:
        return QObject::tr("A system outside the architecture's control");
    }
    return {};
}

} // namespace

Palette::Palette(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("palette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(20, 20));
    setSpacing(1);
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);

    auto* context = new QListWidgetItem(contextIcon(), tr("Bounded context"), this);
    context->setData(Qt::UserRole, QStringLiteral("context"));
    context->setToolTip(tr("A container for the elements one team owns"));
    for (const auto spelled : plumb::spellings<plumb::ElementKind>()) {
        const auto kind = *plumb::fromString<plumb::ElementKind>(spelled);
        QString label = kindLabel(kind);
        label[0] = label[0].toUpper();
        auto* item = new QListWidgetItem(kindIcon(kind), label, this);
        item->setData(Qt::UserRole,
                      QString::fromLatin1(spelled.data(), static_cast<qsizetype>(spelled.size())));
        item->setToolTip(hint(kind) + tr("\nClick, then click on the canvas; or drag it there."));
    }
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        emit placementRequested(item->data(Qt::UserRole).toString());
    });
}

QStringList Palette::entries() {
    QStringList list{QStringLiteral("context")};
    for (const auto spelled : plumb::spellings<plumb::ElementKind>())
        list << QString::fromLatin1(spelled.data(), static_cast<qsizetype>(spelled.size()));
    return list;
}

QStringList Palette::mimeTypes() const {
    return {QString::fromLatin1(kPaletteMimeType)};
}

QMimeData* Palette::mimeData(const QList<QListWidgetItem*>& items) const {
    if (items.isEmpty()) return nullptr;
    auto* data = new QMimeData;
    data->setData(kPaletteMimeType, items.first()->data(Qt::UserRole).toString().toUtf8());
    return data;
}

} // namespace plumb::ui::diagram

#include "plumbline/ui/diagram/palette.h"

#include "plumbline/element_kinds.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/kind_icons.h"

#include <QMimeData>

namespace plumb::ui::diagram {

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
    for (const plumb::KindTraits& row : plumb::kKindTraits) {
        const auto kind = row.kind;
        const std::string_view spelled = row.spelling;
        QString label = kindLabel(kind);
        label[0] = label[0].toUpper();
        auto* item = new QListWidgetItem(kindIcon(kind), label, this);
        item->setData(Qt::UserRole,
                      QString::fromLatin1(spelled.data(), static_cast<qsizetype>(spelled.size())));
        item->setToolTip(
            QString::fromUtf8(row.hint.data(), static_cast<qsizetype>(row.hint.size())) +
            tr("\nClick, then click on the canvas; or drag it there."));
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

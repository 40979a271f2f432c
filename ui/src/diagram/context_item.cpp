#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace plumb::ui::diagram {

namespace {

constexpr double kGrip = 14.0;

QFont titleFont() {
    QFont font;
    font.setPixelSize(13);
    font.setWeight(QFont::Bold);
    return font;
}

QFont subtitleFont() {
    QFont font;
    font.setPixelSize(11);
    return font;
}

} // namespace

ContextItem::ContextItem(const plumb::Context& context, QSizeF size, int colourIndex)
    : m_id(QString::fromStdString(context.id)), m_size(size), m_colourIndex(colourIndex) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(0); // behind flows (1) and elements (2)
    setContext(context);
}

void ContextItem::setContext(const plumb::Context& context) {
    m_title = QString::fromStdString(context.name.value_or(context.id));
    m_subtitle = context.team ? QObject::tr("team %1").arg(QString::fromStdString(*context.team))
                              : QString();
    setToolTip(context.description ? QString::fromStdString(*context.description) : m_title);
    setSize(m_size);
}

void ContextItem::setSize(QSizeF size) {
    prepareGeometryChange();
    m_size = size;
    const QFontMetricsF metrics(titleFont());
    const QString title = metrics.elidedText(m_title, Qt::ElideRight, size.width() - 24);
    m_titleText.setText(title);
    m_titleText.setTextFormat(Qt::PlainText);
    m_titleText.prepare(QTransform(), titleFont());
    const double used = metrics.horizontalAdvance(title);
    m_subtitleText.setText(
        QFontMetricsF(subtitleFont())
            .elidedText(m_subtitle, Qt::ElideRight, std::max(0.0, size.width() - used - 40)));
    m_subtitleText.setTextFormat(Qt::PlainText);
    m_subtitleText.prepare(QTransform(), subtitleFont());
    update();
}

bool ContextItem::isResizeHandle(QPointF itemPos) const {
    return itemPos.x() >= m_size.width() - kGrip && itemPos.y() >= m_size.height() - kGrip &&
           itemPos.x() <= m_size.width() + 2 && itemPos.y() <= m_size.height() + 2;
}

QRectF ContextItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void ContextItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF box(QPointF(0, 0), m_size);
    const bool selected = isSelected();
    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextLevelOfDetail);
    painter->setPen(
        QPen(selected ? selectionColor() : contextBorder(m_colourIndex), selected ? 2.0 : 1.2));
    painter->setBrush(contextFill(m_colourIndex));
    painter->drawRoundedRect(box, 12, 12);
    if (lod < kShapeLevelOfDetail) return;

    // A header band with the name (and team), like a swimlane title.
    painter->setPen(Qt::NoPen);
    painter->setBrush(contextHeaderFill(m_colourIndex));
    QPainterPath header;
    header.addRoundedRect(QRectF(0, 0, m_size.width(), kContextHeaderHeight), 12, 12);
    QPainterPath lower;
    lower.addRect(QRectF(0, kContextHeaderHeight / 2, m_size.width(), kContextHeaderHeight / 2));
    painter->drawPath(header.united(lower).intersected([&] {
        QPainterPath clip;
        clip.addRoundedRect(box.adjusted(0.6, 0.6, -0.6, -0.6), 12, 12);
        return clip;
    }()));
    painter->setPen(textColor());
    // Zoomed out so far that the title would be a few pixels high: the name alone, at a size
    // that reads on screen (elements, drawn above the frame, cover what reaches below the band).
    if (const double farPixels = std::ceil(kFarNameScreenPx / lod);
        farPixels > titleFont().pixelSize()) {
        QFont font = titleFont();
        font.setPixelSize(static_cast<int>(farPixels));
        const QFontMetricsF metrics(font);
        painter->setFont(font);
        const double width = m_size.width() - 24;
        painter->drawText(QRectF(12, 2, width, metrics.height()), Qt::AlignLeft | Qt::AlignTop,
                          metrics.elidedText(m_title, Qt::ElideRight, width));
    } else {
        painter->setFont(titleFont());
        const double titleTop = (kContextHeaderHeight - m_titleText.size().height()) / 2;
        painter->drawStaticText(QPointF(12, titleTop), m_titleText);
        if (!m_subtitle.isEmpty()) {
            painter->setPen(mutedTextColor());
            painter->setFont(subtitleFont());
            painter->drawStaticText(
                QPointF(12 + m_titleText.size().width() + 10,
                        (kContextHeaderHeight - m_subtitleText.size().height()) / 2),
                m_subtitleText);
        }
    }
    if (selected) { // the resize grip
        painter->setPen(QPen(selectionColor(), 1.4));
        for (double d : {4.0, 8.0, 12.0})
            painter->drawLine(QPointF(m_size.width() - d, m_size.height() - 2),
                              QPointF(m_size.width() - 2, m_size.height() - d));
    }
}

QVariant ContextItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && scene()) {
        QPointF next = value.toPointF();
        if (dragSnapping()) next = snappedToGrid(next);
        // Members ride along, except those selected: the scene moves those itself.
        // They keep their offsets exactly, so they are not snapped on their own.
        const QPointF delta = next - pos();
        const bool snapping = dragSnapping();
        setDragSnapping(false);
        for (ElementItem* member : m_members)
            if (!member->isSelected()) member->moveBy(delta.x(), delta.y());
        setDragSnapping(snapping);
        return next;
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace plumb::ui::diagram

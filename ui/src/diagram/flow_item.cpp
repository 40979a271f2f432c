#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/display_text.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace plumb::ui::diagram {

namespace {

bool s_orthogonal = true;
constexpr double kArrowLength = 10.0;
constexpr double kArrowHalfWidth = 4.5;

QFont labelFont() {
    QFont font;
    font.setPixelSize(10);
    return font;
}

QPolygonF arrowHead(QPointF tip, QPointF from) {
    QLineF line(tip, from);
    if (line.length() < 1e-6) return {};
    const QPointF unit = (from - tip) / line.length();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = tip + unit * kArrowLength;
    return QPolygonF({tip, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth});
}

// Liang-Barsky: clips the segment to the rectangle; false when nothing of it is inside.
bool clipToRect(QLineF& line, const QRectF& rect) {
    double t0 = 0, t1 = 1;
    const double dx = line.dx(), dy = line.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                         rect.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    const QPointF start = line.p1();
    line = QLineF(start + QPointF(dx, dy) * t0, start + QPointF(dx, dy) * t1);
    return true;
}

} // namespace

FlowItem::FlowItem(const plumb::Flow& flow, ElementItem* from, ElementItem* to)
    : m_id(QString::fromStdString(flow.id)), m_from(from), m_to(to) {
    setFlags(ItemIsSelectable | ItemUsesExtendedStyleOption); // exposedRect, for clipping
    setZValue(1);
    setFlow(flow);
}

void FlowItem::setOrthogonal(bool orthogonal) {
    s_orthogonal = orthogonal;
}

bool FlowItem::isOrthogonal() {
    return s_orthogonal;
}

void FlowItem::setFlow(const plumb::Flow& flow) {
    m_style = flow.style;
    m_label = formatRates(flow);
    m_labelText.setText(m_label);
    m_labelText.setTextFormat(Qt::PlainText);
    m_labelText.prepare(QTransform(), labelFont());
    setToolTip(flowDetails(flow));
    updatePath();
}

void FlowItem::setParallelOffset(double offset) {
    m_offset = offset;
    updatePath();
}

void FlowItem::updatePath() {
    prepareGeometryChange();
    const QRectF a = m_from->sceneBox();
    const QRectF b = m_to->sceneBox();
    QPainterPath path;
    QPointF start, end, beforeEnd;
    if (m_from == m_to) { // a loop on the right side
        start = QPointF(a.right(), a.center().y() - 12);
        end = QPointF(a.right(), a.center().y() + 12);
        path.moveTo(start);
        path.lineTo(start + QPointF(24, 0));
        path.lineTo(end + QPointF(24, 0));
        path.lineTo(end);
        beforeEnd = end + QPointF(24, 0);
        m_labelAnchor = QPointF(a.right() + 24, a.center().y());
    } else if (s_orthogonal) {
        // Leave and enter through the sides facing each other; one bend pair in the middle.
        const QPointF d = b.center() - a.center();
        const bool horizontal = std::abs(d.x()) - (a.width() + b.width()) / 2 >
                                std::abs(d.y()) - (a.height() + b.height()) / 2;
        if (horizontal) {
            const double sign = d.x() >= 0 ? 1 : -1;
            start = QPointF(sign > 0 ? a.right() : a.left(), a.center().y() + m_offset);
            end = QPointF(sign > 0 ? b.left() : b.right(), b.center().y() + m_offset);
            const double midX = (start.x() + end.x()) / 2;
            path.moveTo(start);
            path.lineTo(midX, start.y());
            path.lineTo(midX, end.y());
            path.lineTo(end);
            beforeEnd = QPointF(midX, end.y());
            m_labelAnchor = QPointF(midX, (start.y() + end.y()) / 2);
        } else {
            const double sign = d.y() >= 0 ? 1 : -1;
            start = QPointF(a.center().x() + m_offset, sign > 0 ? a.bottom() : a.top());
            end = QPointF(b.center().x() + m_offset, sign > 0 ? b.top() : b.bottom());
            const double midY = (start.y() + end.y()) / 2;
            path.moveTo(start);
            path.lineTo(start.x(), midY);
            path.lineTo(end.x(), midY);
            path.lineTo(end);
            beforeEnd = QPointF(end.x(), midY);
            m_labelAnchor = QPointF((start.x() + end.x()) / 2, midY);
        }
        if (QLineF(beforeEnd, end).length() < 1) beforeEnd = start;
    } else {
        const QPointF shift = [&] {
            const QLineF centres(a.center(), b.center());
            if (centres.length() < 1e-6) return QPointF();
            const QPointF unit = (b.center() - a.center()) / centres.length();
            return QPointF(-unit.y(), unit.x()) * m_offset;
        }();
        start = m_from->connectionPoint(b.center() + shift) + shift;
        end = m_to->connectionPoint(a.center() + shift) + shift;
        path.moveTo(start);
        path.lineTo(end);
        beforeEnd = start;
        m_labelAnchor = (start + end) / 2;
    }
    m_path = path;
    m_points.clear();
    for (int i = 0; i < path.elementCount(); ++i)
        m_points << QPointF(path.elementAt(i));
    m_arrow = arrowHead(end, beforeEnd);
    const QSizeF label = m_labelText.size() + QSizeF(12, 4);
    m_bounds =
        m_path.boundingRect()
            .united(m_arrow.boundingRect())
            .united(QRectF(m_labelAnchor - QPointF(label.width() / 2, label.height() / 2), label))
            .adjusted(-4, -4, 4, 4);
    update();
}

QRectF FlowItem::boundingRect() const {
    return m_bounds;
}

QPainterPath FlowItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath shape = stroker.createStroke(m_path);
    shape.addPolygon(m_arrow);
    return shape;
}

void FlowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = isSelected();
    if (lod < 0.2) { // far away the route matters, the dash pattern does not
        painter->setPen(QPen(flowColor(m_style), 0));
        painter->drawPath(m_path);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextLevelOfDetail);
    painter->setPen(flowPen(m_style, selected));
    painter->setBrush(Qt::NoBrush);
    // A dash pattern is computed along the whole route, even where it is off screen; for a
    // long route seen up close, draw only the pieces inside the exposed area.
    // What is visible: the device's area mapped back into item coordinates.
    const QRectF device = painter->worldTransform().inverted().mapRect(
        QRectF(QPointF(0, 0), QSizeF(painter->device()->width(), painter->device()->height())));
    const QRectF exposed = option->exposedRect.intersected(device).adjusted(-8, -8, 8, 8);
    if (m_bounds.width() * m_bounds.height() > 4 * exposed.width() * exposed.height()) {
        for (int i = 1; i < m_points.size(); ++i) {
            QLineF segment(m_points[i - 1], m_points[i]);
            if (clipToRect(segment, exposed)) painter->drawLine(segment);
        }
    } else {
        painter->drawPath(m_path);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? selectionColor() : flowColor(m_style));
    painter->drawPolygon(m_arrow);
    if (lod < kTextLevelOfDetail || m_label.isEmpty()) return;

    const QSizeF textSize = m_labelText.size();
    const QRectF pill(m_labelAnchor - QPointF(textSize.width() / 2 + 6, textSize.height() / 2 + 2),
                      textSize + QSizeF(12, 4));
    painter->setPen(QPen(selected ? selectionColor() : QColor(0xD1, 0xD5, 0xDB), 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(textColor());
    painter->setFont(labelFont());
    painter->drawStaticText(pill.topLeft() + QPointF(6, 2), m_labelText);
}

} // namespace plumb::ui::diagram

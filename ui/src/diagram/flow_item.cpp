#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/display_text.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QPixmapCache>
#include <QStyleOptionGraphicsItem>
#include <cmath>

namespace plumb::ui::diagram {

namespace {

bool s_orthogonal = true;
constexpr double kArrowLength = 10.0;
constexpr double kArrowHalfWidth = 4.5;

// The label font's pixel size.
constexpr double kLabelFontPx = 10;

QFont labelFont() {
    QFont font;
    font.setPixelSize(static_cast<int>(kLabelFontPx));
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

bool axisParallel(const QPolygonF& route) {
    for (int i = 1; i < route.size(); ++i)
        if (route[i].x() != route[i - 1].x() && route[i].y() != route[i - 1].y()) return false;
    return route.size() > 1;
}

// Draws an axis-parallel route given in device pixels as filled rectangles, dashes included,
// only where it crosses `clip`. Qt strokes a wide dashed pen by building and filling an
// outline for every dash along the whole route, which cost most of a repaint at 100%; this is
// about fifty times cheaper and just as crisp (the widths are whole pixels).
void fillRoute(QPainter* painter, const QPolygonF& route, const QList<qreal>& pattern, double width,
               const QRectF& clip, const QColor& colour) {
    double period = 0;
    for (const qreal dash : pattern)
        period += dash;
    const bool dashed = pattern.size() >= 2 && period > 0.5;
    const double half = width / 2;
    double along = 0; // where the segment starts on the route: keeps the dashes in phase
    for (int i = 1; i < route.size(); ++i) {
        const QPointF a = route[i - 1], b = route[i];
        const bool horizontal = a.y() == b.y();
        const double length = horizontal ? std::abs(b.x() - a.x()) : std::abs(b.y() - a.y());
        const double direction = (horizontal ? b.x() - a.x() : b.y() - a.y()) >= 0 ? 1 : -1;
        // The part of the segment inside the clip, as distances from `a`.
        const double across = horizontal ? a.y() : a.x();
        const double clipLow = horizontal ? clip.left() : clip.top();
        const double clipHigh = horizontal ? clip.right() : clip.bottom();
        const double acrossLow = horizontal ? clip.top() : clip.left();
        const double acrossHigh = horizontal ? clip.bottom() : clip.right();
        const double start = horizontal ? a.x() : a.y();
        double low = 0, high = length;
        if (across >= acrossLow - half && across <= acrossHigh + half) {
            double t0 = (clipLow - start) * direction, t1 = (clipHigh - start) * direction;
            if (t0 > t1) std::swap(t0, t1);
            low = std::max(low, t0);
            high = std::min(high, t1);
        } else {
            high = low; // nothing of it shows
        }
        const double edge = std::round(across - half); // whole pixels: every flow as wide
        const auto fill = [&](double from, double to) {
            const double p0 = start + direction * from, p1 = start + direction * to;
            const double lo = std::min(p0, p1), hi = std::max(p0, p1);
            painter->fillRect(horizontal ? QRectF(lo, edge, hi - lo, width)
                                         : QRectF(edge, lo, width, hi - lo),
                              colour);
        };
        if (low < high) {
            if (!dashed) {
                // Half a width past each end fills the corner where two segments meet.
                fill(std::max(-half, low - half), std::min(length + half, high + half));
            } else {
                double phase = std::fmod(along + low, period);
                int index = 0;
                while (phase >= pattern[index]) {
                    phase -= pattern[index];
                    index = (index + 1) % static_cast<int>(pattern.size());
                }
                double t = low;
                double remaining = pattern[index] - phase;
                while (t < high) {
                    const double end = std::min(high, t + remaining);
                    if (index % 2 == 0 && end > t) fill(t, end);
                    t = end;
                    index = (index + 1) % static_cast<int>(pattern.size());
                    remaining = pattern[index];
                }
            }
        }
        along += length;
    }
}

// The label's pill and text as one pixmap at the device's scale: painting it is a blit, not a
// rounded-rect fill, a stroke and a text run per flow. Flows with the same label share it
// through QPixmapCache, which also bounds the memory.
QPixmap labelPixmap(const QStaticText& text, const QString& label, bool selected, double scale) {
    const int percent = std::max(1, static_cast<int>(std::lround(scale * 100)));
    const QString key = QStringLiteral("plumbline-flow-label|%1|%2|%3|%4")
                            .arg(percent)
                            .arg(int(selected))
                            .arg(int(darkDiagramStyle()))
                            .arg(label);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap)) return pixmap;
    scale = percent / 100.0;
    const QSizeF pill = text.size() + QSizeF(12, 4);
    pixmap = QPixmap(QSize(static_cast<int>(std::ceil((pill.width() + 1) * scale)),
                           static_cast<int>(std::ceil((pill.height() + 1) * scale))));
    pixmap.fill(Qt::transparent);
    // Scaled by hand, and the ratio set afterwards: QPainter does not apply a device pixel
    // ratio below 1, so zoomed-out labels came out twice too large and clipped.
    QPainter painter(&pixmap);
    painter.scale(scale, scale);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const QRectF rect(QPointF(0.5, 0.5), pill); // half a pixel in: the border stays whole
    painter.setPen(QPen(selected ? selectionColor() : labelBorder(), 1));
    painter.setBrush(labelFill());
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
    painter.setPen(textColor());
    painter.setFont(labelFont());
    painter.drawStaticText(rect.topLeft() + QPointF(6, 2), text);
    painter.end();
    pixmap.setDevicePixelRatio(scale);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
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

void FlowItem::setFlow(const plumb::Flow& flow, double rateScale) {
    m_style = flow.style;
    m_label = formatRates(flow, rateScale);
    m_labelText.setText(m_label);
    m_labelText.setTextFormat(Qt::PlainText);
    m_labelText.prepare(QTransform(), labelFont());
    setToolTip(flowDetails(flow, rateScale));
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
    m_labelMiddle = m_labelAnchor;
    updateBounds();
}

void FlowItem::updateBounds() {
    prepareGeometryChange();
    // Room for the label at its largest (flowLabelGrowth at the lowest zoom it is drawn at)
    // anywhere on the route: placing the label then never changes the item's geometry, so a
    // placement pass does not make the scene re-index every flow.
    const QSizeF label =
        (m_labelText.size() + QSizeF(12, 4)) * flowLabelGrowth(kFlowLabelLevelOfDetail);
    const double dx = label.width() / 2 + 4, dy = label.height() / 2 + 4;
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-dx, -dy, dx, dy);
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
    QPen pen = flowPen(m_style, selected);
    const QColor colour = selected ? selectionColor() : flowColor(m_style);
    const QTransform transform = painter->worldTransform();
    if (transform.type() <= QTransform::TxScale && axisParallel(m_points)) {
        // Orthogonal routes (the default) as rectangles in device pixels; see fillRoute.
        const double scale = pen.widthF() * lod;
        QList<qreal> dashes = pen.dashPattern(); // in pen widths
        for (qreal& dash : dashes)
            dash *= scale;
        const QRectF clip =
            transform.mapRect(option->exposedRect)
                .intersected(QRectF(0, 0, painter->device()->width(), painter->device()->height()))
                .adjusted(-4, -4, 4, 4);
        const QPolygonF route = transform.map(m_points);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->resetTransform();
        fillRoute(painter, route, dashes, std::max(1.0, std::round(scale)), clip, colour);
        painter->setWorldTransform(transform);
    } else {
        paintStroked(painter, option, pen, lod);
    }
    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextLevelOfDetail);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
    paintLabel(painter, lod, selected);
}

void FlowItem::paintStroked(QPainter* painter, const QStyleOptionGraphicsItem* option, QPen pen,
                            double lod) const {
    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextLevelOfDetail);
    // Up to 100%, at most one device pixel wide: Qt draws such pens with its fast cosmetic
    // stroker (dashes and antialiasing included) instead of filling a stroked outline, which
    // was most of a repaint's cost. Wider pens are for close-ups, where few flows show.
    if (const double deviceWidth = pen.widthF() * lod;
        !isSelected() && lod < 1.05 && deviceWidth > 1) {
        QList<qreal> dashes = pen.dashPattern(); // in pen widths: keep their length on screen
        for (qreal& dash : dashes)
            dash *= deviceWidth;
        pen.setCosmetic(true);
        pen.setWidthF(1.0);
        if (!dashes.isEmpty()) pen.setDashPattern(dashes);
    }
    painter->setPen(pen);
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
}

double flowLabelGrowth(double lod) {
    return lod > 0 ? std::max(1.0, kLabelScreenPx / (kLabelFontPx * lod)) : 1.0;
}

void FlowItem::paintLabel(QPainter* painter, double lod, bool selected) const {
    if (lod < kFlowLabelLevelOfDetail || m_label.isEmpty()) return;
    // Zoomed out, the label keeps a readable size on screen: it grows around its anchor.
    const double growth = flowLabelGrowth(lod);
    const QTransform unscaled = painter->worldTransform();
    if (growth > 1) {
        painter->translate(m_labelAnchor);
        painter->scale(growth, growth);
        painter->translate(-m_labelAnchor);
        lod *= growth;
    }

    const QSizeF textSize = m_labelText.size();
    QPointF topLeft = m_labelAnchor - QPointF(textSize.width() / 2 + 6, textSize.height() / 2 + 2) -
                      QPointF(0.5, 0.5);
    const QTransform& transform = painter->worldTransform();
    if (transform.type() <= QTransform::TxScale) { // on whole device pixels: a crisp blit
        const QPointF device = transform.map(topLeft);
        topLeft = transform.inverted().map(QPointF(std::round(device.x()), std::round(device.y())));
    }
    painter->drawPixmap(topLeft, labelPixmap(m_labelText, m_label, selected,
                                             lod * painter->device()->devicePixelRatioF()));
    painter->setWorldTransform(unscaled);
}

} // namespace plumb::ui::diagram

#include "plumbline/element_kinds.h"
#include "plumbline/knowledge.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/kind_icons.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

namespace plumb::ui::diagram {

namespace {

constexpr double kHandleRadius = 5.0;
constexpr double kHandleGrab = 9.0; // a little more than drawn: handles are small targets

QFont nameFont() {
    QFont font;
    font.setPixelSize(13);
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont detailFont() {
    QFont font;
    font.setPixelSize(11);
    return font;
}

// The far name's font: the card's name font at another size.
QFont farNameFont(double pixelSize) {
    QFont font = nameFont();
    font.setPixelSize(std::max(1, static_cast<int>(pixelSize)));
    return font;
}

// "PostgreSQL" for "postgresql"; the id itself when the knowledge base does not know it.
QString technologyName(const std::string& id) {
    for (const auto& technology : plumb::builtinKnowledge().technologies)
        if (technology.id == id) return QString::fromStdString(technology.name);
    return QString::fromStdString(id);
}

// Where the content starts inside the shape: below a cylinder's rim, right of a pipe's end.
QPointF contentOrigin(plumb::ElementKind kind) {
    switch (plumb::traits(kind).shape) {
    case plumb::KindShape::Cylinder:
        return {12, 14};
    case plumb::KindShape::Pipe:
    case plumb::KindShape::Slotted:
        return {18, 0};
    case plumb::KindShape::Stadium:
        return {16, 0};
    case plumb::KindShape::Box:
    case plumb::KindShape::CutCard:
    case plumb::KindShape::Funnel:
        break;
    }
    return {12, 0};
}

std::array<QPointF, 4> handleCentres(QSizeF size) {
    return {QPointF(size.width() / 2, 0), QPointF(size.width(), size.height() / 2),
            QPointF(size.width() / 2, size.height()), QPointF(0, size.height() / 2)};
}

bool s_dragSnapping = false;

} // namespace

void setDragSnapping(bool on) {
    s_dragSnapping = on;
}

bool dragSnapping() {
    return s_dragSnapping;
}

QPointF snappedToGrid(QPointF point) {
    return {std::round(point.x() / kGridSize) * kGridSize,
            std::round(point.y() / kGridSize) * kGridSize};
}

ElementItem::ElementItem(const plumb::Element& element, QSizeF size)
    : m_id(QString::fromStdString(element.id)), m_kind(element.kind), m_size(size) {
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(2);
    setElement(element);
}

void ElementItem::setElement(const plumb::Element& element) {
    const bool kindChanged = element.kind != m_kind || m_shape.isEmpty();
    m_kind = element.kind;
    m_name = QString::fromStdString(element.displayName());
    QString detail = kindLabel(element.kind);
    if (element.technology) detail += QStringLiteral(" · ") + technologyName(*element.technology);
    m_detail = detail;
    if (kindChanged) setSize(m_size);
    updateTexts();
    setToolTip(QStringLiteral("<b>%1</b><br>%2<br><span style='color:gray'>%3</span>")
                   .arg(m_name.toHtmlEscaped(), m_detail.toHtmlEscaped(),
                        elementDetails(element).toHtmlEscaped()));
    update();
}

void ElementItem::setSize(QSizeF size) {
    prepareGeometryChange();
    m_size = size;
    m_shape = kindShape(m_kind, size);
    m_decoration = kindDecoration(m_kind, size);
    updateTexts();
    for (FlowItem* flow : m_flows)
        flow->updatePath();
}

void ElementItem::prepareTexts() {
    m_textsReady = true;
    // Elided once here, drawn as cached static text: painting never lays out text.
    const QPointF origin = contentOrigin(m_kind);
    const double textWidth = m_size.width() - origin.x() - 34 - 10;
    const QFontMetricsF nameMetrics(nameFont());
    const QFontMetricsF detailMetrics(detailFont());
    // A long name takes two lines before it is cut, when the card has the height for them.
    const double body = m_size.height() - origin.y() - 4;
    const int lines = body >= 2 * nameMetrics.height() + detailMetrics.height() + 2 ? 2 : 1;
    QStringList escaped;
    for (const QString& line : wrappedLines(m_name, nameMetrics, textWidth, lines))
        escaped << line.toHtmlEscaped();
    m_nameText.setText(escaped.join(QStringLiteral("<br>")));
    m_nameText.setTextFormat(Qt::RichText);
    m_nameText.prepare(QTransform(), nameFont());
    m_detailText.setText(detailMetrics.elidedText(m_detail, Qt::ElideRight, textWidth));
    m_detailText.setTextFormat(Qt::PlainText);
    m_detailText.prepare(QTransform(), detailFont());
}

void ElementItem::setFindingSeverity(std::optional<plumb::Severity> severity,
                                     const QStringList& findingTitles) {
    if (severity == plumb::Severity::Off) severity.reset();
    m_severity = severity;
    if (!findingTitles.isEmpty())
        setToolTip(QStringLiteral("<b>%1</b><br>%2<ul><li>%3</li></ul>")
                       .arg(m_name.toHtmlEscaped(), m_detail.toHtmlEscaped(),
                            findingTitles.join(QStringLiteral("</li><li>"))));
    update();
}

bool ElementItem::isConnectorHandle(QPointF itemPos) const {
    for (const QPointF& centre : handleCentres(m_size))
        if (QLineF(centre, itemPos).length() <= kHandleGrab) return true;
    return false;
}

bool ElementItem::isResizeHandle(QPointF itemPos) const {
    constexpr double kGrip = 12.0; // the corner square the three grip strokes are drawn in
    return itemPos.x() >= m_size.width() - kGrip && itemPos.y() >= m_size.height() - kGrip &&
           itemPos.x() <= m_size.width() + 3 && itemPos.y() <= m_size.height() + 3;
}

QSizeF ElementItem::minimumSize() const {
    // The layout of paint(): content origin, 22 px icon, 10 px gap, text, 10 px margin.
    const QPointF origin = contentOrigin(m_kind);
    const QFontMetricsF name(nameFont()), detail(detailFont());
    const double text =
        std::max(name.horizontalAdvance(m_name), detail.horizontalAdvance(m_detail));
    const double textHeight = name.height() + detail.height() + 2;
    return {std::ceil(origin.x() + 22 + 10 + text + 10),
            std::ceil(origin.y() + std::max(22.0, textHeight) + 12)};
}

QPointF ElementItem::connectionPoint(QPointF towardsScene) const {
    // Where the line from the centre towards the point leaves the box.
    const QRectF box = sceneBox();
    const QPointF c = box.center();
    const QPointF d = towardsScene - c;
    if (std::abs(d.x()) < 1e-6 && std::abs(d.y()) < 1e-6) return c;
    const double sx = std::abs(d.x()) > 1e-6 ? (box.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = std::abs(d.y()) > 1e-6 ? (box.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min(sx, sy);
}

void ElementItem::addFlow(FlowItem* flow) {
    m_flows.push_back(flow);
}

void ElementItem::removeFlow(FlowItem* flow) {
    m_flows.erase(std::remove(m_flows.begin(), m_flows.end(), flow), m_flows.end());
}

QRectF ElementItem::boundingRect() const {
    // Room for the selection ring, the connector handles and the findings badge (which grows
    // at low zoom, up to kMaxBadgeRadius around the top-right corner).
    return QRectF(QPointF(0, 0), m_size).adjusted(-8, -22, 22, 8);
}

QPainterPath ElementItem::shape() const {
    QPainterPath path;
    path.addRect(
        QRectF(QPointF(0, 0), m_size)
            .adjusted(-kHandleGrab / 2, -kHandleGrab / 2, kHandleGrab / 2, kHandleGrab / 2));
    return path;
}

QStringList wrappedLines(const QString& text, const QFontMetricsF& metrics, double width,
                         int maxLines) {
    if (metrics.horizontalAdvance(text) <= width || maxLines < 2) {
        return {metrics.elidedText(text, Qt::ElideRight, width)};
    }
    // As many words as fit on the first line, the rest (elided) on the second. A first word
    // too long for a line gives one elided line: breaking inside words reads worse.
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() > 1 && metrics.horizontalAdvance(words.front()) <= width) {
        QString first = words.front();
        qsizetype used = 1;
        while (used < words.size() &&
               metrics.horizontalAdvance(first + QLatin1Char(' ') + words[used]) <= width)
            first += QLatin1Char(' ') + words[used++];
        const QString rest = QStringList(words.mid(used)).join(QLatin1Char(' '));
        return {first, metrics.elidedText(rest, Qt::ElideRight, width)};
    }
    return {metrics.elidedText(text, Qt::ElideRight, width)};
}

std::optional<FarName> farName(const QString& name, QSizeF box, double lod) {
    if (name.isEmpty() || lod <= 0) return std::nullopt;
    const double width = box.width() - 16, height = box.height() - 6; // inside the outline
    const double pixelSize = std::ceil(kFarNameScreenPx / lod);
    const QFontMetricsF metrics(farNameFont(pixelSize));
    if (metrics.height() > height || width <= 0) return std::nullopt;
    return FarName{pixelSize,
                   wrappedLines(name, metrics, width, 2 * metrics.height() <= height ? 2 : 1)};
}

void ElementItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const KindStyle style = kindStyle(m_kind);
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const bool selected = isSelected();
    if (lod < kShapeLevelOfDetail) { // a dot in a crowd: a box in its worst finding's colour
        painter->fillRect(QRectF(QPointF(0, 0), m_size), selected     ? selectionColor()
                                                         : m_severity ? badgeColor(*m_severity)
                                                                      : style.accent);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod >= kTextLevelOfDetail);
    painter->setPen(QPen(selected ? selectionColor() : style.accent, selected ? 2.2 : 1.3));
    painter->setBrush(style.fill);
    if (plumb::traits(m_kind).outside) { // outside our control: a dashed outline
        QPen pen = painter->pen();
        pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
    }
    painter->drawPath(m_shape);
    if (!m_decoration.isEmpty()) {
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_decoration);
    }
    paintBadge(painter, lod);
    if (lod < kTextLevelOfDetail) {
        paintFarName(painter, lod);
        return;
    }
    if (!m_textsReady) prepareTexts();

    const QPointF origin = contentOrigin(m_kind);
    const double body = m_size.height() - origin.y();
    const double iconSize = 22;
    const QRectF iconRect(origin.x(), origin.y() + (body - iconSize) / 2, iconSize, iconSize);
    paintIcon(painter, iconRect);

    const double textX = iconRect.right() + 10;
    const double nameHeight = m_nameText.size().height();
    const double detailHeight = m_detailText.size().height();
    const double top = origin.y() + (body - nameHeight - detailHeight - 2) / 2;
    painter->setPen(textColor());
    painter->setFont(nameFont());
    painter->drawStaticText(QPointF(textX, top), m_nameText);
    painter->setPen(mutedTextColor());
    painter->setFont(detailFont());
    painter->drawStaticText(QPointF(textX, top + nameHeight + 2), m_detailText);

    if (m_hovered || selected) {
        painter->setPen(QPen(selectionColor(), 1.2));
        painter->setBrush(handleFill());
        for (const QPointF& centre : handleCentres(m_size))
            painter->drawEllipse(centre, kHandleRadius, kHandleRadius);
    }
    if (selected) { // the resize grip, as on contexts
        painter->setPen(QPen(selectionColor(), 1.4));
        for (double d : {4.0, 8.0, 12.0})
            painter->drawLine(QPointF(m_size.width() - d, m_size.height() - 2),
                              QPointF(m_size.width() - 2, m_size.height() - d));
    }
}

void ElementItem::paintFarName(QPainter* painter, double lod) const {
    const auto far = farName(m_name, m_size, lod);
    if (!far) return;
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->setPen(textColor());
    const QFont font = farNameFont(far->pixelSize);
    painter->setFont(font);
    const double lineHeight = QFontMetricsF(font).height();
    const double top = (m_size.height() - lineHeight * far->lines.size()) / 2;
    for (qsizetype i = 0; i < far->lines.size(); ++i)
        painter->drawText(QRectF(0, top + i * lineHeight, m_size.width(), lineHeight),
                          Qt::AlignCenter, far->lines[i]);
}

// The findings badge must stay visible when the whole diagram is fitted into the window,
// where cards are too small for text: below text zoom it grows (in scene units) so that it
// keeps about the same size on screen, and drops its glyph.
void ElementItem::paintBadge(QPainter* painter, double lod) const {
    if (!m_severity) return;
    constexpr double kRadius = 8, kMaxBadgeRadius = 20;
    const bool withGlyph = lod >= kTextLevelOfDetail;
    const double radius =
        withGlyph ? kRadius : std::min(kMaxBadgeRadius, kRadius * kTextLevelOfDetail / lod);
    const QPointF centre(m_size.width() - 2, 2);
    painter->setPen(QPen(badgeRingColor(), withGlyph ? 1.5 : 1.5 * radius / kRadius));
    painter->setBrush(badgeColor(*m_severity));
    painter->drawEllipse(centre, radius, radius);
    if (!withGlyph) return;
    QFont font = detailFont();
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(
        QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)), Qt::AlignCenter,
        *m_severity == plumb::Severity::Info ? QStringLiteral("i") : QStringLiteral("!"));
}

void ElementItem::paintIcon(QPainter* painter, QRectF rect) const {
    // A pixmap of exactly the device size, so the icon is as crisp at 200% as at 100%.
    const double scale =
        std::hypot(painter->worldTransform().m11(), painter->worldTransform().m12()) *
        painter->device()->devicePixelRatioF();
    const int pixels = std::clamp(static_cast<int>(std::lround(rect.width() * scale)), 8, 256);
    // Rendered once per kind and size: each new QIcon is a new SVG engine whose own pixmap
    // cache starts empty, so asking kindIcon() per paint re-rendered the SVG every time.
    static QHash<std::pair<int, int>, QPixmap> cache;
    const auto key = std::make_pair(static_cast<int>(m_kind), pixels);
    auto it = cache.find(key);
    if (it == cache.end()) {
        if (cache.size() > 512) cache.clear(); // zooming through many sizes
        it = cache.insert(key, kindIcon(m_kind).pixmap(QSize(pixels, pixels)));
    }
    painter->drawPixmap(rect, *it, QRectF(it->rect()));
}

QVariant ElementItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionChange && s_dragSnapping) return snappedToGrid(value.toPointF());
    if (change == ItemPositionHasChanged)
        for (FlowItem* flow : m_flows)
            flow->updatePath();
    return QGraphicsItem::itemChange(change, value);
}

void ElementItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void ElementItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace plumb::ui::diagram

#include "plumbline/ui/diagram/diagram_style.h"

#include "plumbline/element_kinds.h"

#include <array>

namespace plumb::ui::diagram {

namespace {

bool s_dark = false;

// Picks the light or the dark colour.
QColor pick(QColor light, QColor dark) {
    return s_dark ? dark : light;
}

} // namespace

void setDarkDiagramStyle(bool dark) {
    s_dark = dark;
}

bool darkDiagramStyle() {
    return s_dark;
}

KindStyle kindStyle(plumb::ElementKind kind) {
    // The colours are the kind's row in element_kinds.h (the icons in resources/icons share the
    // hues). On dark, the accents are lighter (strokes must stand out from a dark canvas) and
    // the fills are deep tints of the same hue, so white text keeps its contrast.
    const plumb::KindColours& c = plumb::traits(kind).colours;
    return s_dark ? KindStyle{QColor(QRgb(c.darkAccent)), QColor(QRgb(c.darkFill))}
                  : KindStyle{QColor(QRgb(c.accent)), QColor(QRgb(c.fill))};
}

QSizeF defaultElementSize(plumb::ElementKind kind) {
    return {plumb::traits(kind).width, plumb::traits(kind).height};
}

QPainterPath kindShape(plumb::ElementKind kind, QSizeF size) {
    const double w = size.width(), h = size.height();
    QPainterPath path;
    switch (plumb::traits(kind).shape) {
    case plumb::KindShape::Cylinder: { // standing up: ellipse caps top and bottom
        const double r = std::min(10.0, h / 6);
        path.moveTo(0, r);
        path.arcTo(QRectF(0, 0, w, 2 * r), 180, -180);
        path.lineTo(w, h - r);
        path.arcTo(QRectF(0, h - 2 * r, w, 2 * r), 0, -180);
        path.closeSubpath();
        return path;
    }
    case plumb::KindShape::Pipe:
    case plumb::KindShape::Slotted: { // a pipe lying down: the log flows left to right
        const double r = std::min(14.0, w / 8);
        path.moveTo(r, 0);
        path.lineTo(w - r, 0);
        path.arcTo(QRectF(w - 2 * r, 0, 2 * r, h), 90, -180);
        path.lineTo(r, h);
        path.arcTo(QRectF(0, 0, 2 * r, h), 270, -180);
        path.closeSubpath();
        return path;
    }
    case plumb::KindShape::Stadium: // like a person's badge
        path.addRoundedRect(QRectF(0, 0, w, h), h / 2, h / 2);
        return path;
    case plumb::KindShape::CutCard: { // short-lived, lightweight
        const double c = 12;
        path.moveTo(c, 0);
        path.lineTo(w - c, 0);
        path.lineTo(w, c);
        path.lineTo(w, h - c);
        path.lineTo(w - c, h);
        path.lineTo(c, h);
        path.lineTo(0, h - c);
        path.lineTo(0, c);
        path.closeSubpath();
        return path;
    }
    case plumb::KindShape::Funnel: { // narrower at the right
        path.moveTo(8, 0);
        path.lineTo(w - 18, 0);
        path.lineTo(w, h / 2);
        path.lineTo(w - 18, h);
        path.lineTo(8, h);
        path.quadTo(0, h, 0, h - 8);
        path.lineTo(0, 8);
        path.quadTo(0, 0, 8, 0);
        path.closeSubpath();
        return path;
    }
    case plumb::KindShape::Box:
        break;
    }
    path.addRoundedRect(QRectF(0, 0, w, h), 10, 10);
    return path;
}

QPainterPath kindDecoration(plumb::ElementKind kind, QSizeF size) {
    const double w = size.width(), h = size.height();
    QPainterPath path;
    const plumb::KindShape shape = plumb::traits(kind).shape;
    if (shape == plumb::KindShape::Cylinder) {
        const double r = std::min(10.0, h / 6);
        path.moveTo(0, r);
        path.arcTo(QRectF(0, 0, w, 2 * r), 180, 180); // the visible front of the top rim
    } else if (shape == plumb::KindShape::Pipe || shape == plumb::KindShape::Slotted) {
        const double r = std::min(14.0, w / 8);
        path.moveTo(w - r, 0);
        path.arcTo(QRectF(w - 2 * r, 0, 2 * r, h), 90, 180); // the pipe's open mouth
        if (shape == plumb::KindShape::Slotted)              // message slots
            for (int i = 1; i <= 3; ++i) {
                path.moveTo(w - r - 8.0 * i, h - 8);
                path.lineTo(w - r - 8.0 * i, h - 2);
            }
    }
    return path;
}

QColor flowColor(std::optional<plumb::FlowStyle> style) {
    switch (style.value_or(plumb::FlowStyle::Sync)) {
    case plumb::FlowStyle::Sync:
        return pick(QColor(0x475569), QColor(0x9AA5B4));
    case plumb::FlowStyle::Async:
        return pick(QColor(0xB02E7C), QColor(0xE77FBF));
    case plumb::FlowStyle::Replication:
        return pick(QColor(0x1E8E4E), QColor(0x5CCB8A));
    case plumb::FlowStyle::Cdc:
        return pick(QColor(0x0E8A9A), QColor(0x4FC3D0));
    case plumb::FlowStyle::Batch:
        return pick(QColor(0xC25A00), QColor(0xF0A05A));
    }
    return Qt::darkGray;
}

QPen flowPen(std::optional<plumb::FlowStyle> style, bool selected) {
    QPen pen(selected ? selectionColor() : flowColor(style), selected ? 2.4 : 1.6);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    switch (style.value_or(plumb::FlowStyle::Sync)) {
    case plumb::FlowStyle::Sync:
        break;
    case plumb::FlowStyle::Async:
        pen.setDashPattern({5, 3.5});
        break;
    case plumb::FlowStyle::Replication:
        pen.setDashPattern({7, 2.5, 1.5, 2.5});
        break;
    case plumb::FlowStyle::Cdc:
        pen.setDashPattern({1.5, 2.5});
        break;
    case plumb::FlowStyle::Batch:
        pen.setDashPattern({10, 3, 10, 3, 1.5, 3});
        break;
    }
    return pen;
}

QColor contextFill(int index) {
    // Very light tints, alternating, so neighbouring contexts stay apart without shouting; on
    // dark, slightly lifted greys with the same hue shifts.
    static const std::array<QColor, 4> light{QColor(0xF6F8FB), QColor(0xF7F6FB), QColor(0xF5F9F7),
                                             QColor(0xFBF8F4)};
    static const std::array<QColor, 4> dark{QColor(0x23272E), QColor(0x26242E), QColor(0x222A27),
                                            QColor(0x2A2723)};
    return (s_dark ? dark : light)[static_cast<std::size_t>(index) % light.size()];
}

QColor contextBorder(int index) {
    static const std::array<QColor, 4> light{QColor(0xB8C4D4), QColor(0xC3BCD8), QColor(0xB6CFC1),
                                             QColor(0xD9C9B3)};
    static const std::array<QColor, 4> dark{QColor(0x4F5D72), QColor(0x5C5478), QColor(0x4C6B5A),
                                            QColor(0x73624A)};
    return (s_dark ? dark : light)[static_cast<std::size_t>(index) % light.size()];
}

QColor contextHeaderFill(int index) {
    return s_dark ? contextBorder(index).darker(160) : contextBorder(index).lighter(125);
}

QColor selectionColor() {
    return pick(QColor(0x2563EB), QColor(0x60A5FA));
}
QColor textColor() {
    return pick(QColor(0x1F2937), QColor(0xE6E8EB));
}
QColor mutedTextColor() {
    return pick(QColor(0x6B7280), QColor(0xA0A7B3));
}
QColor canvasColor() {
    return pick(QColor(0xFCFCFD), QColor(0x1B1D21));
}
QColor gridColor() {
    return pick(QColor(0xD5D9E0), QColor(0x353A42));
}
QColor labelFill() {
    return pick(QColor(Qt::white), QColor(0x24272C));
}
QColor labelBorder() {
    return pick(QColor(0xD1D5DB), QColor(0x4A505A));
}
QColor handleFill() {
    return pick(QColor(Qt::white), QColor(0x2A2D33));
}
QColor badgeRingColor() {
    return pick(QColor(Qt::white), QColor(0x1B1D21));
}

QColor badgeColor(plumb::Severity severity) {
    switch (severity) {
    case plumb::Severity::Error:
        return pick(QColor(0xDC2626), QColor(0xF05252));
    case plumb::Severity::Warning:
        return pick(QColor(0xD97706), QColor(0xF59E0B));
    default:
        return pick(QColor(0x2563EB), QColor(0x5B9BF5));
    }
}

} // namespace plumb::ui::diagram

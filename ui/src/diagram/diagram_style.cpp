#include "plumbline/ui/diagram/diagram_style.h"

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
    // Hues follow the icons in resources/icons so the palette, tree and canvas read alike. On
    // dark, the accents are lighter (strokes must stand out from a dark canvas) and the fills
    // are deep tints of the same hue, so white text keeps its contrast.
    const auto style = [](QRgb accent, QRgb fill, QRgb darkAccent, QRgb darkFill) {
        return s_dark ? KindStyle{QColor(darkAccent), QColor(darkFill)}
                      : KindStyle{QColor(accent), QColor(fill)};
    };
    switch (kind) {
    case plumb::ElementKind::Actor:
        return style(0x5B4BC4, 0xF0EEFC, 0xA59CF0, 0x2A2740);
    case plumb::ElementKind::Service:
        return style(0x1F6FD1, 0xEAF2FC, 0x6AA8F0, 0x1D2A3B);
    case plumb::ElementKind::Function:
        return style(0x0E8A9A, 0xE6F6F7, 0x4FC3D0, 0x1A3033);
    case plumb::ElementKind::Store:
        return style(0x1E8E4E, 0xE6F5EC, 0x5CCB8A, 0x1B3125);
    case plumb::ElementKind::Cache:
        return style(0xC25A00, 0xFDF0E3, 0xF0A05A, 0x3A2A1B);
    case plumb::ElementKind::Stream:
        return style(0xB02E7C, 0xFAEAF3, 0xE77FBF, 0x3A2030);
    case plumb::ElementKind::Queue:
        return style(0x8A4FB8, 0xF4ECFA, 0xC39BE6, 0x2F2540);
    case plumb::ElementKind::Pooler:
        return style(0x4A6B2A, 0xEFF4E6, 0x9CC46A, 0x273019);
    case plumb::ElementKind::External:
        return style(0x5F6B7A, 0xF3F4F6, 0xA3ADBA, 0x2A2D33);
    }
    return {Qt::darkGray, Qt::white};
}

QSizeF defaultElementSize(plumb::ElementKind kind) {
    if (kind == plumb::ElementKind::Actor) return {150.0, 64.0};
    return {kElementWidth, kElementHeight};
}

QPainterPath kindShape(plumb::ElementKind kind, QSizeF size) {
    const double w = size.width(), h = size.height();
    QPainterPath path;
    switch (kind) {
    case plumb::ElementKind::Store: { // a cylinder standing up: ellipse caps top and bottom
        const double r = std::min(10.0, h / 6);
        path.moveTo(0, r);
        path.arcTo(QRectF(0, 0, w, 2 * r), 180, -180);
        path.lineTo(w, h - r);
        path.arcTo(QRectF(0, h - 2 * r, w, 2 * r), 0, -180);
        path.closeSubpath();
        return path;
    }
    case plumb::ElementKind::Stream:
    case plumb::ElementKind::Queue: { // a pipe lying down: the log flows left to right
        const double r = std::min(14.0, w / 8);
        path.moveTo(r, 0);
        path.lineTo(w - r, 0);
        path.arcTo(QRectF(w - 2 * r, 0, 2 * r, h), 90, -180);
        path.lineTo(r, h);
        path.arcTo(QRectF(0, 0, 2 * r, h), 270, -180);
        path.closeSubpath();
        return path;
    }
    case plumb::ElementKind::Actor: // a stadium, like a person's badge
        path.addRoundedRect(QRectF(0, 0, w, h), h / 2, h / 2);
        return path;
    case plumb::ElementKind::Function: { // a card with cut corners: short-lived, lightweight
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
    case plumb::ElementKind::Pooler: { // a funnel-ish card: narrower at the right
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
    default:
        path.addRoundedRect(QRectF(0, 0, w, h), 10, 10);
        return path;
    }
}

QPainterPath kindDecoration(plumb::ElementKind kind, QSizeF size) {
    const double w = size.width(), h = size.height();
    QPainterPath path;
    if (kind == plumb::ElementKind::Store) {
        const double r = std::min(10.0, h / 6);
        path.moveTo(0, r);
        path.arcTo(QRectF(0, 0, w, 2 * r), 180, 180); // the visible front of the top rim
    } else if (kind == plumb::ElementKind::Stream || kind == plumb::ElementKind::Queue) {
        const double r = std::min(14.0, w / 8);
        path.moveTo(w - r, 0);
        path.arcTo(QRectF(w - 2 * r, 0, 2 * r, h), 90, 180); // the pipe's open mouth
        if (kind == plumb::ElementKind::Queue)               // message slots
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

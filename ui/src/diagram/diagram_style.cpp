#include "plumbline/ui/diagram/diagram_style.h"

#include <array>

namespace plumb::ui::diagram {

KindStyle kindStyle(plumb::ElementKind kind) {
    // Hues follow the icons in resources/icons so the palette, tree and canvas read alike.
    switch (kind) {
    case plumb::ElementKind::Actor:
        return {QColor(0x5B, 0x4B, 0xC4), QColor(0xF0, 0xEE, 0xFC)};
    case plumb::ElementKind::Service:
        return {QColor(0x1F, 0x6F, 0xD1), QColor(0xEA, 0xF2, 0xFC)};
    case plumb::ElementKind::Function:
        return {QColor(0x0E, 0x8A, 0x9A), QColor(0xE6, 0xF6, 0xF7)};
    case plumb::ElementKind::Store:
        return {QColor(0x1E, 0x8E, 0x4E), QColor(0xE6, 0xF5, 0xEC)};
    case plumb::ElementKind::Cache:
        return {QColor(0xC2, 0x5A, 0x00), QColor(0xFD, 0xF0, 0xE3)};
    case plumb::ElementKind::Stream:
        return {QColor(0xB0, 0x2E, 0x7C), QColor(0xFA, 0xEA, 0xF3)};
    case plumb::ElementKind::Queue:
        return {QColor(0x8A, 0x4F, 0xB8), QColor(0xF4, 0xEC, 0xFA)};
    case plumb::ElementKind::Pooler:
        return {QColor(0x4A, 0x6B, 0x2A), QColor(0xEF, 0xF4, 0xE6)};
    case plumb::ElementKind::External:
        return {QColor(0x5F, 0x6B, 0x7A), QColor(0xF3, 0xF4, 0xF6)};
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
        return QColor(0x47, 0x55, 0x69);
    case plumb::FlowStyle::Async:
        return QColor(0xB0, 0x2E, 0x7C);
    case plumb::FlowStyle::Replication:
        return QColor(0x1E, 0x8E, 0x4E);
    case plumb::FlowStyle::Cdc:
        return QColor(0x0E, 0x8A, 0x9A);
    case plumb::FlowStyle::Batch:
        return QColor(0xC2, 0x5A, 0x00);
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
    // Very light tints, alternating, so neighbouring contexts stay apart without shouting.
    static const std::array<QColor, 4> fills{QColor(0xF6, 0xF8, 0xFB), QColor(0xF7, 0xF6, 0xFB),
                                             QColor(0xF5, 0xF9, 0xF7), QColor(0xFB, 0xF8, 0xF4)};
    return fills[static_cast<std::size_t>(index) % fills.size()];
}

QColor contextBorder(int index) {
    static const std::array<QColor, 4> borders{QColor(0xB8, 0xC4, 0xD4), QColor(0xC3, 0xBC, 0xD8),
                                               QColor(0xB6, 0xCF, 0xC1), QColor(0xD9, 0xC9, 0xB3)};
    return borders[static_cast<std::size_t>(index) % borders.size()];
}

QColor selectionColor() {
    return QColor(0x25, 0x63, 0xEB);
}
QColor textColor() {
    return QColor(0x1F, 0x29, 0x37);
}
QColor mutedTextColor() {
    return QColor(0x6B, 0x72, 0x80);
}

} // namespace plumb::ui::diagram

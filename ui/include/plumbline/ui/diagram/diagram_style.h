#pragma once
// How the diagram looks: one place for the colours, shapes, sizes and line patterns of every
// element kind and flow style, so the canvas, the palette and the exports agree.

#include "plumbline/vocabulary.h"

#include <QColor>
#include <QPainterPath>
#include <QPen>
#include <QSizeF>

namespace plumb::ui::diagram {

inline constexpr double kGridSize = 8.0;
inline constexpr double kElementWidth = 200.0;
inline constexpr double kElementHeight = 72.0;
inline constexpr double kContextHeaderHeight = 30.0;
inline constexpr double kContextPadding = 24.0;

struct KindStyle {
    QColor accent; // outline, icon and the kind's band
    QColor fill;   // the card's background
};

KindStyle kindStyle(plumb::ElementKind kind);
// The element's outline in item coordinates for a card of `size`: cylinders for stores, a pipe
// for streams and queues, a stadium for actors, a cut-corner card for functions, etc.
QPainterPath kindShape(plumb::ElementKind kind, QSizeF size);
// Extra strokes drawn over the filled shape (the cylinder's top rim, the pipe's mouth).
QPainterPath kindDecoration(plumb::ElementKind kind, QSizeF size);
QSizeF defaultElementSize(plumb::ElementKind kind);

// The flow's pen: sync solid, async dashed, replication dash-dot, CDC dotted, batch long-dash.
QPen flowPen(std::optional<plumb::FlowStyle> style, bool selected);
QColor flowColor(std::optional<plumb::FlowStyle> style);

QColor contextFill(int index);
QColor contextBorder(int index);
QColor selectionColor();
QColor textColor();
QColor mutedTextColor();

} // namespace plumb::ui::diagram

#pragma once
// How the diagram looks: one place for the colours, shapes, sizes and line patterns of every
// element kind and flow style, so the canvas, the palette and the exports agree.
//
// Two colour sets, light and dark; the workbench's theme (theme.h) picks one. Items read the
// colours when they paint, so switching needs only a repaint. GUI thread only.

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

// The colour set in use: false = light (the default, and always for exports), true = dark.
void setDarkDiagramStyle(bool dark);
bool darkDiagramStyle();

// Switches the colour set for as long as it lives (exports draw light whatever the theme).
class ScopedDiagramStyle {
public:
    explicit ScopedDiagramStyle(bool dark) : m_previous(darkDiagramStyle()) {
        setDarkDiagramStyle(dark);
    }
    ~ScopedDiagramStyle() { setDarkDiagramStyle(m_previous); }
    ScopedDiagramStyle(const ScopedDiagramStyle&) = delete;
    ScopedDiagramStyle& operator=(const ScopedDiagramStyle&) = delete;

private:
    bool m_previous;
};

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
QColor contextHeaderFill(int index);
QColor selectionColor();
QColor textColor();
QColor mutedTextColor();
QColor canvasColor(); // the view's background
QColor gridColor();   // its dot grid
QColor labelFill();   // a flow label's pill
QColor labelBorder();
QColor handleFill();                         // the connector handles
QColor badgeRingColor();                     // the ring that lifts a findings badge off the card
QColor badgeColor(plumb::Severity severity); // a findings badge's fill

} // namespace plumb::ui::diagram

#pragma once
// Paints the small SVG subset Plumbline's own charts use (rect, line, circle, polygon, text with
// an optional rotate) with QPainter, so that chart text stays real PDF text. QSvgRenderer turns
// SVG text into glyph outlines: a 500-store decision map became a 14 MB content stream.

#include <QByteArray>
#include <QSizeF>
#include <functional>
#include <optional>

class QPainter;

namespace plumb::ui::pdf {

struct SvgDrawing {
    QSizeF size;                          // the viewBox (or width/height) in SVG user units
    std::function<void(QPainter&)> paint; // paints in those units
};

// The drawing, or nullopt when `svg` uses anything outside the subset (the caller then falls
// back to QSvgRenderer, which draws everything, only less compactly).
std::optional<SvgDrawing> parseSimpleSvg(const QByteArray& svg);

} // namespace plumb::ui::pdf

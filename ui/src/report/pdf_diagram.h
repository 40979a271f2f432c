#pragma once
// The architecture diagram painted with QPainter from its Qt-free scene (svg_diagram.h), for
// the PDF. Drawing the scene directly instead of rendering its SVG through QSvgRenderer keeps
// every label real PDF text (searchable, copyable) and the page small: QSvgRenderer turns SVG
// text into glyph outlines, megabytes of path operators for a large model.

#include "plumbline/svg_diagram.h"

class QPainter;

namespace plumb::ui::pdf {

// Paints `scene` in diagram units (0,0 to scene.width, scene.height) with the same shapes,
// colours and dash patterns the SVG writer emits; the caller sets the transform.
void paintDiagram(QPainter& painter, const DiagramScene& scene);

} // namespace plumb::ui::pdf

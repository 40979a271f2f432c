#pragma once
// File > Export Diagram: the whole diagram as SVG (vector, for documents) or PNG (2x, for
// chat and slides), on white, without the selection.

#include <QString>

namespace plumb::ui::diagram {

class DiagramScene;

// Each returns an error message, empty on success.
QString exportDiagramSvg(DiagramScene* scene, const QString& path, const QString& title = {});
QString exportDiagramPng(DiagramScene* scene, const QString& path, double scale = 2.0);

} // namespace plumb::ui::diagram

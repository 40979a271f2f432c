#pragma once
// The architecture diagram as SVG, without Qt: boxes for elements coloured by kind, containers
// for bounded contexts, arrows for flows labelled with their rates. Uses the model's `layout`
// when it has one; otherwise a deterministic layout: actors in the left column, elements
// outside any context next, then the contexts as clusters in a grid (ordered by their distance
// from the actors along the flows), externals in the right column. Boxes never overlap.
//
// The SVG keeps to what QtSvg (SVG Tiny 1.2) renders too, so the PDF can draw it as vectors:
// no markers, no CSS, no filters; arrowheads are polygons.

#include "plumbline/model.h"

#include <map>
#include <string>
#include <vector>

namespace plumb {

struct DiagramRect {
    std::string id; // element or context id ("" for the pseudo-container of context-less ones)
    double x = 0, y = 0, width = 0, height = 0;
};

struct DiagramLayout {
    std::vector<DiagramRect> contexts;
    std::vector<DiagramRect> elements; // every element of the model, model order
    double width = 0, height = 0;

    const DiagramRect* element(const std::string& id) const;
};

// Positions for every element and context (model.layout when present, else computed).
DiagramLayout layoutDiagram(const Model& model);

struct DiagramOptions {
    std::map<std::string, Severity> worstFinding; // by element id: a badge on the box
    bool legend = true;
    std::string title; // accessible title (<title>); empty: the model's name
};

// The complete SVG document (UTF-8, with width/height/viewBox in user units).
std::string writeDiagramSvg(const Model& model, const DiagramOptions& options = {});

} // namespace plumb

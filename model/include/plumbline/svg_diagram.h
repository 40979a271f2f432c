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
#include <optional>
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

// The diagram as positioned, styled shapes in diagram units: exactly what writeDiagramSvg
// serialises. The PDF paints it directly (QPainter) so that its labels stay real, searchable
// text instead of the glyph outlines QSvgRenderer produces. Texts are already cut to fit.
enum class TextAnchor { Start, Middle, End };
struct DiagramText {
    double x = 0, y = 0; // y is the baseline
    double size = 10;    // font size in diagram units
    bool bold = false;
    TextAnchor anchor = TextAnchor::Start;
    std::string colour, text;
};
struct DiagramScene {
    struct Frame { // a bounded context
        DiagramRect rect;
        DiagramText name;
        std::optional<DiagramText> team;
    };
    struct Arrow { // a flow: a line from (x1, y1) to the arrowhead's base, then a filled head
        double x1 = 0, y1 = 0, baseX = 0, baseY = 0;
        double head[6] = {}; // the head's triangle: tip, left, right (x, y pairs)
        std::optional<FlowStyle> style;
    };
    struct Box { // an element
        DiagramRect rect;
        ElementKind kind = ElementKind::Service;
        std::string colour;
        bool pill = false;   // actors and externals: fully rounded, no kind bar
        bool dashed = false; // externals
        DiagramText name, subtitle;
        std::optional<DiagramText> nameLine2; // a long name's second line (name is the first)
        std::optional<Severity> badge;        // worst finding (never Off)
        double badgeX = 0, badgeY = 0;
        DiagramText badgeText;
    };
    struct RateLabel {
        double x = 0, y = 0, width = 0, height = 15;
        DiagramText text;
    };
    struct LegendEntry { // a kind swatch (kind set) or a flow style line
        double x = 0, y = 0;
        std::optional<ElementKind> kind;
        FlowStyle style = FlowStyle::Sync;
        DiagramText text;
    };
    double width = 0, height = 0;
    std::string title;
    std::vector<Frame> frames;
    std::vector<Arrow> arrows;
    std::vector<Box> boxes;
    std::vector<RateLabel> labels;
    std::vector<LegendEntry> legend;
};
DiagramScene diagramScene(const Model& model, const DiagramOptions& options = {});

// A flow style's dash pattern as an SVG stroke-dasharray ("7,4"); empty for a solid line.
std::string diagramDash(const std::optional<FlowStyle>& style);

} // namespace plumb

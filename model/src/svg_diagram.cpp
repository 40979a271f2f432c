// The diagram's SVG (svg_diagram.h): the scene (svg_diagram_scene.cpp) written as SVG elements,
// in painting order: contexts, flows, element boxes, rate labels, legend.
#include "plumbline/svg_diagram.h"

#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"

#include <cstdio>
#include <sstream>

namespace plumb {
namespace {

const char* kFont = "Helvetica, Arial, sans-serif";

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string dashAttribute(const std::optional<FlowStyle>& style) {
    const std::string dash = diagramDash(style);
    return dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"";
}

void text(std::ostringstream& out, const DiagramText& t) {
    const char* anchor = t.anchor == TextAnchor::Middle ? "middle"
                         : t.anchor == TextAnchor::End  ? "end"
                                                        : "start";
    out << "<text x=\"" << num(t.x) << "\" y=\"" << num(t.y) << "\" font-family=\"" << kFont
        << "\" font-size=\"" << t.size << "\" fill=\"" << t.colour << "\" text-anchor=\"" << anchor
        << "\"" << (t.bold ? " font-weight=\"bold\"" : "") << ">" << escapeHtml(t.text)
        << "</text>\n";
}

void drawContext(std::ostringstream& out, const DiagramScene::Frame& f) {
    const DiagramRect& r = f.rect;
    out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width)
        << "\" height=\"" << num(r.height)
        << "\" rx=\"10\" fill=\"#f4f6f9\" stroke=\"#b3bfcc\" stroke-width=\"1.2\"/>\n";
    text(out, f.name);
    if (f.team) text(out, *f.team);
}

void drawElement(std::ostringstream& out, const DiagramScene::Box& b) {
    const DiagramRect& r = b.rect;
    out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width)
        << "\" height=\"" << num(r.height) << "\" rx=\"" << (b.pill ? 22 : 6)
        << "\" fill=\"#ffffff\" stroke=\"" << b.colour << "\" stroke-width=\"1.6\""
        << (b.dashed ? " stroke-dasharray=\"5,3\"" : "") << "/>\n";
    if (!b.pill)
        out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"6\" height=\""
            << num(r.height) << "\" rx=\"3\" fill=\"" << b.colour << "\"/>\n";
    text(out, b.name);
    if (b.nameLine2) text(out, *b.nameLine2);
    text(out, b.subtitle);
    if (b.badge) {
        out << "<circle cx=\"" << num(b.badgeX) << "\" cy=\"" << num(b.badgeY)
            << "\" r=\"8\" fill=\"" << severityColour(*b.badge)
            << "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
        text(out, b.badgeText);
    }
}

void drawLegend(std::ostringstream& out, const DiagramScene::LegendEntry& l) {
    if (l.kind)
        out << "<rect x=\"" << num(l.x) << "\" y=\"" << num(l.y - 9) << "\" width=\"10\" "
            << "height=\"10\" rx=\"2\" fill=\"" << kindColour(*l.kind) << "\"/>\n";
    else
        out << "<line x1=\"" << num(l.x) << "\" y1=\"" << num(l.y - 4) << "\" x2=\""
            << num(l.x + 26) << "\" y2=\"" << num(l.y - 4)
            << "\" stroke=\"#5d6d7e\" stroke-width=\"1.4\"" << dashAttribute(l.style) << "/>\n";
    text(out, l.text);
}

} // namespace

std::string writeDiagramSvg(const Model& model, const DiagramOptions& options) {
    const DiagramScene scene = diagramScene(model, options);
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << num(scene.width)
        << "\" height=\"" << num(scene.height) << "\" viewBox=\"0 0 " << num(scene.width) << " "
        << num(scene.height) << "\">\n";
    out << "<title>" << escapeHtml(scene.title) << "</title>\n";
    out << "<rect x=\"0\" y=\"0\" width=\"" << num(scene.width) << "\" height=\""
        << num(scene.height) << "\" fill=\"#ffffff\"/>\n";
    for (const auto& f : scene.frames)
        drawContext(out, f);
    for (const auto& a : scene.arrows) {
        out << "<line x1=\"" << num(a.x1) << "\" y1=\"" << num(a.y1) << "\" x2=\"" << num(a.baseX)
            << "\" y2=\"" << num(a.baseY) << "\" stroke=\"#5d6d7e\" stroke-width=\"1.4\""
            << dashAttribute(a.style) << "/>\n";
        out << "<polygon points=\"" << num(a.head[0]) << "," << num(a.head[1]) << " "
            << num(a.head[2]) << "," << num(a.head[3]) << " " << num(a.head[4]) << ","
            << num(a.head[5]) << "\" fill=\"#5d6d7e\"/>\n";
    }
    for (const auto& b : scene.boxes)
        drawElement(out, b);
    for (const auto& l : scene.labels) {
        out << "<rect x=\"" << num(l.x) << "\" y=\"" << num(l.y) << "\" width=\"" << num(l.width)
            << "\" height=\"15\" rx=\"3\" fill=\"#ffffff\" "
            << "fill-opacity=\"0.92\" stroke=\"#d5dbe1\" stroke-width=\"0.6\"/>\n";
        text(out, l.text);
    }
    for (const auto& l : scene.legend)
        drawLegend(out, l);
    out << "</svg>\n";
    return out.str();
}

} // namespace plumb

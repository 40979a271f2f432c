// The diagram's SVG (svg_diagram.h): contexts, flows, element boxes, rate labels, legend.
#include "plumbline/svg_diagram.h"

#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>
#include <unordered_map>

namespace plumb {
namespace {

const char* kFont = "Helvetica, Arial, sans-serif";

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::size_t utf8Count(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

// `text` cut to at most `maxChars` characters (UTF-8 aware), with an ellipsis when cut.
std::string fit(const std::string& text, std::size_t maxChars) {
    if (utf8Count(text) <= maxChars) return text;
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80 && ++n > maxChars - 1) break;
        out += text[i];
    }
    return out + "…";
}

struct Point {
    double x, y;
};

// Where the segment from the centre of `r` towards `to` leaves `r`.
Point exitPoint(const DiagramRect& r, Point to) {
    const Point c{r.x + r.width / 2, r.y + r.height / 2};
    const double dx = to.x - c.x, dy = to.y - c.y;
    if (dx == 0 && dy == 0) return c;
    const double sx = dx != 0 ? (r.width / 2) / std::fabs(dx) : 1e300;
    const double sy = dy != 0 ? (r.height / 2) / std::fabs(dy) : 1e300;
    const double s = std::min(sx, sy);
    return {c.x + dx * s, c.y + dy * s};
}

struct Label {
    Point at;
    std::string text;
};

double labelWidth(const std::string& text) {
    return 5.6 * static_cast<double>(utf8Count(text)) + 8;
}

bool intersects(double x, double y, double w, double h, const DiagramRect& r) {
    return x < r.x + r.width && r.x < x + w && y < r.y + r.height && r.y < y + h;
}

// A point along the flow's visible segment where its label covers no box and no other label;
// the midpoint when every candidate is taken.
Point placeLabel(Point p, Point q, const std::string& text, const DiagramLayout& layout,
                 const std::vector<Label>& placed) {
    const double w = labelWidth(text), h = 15;
    for (double t : {0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85}) {
        const Point at{p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t};
        const double x = at.x - w / 2, y = at.y - 8;
        bool free = true;
        for (const auto& r : layout.elements)
            if (intersects(x, y, w, h, r)) {
                free = false;
                break;
            }
        for (const auto& l : placed) {
            if (!free) break;
            const double lw = labelWidth(l.text);
            if (intersects(x, y, w, h, {"", l.at.x - lw / 2, l.at.y - 8, lw, h})) free = false;
        }
        if (free) return at;
    }
    return {(p.x + q.x) / 2, (p.y + q.y) / 2};
}

std::string dashFor(const std::optional<FlowStyle>& style) {
    switch (style.value_or(FlowStyle::Sync)) {
    case FlowStyle::Sync:
        return "";
    case FlowStyle::Async:
        return " stroke-dasharray=\"7,4\"";
    case FlowStyle::Replication:
        return " stroke-dasharray=\"2,3\"";
    case FlowStyle::Cdc:
        return " stroke-dasharray=\"2,3\"";
    case FlowStyle::Batch:
        return " stroke-dasharray=\"10,3,2,3\"";
    }
    return "";
}

std::string rateLabel(const Flow& f) {
    std::string label;
    if (f.readsPerSecond) label += formatCompact(*f.readsPerSecond) + " r/s";
    if (f.writesPerSecond)
        label += (label.empty() ? "" : " · ") + formatCompact(*f.writesPerSecond) + " w/s";
    if (f.style && *f.style != FlowStyle::Sync)
        label += (label.empty() ? "" : " · ") + std::string(spelling(*f.style));
    return label;
}

void text(std::ostringstream& out, double x, double y, double size, const std::string& fill,
          const std::string& content, const char* anchor = "start", bool bold = false) {
    out << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" font-family=\"" << kFont
        << "\" font-size=\"" << size << "\" fill=\"" << fill << "\" text-anchor=\"" << anchor
        << "\"" << (bold ? " font-weight=\"bold\"" : "") << ">" << escapeHtml(content)
        << "</text>\n";
}

void drawContext(std::ostringstream& out, const DiagramRect& r, const Context* c) {
    out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width)
        << "\" height=\"" << num(r.height)
        << "\" rx=\"10\" fill=\"#f4f6f9\" stroke=\"#b3bfcc\" stroke-width=\"1.2\"/>\n";
    const std::string name = c ? (c->name && !c->name->empty() ? *c->name : c->id) : r.id;
    const auto chars = static_cast<std::size_t>(std::max(6.0, (r.width - 24) / 7.4));
    text(out, r.x + 12, r.y + 21, 13, "#34495e", fit(name, chars), "start", true);
    if (c && c->team && !c->team->empty() && r.width > 260)
        text(out, r.x + r.width - 12, r.y + 21, 10.5, "#7f8c8d", fit("team " + *c->team, 22),
             "end");
}

void drawElement(std::ostringstream& out, const DiagramRect& r, const Element& e,
                 const std::optional<Severity>& worst) {
    const std::string colour = kindColour(e.kind);
    const bool pill = e.kind == ElementKind::Actor || e.kind == ElementKind::External;
    out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width)
        << "\" height=\"" << num(r.height) << "\" rx=\"" << (pill ? 22 : 6)
        << "\" fill=\"#ffffff\" stroke=\"" << colour << "\" stroke-width=\"1.6\""
        << (e.kind == ElementKind::External ? " stroke-dasharray=\"5,3\"" : "") << "/>\n";
    if (!pill)
        out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"6\" height=\""
            << num(r.height) << "\" rx=\"3\" fill=\"" << colour << "\"/>\n";
    const double cx = r.x + r.width / 2 + (pill ? 0 : 3);
    const auto chars = static_cast<std::size_t>(std::max(4.0, (r.width - 20) / 7.2));
    std::string sub = kindTitle(e.kind);
    if (e.technology && !e.technology->empty()) sub += " · " + *e.technology;
    text(out, cx, r.y + r.height / 2 - 4, 12.5, "#1c2833", fit(e.displayName(), chars), "middle",
         true);
    text(out, cx, r.y + r.height / 2 + 13, 10, colour, fit(sub, chars + 4), "middle");
    if (worst && *worst != Severity::Off) {
        const double bx = r.x + r.width - 4, by = r.y + 4;
        out << "<circle cx=\"" << num(bx) << "\" cy=\"" << num(by) << "\" r=\"8\" fill=\""
            << severityColour(*worst) << "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
        text(out, bx, by + 4, 11, "#ffffff", *worst == Severity::Info ? "i" : "!", "middle", true);
    }
}

void drawLegend(std::ostringstream& out, double x, double y) {
    const ElementKind kinds[] = {ElementKind::Actor, ElementKind::Service, ElementKind::Function,
                                 ElementKind::Store, ElementKind::Cache,   ElementKind::Stream,
                                 ElementKind::Queue, ElementKind::Pooler,  ElementKind::External};
    double cx = x;
    for (ElementKind k : kinds) {
        out << "<rect x=\"" << num(cx) << "\" y=\"" << num(y - 9) << "\" width=\"10\" "
            << "height=\"10\" rx=\"2\" fill=\"" << kindColour(k) << "\"/>\n";
        text(out, cx + 14, y, 10.5, "#566573", kindTitle(k));
        cx += 24 + 6.2 * static_cast<double>(kindTitle(k).size());
    }
    cx += 12;
    const std::pair<FlowStyle, const char*> styles[] = {{FlowStyle::Sync, "sync"},
                                                        {FlowStyle::Async, "async"},
                                                        {FlowStyle::Cdc, "cdc / replication"},
                                                        {FlowStyle::Batch, "batch"}};
    for (const auto& [style, name] : styles) {
        out << "<line x1=\"" << num(cx) << "\" y1=\"" << num(y - 4) << "\" x2=\"" << num(cx + 26)
            << "\" y2=\"" << num(y - 4) << "\" stroke=\"#5d6d7e\" stroke-width=\"1.4\""
            << dashFor(style) << "/>\n";
        text(out, cx + 31, y, 10.5, "#566573", name);
        cx += 44 + 6.2 * static_cast<double>(std::string(name).size());
    }
}

constexpr double kLegendWidth = 1060;

} // namespace

std::string writeDiagramSvg(const Model& model, const DiagramOptions& options) {
    const DiagramLayout layout = layoutDiagram(model);
    std::unordered_map<std::string, const DiagramRect*> rects;
    for (const auto& r : layout.elements)
        rects.emplace(r.id, &r);

    const double legendH = options.legend ? 30 : 0;
    const double width = std::max(layout.width, options.legend ? kLegendWidth : 0.0);
    const double height = layout.height + legendH;
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << num(width)
        << "\" height=\"" << num(height) << "\" viewBox=\"0 0 " << num(width) << " " << num(height)
        << "\">\n";
    const std::string title =
        !options.title.empty() ? options.title : model.name.value_or("Architecture diagram");
    out << "<title>" << escapeHtml(title) << "</title>\n";
    out << "<rect x=\"0\" y=\"0\" width=\"" << num(width) << "\" height=\"" << num(height)
        << "\" fill=\"#ffffff\"/>\n";

    for (const auto& r : layout.contexts)
        drawContext(out, r, model.findContext(r.id));

    // Flows: lines under the boxes, labels above them. A pair of opposite flows is drawn
    // side by side rather than on top of each other.
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& f : model.flows)
        pairs.emplace(f.from, f.to);
    std::vector<Label> labels;
    for (const auto& f : model.flows) {
        auto a = rects.find(f.from), b = rects.find(f.to);
        if (a == rects.end() || b == rects.end() || f.from == f.to) continue;
        const Point ca{a->second->x + a->second->width / 2, a->second->y + a->second->height / 2};
        const Point cb{b->second->x + b->second->width / 2, b->second->y + b->second->height / 2};
        Point p = exitPoint(*a->second, cb), q = exitPoint(*b->second, ca);
        const double dx = q.x - p.x, dy = q.y - p.y, len = std::hypot(dx, dy);
        if (len < 1) continue;
        const double ux = dx / len, uy = dy / len;
        if (pairs.count({f.to, f.from})) {
            const double off = 5;
            p = {p.x - uy * off, p.y + ux * off};
            q = {q.x - uy * off, q.y + ux * off};
        }
        const double tip = 9;
        const Point base{q.x - ux * tip, q.y - uy * tip};
        out << "<line x1=\"" << num(p.x) << "\" y1=\"" << num(p.y) << "\" x2=\"" << num(base.x)
            << "\" y2=\"" << num(base.y) << "\" stroke=\"#5d6d7e\" stroke-width=\"1.4\""
            << dashFor(f.style) << "/>\n";
        out << "<polygon points=\"" << num(q.x) << "," << num(q.y) << " " << num(base.x - uy * 4.5)
            << "," << num(base.y + ux * 4.5) << " " << num(base.x + uy * 4.5) << ","
            << num(base.y - ux * 4.5) << "\" fill=\"#5d6d7e\"/>\n";
        const std::string label = rateLabel(f);
        if (!label.empty()) labels.push_back({placeLabel(p, q, label, layout, labels), label});
    }

    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        auto w = options.worstFinding.find(e.id);
        drawElement(out, layout.elements[i], e,
                    w == options.worstFinding.end() ? std::nullopt
                                                    : std::optional<Severity>(w->second));
    }
    for (const auto& l : labels) {
        const double w = labelWidth(l.text);
        out << "<rect x=\"" << num(l.at.x - w / 2) << "\" y=\"" << num(l.at.y - 8) << "\" width=\""
            << num(w) << "\" height=\"15\" rx=\"3\" fill=\"#ffffff\" "
            << "fill-opacity=\"0.92\" stroke=\"#d5dbe1\" stroke-width=\"0.6\"/>\n";
        text(out, l.at.x, l.at.y + 3.5, 9.5, "#34495e", l.text, "middle");
    }
    if (options.legend) drawLegend(out, 24, layout.height + 12);
    out << "</svg>\n";
    return out.str();
}

} // namespace plumb

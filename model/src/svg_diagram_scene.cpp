// The diagram's scene (svg_diagram.h): every shape and text positioned and styled, once, for
// both the SVG writer and the PDF painter, so the two cannot drift apart.
#include "plumbline/element_kinds.h"
#include "plumbline/report_text.h"
#include "plumbline/svg_diagram.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace plumb {
namespace {

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

// `text` in at most `maxLines` lines of `maxChars`: whole words, the last line cut to fit.
// A first word longer than a line gives one cut line (breaking inside words reads worse).
std::vector<std::string> wrapWords(const std::string& text, std::size_t maxChars,
                                   std::size_t maxLines) {
    if (utf8Count(text) <= maxChars || maxLines < 2) return {fit(text, maxChars)};
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t space = text.find(' ', start);
        const std::size_t end = space == std::string::npos ? text.size() : space;
        if (end > start) words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (words.size() < 2 || utf8Count(words.front()) > maxChars) return {fit(text, maxChars)};
    std::string first = words.front();
    std::size_t used = 1;
    while (used < words.size() && utf8Count(first) + 1 + utf8Count(words[used]) <= maxChars)
        first += " " + words[used++];
    std::string rest;
    for (std::size_t i = used; i < words.size(); ++i)
        rest += (rest.empty() ? "" : " ") + words[i];
    return {first, fit(rest, maxChars)};
}

std::string rateLabel(const Flow& f) {
    return units::flowLabel(f);
}

DiagramText text(double x, double y, double size, const std::string& colour,
                 const std::string& content, TextAnchor anchor = TextAnchor::Start,
                 bool bold = false) {
    return {x, y, size, bold, anchor, colour, content};
}

DiagramScene::Frame frame(const DiagramRect& r, const Context* c) {
    DiagramScene::Frame out{r, {}, std::nullopt};
    const std::string name = c ? (c->name && !c->name->empty() ? *c->name : c->id) : r.id;
    const auto chars = static_cast<std::size_t>(std::max(6.0, (r.width - 24) / 7.4));
    out.name = text(r.x + 12, r.y + 21, 13, "#34495e", fit(name, chars), TextAnchor::Start, true);
    if (c && c->team && !c->team->empty() && r.width > 260)
        out.team = text(r.x + r.width - 12, r.y + 21, 10.5, "#7f8c8d", fit("team " + *c->team, 22),
                        TextAnchor::End);
    return out;
}

DiagramScene::Box box(const DiagramRect& r, const Element& e,
                      const std::optional<Severity>& worst) {
    DiagramScene::Box out;
    out.rect = r;
    out.kind = e.kind;
    out.colour = kindColour(e.kind);
    out.pill = traits(e.kind).shape == KindShape::Stadium || traits(e.kind).outside;
    out.dashed = traits(e.kind).outside;
    const double cx = r.x + r.width / 2 + (out.pill ? 0 : 3);
    const auto chars = static_cast<std::size_t>(std::max(4.0, (r.width - 20) / 7.2));
    std::string sub = kindTitle(e.kind);
    if (e.technology && !e.technology->empty()) sub += " · " + *e.technology;
    // A long name takes two lines (whole words) before it is cut, when the box has the height.
    const auto lines = wrapWords(e.displayName(), chars, r.height >= 52 ? 2 : 1);
    const bool two = lines.size() == 2;
    const double top = r.y + r.height / 2 + (two ? -10 : -4); // the first line's baseline
    out.name = text(cx, top, 12.5, "#1c2833", lines.front(), TextAnchor::Middle, true);
    if (two)
        out.nameLine2 =
            text(cx, top + 14.5, 12.5, "#1c2833", lines.back(), TextAnchor::Middle, true);
    out.subtitle =
        text(cx, top + (two ? 29 : 17), 10, out.colour, fit(sub, chars + 4), TextAnchor::Middle);
    if (worst && *worst != Severity::Off) {
        out.badge = worst;
        out.badgeX = r.x + r.width - 4;
        out.badgeY = r.y + 4;
        out.badgeText = text(out.badgeX, out.badgeY + 4, 11, "#ffffff",
                             *worst == Severity::Info ? "i" : "!", TextAnchor::Middle, true);
    }
    return out;
}

std::vector<DiagramScene::LegendEntry> legend(double x, double y) {
    std::vector<DiagramScene::LegendEntry> out;
    double cx = x;
    for (const KindTraits& row : kKindTraits) {
        const ElementKind k = row.kind;
        out.push_back({cx, y, k, FlowStyle::Sync, text(cx + 14, y, 10.5, "#566573", kindTitle(k))});
        cx += 24 + 6.2 * static_cast<double>(kindTitle(k).size());
    }
    cx += 12;
    const std::pair<FlowStyle, const char*> styles[] = {{FlowStyle::Sync, "sync"},
                                                        {FlowStyle::Async, "async"},
                                                        {FlowStyle::Cdc, "cdc / replication"},
                                                        {FlowStyle::Batch, "batch"}};
    for (const auto& [style, name] : styles) {
        out.push_back({cx, y, std::nullopt, style, text(cx + 31, y, 10.5, "#566573", name)});
        cx += 44 + 6.2 * static_cast<double>(std::string(name).size());
    }
    return out;
}

constexpr double kLegendWidth = 1060;

} // namespace

std::string diagramDash(const std::optional<FlowStyle>& style) {
    switch (style.value_or(FlowStyle::Sync)) {
    case FlowStyle::Sync:
        return "";
    case FlowStyle::Async:
        return "7,4";
    case FlowStyle::Replication:
    case FlowStyle::Cdc:
        return "2,3";
    case FlowStyle::Batch:
        return "10,3,2,3";
    }
    return "";
}

DiagramScene diagramScene(const Model& model, const DiagramOptions& options) {
    const DiagramLayout layout = layoutDiagram(model);
    std::unordered_map<std::string, const DiagramRect*> rects;
    for (const auto& r : layout.elements)
        rects.emplace(r.id, &r);

    DiagramScene scene;
    const double legendH = options.legend ? 30 : 0;
    scene.width = std::max(layout.width, options.legend ? kLegendWidth : 0.0);
    scene.height = layout.height + legendH;
    scene.title =
        !options.title.empty() ? options.title : model.name.value_or("Architecture diagram");

    for (const auto& r : layout.contexts)
        scene.frames.push_back(frame(r, model.findContext(r.id)));

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
        scene.arrows.push_back(
            {p.x,
             p.y,
             base.x,
             base.y,
             {q.x, q.y, base.x - uy * 4.5, base.y + ux * 4.5, base.x + uy * 4.5, base.y - ux * 4.5},
             f.style});
        const std::string label = rateLabel(f);
        if (!label.empty()) labels.push_back({placeLabel(p, q, label, layout, labels), label});
    }

    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        auto w = options.worstFinding.find(e.id);
        scene.boxes.push_back(box(
            layout.elements[i], e,
            w == options.worstFinding.end() ? std::nullopt : std::optional<Severity>(w->second)));
    }
    for (const auto& l : labels) {
        const double w = labelWidth(l.text);
        scene.labels.push_back(
            {l.at.x - w / 2, l.at.y - 8, w, 15,
             text(l.at.x, l.at.y + 3.5, 9.5, "#34495e", l.text, TextAnchor::Middle)});
    }
    if (options.legend) scene.legend = legend(24, layout.height + 12);
    return scene;
}

} // namespace plumb

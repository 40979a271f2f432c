#include "template_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace plumb::templates {
namespace {

bool complete(const LayoutBox& b) {
    return b.x && b.y && b.width && b.height && *b.width > 0 && *b.height > 0;
}

// Whether `a` comes within a small gap of the rectangle (x, y, w, h): boxes that close read
// as touching on the canvas.
bool overlaps(const LayoutBox& a, double x, double y, double w, double h) {
    const double gap = 16;
    return x < *a.x + *a.width + gap && *a.x < x + w + gap && y < *a.y + *a.height + gap &&
           *a.y < y + h + gap;
}

bool overlaps(const LayoutBox& a, const LayoutBox& b) {
    return overlaps(a, *b.x, *b.y, *b.width, *b.height);
}

LayoutBox* layoutOf(Model& model, const std::string& id) {
    for (LayoutBox& b : model.layout)
        if (b.id == id) return &b;
    return nullptr;
}

} // namespace

void adoptDrawnLayout(Model& model, const std::vector<LayoutBox>& drawn) {
    for (const LayoutBox& d : drawn) {
        if (!complete(d) || (!model.findElement(d.id) && !model.findContext(d.id))) continue;
        LayoutBox* own = layoutOf(model, d.id);
        if (!own) {
            model.layout.push_back(d);
            continue;
        }
        // A partial box (a position without a size, say) is drawn with what the canvas
        // filled in: keep what the model says and take the rest from the drawing.
        if (!own->x) own->x = d.x;
        if (!own->y) own->y = d.y;
        if (!own->width || *own->width <= 0) own->width = d.width;
        if (!own->height || *own->height <= 0) own->height = d.height;
    }
    if (!model.layout.empty()) model.present.layout = true;
}

void placeBeside(Model& model, const std::string& anchorId, const std::string& id, Side first) {
    const LayoutBox* anchor = model.findLayout(anchorId);
    if (!anchor || !complete(*anchor)) return;
    const LayoutBox a = *anchor;
    const double w = *a.width, h = *a.height, gapX = 80, gapY = 56;
    const Element* anchorElement = model.findElement(anchorId);
    const std::string context =
        anchorElement && anchorElement->context ? *anchorElement->context : std::string();
    const LayoutBox* home = context.empty() ? nullptr : model.findLayout(context);
    if (home && !complete(*home)) home = nullptr;
    const double pad = 24;
    // The box of the anchor's context once grown to hold a new box at (x, y).
    auto grownHome = [&](double x, double y) {
        LayoutBox c = *home;
        const double left = std::min(*c.x, x - pad), top = std::min(*c.y, y - pad);
        const double right = std::max(*c.x + *c.width, x + w + pad);
        const double bottom = std::max(*c.y + *c.height, y + h + pad);
        c.x = left, c.y = top, c.width = right - left, c.height = bottom - top;
        return c;
    };
    // Free: no box under the new one, and its grown context neither runs into another context
    // nor takes in an element of another context (which would then look like a member).
    auto free = [&](double x, double y) {
        const std::optional<LayoutBox> grown =
            home ? std::optional<LayoutBox>(grownHome(x, y)) : std::nullopt;
        for (const LayoutBox& b : model.layout) {
            if (!complete(b) || b.id == context) continue;
            if (overlaps(b, x, y, w, h)) return false;
            if (!grown) continue;
            if (model.findContext(b.id) && overlaps(b, *grown)) return false;
            const Element* e = model.findElement(b.id);
            const bool foreign = e && e->context.value_or("") != context;
            if (foreign && overlaps(b, *grown) && !overlaps(b, *home)) return false;
        }
        return true;
    };
    // Directions in the order that reads best for the template: caches and streams to the
    // right of the store, the pooler above it (in front of it, for callers coming from above).
    static constexpr std::array<std::array<int, 2>, 4> kRight{{{1, 0}, {0, 1}, {-1, 0}, {0, -1}}};
    static constexpr std::array<std::array<int, 2>, 4> kAbove{{{0, -1}, {-1, 0}, {1, 0}, {0, 1}}};
    const auto& order = first == Side::Above ? kAbove : kRight;
    double x = *a.x + w + gapX, y = *a.y;
    bool found = false;
    // One step away on a side, in that order.
    for (const auto& d : order) {
        const double cx = *a.x + d[0] * (w + gapX), cy = *a.y + d[1] * (h + gapY);
        if (free(cx, cy)) {
            x = cx, y = cy, found = true;
            break;
        }
    }
    // A tight drawing (an auto-layout packs contexts close): the nearest free spot on a finer
    // grid up to three steps around, preferring spots that grow the context least.
    if (!found) {
        const double stepX = (w + gapX) / 4, stepY = (h + gapY) / 4;
        double best = 0;
        for (int i = -12; i <= 12; ++i)
            for (int j = -12; j <= 12; ++j) {
                const double cx = *a.x + i * stepX, cy = *a.y + j * stepY;
                if (!free(cx, cy)) continue;
                double cost = std::hypot(cx - *a.x, cy - *a.y);
                if (home) {
                    const LayoutBox g = grownHome(cx, cy);
                    cost += *g.width - *home->width + *g.height - *home->height;
                }
                if (!found || cost < best) x = cx, y = cy, best = cost, found = true;
            }
    }
    // Else further out on the sides.
    for (int ring = 2; ring <= 12 && !found; ++ring) {
        for (const auto& d : order) {
            const double cx = *a.x + d[0] * ring * (w + gapX);
            const double cy = *a.y + d[1] * ring * (h + gapY);
            if (free(cx, cy)) {
                x = cx, y = cy, found = true;
                break;
            }
        }
    }
    const std::optional<LayoutBox> grown =
        home ? std::optional<LayoutBox>(grownHome(x, y)) : std::nullopt;
    model.layout.push_back(LayoutBox{id, x, y, w, h, Json::object()});
    model.present.layout = true;
    if (!grown) return;
    if (LayoutBox* c = layoutOf(model, context)) *c = *grown;
}

} // namespace plumb::templates

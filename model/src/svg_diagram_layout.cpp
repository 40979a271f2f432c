// The diagram's deterministic layout (svg_diagram.h): flow order left to right.
//
// Every element gets a rank, its distance from the actors along the flows. Inside a cluster
// (a context, or the elements outside any context) elements stand in columns by rank; the
// clusters themselves stand in columns by their lowest rank, with actors before them and
// externals after. Columns taller than a cap wrap into the next column, so a context with many
// stores stays roughly square. Everything is computed from sizes, so boxes cannot overlap.
#include "plumbline/element_kinds.h"
#include "plumbline/svg_diagram.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <deque>
#include <map>
#include <unordered_map>

namespace plumb {
namespace {

constexpr double kBoxW = 172, kBoxH = 56;
constexpr double kInnerGapX = 84, kInnerGapY = 30;
constexpr double kPad = 18, kHeader = 32;
constexpr double kClusterGapX = 96, kClusterGapY = 48;
constexpr double kMargin = 24;

struct Item {
    int rank = 0;
    double width = 0, height = 0;
    double x = 0, y = 0; // set by arrange()
};

// Places items in columns by rank (stable), at most `cap` per column, each column centred
// vertically; returns the size of the whole arrangement.
std::pair<double, double> arrange(std::vector<Item*>& items, std::size_t cap, double gapX,
                                  double gapY) {
    std::stable_sort(items.begin(), items.end(),
                     [](const Item* a, const Item* b) { return a->rank < b->rank; });
    std::vector<std::vector<Item*>> columns;
    int lastRank = INT_MIN;
    for (Item* item : items) {
        if (columns.empty() || item->rank != lastRank || columns.back().size() >= cap)
            columns.emplace_back();
        columns.back().push_back(item);
        lastRank = item->rank;
    }
    std::vector<double> widths, heights;
    double maxHeight = 0;
    for (const auto& column : columns) {
        double w = 0, h = 0;
        for (const Item* item : column) {
            w = std::max(w, item->width);
            h += item->height + (h > 0 ? gapY : 0);
        }
        widths.push_back(w);
        heights.push_back(h);
        maxHeight = std::max(maxHeight, h);
    }
    double x = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double y = (maxHeight - heights[c]) / 2.0;
        for (Item* item : columns[c]) {
            item->x = x + (widths[c] - item->width) / 2.0;
            item->y = y;
            y += item->height + gapY;
        }
        x += widths[c] + (c + 1 < columns.size() ? gapX : 0);
    }
    return {x, maxHeight};
}

// Places items row-major in a grid of `cols` columns (column widths and row heights fit the
// largest item), each item centred in its cell; returns the grid's size.
std::pair<double, double> placeGrid(const std::vector<Item*>& items, std::size_t cols, double gapX,
                                    double gapY) {
    if (items.empty()) return {0, 0};
    const std::size_t rows = (items.size() + cols - 1) / cols;
    std::vector<double> widths(cols, 0), heights(rows, 0);
    for (std::size_t i = 0; i < items.size(); ++i) {
        widths[i % cols] = std::max(widths[i % cols], items[i]->width);
        heights[i / cols] = std::max(heights[i / cols], items[i]->height);
    }
    std::vector<double> xs(cols, 0), ys(rows, 0);
    for (std::size_t c = 1; c < cols; ++c)
        xs[c] = xs[c - 1] + widths[c - 1] + gapX;
    for (std::size_t r = 1; r < rows; ++r)
        ys[r] = ys[r - 1] + heights[r - 1] + gapY;
    for (std::size_t i = 0; i < items.size(); ++i) {
        items[i]->x = xs[i % cols] + (widths[i % cols] - items[i]->width) / 2;
        items[i]->y = ys[i / cols];
    }
    return {xs[cols - 1] + widths[cols - 1], ys[rows - 1] + heights[rows - 1]};
}

std::size_t columnCap(std::size_t count) {
    return std::max<std::size_t>(3, static_cast<std::size_t>(std::ceil(std::sqrt(count))));
}

// Distance of every element from the actors (or from elements nobody flows into).
std::unordered_map<std::string, int> ranks(const Model& model) {
    std::unordered_map<std::string, std::vector<std::string>> next;
    std::unordered_map<std::string, int> incoming;
    for (const auto& f : model.flows) {
        if (f.from == f.to) continue;
        next[f.from].push_back(f.to);
        ++incoming[f.to];
    }
    std::unordered_map<std::string, int> rank;
    std::deque<std::string> queue;
    for (const auto& e : model.elements)
        if (traits(e.kind).endUser) rank[e.id] = 0, queue.push_back(e.id);
    if (queue.empty())
        for (const auto& e : model.elements)
            if (!incoming.count(e.id)) rank[e.id] = 0, queue.push_back(e.id);
    while (!queue.empty()) {
        const std::string id = queue.front();
        queue.pop_front();
        for (const auto& to : next[id])
            if (!rank.count(to)) rank[to] = rank[id] + 1, queue.push_back(to);
    }
    int maxRank = 0;
    for (const auto& [id, r] : rank)
        maxRank = std::max(maxRank, r);
    for (const auto& e : model.elements)
        if (!rank.count(e.id)) rank[e.id] = maxRank + 1;
    return rank;
}

DiagramLayout computedLayout(const Model& model) {
    const auto rank = ranks(model);
    // Clusters: one per context (model order), then the context-less elements; actors and
    // externals outside contexts stand alone at the sides.
    struct Cluster {
        std::string id;
        bool framed = true;
        std::vector<std::size_t> members;
        Item item;
    };
    std::vector<Cluster> clusters;
    std::map<std::string, std::size_t> clusterOf;
    for (const auto& c : model.contexts) {
        clusterOf.emplace(c.id, clusters.size());
        clusters.push_back({c.id, true, {}, {}});
    }
    clusters.push_back({"", false, {}, {}});
    const std::size_t loose = clusters.size() - 1;
    std::vector<Item> elementItems(model.elements.size());
    std::vector<Item> sideItems; // actors and externals standing alone
    std::vector<std::size_t> sideIndex;
    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        elementItems[i] = {rank.at(e.id), kBoxW, kBoxH, 0, 0};
        auto it = e.context ? clusterOf.find(*e.context) : clusterOf.end();
        if (it != clusterOf.end()) {
            clusters[it->second].members.push_back(i);
        } else if (traits(e.kind).column != KindColumn::Grid) {
            sideIndex.push_back(i);
        } else {
            clusters[loose].members.push_back(i);
        }
    }
    // Inside each cluster: columns by rank.
    for (auto& cluster : clusters) {
        std::vector<Item*> items;
        int minRank = INT_MAX;
        for (std::size_t i : cluster.members) {
            items.push_back(&elementItems[i]);
            minRank = std::min(minRank, elementItems[i].rank);
        }
        auto [w, h] = arrange(items, columnCap(items.size()), kInnerGapX, kInnerGapY);
        const double pad = cluster.framed ? kPad : 0, header = cluster.framed ? kHeader : 0;
        cluster.item = {minRank, std::max(w + 2 * pad, cluster.framed ? 200.0 : 0.0),
                        h + 2 * pad + header, 0, 0};
        if (cluster.members.empty()) cluster.item.height = cluster.framed ? 90 : 0;
    }
    // Top level: actors in a column on the left, externals on the right, and the clusters in
    // a grid between them (row-major by rank) with as many columns as bring the whole drawing
    // closest to a landscape page's proportions.
    std::vector<Item*> actors, externals, grid;
    for (std::size_t i : sideIndex)
        (traits(model.elements[i].kind).column == KindColumn::Left ? actors : externals)
            .push_back(&elementItems[i]);
    for (auto& cluster : clusters)
        if (cluster.framed || !cluster.members.empty()) grid.push_back(&cluster.item);
    std::stable_sort(grid.begin(), grid.end(),
                     [](const Item* a, const Item* b) { return a->rank < b->rank; });
    for (Item* item : actors)
        item->rank = 0;
    for (Item* item : externals)
        item->rank = 0;
    const auto actorSize = arrange(actors, actors.size() + 1, kClusterGapX, kInnerGapY);
    const auto externalSize = arrange(externals, externals.size() + 1, kClusterGapX, kInnerGapY);
    std::size_t bestCols = 1;
    double bestScore = 1e300;
    for (std::size_t cols = 1; cols <= std::max<std::size_t>(1, grid.size()); ++cols) {
        auto [gw, gh] = placeGrid(grid, cols, kClusterGapX, kClusterGapY);
        const double w = actorSize.first + externalSize.first + gw + 2 * kClusterGapX;
        const double h = std::max({gh, actorSize.second, externalSize.second});
        const double score = std::fabs(std::log(w / std::max(h, 1.0)) - std::log(1.55));
        if (score < bestScore - 1e-9) bestScore = score, bestCols = cols;
    }
    auto [gridW, gridH] = placeGrid(grid, bestCols, kClusterGapX, kClusterGapY);
    const double height = std::max({gridH, actorSize.second, externalSize.second});
    const double gridX = actors.empty() ? 0 : actorSize.first + kClusterGapX;
    for (Item* item : actors)
        item->y += (height - actorSize.second) / 2;
    for (Item* item : grid)
        item->x += gridX, item->y += (height - gridH) / 2;
    const double externalX = gridX + gridW + (externals.empty() ? 0 : kClusterGapX);
    for (Item* item : externals)
        item->x += externalX, item->y += (height - externalSize.second) / 2;
    const double width = externalX + (externals.empty() ? 0 : externalSize.first);
    DiagramLayout layout;
    layout.width = width + 2 * kMargin;
    layout.height = height + 2 * kMargin;
    std::vector<DiagramRect> elementRects(model.elements.size());
    for (std::size_t i : sideIndex) {
        const Item& it = elementItems[i];
        elementRects[i] = {model.elements[i].id, it.x + kMargin, it.y + kMargin, it.width,
                           it.height};
    }
    for (const auto& cluster : clusters) {
        if (!cluster.framed && cluster.members.empty()) continue;
        const double pad = cluster.framed ? kPad : 0, header = cluster.framed ? kHeader : 0;
        const double cx = cluster.item.x + kMargin, cy = cluster.item.y + kMargin;
        if (cluster.framed)
            layout.contexts.push_back(
                {cluster.id, cx, cy, cluster.item.width, cluster.item.height});
        // Centre the members horizontally in a frame widened to its minimum width.
        double membersWidth = 0;
        for (std::size_t i : cluster.members)
            membersWidth = std::max(membersWidth, elementItems[i].x + elementItems[i].width);
        const double shift = (cluster.item.width - 2 * pad - membersWidth) / 2.0;
        for (std::size_t i : cluster.members) {
            const Item& it = elementItems[i];
            elementRects[i] = {model.elements[i].id, cx + pad + shift + it.x,
                               cy + pad + header + it.y, it.width, it.height};
        }
    }
    layout.elements = std::move(elementRects);
    return layout;
}

// The author's layout, completed: contexts without a box enclose their elements; elements
// without a box go in a row below everything else.
DiagramLayout storedLayout(const Model& model) {
    DiagramLayout layout;
    double maxY = 0, maxX = 0, nextX = kMargin;
    std::vector<std::size_t> unplaced;
    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        const LayoutBox* box = model.findLayout(e.id);
        if (box && box->x && box->y) {
            DiagramRect r{e.id, *box->x, *box->y, box->width.value_or(kBoxW),
                          box->height.value_or(kBoxH)};
            layout.elements.push_back(r);
        } else {
            layout.elements.push_back({e.id, 0, 0, kBoxW, kBoxH});
            unplaced.push_back(i);
        }
    }
    for (const auto& c : model.contexts) {
        const LayoutBox* box = model.findLayout(c.id);
        if (box && box->x && box->y && box->width && box->height) {
            layout.contexts.push_back({c.id, *box->x, *box->y, *box->width, *box->height});
            continue;
        }
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (std::size_t i = 0; i < model.elements.size(); ++i) {
            if (model.elements[i].context != c.id) continue;
            if (std::find(unplaced.begin(), unplaced.end(), i) != unplaced.end()) continue;
            const DiagramRect& r = layout.elements[i];
            x0 = std::min(x0, r.x), y0 = std::min(y0, r.y);
            x1 = std::max(x1, r.x + r.width), y1 = std::max(y1, r.y + r.height);
        }
        if (x0 <= x1)
            layout.contexts.push_back({c.id, x0 - kPad, y0 - kPad - kHeader, x1 - x0 + 2 * kPad,
                                       y1 - y0 + 2 * kPad + kHeader});
    }
    // Shift everything so the drawing starts at the margin.
    double minX = 1e300, minY = 1e300;
    auto visit = [&](const DiagramRect& r) {
        minX = std::min(minX, r.x), minY = std::min(minY, r.y);
    };
    for (std::size_t i = 0; i < layout.elements.size(); ++i)
        if (std::find(unplaced.begin(), unplaced.end(), i) == unplaced.end())
            visit(layout.elements[i]);
    for (const auto& r : layout.contexts)
        visit(r);
    if (minX > 1e299) minX = minY = kMargin;
    auto shift = [&](DiagramRect& r) {
        r.x += kMargin - minX, r.y += kMargin - minY;
        maxX = std::max(maxX, r.x + r.width), maxY = std::max(maxY, r.y + r.height);
    };
    for (std::size_t i = 0; i < layout.elements.size(); ++i)
        if (std::find(unplaced.begin(), unplaced.end(), i) == unplaced.end())
            shift(layout.elements[i]);
    for (auto& r : layout.contexts)
        shift(r);
    const double rowY = maxY + (maxY > 0 ? kClusterGapY : kMargin);
    for (std::size_t i : unplaced) {
        layout.elements[i].x = nextX;
        layout.elements[i].y = rowY;
        nextX += kBoxW + kInnerGapX;
        maxX = std::max(maxX, nextX);
        maxY = std::max(maxY, rowY + kBoxH);
    }
    layout.width = maxX + kMargin;
    layout.height = maxY + kMargin;
    return layout;
}

} // namespace

const DiagramRect* DiagramLayout::element(const std::string& id) const {
    for (const auto& r : elements)
        if (r.id == id) return &r;
    return nullptr;
}

DiagramLayout layoutDiagram(const Model& model) {
    bool anyStored = false;
    for (const auto& e : model.elements)
        if (const LayoutBox* b = model.findLayout(e.id); b && b->x && b->y) anyStored = true;
    return anyStored ? storedLayout(model) : computedLayout(model);
}

} // namespace plumb

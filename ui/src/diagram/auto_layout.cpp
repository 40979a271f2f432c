#include "plumbline/ui/diagram/auto_layout.h"

#include "plumbline/ui/diagram/diagram_style.h"

#include <algorithm>
#include <cmath>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <map>
#include <mutex>
#include <set>
#include <string>

namespace plumb::ui {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kPointsPerInch = 72.0;
constexpr double kGap = 40.0;
constexpr double kMinContextWidth = 240.0;
constexpr double kMinContextHeight = 120.0;

struct Node {
    std::string id;
    double width = 0, height = 0;
    double x = 0, y = 0; // top-left, relative to the group's origin
};

struct Group {
    std::vector<Node> nodes;
    std::vector<std::pair<int, int>> edges; // node indices
    double width = 0, height = 0;
};

void setAttribute(void* object, const char* name, const std::string& value) {
    std::string key = name, text = value, none;
    agsafeset(object, key.data(), text.data(), none.data());
}

// A near-square grid, rows filled left to right. Always works, never overlaps.
void gridLayout(Group& group) {
    const auto n = group.nodes.size();
    const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))));
    double cellWidth = 0, cellHeight = 0;
    for (const Node& node : group.nodes) {
        cellWidth = std::max(cellWidth, node.width);
        cellHeight = std::max(cellHeight, node.height);
    }
    group.width = group.height = 0;
    for (std::size_t i = 0; i < n; ++i) {
        Node& node = group.nodes[i];
        node.x = static_cast<double>(i % columns) * (cellWidth + kGap);
        node.y = static_cast<double>(i / columns) * (cellHeight + kGap);
        group.width = std::max(group.width, node.x + node.width);
        group.height = std::max(group.height, node.y + node.height);
    }
}

// Lays the group out with dot; false when Graphviz could not (then nothing was changed).
bool dotLayout(GVC_t* gvc, Group& group, const char* rankdir) {
    std::string name = "g";
    Agraph_t* graph = agopen(name.data(), Agdirected, nullptr);
    if (!graph) return false;
    setAttribute(graph, "rankdir", rankdir);
    setAttribute(graph, "nodesep", "0.6");
    setAttribute(graph, "ranksep", "1.6"); // room for a rate label between ranks
    std::vector<Agnode_t*> nodes;
    for (std::size_t i = 0; i < group.nodes.size(); ++i) {
        std::string nodeName = "n" + std::to_string(i);
        Agnode_t* node = agnode(graph, nodeName.data(), 1);
        setAttribute(node, "shape", "box");
        setAttribute(node, "fixedsize", "true");
        setAttribute(node, "label", "");
        setAttribute(node, "width", std::to_string(group.nodes[i].width / kPointsPerInch));
        setAttribute(node, "height", std::to_string(group.nodes[i].height / kPointsPerInch));
        nodes.push_back(node);
    }
    for (const auto& [from, to] : group.edges)
        if (from != to) agedge(graph, nodes[from], nodes[to], nullptr, 1);
    if (gvLayout(gvc, graph, "dot") != 0) {
        agclose(graph);
        return false;
    }
    const boxf bounds = GD_bb(graph);
    for (std::size_t i = 0; i < group.nodes.size(); ++i) {
        Node& node = group.nodes[i];
        const pointf centre = ND_coord(nodes[i]);
        // Graphviz's y grows upwards; the scene's grows downwards.
        node.x = centre.x - bounds.LL.x - node.width / 2;
        node.y = bounds.UR.y - centre.y - node.height / 2;
    }
    group.width = bounds.UR.x - bounds.LL.x;
    group.height = bounds.UR.y - bounds.LL.y;
    gvFreeLayout(gvc, graph);
    agclose(graph);
    return true;
}

void layoutGroup(GVC_t* gvc, Group& group, const AutoLayoutOptions& options,
                 Clock::time_point deadline, const char* rankdir) {
    if (group.nodes.empty()) return;
    const bool small = static_cast<int>(group.nodes.size()) <= options.maxDotNodes &&
                       static_cast<int>(group.edges.size()) <= options.maxDotEdges;
    if (gvc && small && Clock::now() < deadline && dotLayout(gvc, group, rankdir)) return;
    gridLayout(group);
}

// Graphviz keeps global state (cgraph's error level, the layout plugins): one layout at a time.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

// One Graphviz context for the whole process, made on first use and never freed: creating one
// per layout reloaded the plugin configuration each time, and Graphviz 2.42 leaks part of it
// on gvFreeContext. Only used under graphvizMutex().
GVC_t* graphvizContext() {
    static GVC_t* const context = gvContext();
    return context;
}

bool cancelled(const AutoLayoutOptions& options) {
    return options.cancel && options.cancel->load(std::memory_order_relaxed);
}

double number(const plumb::Number& value, double fallback) {
    return value && *value > 0 ? *value : fallback;
}

} // namespace

std::vector<plumb::LayoutBox> autoLayout(const plumb::Model& model,
                                         const AutoLayoutOptions& options) {
    const std::lock_guard lock(graphvizMutex());
    const auto deadline = Clock::now() + options.budget;
    if (cancelled(options)) return {};
    agseterr(AGMAX); // no Graphviz chatter on stderr
    GVC_t* gvc = graphvizContext();

    // Each context's own elements and internal flows.
    std::map<std::string, std::size_t> contextIndex;
    for (std::size_t i = 0; i < model.contexts.size(); ++i)
        contextIndex[model.contexts[i].id] = i;
    std::vector<Group> contexts(model.contexts.size());
    Group top; // the contexts (as big nodes) and the elements without one
    std::map<std::string, std::pair<int, int>> where; // element id -> (group, node); group -1 = top
    for (const auto& element : model.elements) {
        const plumb::LayoutBox* box = model.findLayout(element.id);
        const QSizeF size = diagram::defaultElementSize(element.kind);
        Node node{element.id, number(box ? box->width : std::nullopt, size.width()),
                  number(box ? box->height : std::nullopt, size.height())};
        auto it = element.context ? contextIndex.find(*element.context) : contextIndex.end();
        if (it != contextIndex.end()) {
            contexts[it->second].nodes.push_back(node);
            where[element.id] = {static_cast<int>(it->second),
                                 static_cast<int>(contexts[it->second].nodes.size() - 1)};
        } else {
            top.nodes.push_back(node);
            where[element.id] = {-1, static_cast<int>(top.nodes.size() - 1)};
        }
    }
    for (std::size_t c = 0; c < model.contexts.size(); ++c) {
        top.nodes.push_back({model.contexts[c].id, 0, 0});
    }
    const int firstContextNode = static_cast<int>(top.nodes.size() - model.contexts.size());

    std::set<std::pair<int, int>> topEdges;
    for (const auto& flow : model.flows) {
        auto a = where.find(flow.from), b = where.find(flow.to);
        if (a == where.end() || b == where.end()) continue;
        if (a->second.first >= 0 && a->second.first == b->second.first) {
            contexts[a->second.first].edges.emplace_back(a->second.second, b->second.second);
            continue;
        }
        const auto topNode = [&](std::pair<int, int> at) {
            return at.first < 0 ? at.second : firstContextNode + at.first;
        };
        if (topNode(a->second) != topNode(b->second))
            topEdges.emplace(topNode(a->second), topNode(b->second));
    }
    top.edges.assign(topEdges.begin(), topEdges.end());

    for (std::size_t c = 0; c < contexts.size(); ++c) {
        if (cancelled(options)) return {};
        layoutGroup(gvc, contexts[c], options, deadline, "LR");
        Node& node = top.nodes[static_cast<std::size_t>(firstContextNode) + c];
        node.width = std::max(kMinContextWidth, contexts[c].width + 2 * diagram::kContextPadding);
        node.height =
            std::max(kMinContextHeight, contexts[c].height + 2 * diagram::kContextPadding +
                                            diagram::kContextHeaderHeight);
    }
    // Flows read left to right inside a context; the contexts themselves go top to bottom,
    // which keeps the whole close to a screen's shape instead of a long strip.
    if (!cancelled(options)) layoutGroup(gvc, top, options, deadline, "TB");
    if (cancelled(options)) return {};

    std::vector<plumb::LayoutBox> boxes;
    boxes.reserve(model.contexts.size() + model.elements.size());
    const auto box = [](const std::string& id, double x, double y, double w, double h) {
        plumb::LayoutBox b;
        b.id = id;
        b.x = std::round(x);
        b.y = std::round(y);
        b.width = std::round(w);
        b.height = std::round(h);
        return b;
    };
    for (std::size_t c = 0; c < contexts.size(); ++c) {
        const Node& node = top.nodes[static_cast<std::size_t>(firstContextNode) + c];
        boxes.push_back(box(model.contexts[c].id, node.x, node.y, node.width, node.height));
    }
    for (const auto& element : model.elements) {
        const auto [group, index] = where.at(element.id);
        if (group < 0) {
            const Node& node = top.nodes[static_cast<std::size_t>(index)];
            boxes.push_back(box(element.id, node.x, node.y, node.width, node.height));
            continue;
        }
        const Node& outer = top.nodes[static_cast<std::size_t>(firstContextNode + group)];
        const Group& inner = contexts[static_cast<std::size_t>(group)];
        const Node& node = inner.nodes[static_cast<std::size_t>(index)];
        // Centred in the context when the context kept its minimum size.
        const double offsetX = outer.x + (outer.width - inner.width) / 2;
        const double offsetY = outer.y + diagram::kContextHeaderHeight +
                               (outer.height - diagram::kContextHeaderHeight - inner.height) / 2;
        boxes.push_back(
            box(element.id, offsetX + node.x, offsetY + node.y, node.width, node.height));
    }
    return boxes;
}

std::vector<plumb::LayoutBox> completeLayout(const plumb::Model& model) {
    std::vector<plumb::LayoutBox> boxes = model.layout;
    double bottom = 0;
    for (const auto& b : boxes)
        if (b.y && b.height) bottom = std::max(bottom, *b.y + *b.height);
    double x = 0;
    const double y = boxes.empty() ? 0 : bottom + kGap * 2;
    const auto place = [&](const std::string& id, QSizeF size) {
        if (model.findLayout(id)) return;
        plumb::LayoutBox b;
        b.id = id;
        b.x = x;
        b.y = y;
        b.width = size.width();
        b.height = size.height();
        boxes.push_back(b);
        x += size.width() + kGap;
    };
    for (const auto& context : model.contexts)
        place(context.id, QSizeF(kMinContextWidth, kMinContextHeight));
    for (const auto& element : model.elements)
        place(element.id, diagram::defaultElementSize(element.kind));
    return boxes;
}

} // namespace plumb::ui

#pragma once
// Automatic layout with Graphviz dot: elements left to right inside each context, contexts as
// clusters placed top to bottom. Pure: no widgets, safe to call from tests and from a worker
// thread (layout_worker.h). Graphviz is not re-entrant: calls from several threads take turns.
//
// Dot degrades badly on large graphs with hub nodes, so each context is laid out on its own
// (its internal flows only), then the contexts and the elements without one are laid out as
// big nodes. A context too large for dot, or anything after the time budget ran out, falls
// back to a grid. Elements never overlap and each lies inside its context's box.

#include "plumbline/model.h"

#include <atomic>
#include <chrono>
#include <vector>

namespace plumb::ui {

struct AutoLayoutOptions {
    std::chrono::milliseconds budget{1500}; // dot is not started after this much time
    int maxDotNodes = 150;                  // a context or top level larger than this: grid
    int maxDotEdges = 600;
    // Checked between contexts: once set, autoLayout stops and returns no boxes.
    const std::atomic<bool>* cancel = nullptr;
};

// One box per element and context of `model` (the order of model.contexts, then elements).
// Elements keep the size their layout box has, if any. Empty when cancelled.
std::vector<plumb::LayoutBox> autoLayout(const plumb::Model& model,
                                         const AutoLayoutOptions& options = {});

// Adds boxes for the elements and contexts that have none (placed in a row below the rest),
// keeping every existing box as it is. Used when a model's layout is incomplete.
std::vector<plumb::LayoutBox> completeLayout(const plumb::Model& model);

} // namespace plumb::ui

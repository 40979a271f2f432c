#pragma once
// The change issue #18 asks every example to survive: one store's technology swapped, one
// flow's rate multiplied by 10 and one element removed (with the flows at its ends, which cannot
// outlive it). Shared by the model and CLI suites so both check the same edit.

#include "plumbline/model.h"

#include <algorithm>
#include <string>
#include <vector>

namespace testing {

struct ExampleChange {
    plumb::Model changed;
    std::string store, oldTechnology, newTechnology;
    std::string flow, rateField; // "/writesPerSecond" or "/readsPerSecond"
    double oldRate = 0;
    std::string removed;
    std::vector<std::string> removedFlows;
};

inline ExampleChange changeExample(const plumb::Model& model) {
    using namespace plumb;
    ExampleChange c{model, {}, {}, {}, {}, {}, 0, {}, {}};
    Model& m = c.changed;
    for (auto& e : m.elements)
        if (e.kind == ElementKind::Store && e.technology) {
            c.store = e.id;
            c.oldTechnology = *e.technology;
            c.newTechnology = *e.technology == "sqlite" ? "postgresql" : "sqlite";
            e.technology = c.newTechnology;
            break;
        }
    for (auto& f : m.flows) {
        Number& rate =
            f.writesPerSecond && *f.writesPerSecond > 0 ? f.writesPerSecond : f.readsPerSecond;
        if (!rate || *rate <= 0) continue;
        c.flow = f.id;
        c.rateField = &rate == &f.writesPerSecond ? "/writesPerSecond" : "/readsPerSecond";
        c.oldRate = *rate;
        rate = *rate * 10;
        break;
    }
    const Flow* changedFlow = m.findFlow(c.flow);
    // The last element that is neither the swapped store nor an end of the changed flow.
    for (auto it = m.elements.rbegin(); it != m.elements.rend(); ++it) {
        if (it->id == c.store || it->id == changedFlow->from || it->id == changedFlow->to) continue;
        c.removed = it->id;
        break;
    }
    std::erase_if(m.elements, [&](const Element& e) { return e.id == c.removed; });
    for (const auto& f : m.flows)
        if (f.from == c.removed || f.to == c.removed) c.removedFlows.push_back(f.id);
    std::erase_if(m.flows, [&](const Flow& f) { return f.from == c.removed || f.to == c.removed; });
    std::erase_if(m.layout, [&](const LayoutBox& b) { return b.id == c.removed; });
    std::erase_if(m.waivers, [&](const Waiver& w) { return w.element == c.removed; });
    return c;
}

} // namespace testing

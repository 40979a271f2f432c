// Rename, cascading delete and restore, id checks (model_edits.h).
#include "plumbline/model_edits.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace plumb {
namespace {

// Removes the items matching `pred`, remembering each with its index (ascending).
template <typename T, typename Pred>
void removeRecorded(std::vector<T>& list, std::vector<RemovedItems::Entry<T>>& out, Pred pred) {
    out.clear();
    std::vector<T> kept;
    kept.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (pred(list[i]))
            out.push_back({i, std::move(list[i])});
        else
            kept.push_back(std::move(list[i]));
    }
    list = std::move(kept);
}

// Puts recorded items back; ascending indices make each insert land where it was.
template <typename T>
void restoreRecorded(std::vector<T>& list, const std::vector<RemovedItems::Entry<T>>& in) {
    for (const auto& removed : in)
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(removed.index), removed.value);
}

} // namespace

void renameId(Model& model, std::string_view from, std::string_view to) {
    if (from == to) return;
    const auto swap = [&](std::string& id) {
        if (id == from) id = to;
    };
    const auto swapOptional = [&](Text& id) {
        if (id && *id == from) id = std::string(to);
    };
    for (auto& element : model.elements) {
        swap(element.id);
        swapOptional(element.context);
    }
    for (auto& context : model.contexts)
        swap(context.id);
    for (auto& flow : model.flows) {
        swap(flow.id);
        swap(flow.from);
        swap(flow.to);
    }
    for (auto& waiver : model.waivers)
        swapOptional(waiver.element);
    for (auto& box : model.layout)
        swap(box.id);
}

std::string idError(const Model& model, std::string_view id, std::string_view currentId) {
    if (id == currentId) return {};
    if (std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isspace(c); }))
        return "An id cannot be empty.";
    if (id.size() > kMaxIdLength)
        return "An id has at most " + std::to_string(kMaxIdLength) + " characters.";
    if (!isFreeId(model, id)) return "\"" + std::string(id) + "\" is already used by another item.";
    return {};
}

std::vector<std::string> existingIds(const Model& model, const std::vector<std::string>& ids) {
    std::set<std::string> found;
    for (const auto& id : ids)
        if (model.findElement(id) || model.findContext(id) || model.findFlow(id)) found.insert(id);
    return {found.begin(), found.end()};
}

RemovedItems removeItems(Model& model, const std::vector<std::string>& ids) {
    RemovedItems removed;
    const auto existing = existingIds(model, ids);
    const std::set<std::string> gone(existing.begin(), existing.end());
    const auto in = [&](const std::string& id) { return gone.count(id) > 0; };
    for (const auto& element : model.elements)
        if (!in(element.id) && element.context && in(*element.context) &&
            model.findContext(*element.context))
            removed.orphaned.emplace(element.id, *element.context);
    removeRecorded(model.flows, removed.flows,
                   [&](const Flow& flow) { return in(flow.id) || in(flow.from) || in(flow.to); });
    // The waivers of everything removed, the flows taken along included (a waiver naming a
    // gone flow would make the model unreadable).
    std::set<std::string> waived(gone);
    for (const auto& flow : removed.flows)
        waived.insert(flow.value.id);
    removeRecorded(model.waivers, removed.waivers, [&](const Waiver& waiver) {
        return waiver.element && waived.count(*waiver.element) > 0;
    });
    removeRecorded(model.elements, removed.elements,
                   [&](const Element& element) { return in(element.id); });
    removeRecorded(model.contexts, removed.contexts,
                   [&](const Context& context) { return in(context.id); });
    removeRecorded(model.layout, removed.boxes, [&](const LayoutBox& box) { return in(box.id); });
    for (const auto& [id, context] : removed.orphaned)
        if (auto* element = model.findElement(id)) element->context.reset();
    return removed;
}

void restore(Model& model, const RemovedItems& removed) {
    for (const auto& [id, context] : removed.orphaned)
        if (auto* element = model.findElement(id)) element->context = context;
    restoreRecorded(model.layout, removed.boxes);
    restoreRecorded(model.contexts, removed.contexts);
    restoreRecorded(model.elements, removed.elements);
    restoreRecorded(model.waivers, removed.waivers);
    restoreRecorded(model.flows, removed.flows);
}

} // namespace plumb

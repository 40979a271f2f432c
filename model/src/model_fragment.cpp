#include "plumbline/model_fragment.h"

#include <set>
#include <unordered_set>

namespace plumb {

namespace {

// "store" for "store-12"; the id itself when it does not end in "-<number>".
std::string_view withoutNumberSuffix(std::string_view id) {
    const std::size_t dash = id.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == id.size()) return id;
    for (std::size_t i = dash + 1; i < id.size(); ++i)
        if (id[i] < '0' || id[i] > '9') return id;
    return id.substr(0, dash);
}

} // namespace

bool isFreeId(const Model& model, std::string_view id) {
    return !model.findElement(id) && !model.findContext(id) && !model.findFlow(id);
}

std::string freshId(std::string_view wanted, const std::function<bool(std::string_view)>& isTaken) {
    if (!wanted.empty() && wanted.size() <= kMaxIdLength && !isTaken(wanted))
        return std::string(wanted);
    std::string_view base = withoutNumberSuffix(wanted);
    if (base.empty()) base = "item";
    for (long long n = 2;; ++n) {
        const std::string suffix = "-" + std::to_string(n);
        const std::size_t room = kMaxIdLength - suffix.size();
        std::string id = std::string(base.substr(0, std::min(base.size(), room))) + suffix;
        if (!isTaken(id)) return id;
    }
}

std::string newId(const Model& model, std::string_view wanted) {
    return freshId(wanted, [&](std::string_view id) { return !isFreeId(model, id); });
}

Model extractFragment(const Model& model, const std::vector<std::string>& ids) {
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    Model fragment;
    std::unordered_set<std::string> contexts, elements;
    for (const auto& context : model.contexts)
        if (wanted.count(context.id)) {
            fragment.contexts.push_back(context);
            contexts.insert(context.id);
        }
    for (const auto& element : model.elements) {
        const bool member = element.context && contexts.count(*element.context);
        if (!member && !wanted.count(element.id)) continue;
        Element copy = element;
        if (copy.context && !contexts.count(*copy.context)) copy.context.reset();
        fragment.elements.push_back(std::move(copy));
        elements.insert(element.id);
    }
    std::unordered_set<std::string> taken(contexts.begin(), contexts.end());
    taken.insert(elements.begin(), elements.end());
    for (const auto& flow : model.flows)
        if (elements.count(flow.from) && elements.count(flow.to)) {
            fragment.flows.push_back(flow);
            taken.insert(flow.id);
        }
    for (const auto& waiver : model.waivers)
        if (waiver.element && taken.count(*waiver.element)) fragment.waivers.push_back(waiver);
    for (const auto& box : model.layout)
        if (contexts.count(box.id) || elements.count(box.id)) fragment.layout.push_back(box);
    fragment.present.waivers = !fragment.waivers.empty();
    fragment.present.layout = !fragment.layout.empty();
    return fragment;
}

PreparedFragment prepareFragment(const Model& target, Model fragment) {
    PreparedFragment result;

    // First drop what the fragment cannot satisfy by itself.
    std::set<std::string> contexts, elements;
    for (const auto& context : fragment.contexts)
        contexts.insert(context.id);
    for (auto& element : fragment.elements) {
        elements.insert(element.id);
        if (element.context && !contexts.count(*element.context)) element.context.reset();
    }
    std::erase_if(fragment.flows, [&](const Flow& flow) {
        return !elements.count(flow.from) || !elements.count(flow.to);
    });

    // Ids free in the target are kept; the rest are renamed around the kept ones.
    std::vector<std::string*> ids;
    for (auto& context : fragment.contexts)
        ids.push_back(&context.id);
    for (auto& element : fragment.elements)
        ids.push_back(&element.id);
    for (auto& flow : fragment.flows)
        ids.push_back(&flow.id);
    std::unordered_set<std::string> reserved;
    std::vector<bool> keep(ids.size(), false);
    for (std::size_t i = 0; i < ids.size(); ++i)
        keep[i] = isFreeId(target, *ids[i]) && !ids[i]->empty() && ids[i]->size() <= kMaxIdLength &&
                  reserved.insert(*ids[i]).second;
    const auto isTaken = [&](std::string_view id) {
        return reserved.count(std::string(id)) > 0 || !isFreeId(target, id);
    };
    std::set<std::string> kept;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (keep[i]) {
            kept.insert(*ids[i]);
            continue;
        }
        const std::string renamed = freshId(*ids[i], isTaken);
        reserved.insert(renamed);
        result.renamed.emplace(*ids[i], renamed);
        *ids[i] = renamed;
    }

    // Rewire the references. Contexts and elements were renamed as one map: in a valid model
    // they never share an id.
    const auto rewire = [&](std::string& id) {
        if (auto it = result.renamed.find(id); it != result.renamed.end()) id = it->second;
    };
    for (auto& element : fragment.elements)
        if (element.context) rewire(*element.context);
    for (auto& flow : fragment.flows) {
        rewire(flow.from);
        rewire(flow.to);
    }
    std::erase_if(fragment.layout, [&](const LayoutBox& box) {
        return !contexts.count(box.id) && !elements.count(box.id);
    });
    for (auto& box : fragment.layout)
        rewire(box.id);
    std::erase_if(fragment.waivers, [&](const Waiver& waiver) {
        return !waiver.element || !kept.count(*waiver.element);
    });

    for (const auto& context : fragment.contexts)
        result.contextIds.push_back(context.id);
    for (const auto& element : fragment.elements)
        result.elementIds.push_back(element.id);
    for (const auto& flow : fragment.flows)
        result.flowIds.push_back(flow.id);
    fragment.ruleSettings.clear();
    result.fragment = std::move(fragment);
    return result;
}

void appendFragment(Model& target, const Model& prepared) {
    const auto append = [](auto& to, const auto& from, bool& present) {
        if (from.empty()) return;
        to.insert(to.end(), from.begin(), from.end());
        present = true;
    };
    append(target.contexts, prepared.contexts, target.present.contexts);
    append(target.elements, prepared.elements, target.present.elements);
    append(target.flows, prepared.flows, target.present.flows);
    append(target.waivers, prepared.waivers, target.present.waivers);
    append(target.layout, prepared.layout, target.present.layout);
}

ModelListSizes listSizes(const Model& model) {
    return {model.contexts.size(), model.elements.size(), model.flows.size(),
            model.waivers.size(),  model.layout.size(),   model.present};
}

void truncateTo(Model& model, const ModelListSizes& sizes) {
    const auto cut = [](auto& list, std::size_t size) {
        if (list.size() > size)
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(size), list.end());
    };
    cut(model.contexts, sizes.contexts);
    cut(model.elements, sizes.elements);
    cut(model.flows, sizes.flows);
    cut(model.waivers, sizes.waivers);
    cut(model.layout, sizes.layout);
    model.present = sizes.present;
}

std::string fragmentProblem(const Model& fragment) {
    if (fragment.elements.empty() && fragment.contexts.empty())
        return "it holds no elements or contexts to paste";
    return {};
}

} // namespace plumb

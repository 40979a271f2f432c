// Matching two versions of a model and listing what changed (model_diff.h).
#include "plumbline/model_diff.h"

#include "plumbline/diagnostics.h"
#include "plumbline/model_json.h"

#include <map>
#include <set>
#include <unordered_map>

namespace plumb {
namespace {

// Field-by-field differences of two JSON objects, as JSON Pointers; arrays compare whole (a
// list of query kinds or tags is one value to people).
void diffObjects(const Json& before, const Json& after, const std::string& prefix,
                 std::vector<FieldChange>& out) {
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (prefix.empty() && it.key() == "id") continue;
        const std::string path = prefix + "/" + escapePointerToken(it.key());
        auto other = after.find(it.key());
        if (other == after.end())
            out.push_back({path, it.value(), nullptr});
        else if (it.value().is_object() && other->is_object())
            diffObjects(it.value(), *other, path, out);
        else if (it.value() != *other)
            out.push_back({path, it.value(), *other});
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (prefix.empty() && it.key() == "id") continue;
        if (!before.contains(it.key()))
            out.push_back({prefix + "/" + escapePointerToken(it.key()), nullptr, it.value()});
    }
}

using Neighbours = std::set<std::string>; // "in:<id>" and "out:<id>"

std::unordered_map<std::string, Neighbours> neighboursOf(const Model& model) {
    std::unordered_map<std::string, Neighbours> out;
    for (const auto& f : model.flows) {
        out[f.from].insert("out:" + f.to);
        out[f.to].insert("in:" + f.from);
    }
    return out;
}

// Matches items by id; then the leftovers by `sameThing`, first come first matched.
// Returns old index -> new index for every match.
template <typename Item, typename Same>
std::map<std::size_t, std::size_t> match(const std::vector<Item>& before,
                                         const std::vector<Item>& after, Same sameThing) {
    std::unordered_map<std::string, std::size_t> newById;
    for (std::size_t i = 0; i < after.size(); ++i)
        newById.emplace(after[i].id, i);
    std::map<std::size_t, std::size_t> out;
    std::vector<bool> taken(after.size(), false);
    std::vector<std::size_t> leftover;
    for (std::size_t i = 0; i < before.size(); ++i) {
        auto it = newById.find(before[i].id);
        if (it != newById.end() && !taken[it->second]) {
            out.emplace(i, it->second);
            taken[it->second] = true;
        } else {
            leftover.push_back(i);
        }
    }
    std::vector<std::size_t> fresh;
    for (std::size_t j = 0; j < after.size(); ++j)
        if (!taken[j]) fresh.push_back(j);
    for (std::size_t i : leftover)
        for (std::size_t j : fresh)
            if (!taken[j] && sameThing(before[i], after[j])) {
                out.emplace(i, j);
                taken[j] = true;
                break;
            }
    return out;
}

template <typename Item, typename Name>
CollectionDiff collect(const std::vector<Item>& before, const std::vector<Item>& after,
                       const Json& beforeJson, const Json& afterJson,
                       const std::map<std::size_t, std::size_t>& matched, Name nameOf) {
    CollectionDiff d;
    std::vector<bool> matchedNew(after.size(), false);
    for (std::size_t i = 0; i < before.size(); ++i) {
        auto it = matched.find(i);
        if (it == matched.end()) {
            d.removed.push_back(before[i].id);
            continue;
        }
        const Item& a = before[i];
        const Item& b = after[it->second];
        matchedNew[it->second] = true;
        const std::string oldName = nameOf(a), newName = nameOf(b);
        if (a.id != b.id || oldName != newName) d.renamed.push_back({a.id, b.id, oldName, newName});
        ItemChange change{b.id, a.id, {}};
        diffObjects(beforeJson[i], afterJson[it->second], "", change.fields);
        if (!change.fields.empty()) d.changed.push_back(std::move(change));
    }
    for (std::size_t j = 0; j < after.size(); ++j)
        if (!matchedNew[j]) d.added.push_back(after[j].id);
    return d;
}

std::optional<StoreLoad> loadOf(const Element* e, const AnalysisResult& analysis) {
    if (!e || !holdsData(e->kind)) return std::nullopt;
    StoreLoad load;
    if (const Facts* f = analysis.facts(e->id)) {
        load.readsPerSecond = f->number("readsPerSecond");
        load.writesPerSecond = f->number("writesPerSecond");
        load.volumeGB = f->number("volumeGB");
    }
    return load;
}

// The contract's JSON of the contexts, elements and flows only. The layout is left out: it is no
// part of the model's meaning, and writing its 10,000-key object costs more than the diff.
Json contentJson(const Model& model) {
    Model content;
    content.contexts = model.contexts;
    content.elements = model.elements;
    content.flows = model.flows;
    return modelToJson(content);
}

} // namespace

ModelDiff diffModels(const DiffSide& before, const DiffSide& after) {
    ModelDiff d;
    d.oldLabel = before.label;
    d.newLabel = after.label;
    d.oldName = before.model.name.value_or("");
    d.newName = after.model.name.value_or("");
    const Json oldJson = contentJson(before.model), newJson = contentJson(after.model);
    static const Json none = Json::array();
    auto array = [](const Json& model, const char* key) -> const Json& {
        auto it = model.find(key);
        return it != model.end() && it->is_array() ? *it : none;
    };

    // Elements: by id, then same name, kind and neighbours (the id is what a rename changes).
    const auto oldNeighbours = neighboursOf(before.model),
               newNeighbours = neighboursOf(after.model);
    const auto elementMatch =
        match(before.model.elements, after.model.elements, [&](const Element& a, const Element& b) {
            if (a.kind != b.kind || !a.name || !b.name || *a.name != *b.name) return false;
            auto na = oldNeighbours.find(a.id), nb = newNeighbours.find(b.id);
            const Neighbours none;
            return (na == oldNeighbours.end() ? none : na->second) ==
                   (nb == newNeighbours.end() ? none : nb->second);
        });
    d.elements = collect(before.model.elements, after.model.elements, array(oldJson, "elements"),
                         array(newJson, "elements"), elementMatch,
                         [](const Element& e) { return e.displayName(); });
    std::unordered_map<std::string, std::string> renamedTo; // old element id -> new id
    for (const auto& r : d.elements.renamed)
        if (r.oldId != r.newId) renamedTo[r.oldId] = r.newId;
    auto mapped = [&](const std::string& id) {
        auto it = renamedTo.find(id);
        return it == renamedTo.end() ? id : it->second;
    };

    const auto contextMatch =
        match(before.model.contexts, after.model.contexts,
              [](const Context& a, const Context& b) { return a.name && a.name == b.name; });
    d.contexts = collect(before.model.contexts, after.model.contexts, array(oldJson, "contexts"),
                         array(newJson, "contexts"), contextMatch,
                         [](const Context& c) { return c.name.value_or(c.id); });

    // Flows: by id, then by their two ends. A renamed element's flows name its new id, so the
    // old flows are compared with their ends renamed (the rename is listed once, on the element).
    // Copied only when an element was renamed by id (a 20,000-flow copy costs as much as the diff).
    std::vector<Flow> renamedFlows;
    std::optional<Json> renamedFlowJson;
    if (!renamedTo.empty()) {
        renamedFlows = before.model.flows;
        renamedFlowJson = array(oldJson, "flows");
        for (std::size_t i = 0; i < renamedFlows.size(); ++i) {
            renamedFlows[i].from = mapped(renamedFlows[i].from);
            renamedFlows[i].to = mapped(renamedFlows[i].to);
            if (i < renamedFlowJson->size() && (*renamedFlowJson)[i].is_object()) {
                (*renamedFlowJson)[i]["from"] = renamedFlows[i].from;
                (*renamedFlowJson)[i]["to"] = renamedFlows[i].to;
            }
        }
    }
    const std::vector<Flow>& oldFlows = renamedTo.empty() ? before.model.flows : renamedFlows;
    const Json& oldFlowJson = renamedFlowJson ? *renamedFlowJson : array(oldJson, "flows");
    const auto flowMatch = match(oldFlows, after.model.flows, [](const Flow& a, const Flow& b) {
        return a.from == b.from && a.to == b.to;
    });
    d.flows = collect(oldFlows, after.model.flows, oldFlowJson, array(newJson, "flows"), flowMatch,
                      [](const Flow& f) { return f.id; });
    std::erase_if(d.flows.renamed, [](const Rename& r) { return r.oldId == r.newId; });

    // Store loads, derived by each side's analysis.
    std::vector<const Element*> oldOf(after.model.elements.size(), nullptr);
    for (const auto& [o, n] : elementMatch)
        oldOf[n] = &before.model.elements[o];
    std::set<std::string> seenOld;
    for (std::size_t n = 0; n < after.model.elements.size(); ++n) {
        const Element& e = after.model.elements[n];
        if (!holdsData(e.kind)) continue;
        const Element* old = oldOf[n];
        if (old) seenOld.insert(old->id);
        StoreLoadChange c{e.id,
                          e.displayName(),
                          old ? old->technology.value_or("") : "",
                          e.technology.value_or(""),
                          loadOf(old, before.result.analysis),
                          loadOf(&e, after.result.analysis)};
        if (c.before != c.after || c.technologyBefore != c.technologyAfter)
            d.stores.push_back(std::move(c));
    }
    for (const auto& e : before.model.elements)
        if (holdsData(e.kind) && !seenOld.count(e.id))
            d.stores.push_back({e.id, e.displayName(), e.technology.value_or(""), "",
                                loadOf(&e, before.result.analysis), std::nullopt});

    std::vector<FindingSummary> oldFindings;
    for (const auto& f : before.result.findings)
        oldFindings.push_back(summarize(f));
    d.findings = diffFindings(oldFindings, after.result.findings);
    return d;
}

int ModelDiff::addedCount() const {
    return int(elements.added.size() + contexts.added.size() + flows.added.size());
}
int ModelDiff::removedCount() const {
    return int(elements.removed.size() + contexts.removed.size() + flows.removed.size());
}
int ModelDiff::changedCount() const {
    int count = 0;
    for (const CollectionDiff* c : {&elements, &contexts, &flows}) {
        std::set<std::string> ids; // a renamed item that also changed counts once
        for (const auto& r : c->renamed)
            ids.insert(r.newId);
        for (const auto& ch : c->changed)
            ids.insert(ch.id);
        count += int(ids.size());
    }
    return count;
}
bool ModelDiff::empty() const {
    return addedCount() == 0 && removedCount() == 0 && changedCount() == 0 &&
           findings.added.empty() && findings.fixed.empty() && findings.changed.empty();
}

} // namespace plumb

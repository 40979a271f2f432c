// The whole-model integrity checks (model_edits.h: validateModel).
#include "plumbline/diagnostics.h"
#include "plumbline/id_index.h"
#include "plumbline/model_edits.h"

#include <unordered_map>

namespace plumb {

// Every look-up is hashed: this runs once per flow end and layout box, so a linear search
// made reading a model quadratic in its size (#16).
std::vector<ModelProblem> validateModel(const Model& m, std::size_t maxProblems) {
    std::vector<ModelProblem> problems;
    auto problem = [&](std::string path, std::string message) {
        if (problems.size() < maxProblems)
            problems.push_back({std::move(path), std::move(message)});
    };
    // id -> where it was first defined; the path is spelled only for an error message.
    struct Place {
        const char* collection;
        std::size_t index;
    };
    std::unordered_map<std::string_view, Place> firstSeen;
    firstSeen.reserve(m.contexts.size() + m.elements.size() + m.flows.size());
    auto pathOf = [](const Place& p) {
        return std::string(p.collection) + std::to_string(p.index);
    };
    auto defineId = [&](const std::string& id, Place place) {
        if (id.empty()) {
            problem(pathOf(place) + "/id", "expected a non-empty id");
            return;
        }
        if (id.size() > kMaxIdLength) {
            problem(pathOf(place) + "/id", "expected an id of at most " +
                                               std::to_string(kMaxIdLength) + " characters, got " +
                                               std::to_string(id.size()));
            return;
        }
        auto [it, inserted] = firstSeen.emplace(id, place);
        if (!inserted)
            problem(pathOf(place) + "/id", "expected a unique id, but \"" + id +
                                               "\" is already used at " + pathOf(it->second));
    };
    for (std::size_t i = 0; i < m.contexts.size(); ++i)
        defineId(m.contexts[i].id, {"/contexts/", i});
    for (std::size_t i = 0; i < m.elements.size(); ++i)
        defineId(m.elements[i].id, {"/elements/", i});
    for (std::size_t i = 0; i < m.flows.size(); ++i)
        defineId(m.flows[i].id, {"/flows/", i});

    const IdIndex<Context> contexts(m.contexts);
    const IdIndex<Element> elements(m.elements);
    auto isContext = [&](const std::string& id) { return contexts.contains(id); };
    auto isElement = [&](const std::string& id) { return elements.contains(id); };
    for (std::size_t i = 0; i < m.elements.size(); ++i) {
        const auto& e = m.elements[i];
        if (e.context && !isContext(*e.context))
            problem("/elements/" + std::to_string(i) + "/context",
                    "expected the id of a context, but there is no context \"" + *e.context + "\"");
    }
    for (std::size_t i = 0; i < m.flows.size(); ++i) {
        const auto& f = m.flows[i];
        const std::string path = "/flows/" + std::to_string(i);
        if (!f.from.empty() && !isElement(f.from))
            problem(path + "/from",
                    "expected the id of an element, but there is no element \"" + f.from + "\"");
        if (!f.to.empty() && !isElement(f.to))
            problem(path + "/to",
                    "expected the id of an element, but there is no element \"" + f.to + "\"");
    }
    for (std::size_t i = 0; i < m.waivers.size(); ++i) {
        const auto& w = m.waivers[i];
        if (w.element && !firstSeen.count(*w.element))
            problem("/waivers/" + std::to_string(i) + "/element",
                    "expected the id of an element, flow or context, but there is none called \"" +
                        *w.element + "\"");
    }
    for (const auto& b : m.layout)
        if (!isElement(b.id) && !isContext(b.id))
            problem("/layout/" + escapePointerToken(b.id),
                    "expected the id of an element or context, but there is none called \"" + b.id +
                        "\"");
    return problems;
}

} // namespace plumb

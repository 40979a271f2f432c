#include "interop/threat_model_common.h"

#include "plumbline/json_parse.h"

namespace plumb::interop::detail {

std::optional<InputError> parseSourceJson(const ImportSource& source, Json& out) {
    return parseJsonSafely(source.content, source.path, out);
}

std::string text(const Json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> number(const Json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

void classify(Builder& b, Element& e, std::string_view sourceId, std::string_view base,
              std::string_view name, std::string_view extra) {
    // `base` is what the tool says it is: "store", "process", "actor", an OTM type.
    const std::string t = lower(base);
    const std::string all = std::string(name) + " " + std::string(extra);
    auto words = kindFromWords(all);
    if (t == "actor") {
        e.kind = ElementKind::Actor;
        b.mapped(e.id, sourceId, "actor: a Threat Dragon actor");
    } else if (t == "store") {
        e.kind = ElementKind::Store;
        std::string why = "store: a Threat Dragon store";
        if (words && holdsData(words->kind) && words->kind != ElementKind::Store) {
            e.kind = words->kind;
            why = words->why + " (a Threat Dragon store)";
            b.inferred(e.id, sourceId, why);
        } else
            b.mapped(e.id, sourceId, why);
    } else if (t == "process") {
        e.kind = ElementKind::Service;
        if (words && words->kind == ElementKind::Function) {
            e.kind = ElementKind::Function;
            b.inferred(e.id, sourceId, words->why);
        } else
            b.mapped(e.id, sourceId, "service: a Threat Dragon process");
    } else {
        // OTM component types: "database", "CD-MICROSOFT-AZURE-DB-POSTGRESQL", "web-client".
        std::string spaced = t;
        for (char& c : spaced)
            if (c == '-' || c == '_') c = ' ';
        auto typeWords = kindFromWords(spaced);
        if (typeWords) {
            e.kind = typeWords->kind;
            b.inferred(e.id, sourceId,
                       std::string(spelling(e.kind)) + ": component type '" + std::string(base) +
                           "'");
        } else if (hasWord(spaced, "client") || hasWord(spaced, "browser") ||
                   hasWord(spaced, "device") || hasWord(spaced, "user") ||
                   hasWord(spaced, "mobile")) {
            e.kind = ElementKind::Actor;
            b.inferred(e.id, sourceId, "actor: component type '" + std::string(base) + "'");
        } else if (hasWord(spaced, "function") || hasWord(spaced, "lambda")) {
            e.kind = ElementKind::Function;
            b.inferred(e.id, sourceId, "function: component type '" + std::string(base) + "'");
        } else if (words) {
            e.kind = words->kind;
            b.inferred(e.id, sourceId, words->why);
        } else {
            e.kind = ElementKind::Service;
            b.inferred(e.id, sourceId,
                       "service: component type '" + std::string(base) +
                           "' names no store, queue or client");
        }
    }
    if (holdsData(e.kind) || e.kind == ElementKind::Pooler) {
        bool found = b.guessTechnology(e, sourceId, name, "name");
        if (!found && !extra.empty()) {
            std::string spaced(extra);
            for (char& c : spaced)
                if (c == '-' || c == '_') c = ' ';
            found = b.guessTechnology(e, sourceId, spaced, "type and tags");
        }
    }
}

const Rect* innermost(const std::vector<Rect>& rects, double x, double y) {
    const Rect* best = nullptr;
    for (const Rect& r : rects)
        if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h &&
            (!best || r.w * r.h < best->w * best->h))
            best = &r;
    return best;
}

} // namespace plumb::interop::detail

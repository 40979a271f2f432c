// The one mapping from a Structurizr workspace (read from DSL or JSON) to a Plumbline model.
// It builds the model as model-format.md JSON and reads that back with readModelJson, so the
// result is validated exactly as a hand-written model would be.
#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"
#include "structurizr_fields.h"
#include "structurizr_guess.h"
#include "structurizr_workspace.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace plumb::interop::structurizr {

std::string_view typeName(ElementType type) {
    switch (type) {
    case ElementType::Person:
        return "person";
    case ElementType::SoftwareSystem:
        return "software system";
    case ElementType::Container:
        return "container";
    case ElementType::Component:
        return "component";
    case ElementType::Custom:
        return "element";
    }
    return "element";
}

namespace {

using Kind = ImportNote::Kind;

// A Plumbline id from a Structurizr identifier or name: letters, digits, '-', '_' and '.'.
std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '_' || c == '.') {
            out += c;
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 64) break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

std::string lowerSlug(std::string_view text) {
    std::string out = slug(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const Property* property(const std::vector<Property>& properties, std::string_view key) {
    for (const Property& p : properties)
        if (p.key == key) return &p;
    return nullptr;
}

std::string inQuotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

// The id to start from: the identifier, unless it is a number (as in workspace JSON), else the
// name.
std::string wantedId(std::string_view identifier, std::string_view name) {
    const bool number =
        !identifier.empty() && std::all_of(identifier.begin(), identifier.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
        });
    return identifier.empty() || number ? lowerSlug(name) : slug(identifier);
}

// The tag the DSL writer adds for a kind, so that Structurizr draws it; dropped again on import
// when `plumbline.kind` says the kind.
std::string_view kindTag(ElementKind kind) {
    switch (kind) {
    case ElementKind::Store:
        return "Database";
    case ElementKind::Queue:
        return "Queue";
    case ElementKind::Stream:
        return "Topic";
    case ElementKind::Cache:
        return "Cache";
    default:
        return {};
    }
}

class Mapper {
public:
    Mapper(const Workspace& workspace, const ImportSource& source, std::string_view format)
        : ws_(workspace), source_(source), format_(format) {
        result_.report.format = std::string(format);
        result_.report.file = source.path;
    }

    ImportResult run() {
        result_.report.notes = ws_.notes;
        authored_ = property(ws_.properties, "plumbline.model") != nullptr;
        if (authored_)
            note(Kind::Note, {}, "plumbline.model",
                 "written by Plumbline (workspace property plumbline.model): kinds, technologies "
                 "and styles are taken from the plumbline.* properties, nothing is guessed");
        const std::size_t n = ws_.elements.size();
        elementIds_.assign(n, {});
        systemContexts_.assign(n, {});
        groupContexts_.assign(ws_.groups.size(), {});
        hasChildren_.assign(n, false);
        for (const Element& e : ws_.elements)
            if (e.parent >= 0) hasChildren_[static_cast<std::size_t>(e.parent)] = true;
        for (std::size_t i = 0; i < n; ++i)
            if (isContext(i)) makeSystemContext(i);
        for (std::size_t i = 0; i < n; ++i)
            if (!isContext(i)) mapElement(i);
        for (std::size_t i = 0; i < ws_.relationships.size(); ++i)
            mapRelationship(ws_.relationships[i]);
        for (std::size_t g = 0; g < ws_.groups.size(); ++g)
            if (groupContexts_[g].empty())
                note(Kind::Dropped, {}, ws_.groups[g].name,
                     "group " + inQuotes(ws_.groups[g].name) +
                         ": no element of its own, so no bounded context");
        if (!result_.errors.empty()) return std::move(result_);
        finish();
        return std::move(result_);
    }

private:
    bool isContext(std::size_t i) const {
        const Element& e = ws_.elements[i];
        if (e.type != ElementType::SoftwareSystem) return false;
        if (const Property* kind = property(e.properties, "plumbline.kind"))
            return kind->value == "context";
        return hasChildren_[i];
    }

    void note(Kind kind, std::string element, std::string sourceId, std::string text) {
        result_.report.notes.push_back(
            {kind, std::move(element), std::move(sourceId), std::move(text)});
    }

    void error(const Location& at, std::string message) {
        InputError e;
        e.file = at.file.empty() ? source_.path : at.file;
        e.path = at.path;
        e.message = std::move(message);
        if (at.line > 0) {
            e.line = at.line;
            e.column = at.column;
        }
        result_.errors.push_back(std::move(e));
    }

    std::string takeId(const std::vector<Property>& properties, std::string_view wanted) {
        if (const Property* id = property(properties, "plumbline.id")) {
            if (id->value.empty() || id->value.size() > kMaxIdLength || taken_.count(id->value)) {
                error(id->at, "property 'plumbline.id': " + inQuotes(id->value) +
                                  " is empty, too long or already used");
                return "invalid";
            }
            taken_.insert(id->value);
            return id->value;
        }
        // "name", then "name-2", "name-3", ...: a counter per name keeps this linear when many
        // elements share a name (freshId would start again from 2 for each).
        std::string base(wanted.empty() ? std::string_view("item") : wanted.substr(0, 100));
        std::string id = base;
        if (taken_.count(id)) {
            std::size_t& next = nextSuffix_[base];
            if (next < 2) next = 2;
            do
                id = base + "-" + std::to_string(next++);
            while (taken_.count(id));
        }
        taken_.insert(id);
        return id;
    }

    Json sourceOf(const Element& e, std::string_view noteText) const {
        Json s = Json::object();
        s["format"] = format_;
        if (!e.identifier.empty()) s["id"] = e.identifier;
        s["type"] = typeName(e.type);
        s["note"] = noteText;
        if (e.at.line > 0) s["line"] = e.at.line;
        if (!e.at.path.empty()) s["path"] = e.at.path;
        return s;
    }

    std::string label(const Element& e) const {
        std::string out = std::string(typeName(e.type)) + " " + inQuotes(e.name);
        if (e.parent >= 0) out += " in " + inQuotes(ws_.elements[std::size_t(e.parent)].name);
        return out;
    }

    void makeSystemContext(std::size_t i) {
        const Element& e = ws_.elements[i];
        const std::string id = takeId(e.properties, wantedId(e.identifier, e.name));
        systemContexts_[i] = id;
        Json c = Json::object();
        c["id"] = id;
        c["name"] = e.name;
        if (!e.description.empty()) c["description"] = e.description;
        if (const Property* team = property(e.properties, "plumbline.team"))
            c["team"] = team->value;
        mergeExtra(c, e.properties);
        c["source"] = sourceOf(e, label(e) + " -> bounded context");
        contexts_.push_back(std::move(c));
        note(Kind::Mapped, id, e.identifier.empty() ? e.name : e.identifier,
             label(e) + " -> bounded context: it groups its containers");
    }

    std::string groupContext(std::size_t g) {
        if (!groupContexts_[g].empty()) return groupContexts_[g];
        const Group& group = ws_.groups[g];
        const std::string id = takeId({}, lowerSlug(group.name));
        groupContexts_[g] = id;
        Json c = Json::object();
        c["id"] = id;
        c["name"] = group.name;
        Json s = Json::object();
        s["format"] = format_;
        s["type"] = "group";
        s["note"] = "group " + inQuotes(group.name) + " -> bounded context";
        if (group.at.line > 0) s["line"] = group.at.line;
        c["source"] = std::move(s);
        contexts_.push_back(std::move(c));
        note(Kind::Inferred, id, group.name,
             "group " + inQuotes(group.name) + " -> bounded context: it groups elements");
        return id;
    }

    // The innermost group, else the software system (as a context) the element belongs to.
    std::string contextOf(std::size_t i) {
        const Element& e = ws_.elements[i];
        if (e.group >= 0) return groupContext(static_cast<std::size_t>(e.group));
        if (e.parent < 0) return {};
        const auto parent = static_cast<std::size_t>(e.parent);
        return isContext(parent) ? systemContexts_[parent] : contextOf(parent);
    }

    // `plumbline.extra`: the JSON object of fields Plumbline keeps but Structurizr has no place
    // for.
    void mergeExtra(Json& target, const std::vector<Property>& properties) {
        const Property* extra = property(properties, "plumbline.extra");
        if (!extra) return;
        Json parsed = Json::parse(extra->value, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object()) {
            error(extra->at, "property 'plumbline.extra': expected a JSON object");
            return;
        }
        for (auto& [key, value] : parsed.items())
            if (!target.contains(key)) target[key] = value;
    }

    void applyFields(Json& target, const std::vector<Property>& properties, bool flow,
                     const std::string& id) {
        static const std::unordered_set<std::string_view> structural = {
            "plumbline.id",   "plumbline.kind", "plumbline.extra",     "plumbline.context",
            "plumbline.team", "plumbline.name", "plumbline.technology"};
        for (const Property& p : properties) {
            std::string_view key = p.key;
            if (!key.starts_with(kPrefix) || structural.count(key)) continue;
            const bool data = key.starts_with(kDataPrefix);
            const std::string_view name = key.substr(data ? kDataPrefix.size() : kPrefix.size());
            const FieldSpec* field = flow   ? flowField(name)
                                     : data ? dataField(name)
                                            : elementField(name);
            if (!field && !flow && !data) field = dataField(name);
            if (!field) {
                if (data && !flow) { // a data field Plumbline keeps without knowing it
                    Json value = Json::parse(p.value, nullptr, false);
                    target["data"][std::string(name)] =
                        value.is_discarded() ? Json(p.value) : value;
                    continue;
                }
                note(Kind::Dropped, id, p.key,
                     "property " + inQuotes(p.key) + ": not a Plumbline field of " +
                         (flow ? "a flow" : "an element"));
                continue;
            }
            std::string problem;
            std::optional<Json> value = fieldValue(*field, p.value, problem);
            if (!value) {
                error(p.at, "property " + inQuotes(p.key) + ": " + problem);
                continue;
            }
            if (field->owner == FieldOwner::Data)
                target["data"][std::string(field->name)] = std::move(*value);
            else
                target[std::string(field->name)] = std::move(*value);
        }
    }

    void mapElement(std::size_t i) {
        const Element& e = ws_.elements[i];
        const std::string sourceName = e.identifier.empty() ? e.name : e.identifier;
        const std::string id = takeId(e.properties, wantedId(e.identifier, e.name));
        elementIds_[i] = id;
        Json j = Json::object();
        j["id"] = id;
        // kind
        ElementKind kind = ElementKind::Actor;
        std::vector<std::string> tags = e.tags;
        Element written = e; // the technology of a person or software system is a property
        if (const Property* t = property(e.properties, "plumbline.technology");
            t && written.technology.empty())
            written.technology = t->value;
        auto known = technologies_.find(written.technology);
        if (known == technologies_.end())
            known = technologies_
                        .emplace(written.technology,
                                 guessTechnology(source_.knowledge, written.technology))
                        .first;
        const TechnologyGuess& technology = known->second;
        if (const Property* k = property(e.properties, "plumbline.kind")) {
            const auto parsed = fromString<ElementKind>(k->value);
            if (!parsed) {
                error(k->at, "property 'plumbline.kind': " + inQuotes(k->value) +
                                 " is not an element kind (actor, service, function, store, "
                                 "cache, stream, queue, pooler, external)");
                return;
            }
            kind = *parsed;
            std::erase(tags, std::string(kindTag(kind)));
            note(Kind::Mapped, id, sourceName,
                 label(e) + " -> " + std::string(spelling(kind)) + ": property plumbline.kind");
        } else if (e.type == ElementType::Person) {
            note(Kind::Mapped, id, sourceName, label(e) + " -> actor");
        } else {
            const Guess guess = guessKind(written, technology);
            kind = guess.kind;
            note(Kind::Inferred, id, sourceName,
                 label(e) + " -> " + std::string(spelling(kind)) + ": " + guess.why);
        }
        j["name"] = e.name;
        j["kind"] = spelling(kind);
        std::string context;
        if (const Property* c = property(e.properties, "plumbline.context")) {
            context = c->value;
            contextRefs_.push_back({c->at, c->value});
        } else {
            context = contextOf(i);
        }
        if (!context.empty()) j["context"] = context;
        if (authored_ && property(e.properties, "plumbline.kind")) {
            if (!written.technology.empty()) j["technology"] = written.technology;
        } else if (!written.technology.empty()) {
            j["technology"] = technologyFor(written, kind, technology, id);
        }
        if (!e.description.empty()) j["description"] = e.description;
        if (!tags.empty()) j["tags"] = tags;
        applyFields(j, e.properties, false, id);
        mergeExtra(j, e.properties);
        j["source"] = sourceOf(e, label(e));
        elements_.push_back(std::move(j));
        kinds_[id] = kind;
    }

    std::string technologyFor(const Element& e, ElementKind kind, const TechnologyGuess& t,
                              const std::string& id) {
        const std::string sourceName = e.identifier.empty() ? e.name : e.identifier;
        if (!source_.knowledge) {
            note(Kind::Note, id, sourceName,
                 "technology " + inQuotes(e.technology) + " kept as written (no knowledge base)");
            return e.technology;
        }
        const bool dataKind = holdsData(kind) || kind == ElementKind::Pooler;
        if (!t.id.empty() && (t.exact || dataKind)) {
            if (t.id != e.technology)
                note(Kind::Inferred, id, sourceName,
                     "technology " + t.id + ": from " + inQuotes(e.technology) + " (" + t.how +
                         ")");
            return t.id;
        }
        std::string why = t.candidates.size() > 1 ? "it could be any of " : "";
        for (std::size_t c = 0; c < t.candidates.size() && t.candidates.size() > 1; ++c)
            why += (c ? ", " : "") + t.candidates[c];
        if (why.empty()) why = "no knowledge-base technology matches it";
        note(Kind::Note, id, sourceName,
             "technology " + inQuotes(e.technology) + " kept as written: " + why);
        return e.technology;
    }

    void mapRelationship(const Relationship& r) {
        const std::string& from = elementIds_[static_cast<std::size_t>(r.source)];
        const std::string& to = elementIds_[static_cast<std::size_t>(r.destination)];
        const Element& s = ws_.elements[static_cast<std::size_t>(r.source)];
        const Element& d = ws_.elements[static_cast<std::size_t>(r.destination)];
        const std::string what = "relationship " + inQuotes(s.name) + " -> " + inQuotes(d.name) +
                                 (r.description.empty() ? "" : " " + inQuotes(r.description));
        if (from.empty() || to.empty()) {
            note(Kind::Dropped, {}, r.identifier.empty() ? what : r.identifier,
                 what + ": " + inQuotes(from.empty() ? s.name : d.name) +
                     " is a bounded context, not an element (its containers' relationships "
                     "carry the flows)");
            return;
        }
        const std::string id =
            takeId(r.properties, wantedId(r.identifier, from + "-" + to).substr(0, 100));
        Json f = Json::object();
        f["id"] = id;
        f["from"] = from;
        f["to"] = to;
        if (!r.description.empty()) f["description"] = r.description;
        if (!r.technology.empty()) f["technology"] = r.technology;
        applyFields(f, r.properties, true, id);
        if (!f.contains("style") && !authored_) {
            const auto target = kinds_.find(to);
            const auto style =
                guessStyle(r, target == kinds_.end() ? std::nullopt
                                                     : std::optional<ElementKind>(target->second));
            if (style) {
                f["style"] = spelling(style->first);
                note(Kind::Inferred, id, r.identifier.empty() ? what : r.identifier,
                     what + " -> flow, style " + std::string(spelling(style->first)) + ": " +
                         style->second);
            } else {
                note(Kind::Mapped, id, r.identifier.empty() ? what : r.identifier,
                     what + " -> flow (no style: nothing says sync or async)");
            }
        } else {
            note(Kind::Mapped, id, r.identifier.empty() ? what : r.identifier, what + " -> flow");
        }
        mergeExtra(f, r.properties);
        Json src = Json::object();
        src["format"] = format_;
        if (!r.identifier.empty()) src["id"] = r.identifier;
        src["type"] = "relationship";
        if (r.at.line > 0) src["line"] = r.at.line;
        if (!r.at.path.empty()) src["path"] = r.at.path;
        f["source"] = std::move(src);
        flows_.push_back(std::move(f));
    }

    void finish() {
        std::unordered_set<std::string> contextIds;
        for (const Json& c : contexts_)
            contextIds.insert(c["id"].get<std::string>());
        for (const auto& [at, id] : contextRefs_)
            if (!contextIds.count(id))
                error(at, "property 'plumbline.context': no bounded context " + inQuotes(id));
        if (!result_.errors.empty()) return;
        Json doc = Json::object();
        doc["format"] = "plumbline-model";
        doc["version"] = Model::kFormatVersion;
        if (!ws_.name.empty()) doc["name"] = ws_.name;
        if (!ws_.description.empty()) doc["description"] = ws_.description;
        doc["contexts"] = std::move(contexts_);
        doc["elements"] = std::move(elements_);
        doc["flows"] = std::move(flows_);
        if (const Property* model = property(ws_.properties, "plumbline.model")) {
            Json parsed = Json::parse(model->value, nullptr, false);
            if (parsed.is_discarded() || !parsed.is_object()) {
                error(model->at, "property 'plumbline.model': expected a JSON object");
                return;
            }
            for (auto& [key, value] : parsed.items())
                if (!doc.contains(key)) doc[key] = value;
        }
        ModelReadResult read = readModelJson(doc.dump(), source_.path);
        if (!read.ok()) {
            for (InputError& e : read.errors) {
                e.message = "the imported model is not valid at " + e.path + ": " + e.message;
                e.path.clear();
                result_.errors.push_back(std::move(e));
            }
            return;
        }
        result_.model = std::move(read.model);
    }

    const Workspace& ws_;
    const ImportSource& source_;
    bool authored_ = false;
    std::string format_;
    ImportResult result_;
    std::unordered_set<std::string> taken_;
    std::unordered_map<std::string, std::size_t> nextSuffix_;
    std::unordered_map<std::string, TechnologyGuess> technologies_; // one guess per spelling
    std::vector<std::string> elementIds_, systemContexts_, groupContexts_;
    std::vector<bool> hasChildren_;
    std::unordered_map<std::string, ElementKind> kinds_;
    std::vector<std::pair<Location, std::string>> contextRefs_;
    Json contexts_ = Json::array(), elements_ = Json::array(), flows_ = Json::array();
};

} // namespace

ImportResult mapWorkspace(const Workspace& workspace, const ImportSource& source,
                          std::string_view format) {
    ImportResult result = Mapper(workspace, source, format).run();
    // One clear error, the first reported: a bad property can be reported by more than one
    // field that reads it (found by fuzz_structurizr_dsl), and later errors are often its echo.
    if (result.errors.size() > 1) result.errors.resize(1);
    return result;
}

} // namespace plumb::interop::structurizr

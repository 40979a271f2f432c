// The Structurizr workspace JSON importer (structurizr-json-schema.yaml): the model's people,
// software systems, containers and components with their relationships, tags, properties and
// groups, into the shared mapping. Views, documentation and deployment are left out, with a note.
#include "plumbline/interop/structurizr.h"
#include "plumbline/json_parse.h"
#include "structurizr_workspace.h"

#include <map>
#include <unordered_map>

namespace plumb::interop {
namespace {

using namespace structurizr;

const std::string kFormat = "structurizr-json";

bool isDefaultTag(std::string_view tag) {
    return tag == "Element" || tag == "Person" || tag == "Software System" || tag == "Container" ||
           tag == "Component" || tag == "Relationship" || tag == "Synchronous" ||
           tag == "Asynchronous";
}

class JsonReader {
public:
    JsonReader(const Json& doc, const ImportSource& source) : doc_(doc), source_(source) {}

    std::optional<Workspace> read() {
        const Json& model = doc_["model"];
        ws_.name = text(doc_, "name");
        ws_.description = text(doc_, "description");
        readProperties(doc_, "/properties", ws_.properties);
        readProperties(model, "/model/properties", ws_.properties);
        for (const Property& p : ws_.properties)
            if (p.key == "structurizr.groupSeparator") separator_ = p.value;
        readList(model, "people", "/model/people", ElementType::Person, -1);
        readList(model, "softwareSystems", "/model/softwareSystems", ElementType::SoftwareSystem,
                 -1);
        readList(model, "customElements", "/model/customElements", ElementType::Custom, -1);
        if (!error_.empty()) return std::nullopt;
        for (const char* key : {"deploymentNodes"})
            if (model.contains(key) && !model[key].empty())
                drop("deployment nodes", "deployment environments are not modelled");
        if (doc_.contains("views")) drop("views", "views are not modelled");
        if (doc_.contains("documentation"))
            drop("documentation", "documentation and decisions are not modelled");
        if (model.contains("enterprise"))
            drop("enterprise", "the enterprise boundary is not modelled");
        for (const PendingRelationship& p : pending_) {
            Relationship r = p.relationship;
            const auto source = byId_.find(p.sourceId);
            const auto destination = byId_.find(p.destinationId);
            if (source == byId_.end() || destination == byId_.end()) {
                // relationships of deployment elements, which are not read
                drop("relationships of deployment elements", "deployment is not modelled");
                continue;
            }
            r.source = source->second;
            r.destination = destination->second;
            ws_.relationships.push_back(std::move(r));
        }
        if (implied_ > 0)
            ws_.notes.push_back({ImportNote::Kind::Dropped,
                                 {},
                                 {},
                                 std::to_string(implied_) +
                                     " implied relationships (linkedRelationshipId): each is "
                                     "the summary of a relationship between their children, "
                                     "which is imported"});
        return std::move(ws_);
    }

    std::vector<InputError> errors() const { return error_; }

private:
    struct PendingRelationship {
        std::string sourceId, destinationId;
        Relationship relationship;
    };

    static std::string text(const Json& object, const char* key) {
        const auto found = object.find(key);
        return found != object.end() && found->is_string() ? found->get<std::string>()
                                                           : std::string();
    }

    void drop(std::string what, std::string why) {
        for (const ImportNote& n : ws_.notes)
            if (n.sourceId == what) return;
        ws_.notes.push_back({ImportNote::Kind::Dropped, {}, what, what + ": " + why});
    }

    void fail(const std::string& path, std::string message) {
        InputError e;
        e.file = source_.path;
        e.path = path;
        e.message = std::move(message);
        error_.push_back(std::move(e));
    }

    void readProperties(const Json& object, const std::string& path, std::vector<Property>& out) {
        const auto found = object.find("properties");
        if (found == object.end()) return;
        if (!found->is_object()) return fail(path, "expected an object of properties");
        for (const auto& [key, value] : found->items()) {
            Location at;
            at.path = path + "/" + escapePointerToken(key);
            out.push_back({key, value.is_string() ? value.get<std::string>() : value.dump(), at});
        }
    }

    std::vector<std::string> tagsOf(const Json& object) {
        std::vector<std::string> tags;
        std::string all = text(object, "tags");
        std::size_t start = 0;
        while (start <= all.size()) {
            std::size_t comma = all.find(',', start);
            if (comma == std::string::npos) comma = all.size();
            std::string tag = all.substr(start, comma - start);
            while (!tag.empty() && tag.front() == ' ')
                tag.erase(0, 1);
            while (!tag.empty() && tag.back() == ' ')
                tag.pop_back();
            if (!tag.empty() && !isDefaultTag(tag)) tags.push_back(tag);
            start = comma + 1;
        }
        return tags;
    }

    int groupFor(const std::string& name, int parent) {
        if (name.empty()) return -1;
        int group = -1;
        std::string path;
        std::size_t start = 0;
        while (start <= name.size()) {
            std::size_t cut = separator_.empty() ? std::string::npos : name.find(separator_, start);
            if (cut == std::string::npos) cut = name.size();
            const std::string part = name.substr(start, cut - start);
            path += separator_ + part;
            const auto key = std::make_pair(parent, path);
            auto found = groups_.find(key);
            if (found == groups_.end()) {
                Group g;
                g.name = part;
                g.parent = group;
                g.element = parent;
                ws_.groups.push_back(g);
                found = groups_.emplace(key, static_cast<int>(ws_.groups.size() - 1)).first;
            }
            group = found->second;
            start = cut + std::max<std::size_t>(separator_.size(), 1);
        }
        return group;
    }

    void readList(const Json& owner, const char* key, const std::string& path, ElementType type,
                  int parent) {
        const auto found = owner.find(key);
        if (found == owner.end()) return;
        if (!found->is_array()) return fail(path, "expected an array");
        for (std::size_t i = 0; i < found->size(); ++i) {
            const Json& item = (*found)[i];
            const std::string at = path + "/" + std::to_string(i);
            if (!item.is_object()) return fail(at, "expected an object");
            readElement(item, at, type, parent);
        }
    }

    void readElement(const Json& item, const std::string& path, ElementType type, int parent) {
        Element e;
        e.type = type;
        e.identifier = text(item, "id");
        e.name = text(item, "name");
        if (e.identifier.empty()) return fail(path + "/id", "expected the element's id");
        if (e.name.empty()) return fail(path + "/name", "expected the element's name");
        e.description = text(item, "description");
        e.technology = text(item, type == ElementType::Custom ? "metadata" : "technology");
        e.tags = tagsOf(item);
        e.external = text(item, "location") == "External";
        readProperties(item, path + "/properties", e.properties);
        e.parent = parent;
        e.group = groupFor(text(item, "group"), parent);
        e.at.path = path;
        const int index = static_cast<int>(ws_.elements.size());
        if (!byId_.emplace(e.identifier, index).second)
            return fail(path + "/id", "the id '" + e.identifier + "' is used twice");
        ws_.elements.push_back(std::move(e));
        readRelationships(item, path);
        if (type == ElementType::SoftwareSystem)
            readList(item, "containers", path + "/containers", ElementType::Container, index);
        if (type == ElementType::Container)
            readList(item, "components", path + "/components", ElementType::Component, index);
    }

    void readRelationships(const Json& item, const std::string& path) {
        const auto found = item.find("relationships");
        if (found == item.end()) return;
        if (!found->is_array()) return fail(path + "/relationships", "expected an array");
        for (std::size_t i = 0; i < found->size(); ++i) {
            const Json& r = (*found)[i];
            const std::string at = path + "/relationships/" + std::to_string(i);
            if (!r.is_object()) return fail(at, "expected an object");
            if (r.contains("linkedRelationshipId")) {
                ++implied_;
                continue;
            }
            PendingRelationship p;
            p.sourceId = text(r, "sourceId");
            p.destinationId = text(r, "destinationId");
            if (p.sourceId.empty() || p.destinationId.empty())
                return fail(at, "expected sourceId and destinationId");
            Relationship& rel = p.relationship;
            rel.identifier = text(r, "id");
            rel.description = text(r, "description");
            rel.technology = text(r, "technology");
            rel.interactionStyle = text(r, "interactionStyle");
            rel.tags = tagsOf(r);
            readProperties(r, at + "/properties", rel.properties);
            rel.at.path = at;
            pending_.push_back(std::move(p));
        }
    }

    const Json& doc_;
    const ImportSource& source_;
    Workspace ws_;
    std::string separator_;
    std::map<std::pair<int, std::string>, int> groups_;
    std::unordered_map<std::string, int> byId_;
    std::vector<PendingRelationship> pending_;
    std::vector<InputError> error_;
    int implied_ = 0;
};

std::string_view skipSpace(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() &&
           (text[0] == ' ' || text[0] == '\n' || text[0] == '\r' || text[0] == '\t'))
        text.remove_prefix(1);
    return text;
}

bool looksLikeWorkspace(const Json& doc) {
    if (!doc.is_object() || doc.contains("projects")) return false;
    const auto model = doc.find("model");
    if (model == doc.end() || !model->is_object()) return false;
    for (const char* key : {"people", "softwareSystems", "deploymentNodes", "customElements"})
        if (model->contains(key)) return true;
    return model->empty() && (doc.contains("views") || doc.contains("name"));
}

} // namespace

bool isStructurizrJson(std::string_view content) {
    const std::string_view text = skipSpace(content);
    if (!text.starts_with("{") || text.find("\"model\"") == std::string_view::npos) return false;
    Json doc;
    if (parseJsonSafely(text, {}, doc)) return false;
    return looksLikeWorkspace(doc);
}

ImportResult readStructurizrJson(const ImportSource& source) {
    ImportResult result;
    result.report.format = kFormat;
    result.report.file = source.path;
    Json doc;
    if (auto problem = parseJsonSafely(skipSpace(source.content), source.path, doc)) {
        result.errors.push_back(std::move(*problem));
        return result;
    }
    if (!looksLikeWorkspace(doc)) {
        InputError e;
        e.file = source.path;
        e.message = doc.is_object() && doc.contains("projects")
                        ? "not a Structurizr workspace: this looks like an Nx or Angular "
                          "workspace.json (it has 'projects' and no 'model')"
                        : "not a Structurizr workspace: expected an object with a 'model' "
                          "holding people or softwareSystems";
        result.errors.push_back(std::move(e));
        return result;
    }
    JsonReader reader(doc, source);
    std::optional<Workspace> workspace = reader.read();
    if (!workspace) {
        result.errors = reader.errors();
        return result;
    }
    return mapWorkspace(*workspace, source, kFormat);
}

const Importer& structurizrJsonImporter() {
    static const Importer importer{"structurizr-json", "Structurizr workspace JSON",
                                   &isStructurizrJson, &readStructurizrJson};
    return importer;
}

} // namespace plumb::interop

#include "plumbline/interop/structurizr_dsl_writer.h"

#include "plumbline/model_json.h"
#include "structurizr_fields.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace plumb::interop {
namespace {

using namespace structurizr;

std::string quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            continue;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool validIdentifier(std::string_view id) {
    if (id.empty() || id == "this") return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

std::string_view kindTag(std::string_view kind) {
    if (kind == "store") return "Database";
    if (kind == "queue") return "Queue";
    if (kind == "stream") return "Topic";
    if (kind == "cache") return "Cache";
    return {};
}

class Writer {
public:
    explicit Writer(const Model& model) : model_(model), doc_(modelToJson(model)) {}

    std::string run() {
        out_ = "workspace";
        if (model_.name) out_ += " " + quote(*model_.name);
        if (model_.description) out_ += (model_.name ? " " : " \"\" ") + quote(*model_.description);
        out_ += " {\n    !identifiers flat\n\n";
        Json rest = Json::object();
        for (auto& [key, value] : doc_.items())
            if (key != "format" && key != "version" && key != "name" && key != "description" &&
                key != "contexts" && key != "elements" && key != "flows")
                rest[key] = value;
        // Always written: it also tells the importer the file is Plumbline's own (no guesses).
        out_ += "    properties {\n        \"plumbline.model\" " + quote(rest.dump()) +
                "\n    }\n\n    model {\n";
        const Json& elements = doc_["elements"];
        for (const Json& e : elements)
            if (e["kind"] == "actor") element(e, "person", 2);
        for (const Json& c : doc_["contexts"]) {
            const std::string id = identifier(c["id"].get<std::string>());
            line(2,
                 id + " = softwareSystem " + quote(c.value("name", c["id"].get<std::string>())) +
                     (c.contains("description") ? " " + quote(c["description"].get<std::string>())
                                                : std::string()) +
                     " {");
            std::vector<std::pair<std::string, std::string>> props = {
                {"plumbline.kind", "context"}};
            idProperty(c["id"].get<std::string>(), id, props);
            if (c.contains("team")) props.emplace_back("plumbline.team", c["team"]);
            extra(c, {"id", "name", "description", "team", "source"}, props);
            properties(3, props);
            for (const Json& e : elements)
                if (e["kind"] != "actor" && e.value("context", "") == c["id"])
                    element(e, "container", 3);
            line(2, "}");
        }
        for (const Json& e : elements)
            if (e["kind"] != "actor" && !e.contains("context")) element(e, "softwareSystem", 2);
        out_ += "\n";
        for (const Json& f : doc_["flows"])
            flow(f);
        out_ += "    }\n}\n";
        return std::move(out_);
    }

private:
    void line(int indent, const std::string& text) {
        out_.append(std::size_t(indent) * 4, ' ');
        out_ += text;
        out_ += '\n';
    }

    // The DSL identifier of a Plumbline id: the id itself when the DSL allows it (identifiers
    // are case-insensitive there), else a made-up one, with the id in `plumbline.id`.
    std::string identifier(const std::string& id) {
        if (const auto known = identifiers_.find(id); known != identifiers_.end())
            return known->second;
        std::string chosen = id;
        if (!validIdentifier(id) || used_.count(lower(id))) {
            do
                chosen = "id" + std::to_string(++counter_);
            while (used_.count(lower(chosen)));
        }
        used_.insert(lower(chosen));
        identifiers_[id] = chosen;
        return chosen;
    }

    static void idProperty(const std::string& id, const std::string& chosen,
                           std::vector<std::pair<std::string, std::string>>& props) {
        if (id != chosen) props.emplace_back("plumbline.id", id);
    }

    static void extra(const Json& object, const std::set<std::string>& known,
                      std::vector<std::pair<std::string, std::string>>& props) {
        Json rest = Json::object();
        for (auto& [key, value] : object.items())
            if (!known.count(key)) rest[key] = value;
        if (!rest.empty()) props.emplace_back("plumbline.extra", rest.dump());
    }

    void properties(int indent, const std::vector<std::pair<std::string, std::string>>& props) {
        if (props.empty()) return;
        line(indent, "properties {");
        for (const auto& [key, value] : props)
            line(indent + 1, quote(key) + " " + quote(value));
        line(indent, "}");
    }

    void element(const Json& e, std::string_view keyword, int indent) {
        const std::string plumbId = e["id"].get<std::string>();
        const std::string id = identifier(plumbId);
        const std::string kind = e["kind"].get<std::string>();
        std::vector<std::string> tags;
        if (e.contains("tags"))
            for (const Json& t : e["tags"])
                tags.push_back(t.get<std::string>());
        if (const std::string_view tag = kindTag(kind);
            !tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.emplace_back(tag);
        std::string joined;
        for (const std::string& t : tags)
            joined += (joined.empty() ? "" : ",") + t;
        const bool container = keyword == "container";
        std::string head = id + " = " + std::string(keyword) + " " +
                           quote(e.value("name", plumbId)) + " " +
                           quote(e.value("description", ""));
        if (container) head += " " + quote(e.value("technology", ""));
        if (!joined.empty()) head += " " + quote(joined);
        line(indent, head + " {");
        std::vector<std::pair<std::string, std::string>> props = {{"plumbline.kind", kind}};
        idProperty(plumbId, id, props);
        if (!container && e.contains("technology"))
            props.emplace_back("plumbline.technology", e["technology"]);
        if (keyword == "person" && e.contains("context"))
            props.emplace_back("plumbline.context", e["context"]);
        Json rest = Json::object();
        for (auto& [key, value] : e.items()) {
            if (key == "id" || key == "name" || key == "kind" || key == "context" ||
                key == "technology" || key == "description" || key == "tags" || key == "source")
                continue;
            if (key == "data" && value.is_object()) {
                for (auto& [field, v] : value.items()) {
                    const bool plain = dataField(field) && !elementField(field);
                    props.emplace_back(std::string(plain ? kPrefix : kDataPrefix) + field,
                                       dataField(field) ? fieldText(v) : v.dump());
                }
            } else if (elementField(key)) {
                props.emplace_back(std::string(kPrefix) + key, fieldText(value));
            } else {
                rest[key] = value;
            }
        }
        if (!rest.empty()) props.emplace_back("plumbline.extra", rest.dump());
        properties(indent + 1, props);
        line(indent, "}");
    }

    void flow(const Json& f) {
        const std::string plumbId = f["id"].get<std::string>();
        const std::string id = identifier(plumbId);
        std::string head = id + " = " + identifier(f["from"].get<std::string>()) + " -> " +
                           identifier(f["to"].get<std::string>()) + " " +
                           quote(f.value("description", ""));
        if (f.contains("technology") && f["technology"].is_string())
            head += " " + quote(f["technology"].get<std::string>());
        std::vector<std::pair<std::string, std::string>> props;
        idProperty(plumbId, id, props);
        Json rest = Json::object();
        for (auto& [key, value] : f.items()) {
            if (key == "id" || key == "from" || key == "to" || key == "description" ||
                key == "source" || (key == "technology" && value.is_string()))
                continue;
            if (flowField(key))
                props.emplace_back(std::string(kPrefix) + key, fieldText(value));
            else
                rest[key] = value;
        }
        if (!rest.empty()) props.emplace_back("plumbline.extra", rest.dump());
        if (props.empty()) return line(2, head);
        line(2, head + " {");
        properties(3, props);
        line(2, "}");
    }

    const Model& model_;
    Json doc_;
    std::string out_;
    std::map<std::string, std::string> identifiers_;
    std::set<std::string> used_;
    int counter_ = 0;
};

} // namespace

std::string writeStructurizrDsl(const Model& model) {
    return Writer(model).run();
}

} // namespace plumb::interop

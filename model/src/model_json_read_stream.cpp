// The model read straight from nlohmann's SAX events (#16): each context, element, flow, waiver
// and layout box is built as its own small DOM, read by the same functions as the whole-document
// reader and dropped, so the document's DOM (several times the size of the file) never exists.
//
// Only the usual case is read here: a valid model of the current format version, without
// repeated keys at the top level or in "layout". Anything else makes readModelStreamed give up,
// and readModelJson reads the document again through the whole-document reader, whose errors
// (and whose handling of migrations and repeated keys) are the ones reported. Giving up early
// costs an invalid file one more parse; it keeps every message exactly as it was.
#include "json_dom_builder.h"
#include "model_json_reader.h"
#include "plumbline/model_edits.h"

#include <unordered_set>

namespace plumb::model_json {
namespace {

// What the top level of a model does with each of its members, as the SAX events arrive.
class ModelHandler {
public:
    ModelHandler(Reader& r, Model& m, std::vector<InputError>& errors)
        : r_(r), m_(m), errors_(errors) {}

    // Whether the value of `key`, a container, is read item by item (and each item handed to
    // item()) rather than whole (and handed to member()). False gives up when the container
    // is not what the whole-document reader expects there.
    enum class Mode { Whole, Items, GiveUp };
    Mode container(const std::string& key, bool isArray) {
        if (const auto list = listOf(key)) {
            if (!isArray) return Mode::GiveUp; // "expected an array"
            *list = true;
            base_ = "/" + key + "/";
            return Mode::Items;
        }
        if (key == "layout") {
            if (isArray) return Mode::GiveUp; // "expected the layout (an object)"
            m_.present.layout = true;
            return Mode::Items;
        }
        return Mode::Whole;
    }

    // One item of a member read item by item: an array's `index`-th, or an object's `itemKey`.
    bool item(const std::string& key, std::size_t index, const std::string& itemKey,
              const Json& value) {
        const std::string at = base_ + std::to_string(index);
        if (key == "contexts")
            m_.contexts.push_back(readContext(r_, value, at));
        else if (key == "elements")
            m_.elements.push_back(readElement(r_, value, at));
        else if (key == "flows")
            m_.flows.push_back(readFlow(r_, value, at));
        else if (key == "waivers")
            m_.waivers.push_back(readWaiver(r_, value, at));
        else // "layout"
            m_.layout.push_back(
                readLayoutBox(r_, itemKey, value, "/layout/" + escapePointerToken(itemKey)));
        return errors_.empty();
    }

    // A member of the top-level object read whole (a scalar or a container not read by items).
    bool member(const std::string& key, Json&& value) {
        if (key == "format") return value.is_string() && value == "plumbline-model";
        if (key == "version")
            return (value.is_number_integer() || value.is_number_unsigned()) &&
                   value.get<long long>() == Model::kFormatVersion; // else: migrate or refuse
        if (listOf(key) || key == "layout") return false; // not a container: "expected ..."
        if (key == "name" || key == "description") {
            if (!value.is_string()) return false;
            (key == "name" ? m_.name : m_.description) = value.get<std::string>();
            return true;
        }
        if (key == "ruleSettings") {
            m_.present.ruleSettings = true;
            readRuleSettings(r_, value, m_.ruleSettings);
            return errors_.empty();
        }
        m_.extra[key] = std::move(value); // unknown: kept in the document's order
        return true;
    }

private:
    // The `present` flag of a list member, or nullptr when `key` is not one.
    bool* listOf(const std::string& key) {
        if (key == "contexts") return &m_.present.contexts;
        if (key == "elements") return &m_.present.elements;
        if (key == "flows") return &m_.present.flows;
        if (key == "waivers") return &m_.present.waivers;
        return nullptr;
    }

    Reader& r_;
    Model& m_;
    std::vector<InputError>& errors_;
    std::string base_;
};

// The SAX handler: tracks where the parser is at the top two levels and builds every value
// below them with the DOM builder. Returning false stops the parse (giving up).
class StreamingSax {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    explicit StreamingSax(ModelHandler& handler) : handler_(handler), builder_(value_) {}

    bool null() { return building_ ? builder_.null() : complete(Json(nullptr)); }
    bool boolean(bool v) { return building_ ? builder_.boolean(v) : complete(Json(v)); }
    bool number_integer(number_integer_t v) {
        return building_ ? builder_.number_integer(v) : complete(Json(v));
    }
    bool number_unsigned(number_unsigned_t v) {
        return building_ ? builder_.number_unsigned(v) : complete(Json(v));
    }
    bool number_float(number_float_t v, const string_t& s) {
        return building_ ? builder_.number_float(v, s) : complete(Json(v));
    }
    bool string(string_t& v) {
        return building_ ? builder_.string(v) : complete(Json(std::move(v)));
    }
    bool binary(binary_t& v) {
        return building_ ? builder_.binary(v) : complete(Json(std::move(v)));
    }

    bool start_object(std::size_t n) {
        if (building_) return ++nesting_, builder_.start_object(n);
        return start(false) && (!building_ || builder_.start_object(n));
    }
    bool start_array(std::size_t n) {
        if (building_) return ++nesting_, builder_.start_array(n);
        return start(true) && (!building_ || builder_.start_array(n));
    }
    bool end_object() {
        if (building_) return builder_.end_object() && (--nesting_ > 0 || built());
        return end();
    }
    bool end_array() {
        if (building_) return builder_.end_array() && (--nesting_ > 0 || built());
        return end();
    }
    bool key(string_t& k) {
        if (building_) return builder_.key(k);
        if (depth_ == 1) {
            key_ = k;
            return rootKeys_.insert(k).second; // a repeated key: the careful reader decides
        }
        itemKey_ = k;
        return itemKeys_.insert(k).second;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

private:
    // A container opens outside a value being built: the root (depth 0 to 1), a member of the
    // root (read whole, or item by item: depth 1 to 2) or an item (built whole).
    bool start(bool isArray) {
        if (depth_ == 0) {
            depth_ = 1;
            return !isArray; // a model is an object
        }
        if (depth_ == 1) {
            const auto mode = handler_.container(key_, isArray);
            if (mode == ModelHandler::Mode::GiveUp) return false;
            if (mode == ModelHandler::Mode::Items) {
                depth_ = 2;
                index_ = 0;
                itemKeys_.clear();
                return true;
            }
        }
        building_ = true;
        nesting_ = 1;
        value_ = Json();
        builder_.restart(value_);
        return true;
    }
    bool end() {
        --depth_;
        return true;
    }
    bool built() {
        building_ = false;
        return complete(std::move(value_));
    }
    // A value is complete at the top two levels.
    bool complete(Json&& value) {
        if (depth_ == 1) return handler_.member(key_, std::move(value));
        if (depth_ == 2) return handler_.item(key_, index_++, itemKey_, value);
        return false; // the document is a scalar
    }

    ModelHandler& handler_;
    Json value_;
    detail::DomBuildingSax builder_;
    bool building_ = false;
    std::size_t nesting_ = 0; // containers open in the value being built
    int depth_ = 0;           // 1 inside the root object, 2 inside a member read by items
    std::string key_, itemKey_;
    std::size_t index_ = 0;
    std::unordered_set<std::string> rootKeys_, itemKeys_;
};

} // namespace

std::optional<Model> readModelStreamed(std::string_view text, const std::string& fileName,
                                       const ModelReadOptions& options) {
    std::vector<InputError> errors;
    Reader r(fileName, errors, options.maxErrors);
    Model m;
    m.present = {false, false, false, false, false, false}; // set as the members arrive
    ModelHandler handler(r, m, errors);
    StreamingSax sax(handler);
    if (!Json::sax_parse(text.begin(), text.end(), &sax) || !errors.empty()) return std::nullopt;
    if (!validateModel(m, options.maxErrors).empty()) return std::nullopt;
    // The lists grew by doubling, not knowing their sizes: give back the slack (7 MB of a
    // 10,000-element model's 17, held through the whole check).
    m.contexts.shrink_to_fit();
    m.elements.shrink_to_fit();
    m.flows.shrink_to_fit();
    m.waivers.shrink_to_fit();
    m.layout.shrink_to_fit();
    return m;
}

} // namespace plumb::model_json

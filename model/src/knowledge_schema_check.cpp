// A small JSON Schema checker for the knowledge files: messages are written for knowledge
// authors ("unknown field 'severty'; did you mean 'severity'?"), each at a JSON Pointer.
#include "knowledge_schema_check.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <regex>

namespace plumb {
namespace {

std::string describeValue(const Json& json) {
    if (json.is_null()) return "null";
    if (json.is_boolean()) return json.get<bool>() ? "true" : "false";
    if (json.is_number()) return json.dump();
    if (json.is_string()) {
        std::string text = json.get<std::string>();
        if (text.size() > 60) text = text.substr(0, 57) + "...";
        return "\"" + text + "\"";
    }
    if (json.is_array()) return "an array";
    return "an object";
}

bool hasType(const Json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    if (type == "number") return value.is_number();
    if (type == "integer")
        return value.is_number_integer() ||
               (value.is_number_float() &&
                value.get<double>() == static_cast<long long>(value.get<double>()));
    return true;
}

std::string typeArticle(const std::string& type) {
    if (type == "object" || type == "array" || type == "integer") return "an " + type;
    if (type == "null") return "null";
    return "a " + type;
}

const std::regex& cachedRegex(const std::string& pattern) {
    static std::mutex mutex;
    static std::map<std::string, std::regex> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(pattern);
    if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
    return it->second;
}

class Checker {
public:
    Checker(const SchemaCheck& check, std::vector<InputError>& errors)
        : check_(check), errors_(errors) {}

    void run(const Json& value, const Json& schema, const std::string& path) {
        if (full()) return;
        if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"].get<std::string>();
            if (check_.delegated.count(ref)) return;
            run(value, resolve(ref), path);
        }
        if (schema.contains("const") && value != schema["const"])
            return error(path, "expected " + describeValue(schema["const"]) + ", got " +
                                   describeValue(value));
        if (schema.contains("enum")) return checkEnum(value, schema["enum"], path);
        if (schema.contains("oneOf")) return checkAlternatives(value, schema["oneOf"], path);
        if (schema.contains("anyOf")) return checkAlternatives(value, schema["anyOf"], path);
        if (schema.contains("type")) {
            const Json& type = schema["type"];
            std::vector<std::string> types =
                type.is_array() ? type.get<std::vector<std::string>>()
                                : std::vector<std::string>{type.get<std::string>()};
            if (std::none_of(types.begin(), types.end(),
                             [&](const std::string& t) { return hasType(value, t); })) {
                std::string expected;
                for (const auto& t : types)
                    expected += (expected.empty() ? "" : " or ") + typeArticle(t);
                return error(path, "expected " + expected + ", got " + describeValue(value));
            }
        }
        if (value.is_string()) checkString(value.get<std::string>(), schema, path);
        if (value.is_number()) checkNumber(value.get<double>(), schema, path);
        if (value.is_array()) checkArray(value, schema, path);
        if (value.is_object()) checkObject(value, schema, path);
    }

    // A short description of what a schema accepts, for "expected X or Y" messages.
    std::string describeSchema(const Json& schema) {
        if (schema.contains("$ref"))
            return describeSchema(resolve(schema["$ref"].get<std::string>()));
        if (schema.contains("const")) return describeValue(schema["const"]);
        if (schema.contains("type")) {
            const std::string type =
                schema["type"].is_string() ? schema["type"].get<std::string>() : "value";
            if (type == "number" && schema.contains("minimum") && schema["minimum"] == 0)
                return "a number >= 0";
            return typeArticle(type);
        }
        if (schema.contains("enum")) return "one of " + enumList(schema["enum"]);
        return "a value";
    }

private:
    bool full() const { return errors_.size() >= limit_ + start_; }

    void error(const std::string& path, std::string message) {
        if (!full()) errors_.push_back(InputError{check_.file, path, std::move(message), {}, {}});
    }

    const Json& resolve(const std::string& ref) {
        static const Json empty = Json::object();
        if (!ref.starts_with("#/")) return empty;
        const Json::json_pointer pointer(ref.substr(1));
        return check_.schema.contains(pointer) ? check_.schema.at(pointer) : empty;
    }

    static std::string enumList(const Json& options) {
        std::string out;
        for (const auto& option : options)
            out += (out.empty() ? "" : ", ") +
                   (option.is_string() ? option.get<std::string>() : option.dump());
        return out;
    }

    void checkEnum(const Json& value, const Json& options, const std::string& path) {
        if (std::find(options.begin(), options.end(), value) != options.end()) return;
        std::string message =
            "unknown value " + describeValue(value) + "; expected one of " + enumList(options);
        if (value.is_string()) {
            std::vector<std::string> names;
            for (const auto& option : options)
                if (option.is_string()) names.push_back(option.get<std::string>());
            auto near = closestNames(value.get<std::string>(), names, 1);
            if (!near.empty()) message += " (did you mean '" + near.front() + "'?)";
        }
        error(path, message);
    }

    bool acceptsObjects(const Json& schema) {
        if (schema.contains("$ref"))
            return acceptsObjects(resolve(schema["$ref"].get<std::string>()));
        return schema.contains("type") && schema["type"] == "object";
    }

    void checkAlternatives(const Json& value, const Json& options, const std::string& path) {
        for (const auto& option : options) {
            std::vector<InputError> scratch;
            Checker trial(check_, scratch);
            trial.run(value, option, path);
            if (scratch.empty()) return;
        }
        // None fits. For an object, the one alternative that takes objects gives precise errors.
        if (value.is_object()) {
            const Json* objectOption = nullptr;
            int count = 0;
            for (const auto& option : options)
                if (acceptsObjects(option)) objectOption = &option, ++count;
            if (count == 1) return run(value, *objectOption, path);
            // Several object shapes told apart by a "kind" constant (provenance): the one the
            // value names gives precise errors.
            if (value.contains("kind"))
                for (const auto& option : options) {
                    const Json* props =
                        option.contains("properties") ? &option["properties"] : nullptr;
                    if (props && props->contains("kind") && (*props)["kind"].contains("const") &&
                        (*props)["kind"]["const"] == value["kind"])
                        return run(value, option, path);
                }
        }
        std::string expected;
        for (const auto& option : options)
            expected += (expected.empty() ? "" : " or ") + describeSchema(option);
        error(path, "expected " + expected + ", got " + describeValue(value));
    }

    void checkString(const std::string& text, const Json& schema, const std::string& path) {
        if (schema.contains("minLength") && text.size() < schema["minLength"].get<std::size_t>())
            return error(path, text.empty() ? "must not be empty"
                                            : "too short; at least " + schema["minLength"].dump() +
                                                  " characters");
        if (schema.contains("maxLength") && text.size() > schema["maxLength"].get<std::size_t>())
            return error(path, "too long; at most " + schema["maxLength"].dump() + " characters");
        if (schema.contains("pattern")) {
            const std::string pattern = schema["pattern"].get<std::string>();
            if (!std::regex_search(text, cachedRegex(pattern))) {
                if (pattern == "^https?://")
                    return error(path, "expected an http(s) URL, got " + describeValue(Json(text)));
                if (pattern.starts_with("^[a-z0-9]"))
                    return error(path, "expected an id of lower-case letters, digits and single "
                                       "dashes (like \"my-rule\"), got " +
                                           describeValue(Json(text)));
                error(path, describeValue(Json(text)) + " does not match the pattern " + pattern);
            }
        }
    }

    void checkNumber(double number, const Json& schema, const std::string& path) {
        if (schema.contains("minimum") && number < schema["minimum"].get<double>())
            return error(path, "expected a number >= " + schema["minimum"].dump() + ", got " +
                                   Json(number).dump());
        if (schema.contains("maximum") && number > schema["maximum"].get<double>())
            error(path, "expected a number <= " + schema["maximum"].dump() + ", got " +
                            Json(number).dump());
    }

    void checkArray(const Json& array, const Json& schema, const std::string& path) {
        if (schema.contains("minItems") && array.size() < schema["minItems"].get<std::size_t>())
            return error(path, "needs at least " + schema["minItems"].dump() + " item(s)");
        if (schema.contains("maxItems") && array.size() > schema["maxItems"].get<std::size_t>())
            return error(path, "takes at most " + schema["maxItems"].dump() + " item(s)");
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string itemPath = path + "/" + std::to_string(i);
            if (schema.contains("items")) run(array[i], schema["items"], itemPath);
            if (schema.value("uniqueItems", false))
                for (std::size_t j = 0; j < i; ++j)
                    if (array[j] == array[i]) {
                        error(itemPath, "duplicate item " + describeValue(array[i]) + " (also at " +
                                            path + "/" + std::to_string(j) + ")");
                        break;
                    }
        }
    }

    void checkObject(const Json& object, const Json& schema, const std::string& path) {
        const Json& properties =
            schema.contains("properties") ? schema["properties"] : Json::object();
        if (schema.contains("required"))
            for (const auto& name : schema["required"])
                if (!object.contains(name.get<std::string>()))
                    error(path, "missing required field \"" + name.get<std::string>() + "\"");
        const bool closed =
            schema.contains("additionalProperties") && schema["additionalProperties"] == false;
        for (const auto& [key, value] : object.items()) {
            const std::string fieldPath = path + "/" + escapePointerToken(key);
            if (properties.contains(key)) {
                run(value, properties[key], fieldPath);
            } else if (schema.contains("additionalProperties") &&
                       schema["additionalProperties"].is_object()) {
                run(value, schema["additionalProperties"], fieldPath); // a map's values
            } else if (closed) {
                std::vector<std::string> names;
                for (const auto& [name, _] : properties.items())
                    names.push_back(name);
                auto near = closestNames(key, names, 1);
                error(fieldPath, "unknown field \"" + key + "\"" +
                                     (near.empty() ? "; expected one of " + enumList(Json(names))
                                                   : "; did you mean \"" + near.front() + "\"?"));
            }
        }
    }

    const SchemaCheck& check_;
    std::vector<InputError>& errors_;
    std::size_t start_ = errors_.size();
    std::size_t limit_ = check_.maxErrors;
};

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

void checkAgainstSchema(const Json& value, const SchemaCheck& check,
                        std::vector<InputError>& errors) {
    Checker(check, errors).run(value, check.schema, "");
}

std::vector<std::string>
closestNames(std::string_view word, const std::vector<std::string>& candidates, std::size_t limit) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& candidate : candidates) {
        const std::size_t distance = editDistance(word, candidate);
        // Close enough to be a typo, or one name containing the other ("postgres").
        const bool prefix = word.size() >= 3 && (candidate.find(word) != std::string::npos ||
                                                 word.find(candidate) != std::string_view::npos);
        if (distance <= std::max<std::size_t>(2, word.size() / 3) || prefix)
            scored.emplace_back(prefix ? std::min<std::size_t>(distance, 1) : distance, candidate);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i)
        out.push_back(scored[i].second);
    return out;
}

} // namespace plumb

#pragma once
// The model reader's building blocks (model_json_read.cpp): a Reader that collects errors with
// their JSON Pointers, Object for the fields of one JSON object, and one function per kind of
// object. The whole-document reader and the streamed one (model_json_read_stream.cpp) share them.

#include "plumbline/model.h"
#include "plumbline/model_json.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace plumb::model_json {

enum class NumberRule { Finite, NonNegative, WholeNonNegative };

inline std::string describe(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::boolean:
        return value.get<bool>() ? "true" : "false";
    case Json::value_t::string: {
        auto s = value.get<std::string>();
        if (s.size() > 40) s = s.substr(0, 37) + "...";
        return "the string \"" + s + "\"";
    }
    case Json::value_t::array:
        return "an array";
    case Json::value_t::object:
        return "an object";
    default:
        return value.dump();
    }
}

template <typename E> std::string listOf() {
    std::string out;
    for (auto name : spellings<E>()) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

inline bool isDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

class Reader {
public:
    Reader(std::string file, std::vector<InputError>& errors, std::size_t maxErrors)
        : file_(std::move(file)), errors_(errors), maxErrors_(maxErrors) {}

    void error(const std::string& path, std::string message) {
        if (errors_.size() < maxErrors_)
            errors_.push_back({file_, path, std::move(message), {}, {}});
    }

    // Reads the fields of one JSON object; what it was not asked for ends up in extras().
    class Object {
    public:
        Object(Reader& reader, const Json& object, std::string path)
            : r_(reader), object_(object), path_(std::move(path)) {}

        const std::string& path() const { return path_; }
        std::string pathOf(std::string_view key) const {
            return path_ + "/" + escapePointerToken(key);
        }

        const Json* get(std::string_view key) {
            known_.push_back(key);
            auto it = object_.find(key);
            return it == object_.end() ? nullptr : &*it;
        }

        std::optional<std::string> text(std::string_view key) {
            const Json* v = get(key);
            if (!v) return std::nullopt;
            if (!v->is_string()) {
                r_.error(pathOf(key), "expected a string, got " + describe(*v));
                return std::nullopt;
            }
            return v->get<std::string>();
        }

        std::string requiredId(std::string_view key, std::string_view what) {
            const Json* v = get(key);
            if (!v) {
                r_.error(path_,
                         "missing \"" + std::string(key) + "\": expected " + std::string(what));
                return {};
            }
            if (!v->is_string()) {
                r_.error(pathOf(key), "expected " + std::string(what) + ", got " + describe(*v));
                return {};
            }
            return v->get<std::string>();
        }

        Number number(std::string_view key, NumberRule rule = NumberRule::NonNegative) {
            const Json* v = get(key);
            if (!v) return std::nullopt;
            if (!v->is_number()) {
                r_.error(pathOf(key), "expected a number, got " + describe(*v));
                return std::nullopt;
            }
            const double d = v->get<double>();
            if (!std::isfinite(d)) {
                r_.error(pathOf(key), "expected a finite number, got a value out of range");
                return std::nullopt;
            }
            if (rule != NumberRule::Finite && d < 0) {
                r_.error(pathOf(key), "expected a non-negative number, got " + v->dump());
                return std::nullopt;
            }
            if (rule == NumberRule::WholeNonNegative && d != std::floor(d)) {
                r_.error(pathOf(key), "expected a whole number, got " + v->dump());
                return std::nullopt;
            }
            return d;
        }

        std::optional<bool> boolean(std::string_view key) {
            const Json* v = get(key);
            if (!v) return std::nullopt;
            if (!v->is_boolean()) {
                r_.error(pathOf(key), "expected true or false, got " + describe(*v));
                return std::nullopt;
            }
            return v->get<bool>();
        }

        template <typename E> std::optional<E> choice(std::string_view key) {
            const Json* v = get(key);
            if (!v) return std::nullopt;
            if (v->is_string())
                if (auto e = fromString<E>(v->get_ref<const std::string&>())) return e;
            return r_.choice<E>(*v, pathOf(key)); // reports the error with its path
        }

        std::optional<std::string> date(std::string_view key) {
            auto s = text(key);
            if (s && !isDate(*s)) {
                r_.error(pathOf(key), "expected a date as YYYY-MM-DD, got \"" + *s + "\"");
                return std::nullopt;
            }
            return s;
        }

        Json extras() const {
            Json out = Json::object();
            for (auto it = object_.begin(); it != object_.end(); ++it)
                if (std::find(known_.begin(), known_.end(), it.key()) == known_.end())
                    out[it.key()] = it.value();
            return out;
        }

    private:
        Reader& r_;
        const Json& object_;
        std::string path_;
        // The keys asked for: string literals at every call site, so views need no copies
        // (this lookup runs for every field of every object of large models).
        std::vector<std::string_view> known_;
    };

    template <typename E> std::optional<E> choice(const Json& v, const std::string& path) {
        if (v.is_string())
            if (auto e = fromString<E>(v.get<std::string>())) return e;
        error(path, "expected one of " + listOf<E>() + ", got " + describe(v));
        return std::nullopt;
    }

    bool expectObject(const Json& v, const std::string& path, std::string_view what) {
        if (v.is_object()) return true;
        error(path, "expected " + std::string(what) + " (an object), got " + describe(v));
        return false;
    }

    // The array under `key` of `parent`, or nullptr (after reporting) when it is not one.
    const Json* array(Object& parent, std::string_view key) {
        const Json* v = parent.get(key);
        if (v && !v->is_array()) {
            error(parent.pathOf(key), "expected an array, got " + describe(*v));
            return nullptr;
        }
        return v;
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<InputError>& errors_;
    std::size_t maxErrors_;
};

using Object = Reader::Object;

Context readContext(Reader& r, const Json& j, const std::string& path);
Element readElement(Reader& r, const Json& j, const std::string& path);
Flow readFlow(Reader& r, const Json& j, const std::string& path);
Waiver readWaiver(Reader& r, const Json& j, const std::string& path);
LayoutBox readLayoutBox(Reader& r, const std::string& id, const Json& j, const std::string& path);
// Every member of the "ruleSettings" object `j` (errors reported when it is not an object).
void readRuleSettings(Reader& r, const Json& j, std::vector<RuleSetting>& out);

// The model read from `text` straight from the parser's events, element by element, without
// the whole document's DOM; std::nullopt when the document is not a valid current-version
// model (readModelJson then reads it again the careful way, for its errors).
std::optional<Model> readModelStreamed(std::string_view text, const std::string& fileName,
                                       const ModelReadOptions& options);

} // namespace plumb::model_json

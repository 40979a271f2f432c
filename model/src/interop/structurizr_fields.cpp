#include "structurizr_fields.h"

#include "plumbline/vocabulary.h"

#include <array>
#include <cmath>
#include <cstdlib>

namespace plumb::interop::structurizr {
namespace {

constexpr FieldType N = FieldType::Number;
constexpr FieldType E = FieldType::Enum;

constexpr std::array kElementFields = {
    FieldSpec{"instances", N, FieldOwner::Element},
    FieldSpec{"connectionsPerInstance", N, FieldOwner::Element},
    FieldSpec{"cachePolicy", E, FieldOwner::Element},
    FieldSpec{"ttlSeconds", N, FieldOwner::Element},
    FieldSpec{"partitions", N, FieldOwner::Element},
    FieldSpec{"replicationFactor", N, FieldOwner::Element},
    FieldSpec{"retentionDays", N, FieldOwner::Element},
    FieldSpec{"keyed", FieldType::Bool, FieldOwner::Element},
};

constexpr std::array kDataFields = {
    FieldSpec{"volumeGB", N, FieldOwner::Data},
    FieldSpec{"growthGBPerMonth", N, FieldOwner::Data},
    FieldSpec{"recordKB", N, FieldOwner::Data},
    FieldSpec{"maxRecordKB", N, FieldOwner::Data},
    FieldSpec{"vectors", N, FieldOwner::Data},
    FieldSpec{"vectorDimensions", N, FieldOwner::Data},
    FieldSpec{"structure", E, FieldOwner::Data},
    FieldSpec{"consistency", E, FieldOwner::Data},
    FieldSpec{"durability", E, FieldOwner::Data},
    FieldSpec{"queries", FieldType::List, FieldOwner::Data},
    FieldSpec{"hosting", E, FieldOwner::Data},
    FieldSpec{"replicas", N, FieldOwner::Data},
    FieldSpec{"shards", N, FieldOwner::Data},
    FieldSpec{"tenants", N, FieldOwner::Data},
    FieldSpec{"retentionDays", N, FieldOwner::Data},
    FieldSpec{"cachePolicy", E, FieldOwner::Data},
    FieldSpec{"ttlSeconds", N, FieldOwner::Data},
};

constexpr std::array kFlowFields = {
    FieldSpec{"readsPerSecond", N, FieldOwner::Flow},
    FieldSpec{"writesPerSecond", N, FieldOwner::Flow},
    FieldSpec{"payloadKB", N, FieldOwner::Flow},
    FieldSpec{"peakFactor", N, FieldOwner::Flow},
    FieldSpec{"style", E, FieldOwner::Flow},
};

template <std::size_t S>
const FieldSpec* find(const std::array<FieldSpec, S>& fields, std::string_view name) {
    for (const FieldSpec& field : fields)
        if (field.name == name) return &field;
    return nullptr;
}

template <typename T> std::string choices() {
    std::string out;
    for (std::string_view s : spellings<T>()) {
        if (!out.empty()) out += ", ";
        out += s;
    }
    return out;
}

template <typename T> bool isSpelling(std::string_view text) {
    return fromString<T>(text).has_value();
}

// Whether `text` is a value of the field's vocabulary, and the list to quote when it is not.
bool enumValue(std::string_view field, std::string_view text, std::string& allowed) {
    if (field == "structure") return allowed = choices<Structure>(), isSpelling<Structure>(text);
    if (field == "consistency")
        return allowed = choices<Consistency>(), isSpelling<Consistency>(text);
    if (field == "durability") return allowed = choices<Durability>(), isSpelling<Durability>(text);
    if (field == "hosting") return allowed = choices<Hosting>(), isSpelling<Hosting>(text);
    if (field == "cachePolicy")
        return allowed = choices<CachePolicy>(), isSpelling<CachePolicy>(text);
    if (field == "style") return allowed = choices<FlowStyle>(), isSpelling<FlowStyle>(text);
    return allowed = choices<QueryKind>(), isSpelling<QueryKind>(text);
}

std::string trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

} // namespace

const FieldSpec* elementField(std::string_view name) {
    return find(kElementFields, name);
}
const FieldSpec* dataField(std::string_view name) {
    return find(kDataFields, name);
}
const FieldSpec* flowField(std::string_view name) {
    return find(kFlowFields, name);
}

std::optional<Json> fieldValue(const FieldSpec& field, std::string_view text,
                               std::string& problem) {
    const std::string value = trimmed(text);
    switch (field.type) {
    case FieldType::Number: {
        char* end = nullptr;
        const double number = value.empty() ? 0 : std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number) ||
            number < 0) {
            problem = "expected a non-negative number, got '" + value + "'";
            return std::nullopt;
        }
        return Json(number);
    }
    case FieldType::Bool:
        if (value == "true") return Json(true);
        if (value == "false") return Json(false);
        problem = "expected true or false, got '" + value + "'";
        return std::nullopt;
    case FieldType::Enum: {
        std::string allowed;
        if (enumValue(field.name, value, allowed)) return Json(value);
        problem = "expected one of " + allowed + ", got '" + value + "'";
        return std::nullopt;
    }
    case FieldType::List: {
        Json list = Json::array();
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            const std::string item = trimmed(std::string_view(value).substr(start, comma - start));
            std::string allowed;
            if (!item.empty() && !enumValue(field.name, item, allowed)) {
                problem = "expected a comma-separated list of " + allowed + ", got '" + item + "'";
                return std::nullopt;
            }
            if (!item.empty()) list.push_back(item);
            start = comma + 1;
        }
        return list;
    }
    }
    return std::nullopt;
}

std::string fieldText(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_array()) {
        std::string out;
        for (const Json& item : value) {
            if (!out.empty()) out += ",";
            out += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return out;
    }
    return value.dump();
}

} // namespace plumb::interop::structurizr

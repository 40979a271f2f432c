#pragma once
// Plumbline's own fields as Structurizr properties: `plumbline.<field>` on elements and
// relationships carries the model-format.md field of the same name, so a team keeps its workload
// estimates in its Structurizr workspace. Shared by the importers and the DSL writer.

#include "plumbline/model.h"

#include <optional>
#include <string>
#include <string_view>

namespace plumb::interop::structurizr {

inline constexpr std::string_view kPrefix = "plumbline.";
inline constexpr std::string_view kDataPrefix = "plumbline.data.";

enum class FieldType { Number, Bool, Enum, List };

enum class FieldOwner { Element, Data, Flow };

struct FieldSpec {
    std::string_view name;
    FieldType type;
    FieldOwner owner;
};

// The field that `plumbline.<name>` sets on an element (element-level fields win over `data`
// ones of the same name: `plumbline.data.<name>` always means `data`), or null.
const FieldSpec* elementField(std::string_view name);
const FieldSpec* dataField(std::string_view name);
const FieldSpec* flowField(std::string_view name);

// The property's text as the field's JSON value, or nullopt with `problem` set
// ("expected a non-negative number, got 'lots'").
std::optional<Json> fieldValue(const FieldSpec& field, std::string_view text, std::string& problem);

// The field's JSON value as property text (the inverse of fieldValue).
std::string fieldText(const Json& value);

} // namespace plumb::interop::structurizr

#pragma once
// What the Threat Dragon and Open Threat Model readers share: parsing JSON safely, element kinds
// from threat-model types and names, and trust boundaries as contexts by containment.

#include "interop/mapping.h"

#include <optional>
#include <string>

namespace plumb::interop::detail {

// Parses with the JSON reader's limits (size, nesting); the error has line and column.
std::optional<InputError> parseSourceJson(const ImportSource& source, Json& out);

// A string member, or "" (never throws).
std::string text(const Json& object, const char* key);
std::optional<double> number(const Json& object, const char* key);

// Kind and technology for a process/store/actor named `name`, with the threat model's `type`.
void classify(Builder& b, Element& e, std::string_view sourceId, std::string_view base,
              std::string_view name, std::string_view extra);

struct Rect {
    std::string contextId;
    double x = 0, y = 0, w = 0, h = 0;
};
// The innermost rectangle holding the point, or null.
const Rect* innermost(const std::vector<Rect>& rects, double x, double y);

} // namespace plumb::interop::detail

#pragma once
// Safe JSON parsing shared by every loader (models, knowledge base, rule packs).

#include <optional>
#include <string>
#include <string_view>

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

namespace plumb {

// Refuses input that would hurt the parser before it runs: more than `maxBytes`, or nesting
// deeper than `maxDepth` (found by one linear scan that understands strings and escapes).
std::optional<InputError> checkJsonShape(std::string_view text, const std::string& fileName,
                                         int maxDepth, std::size_t maxBytes);

// Parses `text` into `out`; on a syntax error returns it with line and column.
std::optional<InputError> parseJson(std::string_view text, const std::string& fileName, Json& out);

// Both of the above with the defaults every loader uses.
std::optional<InputError> parseJsonSafely(std::string_view text, const std::string& fileName,
                                          Json& out, int maxDepth = 128,
                                          std::size_t maxBytes = std::size_t{512} << 20);

// The whole file as bytes, or an error naming the file when it cannot be read.
std::optional<InputError> readFileBytes(const std::string& path, std::string& out);

} // namespace plumb

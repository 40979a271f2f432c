#pragma once

#include <optional>
#include <string>
#include <vector>

namespace plumb {

// A problem with an input file, located precisely enough to fix it without guessing:
// the file, the JSON Pointer of the offending value (empty for the whole document) and,
// for syntax errors, the line and column.
struct InputError {
    std::string file;
    std::string path;
    std::string message;
    std::optional<int> line;
    std::optional<int> column;

    // "orders.json: /elements/3/data/volumeGB: expected a non-negative number, got -5"
    std::string toString() const;
};

// Escapes one key for use in a JSON Pointer (RFC 6901): '~' -> "~0", '/' -> "~1".
std::string escapePointerToken(std::string_view key);

// Line and column (both from 1) of byte `offset` in `text`.
std::pair<int, int> lineAndColumn(std::string_view text, std::size_t offset);

} // namespace plumb

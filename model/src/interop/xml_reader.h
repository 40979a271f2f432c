#pragma once
// A streaming XML reader for importers, on expat (libexpat1-dev). Expat, not pugixml, because it
// streams (a 50 MB diagram never becomes a DOM), gives line and column for every event and
// error, and lets the reader refuse a document type declaration before any entity is declared:
// DTDs and entities are refused outright, so neither billion laughs (expat 2.5 also caps
// amplification) nor external entities (files, URLs) can do anything. Elements nested deeper
// than `maxDepth` are refused too.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace plumb::interop::xml {

struct Attribute {
    std::string_view name;
    std::string_view value;
};

struct Position {
    int line = 0;
    int column = 0;
};

class Handler {
public:
    virtual ~Handler() = default;
    virtual void start(std::string_view name, std::span<const Attribute> attributes,
                       Position at) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    // Set by a handler to stop the parse with its own error at the current position.
    std::optional<std::string> stop;
};

struct Error {
    std::string message;
    Position at;
};

struct Limits {
    int maxDepth = 256;
};

// Parses `content` (UTF-8 or a declared encoding expat knows), calling `handler` per event.
std::optional<Error> parse(std::string_view content, Handler& handler, const Limits& limits = {});

} // namespace plumb::interop::xml

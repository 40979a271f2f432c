#pragma once
// The cells of a draw.io file, page by page, as written: no mapping yet.

#include "plumbline/diagnostics.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plumb::interop::drawio {

struct Cell {
    std::string id;
    std::string value; // label as written (may be HTML)
    std::string style; // "key=value;key;..."
    std::string parent;
    std::string source, target;
    bool vertex = false, edge = false;
    std::optional<double> x, y, width, height;     // mxGeometry, relative to the parent
    std::map<std::string, std::string> attributes; // of a wrapping <object>/<UserObject>
    int line = 0, column = 0;                      // where the cell starts
};

struct Page {
    std::string name;
    std::string id;
    bool compressed = false;
    std::vector<Cell> cells;
};

struct Document {
    std::vector<Page> pages;
};

struct ParseResult {
    std::optional<Document> document;
    std::optional<InputError> error;
};

// Reads an mxfile (one or more <diagram> pages, plain or compressed) or a bare mxGraphModel.
ParseResult parseDocument(std::string_view content, const std::string& file);

// "key=value;flag;..." -> map (a flag without '=' maps to ""; the first bare word, e.g.
// "ellipse" or "text", is also kept under its own name).
std::map<std::string, std::string> parseStyle(std::string_view style);

} // namespace plumb::interop::drawio

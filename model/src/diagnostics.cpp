#include "plumbline/diagnostics.h"

namespace plumb {

std::string InputError::toString() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line) {
        out += ": line " + std::to_string(*line);
        if (column) out += ", column " + std::to_string(*column);
    }
    if (!path.empty()) out += ": " + path;
    out += ": " + message;
    return out;
}

std::string escapePointerToken(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::pair<int, int> lineAndColumn(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace plumb

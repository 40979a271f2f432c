#include "interop/formats.h"

namespace plumb::interop {

std::vector<std::string> topLevelJsonKeys(std::string_view text, std::size_t limit) {
    std::vector<std::string> keys;
    std::size_t i = text.find_first_not_of(" \t\r\n");
    if (i != std::string_view::npos && text.substr(i).starts_with("\xEF\xBB\xBF"))
        i = text.find_first_not_of(" \t\r\n", i + 3);
    if (i == std::string_view::npos || text[i] != '{') return keys;
    int depth = 0;
    bool expectKey = false;
    for (; i < text.size() && keys.size() < limit; ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i + 1;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            if (depth == 1 && expectKey) keys.emplace_back(text.substr(start, i - start));
            expectKey = false;
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = depth == 1;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) break;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

} // namespace plumb::interop

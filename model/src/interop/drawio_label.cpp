#include "interop/drawio_label.h"

#include "interop/mapping.h"

#include <algorithm>
#include <cstdlib>

namespace plumb::interop::drawio {

using detail::lower;

std::string stripHtml(std::string_view html) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            const std::string tag =
                lower(html.substr(i + 1, std::min<std::size_t>(end - i - 1, 4)));
            if (tag.starts_with("br") || tag.starts_with("div") || tag.starts_with("/div") ||
                tag.starts_with("p") || tag.starts_with("/p") || tag.starts_with("li"))
                out += '\n';
            i = end;
        } else if (c == '&') {
            const std::size_t end = html.find(';', i);
            if (end == std::string_view::npos || end - i > 10) {
                out += c;
                continue;
            }
            const std::string_view entity = html.substr(i + 1, end - i - 1);
            if (entity == "nbsp")
                out += ' ';
            else if (entity == "amp")
                out += '&';
            else if (entity == "lt")
                out += '<';
            else if (entity == "gt")
                out += '>';
            else if (entity == "quot")
                out += '"';
            else if (entity == "apos" || entity == "#39")
                out += '\'';
            else if (entity.starts_with("#")) {
                const long code = std::strtol(std::string(entity.substr(1)).c_str(), nullptr,
                                              entity.size() > 1 && entity[1] == 'x' ? 16 : 10);
                out += (code > 31 && code < 127) ? static_cast<char>(code) : ' ';
            } else
                out += ' ';
            i = end;
        } else
            out += c;
    }
    return out;
}

std::string substitute(std::string text, const std::map<std::string, std::string>& attributes) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t end = text[i] == '%' ? text.find('%', i + 1) : std::string::npos;
        if (end != std::string::npos) {
            auto it = attributes.find(text.substr(i + 1, end - i - 1));
            if (it != attributes.end()) {
                out += it->second;
                i = end;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace plumb::interop::drawio

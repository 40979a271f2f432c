// Escaping for the report writers (report_escape.h).
#include "plumbline/report_escape.h"

#include <cctype>

namespace plumb {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0 && c >= 0xC2)
        n = 2;
    else if ((c & 0xF0) == 0xE0)
        n = 3;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 0;
    if (i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

// Calls `emit(std::string_view character)` for each valid character; drops invalid bytes and
// control characters, turning newlines and tabs into `whitespace` unless it is '\0'.
template <typename Emit> void forEachChar(std::string_view text, char whitespace, Emit emit) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8Length(text, i);
        if (n == 0) {
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (n == 1 && (c < 0x20 || c == 0x7F)) {
            if (c == '\n' || c == '\t' || c == '\r') {
                if (whitespace)
                    emit(std::string_view(&whitespace, 1));
                else if (c != '\r')
                    emit(text.substr(i, 1));
            }
            ++i;
            continue;
        }
        emit(text.substr(i, n));
        i += n;
    }
}

} // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    forEachChar(text, '\0', [&](std::string_view ch) {
        switch (ch[0]) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += ch;
        }
    });
    return out;
}

bool isSafeLink(std::string_view url) {
    std::string lower;
    for (char c : url.substr(0, 8))
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool scheme = lower.starts_with("https://") || lower.starts_with("http://");
    if (!scheme || url.size() > 2048) return false;
    const std::size_t hostStart = lower.starts_with("https://") ? 8 : 7;
    if (url.size() <= hostStart) return false;
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '"' || c == '\'' ||
            c == '<' || c == '>' || c == '\\' || c == '`')
            return false;
    return true;
}

std::string cleanText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    forEachChar(text, ' ', [&](std::string_view ch) { out += ch; });
    return out;
}

std::string escapeMarkdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    forEachChar(text, ' ', [&](std::string_view ch) {
        switch (ch[0]) {
        // Entities rather than backslashes where GitHub's table parser or HTML pass-through
        // would otherwise act first: a pipe ends a cell even when backslash-escaped in some
        // renderers, and < starts raw HTML.
        case '|':
            out += "&#124;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '#':
        case '~':
            out += '\\';
            out += ch;
            break;
        default:
            out += ch;
        }
    });
    // At the start of a cell or list item, "-", "+", "=" or "1." would open a list or
    // underline a heading.
    if (!out.empty() && (out[0] == '-' || out[0] == '+' || out[0] == '=')) out.insert(0, "\\");
    std::size_t digits = 0;
    while (digits < out.size() && std::isdigit(static_cast<unsigned char>(out[digits])))
        ++digits;
    if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')'))
        out.insert(digits, "\\");
    return out;
}

std::string mermaidId(std::string_view text, std::size_t salt) {
    std::string out = "n" + std::to_string(salt) + "_";
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
            out += c;
        else if (!out.ends_with("_"))
            out += '_';
        if (out.size() > 40) break;
    }
    return out;
}

std::string mermaidLabel(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    // Mermaid decodes #name; / #code; entities inside quoted labels; plain HTML entities with
    // '&' would be taken literally by some versions, so the #...; form is used throughout.
    forEachChar(text, ' ', [&](std::string_view ch) {
        switch (ch[0]) {
        case '"':
            out += "#quot;";
            break;
        case '#':
            out += "#35;";
            break;
        case '<':
            out += "#lt;";
            break;
        case '>':
            out += "#gt;";
            break;
        case '&':
            out += "#amp;";
            break;
        case '`':
            out += "#96;";
            break;
        case '|':
            out += "#124;";
            break;
        case '[':
            out += "#91;";
            break;
        case ']':
            out += "#93;";
            break;
        case '{':
            out += "#123;";
            break;
        case '}':
            out += "#125;";
            break;
        case '(':
            out += "#40;";
            break;
        case ')':
            out += "#41;";
            break;
        case ';':
            out += "#59;";
            break;
        case '*':
            out += "#42;";
            break;
        case '_':
            out += "#95;";
            break;
        case '\\':
            out += "#92;";
            break;
        default:
            out += ch;
        }
    });
    return out;
}

} // namespace plumb

#include "structurizr_dsl_lexer.h"

namespace plumb::interop::structurizr {

std::size_t invalidUtf8At(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned minimum = 0;
        unsigned code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, code = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, code = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, code = c & 0x07u;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto d = static_cast<unsigned char>(text[i + k]);
            if ((d & 0xC0) != 0x80) return i;
            code = (code << 6) | (d & 0x3Fu);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

Lexer::Lexer(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = lineStart_ = 3; // byte order mark
}

bool Lexer::fail(int line, int column, std::string message) {
    if (!error_) {
        InputError e;
        e.file = file_;
        e.message = std::move(message);
        e.line = line;
        e.column = column;
        error_ = std::move(e);
    }
    return false;
}

bool Lexer::atLineStart() const {
    for (std::size_t i = lineStart_; i < pos_; ++i)
        if (text_[i] != ' ' && text_[i] != '\t') return false;
    return true;
}

void Lexer::skipSpaces() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\r'))
        ++pos_;
}

bool Lexer::lexTextBlock(Token& token) {
    const int line = line_;
    const int column = static_cast<int>(pos_ - lineStart_) + 1;
    pos_ += 3;
    const std::size_t end = text_.find("\"\"\"", pos_);
    if (end == std::string_view::npos) return fail(line, column, "text block \"\"\" is not closed");
    std::string body(text_.substr(pos_, end - pos_));
    for (std::size_t i = pos_; i < end; ++i)
        if (text_[i] == '\n') ++line_, lineStart_ = i + 1;
    pos_ = end + 3;
    // The text starts after the line break that follows the opening quotes.
    if (body.starts_with("\n")) body.erase(0, 1);
    token.text = std::move(body);
    token.quoted = true;
    return true;
}

bool Lexer::lexQuoted(Token& token) {
    const int line = line_;
    const int column = static_cast<int>(pos_ - lineStart_) + 1;
    ++pos_;
    std::string out;
    while (true) {
        if (pos_ >= text_.size() || text_[pos_] == '\n')
            return fail(line, column, "the string starting here is not closed with \"");
        const char c = text_[pos_];
        if (c == '"') {
            ++pos_;
            break;
        }
        if (c == '\\' && pos_ + 1 < text_.size()) {
            const char n = text_[pos_ + 1];
            if (n == '"' || n == '\\') {
                out += n;
                pos_ += 2;
                continue;
            }
            if (n == 'n') {
                out += '\n';
                pos_ += 2;
                continue;
            }
            if (n == '\n' || (n == '\r' && pos_ + 2 < text_.size() && text_[pos_ + 2] == '\n')) {
                // a line continuation inside a string: the next line's indentation is dropped
                pos_ += n == '\n' ? 2 : 3;
                ++line_;
                lineStart_ = pos_;
                skipSpaces();
                continue;
            }
        }
        out += c;
        ++pos_;
    }
    token.text = std::move(out);
    token.quoted = true;
    return true;
}

bool Lexer::next(Statement& out) {
    out = Statement{};
    if (error_) return false;
    while (pos_ < text_.size()) {
        skipSpaces();
        if (pos_ >= text_.size()) break;
        const char c = text_[pos_];
        const int column = static_cast<int>(pos_ - lineStart_) + 1;
        if (c == '\n') {
            ++pos_;
            ++line_;
            lineStart_ = pos_;
            if (!out.tokens.empty()) return true;
            continue;
        }
        if (atLineStart() && out.tokens.empty()) {
            if (c == '#' || text_.substr(pos_, 2) == "//") {
                while (pos_ < text_.size() && text_[pos_] != '\n')
                    ++pos_;
                continue;
            }
            if (text_.substr(pos_, 2) == "/*") {
                const std::size_t end = text_.find("*/", pos_ + 2);
                if (end == std::string_view::npos)
                    return fail(line_, column, "comment /* is not closed with */");
                for (std::size_t i = pos_; i < end; ++i)
                    if (text_[i] == '\n') ++line_, lineStart_ = i + 1;
                pos_ = end + 2;
                continue;
            }
        }
        if (c == '\\') { // line continuation: a backslash before the end of the line
            std::size_t after = pos_ + 1;
            while (after < text_.size() &&
                   (text_[after] == ' ' || text_[after] == '\t' || text_[after] == '\r'))
                ++after;
            if (after >= text_.size() || text_[after] == '\n') {
                pos_ = after < text_.size() ? after + 1 : after;
                ++line_;
                lineStart_ = pos_;
                continue;
            }
        }
        if (!out.tokens.empty() && text_.substr(pos_, 2) == "//" &&
            (text_[pos_ - 1] == ' ' || text_[pos_ - 1] == '\t')) {
            // a trailing comment after whitespace ("component "C" // why"); '#' is not one, as
            // colours (#08427b) are words, and neither is "//" inside a URL (no space before)
            while (pos_ < text_.size() && text_[pos_] != '\n')
                ++pos_;
            continue;
        }
        Token token;
        token.line = line_;
        token.column = column;
        if (text_.substr(pos_, 3) == "\"\"\"") {
            if (!lexTextBlock(token)) return false;
        } else if (c == '"') {
            if (!lexQuoted(token)) return false;
        } else if (c == '{' || c == '}') {
            token.text = std::string(1, c);
            ++pos_;
        } else {
            const std::size_t start = pos_;
            while (
                pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\t' &&
                text_[pos_] != '\n' && text_[pos_] != '\r' &&
                !(text_[pos_] == '{' && pos_ + 1 < text_.size() &&
                  (text_[pos_ + 1] == '\n' || text_[pos_ + 1] == ' ' || text_[pos_ + 1] == '\r')) &&
                !(text_[pos_] == '{' && pos_ + 1 == text_.size()))
                ++pos_;
            token.text = std::string(text_.substr(start, pos_ - start));
        }
        if (out.tokens.empty()) {
            out.line = token.line;
            out.column = token.column;
        }
        out.tokens.push_back(std::move(token));
    }
    return !out.tokens.empty();
}

bool Lexer::skipRawBlock(int line, int column) {
    int depth = 1;
    bool inString = false;
    for (; pos_ < text_.size(); ++pos_) {
        const char c = text_[pos_];
        if (c == '\n') {
            ++line_;
            lineStart_ = pos_ + 1;
            inString = false;
        } else if (c == '"') {
            inString = !inString;
        } else if (!inString && c == '{') {
            ++depth;
        } else if (!inString && c == '}' && --depth == 0) {
            ++pos_;
            return true;
        }
    }
    return fail(line, column, "this block is not closed with }");
}

} // namespace plumb::interop::structurizr

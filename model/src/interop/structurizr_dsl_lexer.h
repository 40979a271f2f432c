#pragma once
// The Structurizr DSL's tokens. The language is line-oriented: a statement is one line (a
// trailing backslash continues it), made of bare words and "quoted strings" (with backslash
// escapes for quotes and backslashes, and """text blocks""" over several lines); `{` opens a
// block and `}` on its own line closes it. Comments are lines starting with // or #, and /* */.

#include "plumbline/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plumb::interop::structurizr {

struct Token {
    std::string text;
    int line = 0;
    int column = 0;
    bool quoted = false;

    bool is(std::string_view word) const { return !quoted && text == word; }
};

// One statement: the tokens of one logical line.
struct Statement {
    std::vector<Token> tokens;
    int line = 0;
    int column = 0;

    bool opensBlock() const { return !tokens.empty() && tokens.back().is("{"); }
};

class Lexer {
public:
    Lexer(std::string_view text, std::string file);

    // The next statement into `out`; false at the end of the text or on an error (then
    // error() is set).
    bool next(Statement& out);
    // After a statement that opened a block: skips raw lines until the block's closing brace,
    // without tokenising them (script bodies are not DSL). False on a missing brace.
    bool skipRawBlock(int line, int column);

    const std::optional<InputError>& error() const { return error_; }
    const std::string& file() const { return file_; }

private:
    bool fail(int line, int column, std::string message);
    bool atLineStart() const;
    void skipSpaces();
    bool lexQuoted(Token& token);
    bool lexTextBlock(Token& token);

    std::string_view text_;
    std::string file_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::optional<InputError> error_;
};

// The position of the first byte that is not valid UTF-8, or npos.
std::size_t invalidUtf8At(std::string_view text);

} // namespace plumb::interop::structurizr

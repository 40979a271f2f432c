#include "plumbline/json_parse.h"

#include <fstream>
#include <sstream>

namespace plumb {

std::optional<InputError> checkJsonShape(std::string_view text, const std::string& fileName,
                                         int maxDepth, std::size_t maxBytes) {
    if (text.size() > maxBytes)
        return InputError{fileName, "",
                          "the file is " + std::to_string(text.size() >> 20) +
                              " MB; Plumbline reads models of at most " + std::to_string(maxBytes >> 20) + " MB",
                          {}, {}};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return InputError{fileName, "", "the file is empty; expected a JSON object", {}, {}};
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth) {
                auto [line, column] = lineAndColumn(text, i);
                return InputError{fileName, "",
                                  "nesting deeper than " + std::to_string(maxDepth) +
                                      " levels; a Plumbline model never needs that many",
                                  line, column};
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return std::nullopt;
}

namespace {

// Builds the DOM through nlohmann's own SAX DOM builder while tracking the JSON Pointer of the
// value being read, so that even a parse-level error (a number out of range, a syntax error)
// can name the path of the value it happened in.
class PathTrackingSax {
public:
    using Dom = nlohmann::detail::json_sax_dom_parser<Json>;
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    explicit PathTrackingSax(Json& out) : dom_(out, false) {}

    bool null() { return done(dom_.null()); }
    bool boolean(bool v) { return done(dom_.boolean(v)); }
    bool number_integer(number_integer_t v) { return done(dom_.number_integer(v)); }
    bool number_unsigned(number_unsigned_t v) { return done(dom_.number_unsigned(v)); }
    bool number_float(number_float_t v, const string_t& s) { return done(dom_.number_float(v, s)); }
    bool string(string_t& v) { return done(dom_.string(v)); }
    bool binary(binary_t& v) { return done(dom_.binary(v)); }
    bool start_object(std::size_t n) {
        stack_.push_back({false, 0, {}});
        return dom_.start_object(n);
    }
    bool key(string_t& k) {
        stack_.back().key = k;
        return dom_.key(k);
    }
    bool end_object() {
        stack_.pop_back();
        return done(dom_.end_object());
    }
    bool start_array(std::size_t n) {
        stack_.push_back({true, 0, {}});
        return dom_.start_array(n);
    }
    bool end_array() {
        stack_.pop_back();
        return done(dom_.end_array());
    }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) {
        errorPath = currentPath();
        errorPosition = position;
        errorToken = token;
        errorId = e.id;
        errorWhat = e.what();
        return false;
    }

    std::string errorPath, errorToken, errorWhat;
    std::size_t errorPosition = 0;
    int errorId = 0;

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
    };
    bool done(bool ok) {
        if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
        return ok;
    }
    std::string currentPath() const {
        std::string path;
        for (const auto& f : stack_) {
            path += '/';
            path += f.array ? std::to_string(f.index) : escapePointerToken(f.key);
        }
        return path;
    }

    Dom dom_;
    std::vector<Frame> stack_;
};

} // namespace

std::optional<InputError> parseJson(std::string_view text, const std::string& fileName, Json& out) {
    PathTrackingSax sax(out);
    if (Json::sax_parse(text.begin(), text.end(), &sax)) return std::nullopt;
    const std::size_t offset = sax.errorPosition > 0 ? sax.errorPosition - 1 : 0;
    auto [line, column] = lineAndColumn(text, offset);
    out = Json();
    if (sax.errorId == 406) // nlohmann's "number overflow": e.g. 1e400
        return InputError{fileName, sax.errorPath,
                          "expected a finite number, got " + sax.errorToken + " (out of range)", line, column};
    // nlohmann's text reads "[json.exception.parse_error.101] parse error at line 1,
    // column 5: syntax error while parsing ..."; keep the part after the position.
    std::string what = sax.errorWhat;
    if (auto pos = what.find(": "); pos != std::string::npos) what = what.substr(pos + 2);
    return InputError{fileName, sax.errorPath, "not valid JSON: " + what, line, column};
}

std::optional<InputError> parseJsonSafely(std::string_view text, const std::string& fileName,
                                          Json& out, int maxDepth, std::size_t maxBytes) {
    if (auto err = checkJsonShape(text, fileName, maxDepth, maxBytes)) return err;
    return parseJson(text, fileName, out);
}

std::optional<InputError> readFileBytes(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return InputError{path, "", "cannot open the file for reading", {}, {}};
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return InputError{path, "", "reading the file failed", {}, {}};
    out = std::move(buffer).str();
    return std::nullopt;
}

} // namespace plumb

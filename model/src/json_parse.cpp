#include "plumbline/json_parse.h"

#include "json_dom_builder.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace plumb {

std::optional<InputError> checkJsonShape(std::string_view text, const std::string& fileName,
                                         int maxDepth, std::size_t maxBytes) {
    if (text.size() > maxBytes)
        return InputError{fileName,
                          "",
                          "the file is " + std::to_string(text.size() >> 20) +
                              " MB; Plumbline reads models of at most " +
                              std::to_string(maxBytes >> 20) + " MB",
                          {},
                          {}};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return InputError{fileName, "", "the file is empty; expected a JSON object", {}, {}};
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
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

std::optional<InputError> parseJson(std::string_view text, const std::string& fileName, Json& out) {
    detail::DomBuildingSax sax(out);
    if (Json::sax_parse(text.begin(), text.end(), &sax)) return std::nullopt;
    const std::size_t offset = sax.errorPosition > 0 ? sax.errorPosition - 1 : 0;
    auto [line, column] = lineAndColumn(text, offset);
    out = Json();
    if (sax.errorId == 406) // nlohmann's "number overflow": e.g. 1e400
        return InputError{fileName, sax.errorPath,
                          "expected a finite number, got " + sax.errorToken + " (out of range)",
                          line, column};
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
    // A regular file is read into a string of its size: through a string stream, a 9 MB model
    // took a 16 MB buffer and a copy (#16). Pipes, devices and the like are streamed.
    std::error_code error;
    const auto size = std::filesystem::is_regular_file(path, error)
                          ? std::filesystem::file_size(path, error)
                          : std::uintmax_t{0};
    if (!error && size > 0) {
        out.resize(static_cast<std::size_t>(size));
        in.read(out.data(), static_cast<std::streamsize>(size));
        out.resize(static_cast<std::size_t>(in.gcount()));
        if (in.bad()) return InputError{path, "", "reading the file failed", {}, {}};
        if (in) // all of it was read, and it may have grown since: the rest follows
            out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return InputError{path, "", "reading the file failed", {}, {}};
    out = std::move(buffer).str();
    return std::nullopt;
}

} // namespace plumb

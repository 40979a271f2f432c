#include "interop/drawio_decode.h"

#include <zlib.h>

namespace plumb::interop::drawio {
namespace {

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> base64Decode(std::string_view text, std::string& error) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    bool padding = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        const int v = base64Value(c);
        if (v < 0 || padding) {
            error = "not valid base64: unexpected character at offset " + std::to_string(i);
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<unsigned>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    if (bits >= 6) {
        error = "not valid base64: its length is wrong (truncated?)";
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> inflateRaw(std::string_view data, std::size_t maxBytes,
                                      std::string& error) {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
        error = "cannot start inflating";
        return std::nullopt;
    }
    std::string out;
    char buffer[1 << 16];
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            error = status == Z_BUF_ERROR
                        ? "the compressed data is truncated"
                        : "not valid deflate data (" +
                              std::string(stream.msg ? stream.msg : "corrupt") + ")";
            return std::nullopt;
        }
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > maxBytes) {
            inflateEnd(&stream);
            error = "the page inflates to more than " + std::to_string(maxBytes >> 20) +
                    " MB; refused (a compression bomb?)";
            return std::nullopt;
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            error = "the compressed data is truncated";
            return std::nullopt;
        }
    }
    inflateEnd(&stream);
    return out;
}

std::optional<std::string> urlDecode(std::string_view text, std::string& error) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        const int hi = i + 1 < text.size() ? hexValue(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hexValue(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
            error = "bad URL encoding at offset " + std::to_string(i);
            return std::nullopt;
        }
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

Decoded decodeCompressedPage(std::string_view text, std::size_t maxInflated) {
    Decoded result;
    std::string error;
    auto bytes = base64Decode(text, error);
    if (!bytes) return {{}, error};
    auto inflated = inflateRaw(*bytes, maxInflated, error);
    if (!inflated) return {{}, error};
    // Current draw.io URL-encodes before deflating; very old files did not.
    std::size_t first = inflated->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (*inflated)[first] == '<') {
        result.xml = std::move(*inflated);
        return result;
    }
    auto decoded = urlDecode(*inflated, error);
    if (!decoded) return {{}, error};
    result.xml = std::move(*decoded);
    return result;
}

} // namespace plumb::interop::drawio

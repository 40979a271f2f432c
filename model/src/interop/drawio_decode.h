#pragma once
// draw.io's compressed pages: the text of <diagram> is base64 of raw deflate (no zlib header) of
// the URL-encoded (encodeURIComponent) mxGraphModel XML.

#include <optional>
#include <string>
#include <string_view>

namespace plumb::interop::drawio {

// Inflated data larger than this is refused (a few KB of deflate can inflate to gigabytes).
inline constexpr std::size_t kMaxInflatedBytes = std::size_t{64} << 20;

struct Decoded {
    std::string xml;
    std::optional<std::string> error; // set when the page cannot be decoded
};

Decoded decodeCompressedPage(std::string_view text, std::size_t maxInflated = kMaxInflatedBytes);

// Pieces, exposed for tests.
std::optional<std::string> base64Decode(std::string_view text, std::string& error);
std::optional<std::string> inflateRaw(std::string_view data, std::size_t maxBytes,
                                      std::string& error);
std::optional<std::string> urlDecode(std::string_view text, std::string& error);

} // namespace plumb::interop::drawio

#include "plumbline/vocabulary.h"

#include "plumbline/element_kinds.h"

#include <array>

namespace plumb {
namespace {
using namespace std::string_view_literals;
// The kinds' spellings come from their traits table (element_kinds.h).
constexpr auto kKinds = [] {
    std::array<std::string_view, kKindCount> out{};
    for (std::size_t i = 0; i < kKindCount; ++i)
        out[i] = kKindTraits[i].spelling;
    return out;
}();
// "#rrggbb" of each kind's accent, for the writers of SVG, HTML and PDF.
constexpr auto kKindHex = [] {
    std::array<std::array<char, 8>, kKindCount> out{};
    constexpr char digits[] = "0123456789abcdef";
    for (std::size_t i = 0; i < kKindCount; ++i) {
        out[i][0] = '#';
        for (std::size_t d = 0; d < 6; ++d)
            out[i][1 + d] = digits[(kKindTraits[i].colours.accent >> (20 - 4 * d)) & 0xF];
    }
    return out;
}();
constexpr std::array kStructures{"relational"sv,  "document"sv,    "key-value"sv,
                                 "graph"sv,       "time-series"sv, "vector"sv,
                                 "wide-column"sv, "search"sv,      "blob"sv};
constexpr std::array kConsistencies{"strong"sv, "eventual"sv};
constexpr std::array kDurabilities{"critical"sv, "normal"sv, "ephemeral"sv};
constexpr std::array kQueries{"key"sv,       "range"sv,  "join"sv,      "relationship"sv,
                              "full-text"sv, "vector"sv, "aggregate"sv, "time-window"sv};
constexpr std::array kHostings{"server"sv, "managed"sv, "serverless"sv,        "edge"sv,
                               "mobile"sv, "browser"sv, "network-filesystem"sv};
constexpr std::array kCachePolicies{"read-aside"sv, "write-through"sv, "write-behind"sv};
constexpr std::array kFlowStyles{"sync"sv, "async"sv, "replication"sv, "cdc"sv, "batch"sv};
constexpr std::array kSeverities{"off"sv, "info"sv, "warning"sv, "error"sv};
} // namespace

template <> std::span<const std::string_view> spellings<ElementKind>() {
    return kKinds;
}
template <> std::span<const std::string_view> spellings<Structure>() {
    return kStructures;
}
template <> std::span<const std::string_view> spellings<Consistency>() {
    return kConsistencies;
}
template <> std::span<const std::string_view> spellings<Durability>() {
    return kDurabilities;
}
template <> std::span<const std::string_view> spellings<QueryKind>() {
    return kQueries;
}
template <> std::span<const std::string_view> spellings<Hosting>() {
    return kHostings;
}
template <> std::span<const std::string_view> spellings<CachePolicy>() {
    return kCachePolicies;
}
template <> std::span<const std::string_view> spellings<FlowStyle>() {
    return kFlowStyles;
}
template <> std::span<const std::string_view> spellings<Severity>() {
    return kSeverities;
}

bool holdsData(ElementKind kind) {
    return traits(kind).holdsData;
}

std::string_view kindColourHex(ElementKind kind) {
    return {kKindHex[static_cast<std::size_t>(kind)].data(), 7};
}

} // namespace plumb

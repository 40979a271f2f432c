#include "plumbline/vocabulary.h"

#include <array>

namespace plumb {
namespace {
using namespace std::string_view_literals;
constexpr std::array kKinds{"actor"sv,  "service"sv, "function"sv, "store"sv,   "cache"sv,
                            "stream"sv, "queue"sv,   "pooler"sv,   "external"sv};
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
    return kind == ElementKind::Store || kind == ElementKind::Cache ||
           kind == ElementKind::Stream || kind == ElementKind::Queue;
}

} // namespace plumb

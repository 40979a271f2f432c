#pragma once
// The closed vocabularies of the model format, with their JSON spellings.

#include <optional>
#include <span>
#include <string_view>

namespace plumb {

// Each kind has one row of traits in element_kinds.h (keep External last: the table checks it).
enum class ElementKind { Actor, Service, Function, Store, Cache, Stream, Queue, Pooler, External };
enum class Structure {
    Relational,
    Document,
    KeyValue,
    Graph,
    TimeSeries,
    Vector,
    WideColumn,
    Search,
    Blob
};
enum class Consistency { Strong, Eventual };
enum class Durability { Critical, Normal, Ephemeral };
enum class QueryKind { Key, Range, Join, Relationship, FullText, Vector, Aggregate, TimeWindow };
enum class Hosting { Server, Managed, Serverless, Edge, Mobile, Browser, NetworkFilesystem };
enum class CachePolicy { ReadAside, WriteThrough, WriteBehind };
enum class FlowStyle { Sync, Async, Replication, Cdc, Batch };
enum class Severity { Off, Info, Warning, Error };

// Each vocabulary: the spellings in enum order, and look-ups both ways.
template <typename E> std::span<const std::string_view> spellings();
// Named `spelling`, not toString, so that QTest's toString() stays usable for these enums.
template <typename E> std::string_view spelling(E value) {
    return spellings<E>()[static_cast<std::size_t>(value)];
}
template <typename E> std::optional<E> fromString(std::string_view text) {
    const auto names = spellings<E>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return static_cast<E>(i);
    return std::nullopt;
}

template <> std::span<const std::string_view> spellings<ElementKind>();
template <> std::span<const std::string_view> spellings<Structure>();
template <> std::span<const std::string_view> spellings<Consistency>();
template <> std::span<const std::string_view> spellings<Durability>();
template <> std::span<const std::string_view> spellings<QueryKind>();
template <> std::span<const std::string_view> spellings<Hosting>();
template <> std::span<const std::string_view> spellings<CachePolicy>();
template <> std::span<const std::string_view> spellings<FlowStyle>();
template <> std::span<const std::string_view> spellings<Severity>();

// True for kinds that hold data and so carry a workload profile: store, cache, stream, queue
// (traits(kind).holdsData in element_kinds.h).
bool holdsData(ElementKind kind);

} // namespace plumb

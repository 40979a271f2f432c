#pragma once
// Facts: the named values the load analysis derives for one element (or the whole model) and
// the rule conditions read. A fact that was not estimated is absent ("unknown"), never 0.
//
// Every fact the analysis derives is in the catalogue below and has a small integer id
// (FactId), so that a store of facts is a flat table instead of a tree of string keys: the
// analysis builds one store per element and the checker reads each many times, which with
// string keys cost most of the time on large models. The string API (find/number/set by name)
// keeps working; names outside the catalogue (tests, ad-hoc callers) go to a side map.

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plumb {

using FactValue = std::variant<double, bool, std::string, std::vector<std::string>>;

// The catalogue of fact names rules may read, in id order.
inline constexpr std::array<std::string_view, 98> kFactNames{
    // the element itself
    "id", "name", "kind", "context", "technology", "technology.known", "technology.name",
    "technology.category", "technology.written", "technology.resolvedVia", "technology.candidates",
    "instances", "connectionsPerInstance", "tags", "storesWritten", "streamsWritten",
    // load from the flows into it (after --scale)
    "readsPerSecond", "writesPerSecond", "peakReadsPerSecond", "peakWritesPerSecond",
    "bytesInPerSecond", "writers", "readers", "connections", "pooled", "writerContexts",
    "readerContexts", "contexts", "consumers", "syncWritesPerSecond", "functionConnections",
    "actorSources", "instancesAssumed", "writerContextCount", "contextCount", "consumerGroups",
    "feedsCriticalStore", "readOffload", "readWriteRatio", "writesPerDatabase",
    "peakWritesPerDatabase",
    // its data profile
    "volumeGB", "growthGBPerMonth", "volumeAtHorizonGB", "horizonMonths", "recordKB", "maxRecordKB",
    "vectors", "vectorDimensions", "structure", "consistency", "durability", "queries", "hosting",
    "replicas", "shards", "tenants", "retentionDays", "cachePolicy", "ttlSeconds", "partitions",
    "replicationFactor", "keyed",
    // derived from the profile (design decisions default to "none", see analysis.h)
    "ttlDeclared", "shardCount", "replicaCount", "databases", "volumePerDatabaseGB",
    "volumeAtHorizonPerDatabaseGB",
    // the technology's capability envelope from the knowledge base, listed one by one so
    // that a typo such as "envelope.volumeGb.max" is refused instead of never firing
    "envelope.volumeGB.comfortable", "envelope.volumeGB.max",
    "envelope.writesPerSecond.comfortable", "envelope.writesPerSecond.max",
    "envelope.vectors.comfortable", "envelope.vectors.max", "envelope.vectorSearch",
    "envelope.maxRecordKB", "envelope.writerConcurrency", "envelope.transactions",
    "envelope.consistency", "envelope.durable", "envelope.queries", "envelope.scaling",
    "envelope.http", "envelope.structures", "envelope.hosting",
    // model-wide facts for model-scoped rules
    "model.storeCount", "model.elementCount", "model.flowCount", "model.contextCount",
    "model.dataEngines", "model.dataEngineCount", "model.totalVolumeGB",
    "model.totalWritesPerSecond", "model.scale", "model.horizonMonths"};

using FactId = std::uint16_t;
inline constexpr std::size_t kFactCount = kFactNames.size();
inline constexpr FactId kNoFact = 0xFFFF; // a name outside the catalogue

// The id of a catalogue name at compile time: factIdOf("volumeGB"). A typo does not compile.
consteval FactId factIdOf(std::string_view name) {
    for (std::size_t i = 0; i < kFactNames.size(); ++i)
        if (kFactNames[i] == name) return static_cast<FactId>(i);
    throw "not a fact in the catalogue (facts.h)";
}

// The id of a name at run time, kNoFact when it is not in the catalogue.
FactId factId(std::string_view name);

class Facts {
public:
    // By id (fast path).
    void set(FactId id, FactValue value);
    void setIf(FactId id, const std::optional<double>& v) {
        if (v) set(id, *v);
    }
    const FactValue* find(FactId id) const {
        if (id >= kFactCount) return nullptr;
        if (const std::uint8_t s = slot_[id]) return &values_[s - 1u];
        return base_ ? base_->find(id) : nullptr;
    }
    std::optional<double> number(FactId id) const { return numberOf(find(id)); }

    // By name (any name; catalogue names resolve to their id).
    void set(const std::string& name, FactValue value);
    void setIf(const std::string& name, const std::optional<double>& v) {
        if (v) set(name, *v);
    }
    const FactValue* find(std::string_view name) const;
    const FactValue* find(const std::string& name) const { return find(std::string_view(name)); }
    const FactValue* find(const char* name) const { return find(std::string_view(name)); }
    std::optional<double> number(std::string_view name) const { return numberOf(find(name)); }
    std::optional<double> number(const std::string& name) const { return numberOf(find(name)); }
    std::optional<double> number(const char* name) const { return numberOf(find(name)); }

    // Every fact by name (built on demand; for tools and tests, not hot paths).
    std::map<std::string, FactValue> all() const;

    // Facts shared by many stores (e.g. a technology's envelope): read through unless this
    // store sets the same fact itself. Saves copying them into every element's store.
    void setBase(std::shared_ptr<const Facts> base) { base_ = std::move(base); }
    void reserve(std::size_t n) { values_.reserve(n); }

    bool operator==(const Facts& other) const;

private:
    static std::optional<double> numberOf(const FactValue* v) {
        return v && std::holds_alternative<double>(*v) ? std::optional<double>(std::get<double>(*v))
                                                       : std::nullopt;
    }

    std::vector<FactValue> values_;               // own facts in the order they were first set
    std::array<std::uint8_t, kFactCount> slot_{}; // 0: not set here, else index + 1 in values_
    std::shared_ptr<const Facts> base_;
    std::map<std::string, FactValue, std::less<>> other_; // names outside the catalogue
};

// The catalogue of fact names rules may read, so that a rule pack naming a fact that does not
// exist is refused at load time instead of never firing.
bool isKnownFact(const std::string& name);
const std::vector<std::string>& knownFactNames();

} // namespace plumb

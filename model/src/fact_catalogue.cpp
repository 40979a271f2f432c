// Every fact the load analysis derives, by name. Rule conditions may only read these.
#include "plumbline/facts.h"

#include <algorithm>

namespace plumb {

const std::vector<std::string>& knownFactNames() {
    static const std::vector<std::string> names{
        // the element itself
        "id", "name", "kind", "context", "technology", "technology.known", "technology.name",
        "technology.category", "instances", "connectionsPerInstance",
        // load from the flows into it (after --scale)
        "readsPerSecond", "writesPerSecond", "peakReadsPerSecond", "peakWritesPerSecond",
        "bytesInPerSecond", "writers", "readers", "connections", "pooled", "writerContexts",
        "readerContexts", "contexts", "consumers", "syncWritesPerSecond", "functionConnections",
        "actorSources", "instancesAssumed", "writerContextCount", "contextCount", "consumerGroups",
        "feedsCriticalStore", "readOffload", "readWriteRatio", "writesPerDatabase",
        "peakWritesPerDatabase",
        // its data profile
        "volumeGB", "growthGBPerMonth", "volumeAtHorizonGB", "horizonMonths", "recordKB",
        "maxRecordKB", "vectors", "vectorDimensions", "structure", "consistency", "durability",
        "queries", "hosting", "replicas", "shards", "tenants", "retentionDays", "cachePolicy",
        "ttlSeconds", "partitions", "replicationFactor", "keyed",
        // derived from the profile (design decisions default to "none", see analysis.h)
        "ttlDeclared", "shardCount", "replicaCount", "databases", "volumePerDatabaseGB",
        "volumeAtHorizonPerDatabaseGB",
        // the technology's capability envelope from the knowledge base
        "envelope.*",
        // model-wide facts for model-scoped rules
        "model.*"};
    return names;
}

bool isKnownFact(const std::string& name) {
    for (const auto& known : knownFactNames()) {
        if (known == name) return true;
        if (known.size() > 2 && known.ends_with(".*") &&
            name.starts_with(std::string_view(known).substr(0, known.size() - 1)))
            return true;
    }
    return false;
}

} // namespace plumb

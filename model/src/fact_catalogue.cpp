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
    return names;
}

bool isKnownFact(const std::string& name) {
    const auto& names = knownFactNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace plumb

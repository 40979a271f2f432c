// The facts of one element: its own attributes, its technology's envelope, and the load of the
// flows into it. See analysis.h for how each number is derived.
#include "plumbline/analysis.h"

#include <algorithm>
#include <cmath>

namespace plumb {
namespace {

using Strings = std::vector<std::string>;

template <typename E> Strings spelled(const std::vector<E>& values) {
    Strings out;
    for (E v : values)
        out.emplace_back(spelling(v));
    return out;
}

void setBand(Facts& f, const std::string& name, const Band& band) {
    f.setIf("envelope." + name + ".comfortable", band.comfortable);
    f.setIf("envelope." + name + ".max", band.max);
}

void setEnvelope(Facts& f, const Technology& t) {
    const Envelope& e = t.envelope;
    setBand(f, "volumeGB", e.volumeGB);
    setBand(f, "writesPerSecond", e.writesPerSecond);
    f.set("envelope.vectorSearch", e.vectors.has_value());
    if (e.vectors) setBand(f, "vectors", *e.vectors);
    f.setIf("envelope.maxRecordKB", e.maxRecordKB);
    if (!e.writerConcurrency.empty()) f.set("envelope.writerConcurrency", e.writerConcurrency);
    if (!e.transactions.empty()) f.set("envelope.transactions", e.transactions);
    f.set("envelope.consistency", e.consistency);
    f.set("envelope.durable", e.durable);
    f.set("envelope.queries", e.queries);
    f.set("envelope.scaling", e.scaling);
    f.set("envelope.http", e.http);
    f.set("envelope.structures", t.structures);
    f.set("envelope.hosting", t.hosting);
}

bool isProcess(ElementKind k) {
    return k == ElementKind::Service || k == ElementKind::Function || k == ElementKind::Pooler;
}

struct Sources {
    Number reads, writes, peakReads, peakWrites, bytesIn, syncWrites;
    double writers = 0, readers = 0, connections = 0, functionConnections = 0, actorSources = 0;
    bool anyConnecting = false, pooled = false, instancesAssumed = false;
    std::set<std::string> writerContexts, readerContexts, contexts;
};

void add(Number& sum, double v) {
    sum = sum.value_or(0.0) + v;
}

} // namespace

Facts Analysis::computeElement(const Element& e) const {
    // Start from the technology's envelope facts, built once per technology: copying a ready
    // tree is much cheaper than inserting twenty named facts for every element.
    const Technology* tech = nullptr;
    if (e.technology && !e.technology->empty()) tech = knowledge_.technology(*e.technology);
    Facts f;
    if (tech) {
        auto cached = envelopeFacts_.find(tech->id);
        if (cached == envelopeFacts_.end()) {
            Facts envelope;
            envelope.set("technology.name", tech->name);
            envelope.set("technology.category", tech->category);
            setEnvelope(envelope, *tech);
            cached = envelopeFacts_.emplace(tech->id, std::move(envelope)).first;
        }
        f = cached->second;
    }
    const double scale = options_.scale;
    f.set("id", e.id);
    f.set("name", e.displayName());
    f.set("kind", std::string(spelling(e.kind)));
    if (e.context) f.set("context", *e.context);
    if (e.technology && !e.technology->empty()) {
        f.set("technology", *e.technology);
        f.set("technology.known", tech != nullptr);
    }
    f.setIf("instances", e.instances);
    f.setIf("connectionsPerInstance", e.connectionsPerInstance);
    if (!holdsData(e.kind)) return f;

    // --- the data profile, scaled ---
    const DataProfile data = e.data.value_or(DataProfile{});
    auto scaled = [&](const Number& n) { return n ? Number(*n * scale) : std::nullopt; };
    const Number volume = scaled(data.volumeGB);
    const Number growth = scaled(data.growthGBPerMonth);
    f.setIf("volumeGB", volume);
    f.setIf("growthGBPerMonth", growth);
    f.set("horizonMonths", options_.horizonMonths);
    Number atHorizon;
    if (volume && options_.horizonMonths == 0)
        atHorizon = volume;
    else if (volume && growth)
        atHorizon = *volume + *growth * options_.horizonMonths;
    f.setIf("volumeAtHorizonGB", atHorizon);
    f.setIf("recordKB", data.recordKB);
    f.setIf("maxRecordKB", data.maxRecordKB);
    f.setIf("vectors", scaled(data.vectors));
    f.setIf("vectorDimensions", data.vectorDimensions);
    if (data.structure) f.set("structure", std::string(spelling(*data.structure)));
    if (data.consistency) f.set("consistency", std::string(spelling(*data.consistency)));
    if (data.durability) f.set("durability", std::string(spelling(*data.durability)));
    if (data.queries) f.set("queries", spelled(*data.queries));
    if (data.hosting) f.set("hosting", std::string(spelling(*data.hosting)));
    f.setIf("replicas", data.replicas);
    f.setIf("shards", data.shards);
    f.setIf("tenants", data.tenants);
    f.setIf("retentionDays", e.retentionDays ? e.retentionDays : data.retentionDays);
    if (auto policy = e.effectiveCachePolicy())
        f.set("cachePolicy", std::string(spelling(*policy)));
    const Number ttl = e.ttlSeconds ? e.ttlSeconds : data.ttlSeconds;
    f.setIf("ttlSeconds", ttl);
    f.set("ttlDeclared", ttl.has_value() && *ttl > 0);
    f.setIf("partitions", e.partitions);
    f.setIf("replicationFactor", e.replicationFactor);
    if (e.keyed) f.set("keyed", *e.keyed);
    const double shardCount = data.shards && *data.shards >= 1 ? *data.shards : 1.0;
    const double replicaCount = data.replicas.value_or(0.0);
    f.set("shardCount", shardCount);
    f.set("replicaCount", replicaCount);

    // --- load from the flows into it ---
    Sources s;
    std::set<std::string> writerIds, readerIds, connectingIds;
    auto inIt = in_.find(e.id);
    if (inIt != in_.end()) {
        for (const auto& flowId : inIt->second) {
            const Flow& flow = flows_.at(flowId);
            auto srcIt = elements_.find(flow.from);
            if (srcIt == elements_.end()) continue;
            const Element& src = srcIt->second;
            const double peak = flow.peakFactor.value_or(1.0);
            const bool sync = !flow.style || *flow.style == FlowStyle::Sync;
            if (flow.readsPerSecond) {
                const double r = *flow.readsPerSecond * scale;
                add(s.reads, r);
                add(s.peakReads, r * peak);
                if (r > 0) readerIds.insert(src.id);
            }
            if (flow.writesPerSecond) {
                const double w = *flow.writesPerSecond * scale;
                add(s.writes, w);
                add(s.peakWrites, w * peak);
                add(s.syncWrites, sync ? w : 0.0);
                if (flow.payloadKB) add(s.bytesIn, w * *flow.payloadKB * 1024.0);
                if (w > 0) writerIds.insert(src.id);
            }
            connectingIds.insert(src.id);
        }
    }
    auto instancesOf = [&](const Element& src) {
        if (!isProcess(src.kind)) return 1.0;
        if (!src.instances) s.instancesAssumed = true;
        return src.instances.value_or(1.0);
    };
    auto contextOf = [&](const Element& src) -> const std::string* {
        const bool counts = isProcess(src.kind) && src.context && !src.context->empty();
        return counts ? &*src.context : nullptr;
    };
    for (const auto& id : writerIds) {
        const Element& src = elements_.at(id);
        s.writers += instancesOf(src);
        if (auto* c = contextOf(src)) s.writerContexts.insert(*c);
    }
    for (const auto& id : readerIds) {
        const Element& src = elements_.at(id);
        s.readers += instancesOf(src);
        if (auto* c = contextOf(src)) s.readerContexts.insert(*c);
    }
    for (const auto& id : connectingIds) {
        const Element& src = elements_.at(id);
        if (auto* c = contextOf(src)) s.contexts.insert(*c);
        if (src.kind == ElementKind::Actor) s.actorSources += 1;
        if (src.kind == ElementKind::Pooler) s.pooled = true;
        if (!isProcess(src.kind)) continue;
        const double conns = instancesOf(src) * src.connectionsPerInstance.value_or(1.0);
        s.anyConnecting = true;
        s.connections += conns;
        if (src.kind == ElementKind::Function) s.functionConnections += conns;
    }
    if (e.context && !e.context->empty()) s.contexts.insert(*e.context);

    // How many separate databases share the load: shards; for single-writer engines one per
    // tenant; and for an embedded engine (no HTTP) on a device or edge node, one per instance
    // of the elements using it (each phone or gateway has its own file).
    double databases = shardCount;
    if (tech && tech->envelope.writerConcurrency == "single-writer") {
        if (data.tenants && *data.tenants > databases) databases = *data.tenants;
        const bool onDevice = data.hosting == Hosting::Mobile || data.hosting == Hosting::Browser ||
                              data.hosting == Hosting::Edge;
        if (onDevice && !tech->envelope.http)
            databases = std::max({databases, s.writers, s.readers});
    }
    f.set("databases", databases);
    if (volume) f.set("volumePerDatabaseGB", *volume / databases);
    if (atHorizon) f.set("volumeAtHorizonPerDatabaseGB", *atHorizon / databases);
    f.setIf("readsPerSecond", s.reads);
    f.setIf("writesPerSecond", s.writes);
    f.setIf("peakReadsPerSecond", s.peakReads);
    f.setIf("peakWritesPerSecond", s.peakWrites);
    f.setIf("bytesInPerSecond", s.bytesIn);
    f.setIf("syncWritesPerSecond", s.syncWrites);
    if (s.writes) {
        f.set("writers", s.writers);
        f.set("writesPerDatabase", *s.writes / databases);
        f.set("peakWritesPerDatabase", *s.peakWrites / databases);
    }
    if (s.reads) f.set("readers", s.readers);
    if (s.reads && s.writes && *s.writes > 0) f.set("readWriteRatio", *s.reads / *s.writes);
    if (s.anyConnecting) f.set("connections", s.connections);
    f.set("functionConnections", s.functionConnections);
    f.set("actorSources", s.actorSources);
    f.set("pooled", s.pooled);
    f.set("instancesAssumed", s.instancesAssumed);
    f.set("writerContexts", Strings(s.writerContexts.begin(), s.writerContexts.end()));
    f.set("readerContexts", Strings(s.readerContexts.begin(), s.readerContexts.end()));
    f.set("writerContextCount", static_cast<double>(s.writerContexts.size()));
    f.set("contexts", Strings(s.contexts.begin(), s.contexts.end()));
    f.set("contextCount", static_cast<double>(s.contexts.size()));

    // --- what it feeds and who consumes it (flows out of it) ---
    std::set<std::string> consumerIds = readerIds;
    bool feedsCritical = false, derivedCopies = false;
    auto outIt = out_.find(e.id);
    if (outIt != out_.end()) {
        for (const auto& flowId : outIt->second) {
            const Flow& flow = flows_.at(flowId);
            auto dst = elements_.find(flow.to);
            if (dst == elements_.end()) continue;
            consumerIds.insert(dst->second.id);
            const auto& d = dst->second.data;
            if (dst->second.kind == ElementKind::Store && d &&
                d->durability == Durability::Critical)
                feedsCritical = true;
            if (flow.style == FlowStyle::Cdc || flow.style == FlowStyle::Replication)
                derivedCopies = true;
        }
    }
    if (e.kind == ElementKind::Stream || e.kind == ElementKind::Queue) {
        double consumers = 0;
        for (const auto& id : consumerIds)
            consumers = std::max(consumers, instancesOf(elements_.at(id)));
        if (!consumerIds.empty()) {
            f.set("consumers", consumers);
            f.set("consumerGroups", static_cast<double>(consumerIds.size()));
        }
    }
    if (e.kind == ElementKind::Cache) f.set("feedsCriticalStore", feedsCritical);

    // Read offload: replicas, a copy fed by CDC/replication, or a reader that also uses a cache.
    bool cacheBeside = false;
    for (const auto& id : readerIds) {
        auto readerOut = out_.find(id);
        if (readerOut == out_.end()) continue;
        for (const auto& flowId : readerOut->second) {
            auto dst = elements_.find(flows_.at(flowId).to);
            if (dst != elements_.end() && dst->second.kind == ElementKind::Cache)
                cacheBeside = true;
        }
    }
    f.set("readOffload", replicaCount > 0 || derivedCopies || cacheBeside);
    return f;
}

Analysis::Contribution Analysis::contributionOf(const Element& e, const Facts& facts) const {
    Contribution c;
    if (e.context && !e.context->empty()) c.context = *e.context;
    if (!holdsData(e.kind)) return c;
    if (e.technology && !e.technology->empty()) c.engine = *e.technology;
    if (e.kind != ElementKind::Store) return c;
    c.store = true;
    auto micro = [](double v) { return std::llround(v * 1e6); };
    if (auto v = facts.number("volumeGB")) c.volumeMicro = micro(*v);
    if (auto w = facts.number("writesPerSecond")) c.writesMicro = micro(*w);
    return c;
}

void Analysis::apply(const Contribution& c, int sign) {
    auto count = [sign](std::map<std::string, int>& m, const std::string& key) {
        if (key.empty()) return;
        if ((m[key] += sign) == 0) m.erase(key);
    };
    count(totals_.engines, c.engine);
    count(totals_.contexts, c.context);
    if (!c.store) return;
    totals_.stores += sign;
    if (c.volumeMicro)
        totals_.volumeMicro += sign * *c.volumeMicro;
    else
        totals_.volumeUnknown += sign;
    if (c.writesMicro)
        totals_.writesMicro += sign * *c.writesMicro;
    else
        totals_.writesUnknown += sign;
}

void Analysis::recomputeModelFacts() {
    Facts m;
    Strings engines;
    for (const auto& [engine, n] : totals_.engines)
        engines.push_back(engine);
    m.set("model.elementCount", static_cast<double>(elements_.size()));
    m.set("model.flowCount", static_cast<double>(flows_.size()));
    m.set("model.storeCount", static_cast<double>(totals_.stores));
    m.set("model.dataEngineCount", static_cast<double>(engines.size()));
    m.set("model.dataEngines", std::move(engines));
    m.set("model.contextCount", static_cast<double>(totals_.contexts.size()));
    if (totals_.volumeUnknown == 0) m.set("model.totalVolumeGB", double(totals_.volumeMicro) / 1e6);
    if (totals_.writesUnknown == 0)
        m.set("model.totalWritesPerSecond", double(totals_.writesMicro) / 1e6);
    m.set("model.scale", options_.scale);
    m.set("model.horizonMonths", options_.horizonMonths);
    result_.model = std::move(m);
}

} // namespace plumb

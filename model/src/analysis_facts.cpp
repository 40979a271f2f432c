// The facts of one element: its own attributes, its technology's envelope, and the load of the
// flows into it. See analysis.h for how each number is derived.
#include "plumbline/analysis.h"
#include "plumbline/element_kinds.h"
#include "plumbline/technology_resolver.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace plumb {
namespace {

using Strings = std::vector<std::string>;

template <typename E> Strings spelled(const std::vector<E>& values) {
    Strings out;
    for (E v : values)
        out.emplace_back(spelling(v));
    return out;
}

void setBand(Facts& f, FactId comfortable, FactId max, const Band& band) {
    f.setIf(comfortable, band.comfortable);
    f.setIf(max, band.max);
}

void setEnvelope(Facts& f, const Technology& t) {
    const Envelope& e = t.envelope;
    setBand(f, factIdOf("envelope.volumeGB.comfortable"), factIdOf("envelope.volumeGB.max"),
            e.volumeGB);
    setBand(f, factIdOf("envelope.writesPerSecond.comfortable"),
            factIdOf("envelope.writesPerSecond.max"), e.writesPerSecond);
    f.set(factIdOf("envelope.vectorSearch"), e.vectors.has_value());
    if (e.vectors)
        setBand(f, factIdOf("envelope.vectors.comfortable"), factIdOf("envelope.vectors.max"),
                *e.vectors);
    f.setIf(factIdOf("envelope.maxRecordKB"), e.maxRecordKB);
    if (!e.writerConcurrency.empty())
        f.set(factIdOf("envelope.writerConcurrency"), e.writerConcurrency);
    if (!e.transactions.empty()) f.set(factIdOf("envelope.transactions"), e.transactions);
    f.set(factIdOf("envelope.consistency"), e.consistency);
    f.set(factIdOf("envelope.durable"), e.durable);
    f.set(factIdOf("envelope.queries"), e.queries);
    f.set(factIdOf("envelope.scaling"), e.scaling);
    f.set(factIdOf("envelope.http"), e.http);
    f.set(factIdOf("envelope.structures"), t.structures);
    f.set(factIdOf("envelope.hosting"), t.hosting);
}

// Runtime kinds (services, functions, poolers) have instances and open connections.
bool isProcess(ElementKind k) {
    return traits(k).runtime;
}

struct Sources {
    Number reads, writes, peakReads, peakWrites, bytesIn, syncWrites;
    double writers = 0, readers = 0, connections = 0, functionConnections = 0, actorSources = 0;
    bool anyConnecting = false, pooled = false, instancesAssumed = false;
    std::vector<std::string_view> writerContexts, readerContexts, contexts;
};

// The elements behind a set of flows, each once, in id order (sums then run in one order
// whatever the edit history; see analysis.h): the element and its node.
struct Endpoint {
    const Element* element;
    const void* node;
    bool operator==(const Endpoint& other) const { return element == other.element; }
};
using ElementSet = std::vector<Endpoint>;

void sortUnique(ElementSet& set) {
    std::sort(set.begin(), set.end(),
              [](const Endpoint& a, const Endpoint& b) { return a.element->id < b.element->id; });
    set.erase(std::unique(set.begin(), set.end()), set.end());
}

Strings sortedUnique(std::vector<std::string_view>& names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return Strings(names.begin(), names.end());
}

void add(Number& sum, double v) {
    sum = sum.value_or(0.0) + v;
}

} // namespace

const TechnologyResolution& Analysis::resolve(const std::string& written) const {
    auto it = resolutions_.find(written);
    if (it == resolutions_.end())
        it = resolutions_.emplace(written, resolveTechnology(knowledge_, written)).first;
    return it->second;
}

std::string Analysis::resolvedTechnologyId(const std::string& written) const {
    const TechnologyResolution& r = resolve(written);
    return r.technology ? r.technology->id : written;
}

Facts Analysis::computeElement(const Element& e, const Node& node) const {
    // The technology's envelope facts are built once per technology and shared by every
    // element using it (read through, not copied).
    const TechnologyResolution* resolution = nullptr;
    if (e.technology && !e.technology->empty()) resolution = &resolve(*e.technology);
    const Technology* tech = resolution ? resolution->technology : nullptr;
    Facts f;
    f.reserve(holdsData(e.kind) ? 64 : 12);
    if (tech) {
        auto cached = envelopeFacts_.find(tech->id);
        if (cached == envelopeFacts_.end()) {
            auto envelope = std::make_shared<Facts>();
            envelope->set(factIdOf("technology.name"), tech->name);
            envelope->set(factIdOf("technology.category"), tech->category);
            setEnvelope(*envelope, *tech);
            cached = envelopeFacts_.emplace(tech->id, std::move(envelope)).first;
        }
        f.setBase(cached->second);
    }
    const double scale = options_.scale;
    f.set(factIdOf("id"), e.id);
    f.set(factIdOf("name"), e.displayName());
    f.set(factIdOf("kind"), std::string(spelling(e.kind)));
    if (e.context) f.set(factIdOf("context"), *e.context);
    if (e.technology && !e.technology->empty()) {
        // `technology` is the knowledge base's id when the name resolves, else the text as
        // written; `technology.written` is always the text as written.
        f.set(factIdOf("technology"), tech ? tech->id : *e.technology);
        f.set(factIdOf("technology.written"), *e.technology);
        f.set(factIdOf("technology.known"), tech != nullptr);
        if (tech && *e.technology != tech->id)
            f.set(factIdOf("technology.resolvedVia"), resolution->how);
        if (resolution->ambiguous())
            f.set(factIdOf("technology.candidates"), resolution->candidates);
    }
    f.setIf(factIdOf("instances"), e.instances);
    f.setIf(factIdOf("connectionsPerInstance"), e.connectionsPerInstance);
    // Tags are not an estimate: an element without tags has none, so rules reading them judge
    // (and never ask for "data.tags").
    f.set(factIdOf("tags"), e.tags ? *e.tags : std::vector<std::string>{});
    if (isProcess(e.kind)) {
        // Where a service or function writes: distinct stores (flows out of it with a positive
        // write rate), and distinct streams or queues it is connected to, producing or
        // consuming (a consumer's writes follow an event log it can replay).
        std::set<std::string_view> stores, streams;
        for (const FlowRef& ref : node.out) {
            if (!ref.other->element) continue;
            const Element& target = *ref.other->element;
            if (target.kind == ElementKind::Stream || target.kind == ElementKind::Queue)
                streams.insert(target.id);
            const bool writes = ref.flow->writesPerSecond && *ref.flow->writesPerSecond > 0;
            if (writes && target.kind == ElementKind::Store) stores.insert(target.id);
        }
        f.set(factIdOf("storesWritten"), static_cast<double>(stores.size()));
        f.set(factIdOf("streamsWritten"), static_cast<double>(streams.size()));
    }
    if (!holdsData(e.kind)) return f;

    // --- the data profile, scaled ---
    static const DataProfile kNoProfile{};
    const DataProfile& data = e.data ? *e.data : kNoProfile;
    auto scaled = [&](const Number& n) { return n ? Number(*n * scale) : std::nullopt; };
    const Number volume = scaled(data.volumeGB);
    const Number growth = scaled(data.growthGBPerMonth);
    f.setIf(factIdOf("volumeGB"), volume);
    f.setIf(factIdOf("growthGBPerMonth"), growth);
    f.set(factIdOf("horizonMonths"), options_.horizonMonths);
    Number atHorizon;
    if (volume && options_.horizonMonths == 0)
        atHorizon = volume;
    else if (volume && growth)
        atHorizon = *volume + *growth * options_.horizonMonths;
    f.setIf(factIdOf("volumeAtHorizonGB"), atHorizon);
    f.setIf(factIdOf("recordKB"), data.recordKB);
    f.setIf(factIdOf("maxRecordKB"), data.maxRecordKB);
    f.setIf(factIdOf("vectors"), scaled(data.vectors));
    f.setIf(factIdOf("vectorDimensions"), data.vectorDimensions);
    if (data.structure) f.set(factIdOf("structure"), std::string(spelling(*data.structure)));
    if (data.consistency) f.set(factIdOf("consistency"), std::string(spelling(*data.consistency)));
    if (data.durability) f.set(factIdOf("durability"), std::string(spelling(*data.durability)));
    if (data.queries) f.set(factIdOf("queries"), spelled(*data.queries));
    if (data.hosting) f.set(factIdOf("hosting"), std::string(spelling(*data.hosting)));
    f.setIf(factIdOf("replicas"), data.replicas);
    f.setIf(factIdOf("shards"), data.shards);
    f.setIf(factIdOf("tenants"), data.tenants);
    f.setIf(factIdOf("retentionDays"), e.effectiveRetentionDays());
    if (auto policy = e.effectiveCachePolicy())
        f.set(factIdOf("cachePolicy"), std::string(spelling(*policy)));
    const Number ttl = e.effectiveTtlSeconds();
    f.setIf(factIdOf("ttlSeconds"), ttl);
    f.set(factIdOf("ttlDeclared"), ttl.has_value() && *ttl > 0);
    f.setIf(factIdOf("partitions"), e.partitions);
    f.setIf(factIdOf("replicationFactor"), e.replicationFactor);
    if (e.keyed) f.set(factIdOf("keyed"), *e.keyed);
    const double shardCount = data.shards && *data.shards >= 1 ? *data.shards : 1.0;
    const double replicaCount = data.replicas.value_or(0.0);
    f.set(factIdOf("shardCount"), shardCount);
    f.set(factIdOf("replicaCount"), replicaCount);

    // --- load from the flows into it ---
    Sources s;
    ElementSet writerIds, readerIds, connectingIds;
    // A pooler multiplexes connections, not processes or ownership: the store sees the pooler's
    // sessions (so connections stay the pooler's), but the processes writing and reading it,
    // and the contexts using it, are the pooler's callers (with a positive `rate` into it, or
    // all of them for rate nullptr). Twenty writers of one SQLite file stay twenty behind a
    // pooler. A pooler nobody calls yet stands for itself.
    const auto addBehindPooler = [](const Endpoint& source, Number Flow::*rate, ElementSet& out) {
        if (!traits(source.element->kind).pools) return out.push_back(source);
        const auto& callers = static_cast<const Node*>(source.node)->in;
        bool any = false;
        for (const FlowRef& up : callers) {
            if (!up.other->element || traits(up.other->element->kind).pools) continue;
            if (rate && !((*up.flow).*rate && *((*up.flow).*rate) > 0)) continue;
            out.push_back(Endpoint{&*up.other->element, up.other});
            any = true;
        }
        if (!any) out.push_back(source);
    };
    {
        for (const FlowRef& ref : node.in) {
            const Flow& flow = *ref.flow;
            if (!ref.other->element) continue;
            const Element& src = *ref.other->element;
            const Endpoint source{&src, ref.other};
            const double peak = flow.peakFactor.value_or(1.0);
            const bool sync = !flow.style || *flow.style == FlowStyle::Sync;
            if (flow.readsPerSecond) {
                const double r = *flow.readsPerSecond * scale;
                add(s.reads, r);
                add(s.peakReads, r * peak);
                if (r > 0) readerIds.push_back(source);
            }
            if (flow.writesPerSecond) {
                const double w = *flow.writesPerSecond * scale;
                add(s.writes, w);
                add(s.peakWrites, w * peak);
                add(s.syncWrites, sync ? w : 0.0);
                if (flow.payloadKB) add(s.bytesIn, w * *flow.payloadKB * 1024.0);
                if (w > 0) writerIds.push_back(source);
            }
            connectingIds.push_back(source);
        }
    }
    sortUnique(writerIds);
    sortUnique(readerIds);
    sortUnique(connectingIds);
    auto instancesOf = [&](const Element& src) {
        if (!isProcess(src.kind)) return 1.0;
        if (!src.instances) s.instancesAssumed = true;
        return src.instances.value_or(1.0);
    };
    auto contextOf = [&](const Element& src) -> const std::string* {
        const bool counts = isProcess(src.kind) && src.context && !src.context->empty();
        return counts ? &*src.context : nullptr;
    };
    ElementSet writerUsers, readerUsers;
    for (const Endpoint& writer : writerIds)
        addBehindPooler(writer, &Flow::writesPerSecond, writerUsers);
    for (const Endpoint& reader : readerIds)
        addBehindPooler(reader, &Flow::readsPerSecond, readerUsers);
    // Each process once, whether it reaches the store directly, through a pooler or both.
    sortUnique(writerUsers);
    sortUnique(readerUsers);
    for (const Endpoint& writer : writerUsers)
        s.writers += instancesOf(*writer.element);
    for (const Endpoint& reader : readerUsers)
        s.readers += instancesOf(*reader.element);
    for (const Endpoint& user : writerUsers)
        if (auto* c = contextOf(*user.element)) s.writerContexts.push_back(*c);
    for (const Endpoint& user : readerUsers)
        if (auto* c = contextOf(*user.element)) s.readerContexts.push_back(*c);
    for (const Endpoint& connecting : connectingIds) {
        const Element& src = *connecting.element;
        if (traits(src.kind).pools) {
            // The contexts that use the store are those of the pooler's callers.
            ElementSet callers;
            addBehindPooler(connecting, nullptr, callers);
            for (const Endpoint& caller : callers)
                if (auto* c = contextOf(*caller.element)) s.contexts.push_back(*c);
        } else if (auto* c = contextOf(src)) {
            s.contexts.push_back(*c);
        }
        if (traits(src.kind).endUser) s.actorSources += 1;
        if (traits(src.kind).pools) s.pooled = true;
        if (!isProcess(src.kind)) continue;
        const double conns = instancesOf(src) * src.connectionsPerInstance.value_or(1.0);
        s.anyConnecting = true;
        s.connections += conns;
        if (traits(src.kind).shortLived) s.functionConnections += conns;
    }
    if (e.context && !e.context->empty()) s.contexts.push_back(*e.context);

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
    f.set(factIdOf("databases"), databases);
    if (volume) f.set(factIdOf("volumePerDatabaseGB"), *volume / databases);
    if (atHorizon) f.set(factIdOf("volumeAtHorizonPerDatabaseGB"), *atHorizon / databases);
    f.setIf(factIdOf("readsPerSecond"), s.reads);
    f.setIf(factIdOf("writesPerSecond"), s.writes);
    f.setIf(factIdOf("peakReadsPerSecond"), s.peakReads);
    f.setIf(factIdOf("peakWritesPerSecond"), s.peakWrites);
    f.setIf(factIdOf("bytesInPerSecond"), s.bytesIn);
    f.setIf(factIdOf("syncWritesPerSecond"), s.syncWrites);
    if (s.writes) {
        f.set(factIdOf("writers"), s.writers);
        f.set(factIdOf("writesPerDatabase"), *s.writes / databases);
        f.set(factIdOf("peakWritesPerDatabase"), *s.peakWrites / databases);
    }
    if (s.reads) f.set(factIdOf("readers"), s.readers);
    if (s.reads && s.writes && *s.writes > 0)
        f.set(factIdOf("readWriteRatio"), *s.reads / *s.writes);
    if (s.anyConnecting) f.set(factIdOf("connections"), s.connections);
    f.set(factIdOf("functionConnections"), s.functionConnections);
    f.set(factIdOf("actorSources"), s.actorSources);
    f.set(factIdOf("pooled"), s.pooled);
    f.set(factIdOf("instancesAssumed"), s.instancesAssumed);
    Strings writerContexts = sortedUnique(s.writerContexts);
    const double writerContextCount = static_cast<double>(writerContexts.size());
    Strings contexts = sortedUnique(s.contexts);
    const double contextCount = static_cast<double>(contexts.size());
    f.set(factIdOf("writerContexts"), std::move(writerContexts));
    f.set(factIdOf("readerContexts"), sortedUnique(s.readerContexts));
    f.set(factIdOf("writerContextCount"), writerContextCount);
    f.set(factIdOf("contexts"), std::move(contexts));
    f.set(factIdOf("contextCount"), contextCount);

    // --- what it feeds and who consumes it (flows out of it) ---
    ElementSet consumerIds = readerIds;
    bool feedsCritical = false, derivedCopies = false;
    {
        for (const FlowRef& ref : node.out) {
            const Flow& flow = *ref.flow;
            if (!ref.other->element) continue;
            const Element& dst = *ref.other->element;
            consumerIds.push_back(Endpoint{&dst, ref.other});
            const auto& d = dst.data;
            if (traits(dst.kind).ofRecord && d && d->durability == Durability::Critical)
                feedsCritical = true;
            if (flow.style == FlowStyle::Cdc || flow.style == FlowStyle::Replication)
                derivedCopies = true;
        }
    }
    if (traits(e.kind).logFields) {
        sortUnique(consumerIds);
        double consumers = 0;
        for (const Endpoint& consumer : consumerIds)
            consumers = std::max(consumers, instancesOf(*consumer.element));
        if (!consumerIds.empty()) {
            f.set(factIdOf("consumers"), consumers);
            f.set(factIdOf("consumerGroups"), static_cast<double>(consumerIds.size()));
        }
    }
    if (traits(e.kind).cacheFields) f.set(factIdOf("feedsCriticalStore"), feedsCritical);

    // Read offload: replicas, a copy fed by CDC/replication, or a reader that also uses a cache.
    bool cacheBeside = false;
    for (const Endpoint& reader : readerUsers) {
        for (const FlowRef& ref : static_cast<const Node*>(reader.node)->out) {
            const auto& dst = ref.other->element;
            if (dst && traits(dst->kind).cacheFields) cacheBeside = true;
        }
    }
    f.set(factIdOf("readOffload"), replicaCount > 0 || derivedCopies || cacheBeside);
    return f;
}

Analysis::Contribution Analysis::contributionOf(const Element& e, const Facts& facts) const {
    Contribution c;
    if (e.context && !e.context->empty()) c.context = *e.context;
    if (!holdsData(e.kind)) return c;
    if (e.technology && !e.technology->empty()) c.engine = resolvedTechnologyId(*e.technology);
    if (!traits(e.kind).ofRecord) return c;
    c.store = true;
    auto micro = [](double v) { return std::llround(v * 1e6); };
    if (auto v = facts.number(factIdOf("volumeGB"))) c.volumeMicro = micro(*v);
    if (auto w = facts.number(factIdOf("writesPerSecond"))) c.writesMicro = micro(*w);
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
    m.set(factIdOf("model.elementCount"), static_cast<double>(elementCount_));
    m.set(factIdOf("model.flowCount"), static_cast<double>(flows_.size()));
    m.set(factIdOf("model.storeCount"), static_cast<double>(totals_.stores));
    m.set(factIdOf("model.dataEngineCount"), static_cast<double>(engines.size()));
    m.set(factIdOf("model.dataEngines"), std::move(engines));
    m.set(factIdOf("model.contextCount"), static_cast<double>(totals_.contexts.size()));
    if (totals_.volumeUnknown == 0)
        m.set(factIdOf("model.totalVolumeGB"), double(totals_.volumeMicro) / 1e6);
    if (totals_.writesUnknown == 0)
        m.set(factIdOf("model.totalWritesPerSecond"), double(totals_.writesMicro) / 1e6);
    m.set(factIdOf("model.scale"), options_.scale);
    m.set(factIdOf("model.horizonMonths"), options_.horizonMonths);
    result_.model = std::move(m);
}

} // namespace plumb

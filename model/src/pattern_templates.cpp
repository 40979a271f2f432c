#include "plumbline/pattern_templates.h"

#include "plumbline/element_kinds.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_fragment.h"
#include "plumbline/technology_resolver.h"
#include "template_placement.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>
#include <sstream>

namespace plumb {
namespace {

// Who issues reads on its own behalf (services, functions, actors): a cache can serve them.
// Poolers are not clients: they pass their callers' reads on (analysis_facts counts them as
// runtime, for their connections).
bool isClient(ElementKind kind) {
    return traits(kind).client;
}

// Who opens its own connections to the store and so belongs behind a pooler.
bool connectsDirectly(ElementKind kind) {
    return traits(kind).runtime && !traits(kind).pools;
}

bool positive(const Number& n) {
    return n && *n > 0;
}

// Sums the estimated values; not estimated when none of them is.
Number sum(const std::vector<const Flow*>& flows, Number Flow::*field) {
    Number total;
    for (const Flow* f : flows)
        if (f->*field) total = total.value_or(0.0) + *(f->*field);
    return total;
}

std::string percent(double ratio) {
    return std::to_string(static_cast<int>(std::lround(ratio * 100))) + " %";
}

// Everything a template needs to know about its target, gathered once.
struct Target {
    const Element* element = nullptr;
    std::vector<std::size_t> incoming; // indices of the flows into it, in model order
};

Target findTarget(const Model& model, std::string_view id) {
    Target t;
    t.element = model.findElement(id);
    if (!t.element) return t;
    for (std::size_t i = 0; i < model.flows.size(); ++i)
        if (model.flows[i].to == id) t.incoming.push_back(i);
    return t;
}

const Element* source(const Model& model, const Flow& flow) {
    return model.findElement(flow.from);
}

std::vector<std::size_t> readerFlows(const Model& model, const Target& t) {
    std::vector<std::size_t> out;
    for (std::size_t i : t.incoming) {
        const Flow& f = model.flows[i];
        const Element* from = source(model, f);
        if (from && isClient(from->kind) && positive(f.readsPerSecond)) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> clientFlows(const Model& model, const Target& t) {
    std::vector<std::size_t> out;
    for (std::size_t i : t.incoming) {
        const Element* from = source(model, model.flows[i]);
        if (from && connectsDirectly(from->kind)) out.push_back(i);
    }
    return out;
}

const Element* poolerInFront(const Model& model, const Target& t) {
    for (std::size_t i : t.incoming)
        if (const Element* from = source(model, model.flows[i]); from && traits(from->kind).pools)
            return from;
    return nullptr;
}

// An embedded engine (SQLite, DuckDB, IndexedDB) runs inside every process that opens its file:
// there are no server connections to pool, and a pooler in front does not turn the processes
// writing the file into one. The catalogue's connection-pooling page says so ("Single-process
// embedded databases" under when not to use it). Embedded: the knowledge base says the engine
// runs embedded or in the browser, never as a server, managed or serverless service.
const Technology* embeddedEngine(const Element& store) {
    if (!store.technology || store.technology->empty()) return nullptr;
    const Technology* t = resolveTechnology(builtinKnowledge(), *store.technology).technology;
    if (!t) return nullptr;
    const auto runs = [t](std::string_view how) {
        return std::find(t->runs.begin(), t->runs.end(), how) != t->runs.end();
    };
    if (runs("server") || runs("managed") || runs("serverless")) return nullptr;
    return runs("embedded") || runs("browser") ? t : nullptr;
}

// Dual writes: flows from a writer of the store into a stream or queue.
std::vector<std::size_t> dualWriteFlows(const Model& model, const Target& t) {
    std::vector<std::string> writers;
    for (std::size_t i : t.incoming)
        if (positive(model.flows[i].writesPerSecond)) writers.push_back(model.flows[i].from);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < model.flows.size(); ++i) {
        const Flow& f = model.flows[i];
        const Element* to = model.findElement(f.to);
        const bool published = to && traits(to->kind).logFields;
        if (published && std::find(writers.begin(), writers.end(), f.from) != writers.end())
            out.push_back(i);
    }
    return out;
}

// ---- building blocks ----

Element newElement(const Model& model, const Element& target, const std::string& suffix,
                   ElementKind kind, const std::string& nameSuffix) {
    Element e;
    e.id = newId(model, target.id + "-" + suffix);
    e.kind = kind;
    e.name = target.displayName() + " " + nameSuffix;
    e.context = target.context;
    return e;
}

Flow newFlow(const Model& model, const std::string& from, const std::string& to, FlowStyle style) {
    Flow f;
    f.id = newId(model, from + "-to-" + to);
    f.from = from;
    f.to = to;
    f.style = style;
    return f;
}

struct Edit {
    TemplateResult result;
    Model& model() { return result.model; }
    void add(Element e, const std::string& anchor, templates::Side side = templates::Side::Right) {
        const std::string id = e.id;
        result.model.elements.push_back(std::move(e));
        result.added.push_back(id);
        templates::placeBeside(result.model, anchor, id, side);
    }
    void add(Flow f) {
        result.added.push_back(f.id);
        result.model.flows.push_back(std::move(f));
    }
    void changed(const Flow& f) { result.changed.push_back(f.id); }
};

// The store's changes into a new stream by CDC; returns the stream's id.
std::string addChangeStream(Edit& edit, const Element& store, Number writes) {
    Element stream = newElement(edit.model(), store, "changes", ElementKind::Stream, "changes");
    stream.technology = "kafka";
    stream.keyed = true;
    stream.replicationFactor = 3;
    stream.description = "Every committed change of " + store.displayName() +
                         ", read from its log by change data capture.";
    const std::string streamId = stream.id;
    edit.add(std::move(stream), store.id);
    Flow cdc = newFlow(edit.model(), store.id, streamId, FlowStyle::Cdc);
    cdc.writesPerSecond = writes;
    edit.add(std::move(cdc));
    return streamId;
}

void readAside(Edit& edit, const Element& store, const std::vector<std::size_t>& readers) {
    Element cache = newElement(edit.model(), store, "cache", ElementKind::Cache, "cache");
    cache.technology = "redis";
    cache.cachePolicy = CachePolicy::ReadAside;
    cache.ttlSeconds = 300;
    cache.description = "Read-aside cache: readers look here first and, on a miss, load from " +
                        store.displayName() + " and store the entry with a TTL.";
    const std::string cacheId = cache.id;
    edit.add(std::move(cache), store.id);
    const std::string hit = percent(kAssumedCacheHitRatio);
    for (std::size_t i : readers) {
        Flow& f = edit.model().flows[i];
        Flow first = newFlow(edit.model(), f.from, cacheId, FlowStyle::Sync);
        first.readsPerSecond = f.readsPerSecond;
        first.payloadKB = f.payloadKB;
        first.peakFactor = f.peakFactor;
        first.description = "Reads try the cache first (" + hit + " hit ratio assumed).";
        f.readsPerSecond = *f.readsPerSecond * (1 - kAssumedCacheHitRatio);
        if (!f.description || f.description->empty())
            f.description = "Cache misses only (" + hit + " hit ratio assumed).";
        edit.changed(f);
        edit.add(std::move(first));
    }
    edit.result.summary = "Added " + cacheId + "; " + std::to_string(readers.size()) +
                          " read flow(s) now try it first and send only the misses (" +
                          percent(1 - kAssumedCacheHitRatio) + ") to " + store.id + ".";
}

void cqrsReadModel(Edit& edit, const Element& store, const std::vector<std::size_t>& readers,
                   Number writes) {
    const std::string streamId = addChangeStream(edit, store, writes);
    Element view = newElement(edit.model(), store, "read-model", ElementKind::Store, "read model");
    view.technology = store.technology;
    view.description = "Query-side copy of " + store.displayName() +
                       ", shaped for its readers and rebuilt from the change stream.";
    if (store.data) {
        DataProfile d = *store.data;
        d.consistency = Consistency::Eventual;
        d.durability = Durability::Normal; // rebuildable from the stream
        d.replicas.reset();
        d.shards.reset();
        view.data = d;
    }
    const std::string viewId = view.id;
    edit.add(std::move(view), streamId);
    Flow project = newFlow(edit.model(), streamId, viewId, FlowStyle::Async);
    project.writesPerSecond = writes;
    project.description = "Projection: applies each change to the read model.";
    edit.add(std::move(project));
    for (std::size_t i : readers) {
        Flow& f = edit.model().flows[i];
        if (positive(f.writesPerSecond)) {
            Flow query = newFlow(edit.model(), f.from, viewId, FlowStyle::Sync);
            query.readsPerSecond = f.readsPerSecond;
            query.payloadKB = f.payloadKB;
            query.peakFactor = f.peakFactor;
            f.readsPerSecond = 0.0; // the writes stay on the command side
            edit.changed(f);
            edit.add(std::move(query));
        } else {
            f.to = viewId;
            edit.changed(f);
        }
    }
    edit.result.summary = "Added " + streamId + " and " + viewId + "; " +
                          std::to_string(readers.size()) + " read flow(s) moved to the read model.";
}

void connectionPooler(Edit& edit, const Element& store, const std::vector<std::size_t>& clients) {
    Element pooler = newElement(edit.model(), store, "pooler", ElementKind::Pooler, "pooler");
    static const std::array<std::string_view, 6> kPostgres{"postgresql",  "neon",     "supabase",
                                                           "timescaledb", "pgvector", "pgpool-ii"};
    if (store.technology &&
        std::find(kPostgres.begin(), kPostgres.end(), *store.technology) != kPostgres.end())
        pooler.technology = "pgbouncer";
    pooler.description = "Keeps a small pool of connections to " + store.displayName() +
                         " and shares it between every caller.";
    const std::string poolerId = pooler.id;
    std::vector<const Flow*> rerouted;
    for (std::size_t i : clients)
        rerouted.push_back(&edit.model().flows[i]);
    Flow pooled = newFlow(edit.model(), poolerId, store.id, FlowStyle::Sync);
    pooled.readsPerSecond = sum(rerouted, &Flow::readsPerSecond);
    pooled.writesPerSecond = sum(rerouted, &Flow::writesPerSecond);
    for (std::size_t i : clients) {
        edit.model().flows[i].to = poolerId;
        edit.changed(edit.model().flows[i]);
    }
    edit.add(std::move(pooler), store.id, templates::Side::Above);
    edit.add(std::move(pooled));
    edit.result.summary = "Added " + poolerId + "; " + std::to_string(clients.size()) +
                          " caller flow(s) now connect through it.";
}

void outboxCdc(Edit& edit, const Element& store, const std::vector<std::size_t>& dualWrites,
               Number writes) {
    if (dualWrites.empty()) {
        const std::string streamId = addChangeStream(edit, store, writes);
        edit.result.summary =
            "Added " + streamId + ", fed from " + store.id + "'s log by change data capture.";
        return;
    }
    for (std::size_t i : dualWrites) {
        Flow& f = edit.model().flows[i];
        f.from = store.id;
        f.style = FlowStyle::Cdc;
        if (!f.description || f.description->empty())
            f.description = "Published from " + store.displayName() +
                            "'s log (outbox relay / change data capture), not by the writer.";
        edit.changed(f);
    }
    edit.result.summary = std::to_string(dualWrites.size()) +
                          " dual write(s) replaced: the stream is now fed from " + store.id +
                          "'s log, so an event is published exactly when the write commits.";
}

} // namespace

const std::vector<PatternTemplate>& patternTemplates() {
    static const std::vector<PatternTemplate> kTemplates{
        {"read-aside",
         "read-aside",
         "Insert a read-aside cache",
         "Adds a cache beside the store; its readers read the cache first and only the misses "
         "reach the store.",
         {"transactional-plus-cache"}},
        {"cqrs-read-model",
         "cqrs",
         "Insert a CQRS read model",
         "Streams the store's changes into a read-model store and moves the readers to it.",
         {"projections", "materialized-view-pipeline"}},
        {"connection-pooler",
         "connection-pooling",
         "Insert a connection pooler",
         "Puts a pooler between the store and the services and functions that connect to it.",
         {}},
        {"outbox-cdc",
         "event-driven-fan-out",
         "Publish changes by CDC (outbox)",
         "Feeds a stream from the store's log; a writer's dual write to a stream is replaced.",
         {"event-notification", "event-carried-state-transfer"}},
    };
    return kTemplates;
}

const PatternTemplate* findPatternTemplate(std::string_view id) {
    for (const auto& t : patternTemplates())
        if (t.id == id) return &t;
    return nullptr;
}

std::vector<const PatternTemplate*> templatesForPattern(std::string_view pattern) {
    std::vector<const PatternTemplate*> out;
    for (const auto& t : patternTemplates())
        if (t.pattern == pattern ||
            std::find(t.alsoFor.begin(), t.alsoFor.end(), pattern) != t.alsoFor.end())
            out.push_back(&t);
    return out;
}

std::string templateProblem(const Model& model, std::string_view templateId,
                            std::string_view targetId) {
    const PatternTemplate* t = findPatternTemplate(templateId);
    if (!t) return "There is no pattern template \"" + std::string(templateId) + "\".";
    const Target target = findTarget(model, targetId);
    if (!target.element) return "Select a store to apply \"" + t->title + "\" to.";
    const Element& store = *target.element;
    if (!traits(store.kind).ofRecord)
        return "\"" + t->title + "\" applies to a store; " + store.displayName() + " is a " +
               std::string(spelling(store.kind)) + ".";
    if (t->id == "read-aside" || t->id == "cqrs-read-model") {
        if (readerFlows(model, target).empty())
            return "Nothing reads " + store.displayName() +
                   " yet: draw its readers' flows with a read rate first.";
    } else if (t->id == "connection-pooler") {
        if (const Technology* engine = embeddedEngine(store))
            return engine->name + " is an embedded database: every process that uses " +
                   store.displayName() +
                   " opens its file itself, so there are no connections to pool, and a pooler "
                   "would not make its writers one.";
        if (const Element* pooler = poolerInFront(model, target))
            return store.displayName() + " is already behind " + pooler->displayName() + ".";
        if (clientFlows(model, target).empty())
            return "No service or function connects to " + store.displayName() + " yet.";
    }
    return {};
}

TemplateResult applyPatternTemplate(const Model& model, std::string_view templateId,
                                    std::string_view targetId,
                                    const std::vector<LayoutBox>& drawn) {
    Edit edit;
    edit.result.problem = templateProblem(model, templateId, targetId);
    if (!edit.result.problem.empty()) return edit.result;
    edit.result.model = model;
    templates::adoptDrawnLayout(edit.result.model, drawn);
    const Target target = findTarget(model, targetId);
    const Element store = *target.element; // a copy: the edit adds elements
    std::vector<const Flow*> into;
    for (std::size_t i : target.incoming)
        into.push_back(&model.flows[i]);
    const Number writes = sum(into, &Flow::writesPerSecond);

    if (templateId == "read-aside")
        readAside(edit, store, readerFlows(model, target));
    else if (templateId == "cqrs-read-model")
        cqrsReadModel(edit, store, readerFlows(model, target), writes);
    else if (templateId == "connection-pooler")
        connectionPooler(edit, store, clientFlows(model, target));
    else
        outboxCdc(edit, store, dualWriteFlows(model, target), writes);
    return edit.result;
}

} // namespace plumb

// Technology fit ranking (see fit.h): envelope against analysed workload, per dimension.
#include "plumbline/fit.h"

#include "plumbline/checker.h"
#include "plumbline/element_kinds.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace plumb {
namespace {

const std::map<std::string, std::vector<std::string>>& neighbours() {
    static const std::map<std::string, std::vector<std::string>> table{
        {"relational", {"serverless-platform", "edge"}},
        {"edge", {"relational", "serverless-platform"}},
        {"serverless-platform", {"relational", "edge"}},
        {"document", {"key-value", "relational"}},
        {"key-value", {"document", "wide-column"}},
        {"wide-column", {"key-value", "time-series"}},
        {"time-series", {"analytics", "wide-column"}},
        {"analytics", {"time-series", "relational"}},
        {"vector", {"search"}},
        {"search", {"vector", "document"}},
        {"graph", {"relational"}},
        {"stream", {}},
    };
    return table;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string num(const std::string& name, double v) {
    return formatFact(name, v);
}

struct Scorer {
    const Element& element;
    const Facts& facts;
    const Technology& tech;
    std::vector<FitDimension> dims;
    // Thresholds shared with the rules (their params), so fit and findings agree.
    double readHeavy = 2000;   // read-heavy-without-offload.readsPerSecond
    double singleWriter = 100; // sqlite-write-concurrency.writesPerSecond

    void add(const char* name, double weight, double score, std::string reason) {
        dims.push_back({name, score, weight, std::move(reason)});
    }
    void notEstimated(const char* name, const std::string& what) {
        add(name, 0.0, 1.0, what + " not estimated");
    }

    double databases() const {
        double n = facts.number("shardCount").value_or(1.0);
        const double tenants = facts.number("tenants").value_or(0.0);
        if (tech.envelope.writerConcurrency == "single-writer" && tenants > n) n = tenants;
        return n;
    }

    // A value against a {comfortable, max} band; `unit` names the fact for formatting.
    void band(const char* name, const char* unit, std::optional<double> value, const Band& b,
              bool scalesOut) {
        if (!value) return notEstimated(name, unit);
        const double v = *value / databases();
        const std::string shown = num(unit, v);
        if (b.comfortable && v <= *b.comfortable)
            return add(name, 2, 1.0,
                       shown + " within the comfortable band (" + num(unit, *b.comfortable) + ")");
        if (b.max && v > *b.max)
            return add(name, 2, 0.0, shown + " above the maximum (" + num(unit, *b.max) + ")");
        if (b.max)
            return add(name, 2, 0.6,
                       shown + " between comfortable and maximum (" + num(unit, *b.max) + ")");
        if (b.comfortable)
            return add(name, 2, scalesOut ? 0.7 : 0.5,
                       shown + " beyond the comfortable band (" + num(unit, *b.comfortable) + ")" +
                           (scalesOut ? ", scales out" : ", no published maximum"));
        add(name, 2, 0.7, "no published band for " + tech.name);
    }

    void run() {
        const Envelope& env = tech.envelope;
        const bool scalesOut = has(env.scaling, "sharding") || has(env.scaling, "autoscale");
        band("volume", "volumeGB", facts.number("volumeGB"), env.volumeGB, scalesOut);
        band("writeRate", "writesPerSecond", facts.number("writesPerSecond"), env.writesPerSecond,
             scalesOut);

        if (auto reads = facts.number("readsPerSecond")) {
            const bool replicates = has(env.scaling, "replication") || scalesOut;
            if (*reads <= readHeavy)
                add("readRate", 1, 1.0, num("r", *reads) + " reads/s: any engine serves it");
            else
                add("readRate", 1, replicates ? 0.9 : 0.5,
                    num("r", *reads) + " reads/s" +
                        (replicates ? ": scales reads with replicas" : ": no read scaling"));
        } else
            notEstimated("readRate", "readsPerSecond");

        const FactValue* q = facts.find("queries");
        const auto* queries = q ? std::get_if<std::vector<std::string>>(q) : nullptr;
        if (queries && !queries->empty()) {
            std::vector<std::string> lacking;
            for (const auto& kind : *queries)
                if (!has(env.queries, kind) && !(kind == "vector" && env.vectors))
                    lacking.push_back(kind);
            const double share = 1.0 - double(lacking.size()) / double(queries->size());
            std::string reason = lacking.empty() ? "serves every query kind needed" : "lacks";
            for (const auto& l : lacking)
                reason += " " + l;
            add("queryKinds", 2, share, reason);
        } else
            notEstimated("queryKinds", "queries");

        const FactValue* c = facts.find("consistency");
        if (c && std::get<std::string>(*c) == "strong") {
            if (!has(env.consistency, "strong"))
                add("consistency", 1.5, 0.0, "eventual consistency only");
            else if (env.transactions == "none")
                add("consistency", 1.5, 0.5, "strong, but no transactions");
            else
                add("consistency", 1.5, 1.0, "offers strong consistency");
        } else if (c)
            add("consistency", 1.5, 1.0, "eventual consistency is enough");
        else
            notEstimated("consistency", "consistency");

        const FactValue* d = facts.find("durability");
        if (d) {
            const std::string& need = std::get<std::string>(*d);
            if (need == "ephemeral")
                add("durability", 2, 1.0, "ephemeral data: durability not needed");
            else if (env.durable)
                add("durability", 2, 1.0, "durable");
            else
                add("durability", 2, need == "critical" ? 0.0 : 0.4, "not durable by default");
        } else
            notEstimated("durability", "durability");

        if (const FactValue* h = facts.find("hosting")) {
            const std::string& where = std::get<std::string>(*h);
            if (has(tech.hosting, where))
                add("hosting", 1.5, 1.0, "runs as " + where);
            else if (where == "network-filesystem")
                add("hosting", 1.5, tech.envelope.writerConcurrency == "single-writer" ? 0.0 : 0.3,
                    "network file systems break file locking");
            else
                add("hosting", 1.5, 0.0, "does not run as " + where);
        } else
            notEstimated("hosting", "hosting");

        const auto vectors = facts.number("vectors");
        const bool wantsVectors = (vectors && *vectors > 0) || (queries && has(*queries, "vector"));
        if (wantsVectors) {
            if (!env.vectors)
                add("vectors", 2, 0.0, "no vector search");
            else if (!vectors)
                add("vectors", 2, 0.8, "vector search; vector count not estimated");
            else if (env.vectors->comfortable && *vectors <= *env.vectors->comfortable)
                add("vectors", 2, 1.0, num("v", *vectors) + " vectors within its band");
            else if (env.vectors->max && *vectors > *env.vectors->max)
                add("vectors", 2, 0.0,
                    num("v", *vectors) + " vectors above its maximum (" +
                        num("v", *env.vectors->max) + ")");
            else if (env.vectors->max)
                add("vectors", 2, 0.6,
                    num("v", *vectors) + " vectors between comfortable and maximum");
            else if (env.vectors->comfortable)
                add("vectors", 2, scalesOut ? 0.75 : 0.5,
                    num("v", *vectors) + " vectors beyond its comfortable band" +
                        (scalesOut ? ", scales out" : ""));
            else
                add("vectors", 2, 0.5,
                    "vector search, but no published size band: unproven at this size");
        }

        if (auto writers = facts.number("writers")) {
            const std::string& wc = env.writerConcurrency;
            if (*writers <= 1 || wc == "multi" || wc.empty())
                add("concurrency", 1.5, 1.0, "writer concurrency fits");
            else if (wc == "single-process")
                add("concurrency", 1.5, 0.0, "one writing process only");
            else if (env.http)
                add("concurrency", 1.5, 0.8, "writes serialised by the server");
            else
                add("concurrency", 1.5,
                    facts.number("writesPerSecond").value_or(0) > singleWriter ? 0.2 : 0.6,
                    "one writer at a time for " + num("w", *writers) + " writers");
        } else
            notEstimated("concurrency", "writesPerSecond");

        if (const FactValue* s = facts.find("structure")) {
            const std::string& structure = std::get<std::string>(*s);
            if (has(tech.structures, structure) || structure == "blob")
                add("structure", 1.5, 1.0, "built for " + structure + " data");
            else
                add("structure", 1.5, 0.3, "not built for " + structure + " data");
        }
    }
};

double ruleParam(const KnowledgeBase& kb, const char* rule, const char* param, double fallback) {
    const Rule* r = kb.rule(rule);
    const RuleParam* p = r ? r->param(param) : nullptr;
    return p ? p->value : fallback;
}

// A cache technology: key-value and not durable by default (Redis, Valkey, Memcached).
bool isCache(const Technology& t) {
    return t.category == "key-value" && !t.envelope.durable;
}

std::string stringFact(const Facts& facts, const char* name) {
    const FactValue* v = facts.find(name);
    const auto* s = v ? std::get_if<std::string>(v) : nullptr;
    return s ? *s : std::string();
}

// What the element is decides the pool: caches for a cache, streams and queues for a stream or
// queue, poolers for a pooler, and for a store the data stores (caches only for ephemeral
// data). Within the pool a candidate must offer what the element states: its structure, every
// query kind, its hosting, durability for normal or critical data, and vector search for
// vectors. Without a stated structure a store's pool stays near its current category.
std::set<std::string> candidates(const Element& element, const Facts& facts,
                                 const KnowledgeBase& kb) {
    const bool messaging =
        element.kind == ElementKind::Stream || element.kind == ElementKind::Queue;
    const std::string current = stringFact(facts, "technology");
    const std::string category = stringFact(facts, "technology.category");
    const std::string structure = stringFact(facts, "structure");
    const std::string hosting = stringFact(facts, "hosting");
    const std::string durability = stringFact(facts, "durability");
    const FactValue* q = facts.find("queries");
    const auto* queries = q ? std::get_if<std::vector<std::string>>(q) : nullptr;
    const auto vectors = facts.number("vectors");
    const bool wantsVectors =
        (vectors && *vectors > 0) || structure == "vector" || (queries && has(*queries, "vector"));
    std::set<std::string> near;
    if (!category.empty()) {
        near.insert(category);
        if (auto it = neighbours().find(category); it != neighbours().end())
            near.insert(it->second.begin(), it->second.end());
    }

    auto inPool = [&](const Technology& t) {
        const bool messagingTech = t.category == "stream" || t.category == "queue";
        switch (element.kind) {
        case ElementKind::Cache:
            return isCache(t);
        case ElementKind::Stream:
        case ElementKind::Queue:
            return messagingTech;
        case ElementKind::Pooler:
            return t.category == "pooler";
        default:
            if (messagingTech || t.category == "pooler") return false;
            if (isCache(t) && durability != "ephemeral") return false;
            if (t.category == "vector" && !wantsVectors) return false;
            if (structure.empty() && !wantsVectors && !near.empty())
                return near.count(t.category) > 0;
            return true;
        }
    };
    auto offers = [&](const Technology& t) {
        if (element.kind == ElementKind::Pooler) return true;
        if (!messaging && !structure.empty() && structure != "blob" &&
            !has(t.structures, structure))
            return false;
        if (structure == "blob" && !messaging && t.category != "object-storage" &&
            !has(t.structures, "blob"))
            return false;
        if (queries && !messaging)
            for (const auto& kind : *queries)
                if (!has(t.envelope.queries, kind) && !(kind == "vector" && t.envelope.vectors))
                    return false;
        if (!hosting.empty() && !has(t.hosting, hosting)) return false;
        if ((durability == "critical" || durability == "normal") && !t.envelope.durable)
            return false;
        if (wantsVectors && !t.envelope.vectors) return false;
        return true;
    };
    std::set<std::string> out;
    for (const auto& t : kb.technologies)
        if (inPool(t) && offers(t)) out.insert(t.id);
    if (!current.empty() && kb.technology(current)) out.insert(current);
    return out;
}

} // namespace

std::vector<TechnologyFit> rankTechnologies(const Element& element, const Facts& facts,
                                            const KnowledgeBase& knowledge,
                                            const std::vector<std::string>& recommended) {
    std::vector<TechnologyFit> ranking;
    if (!holdsData(element.kind)) return ranking;
    for (const auto& id : candidates(element, facts, knowledge)) {
        const Technology& tech = *knowledge.technology(id);
        Scorer scorer{element, facts, tech, {}};
        scorer.readHeavy =
            ruleParam(knowledge, "read-heavy-without-offload", "readsPerSecond", scorer.readHeavy);
        scorer.singleWriter = ruleParam(knowledge, "sqlite-write-concurrency", "writesPerSecond",
                                        scorer.singleWriter);
        scorer.run();
        TechnologyFit fit;
        fit.technology = id;
        fit.current = id == stringFact(facts, "technology");
        double sum = 0, weights = 0;
        for (const auto& d : scorer.dims) {
            sum += d.weight * d.score;
            weights += d.weight;
            if (d.weight > 0 && d.score == 0.0) fit.ruledOut = true;
        }
        fit.score = weights > 0 ? sum / weights : 0.5;
        if (fit.ruledOut) fit.score *= 0.5;
        fit.score = std::round(fit.score * 100.0) / 100.0;
        fit.dimensions = std::move(scorer.dims);
        ranking.push_back(std::move(fit));
    }
    // Candidates come in id order; a recommended one wins a tie, the earlier recommended first.
    const auto place = [&](const std::string& id) {
        const auto it = std::find(recommended.begin(), recommended.end(), id);
        return static_cast<std::size_t>(it - recommended.begin());
    };
    std::stable_sort(ranking.begin(), ranking.end(),
                     [&](const TechnologyFit& a, const TechnologyFit& b) {
                         if (a.score != b.score) return a.score > b.score;
                         return place(a.technology) < place(b.technology);
                     });
    return ranking;
}

} // namespace plumb

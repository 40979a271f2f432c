// Full and incremental load analysis (see analysis.h). The incremental path recomputes exactly
// the elements whose facts read the changed object:
//   an element X  -> X, the elements on both ends of its flows, and the "siblings" (targets of
//                    the other flows of X's sources: their readOffload looks at X's kind);
//   a flow S -> T -> S and T (old and new endpoints), and every target of S's flows (same reason).
#include "plumbline/analysis.h"

namespace plumb {
namespace {

// The analysis keeps only what it reads: no descriptions, names or unknown JSON fields, whose
// copies would cost more than the analysis itself on large models.
Element slim(const Element& e) {
    Element s;
    s.id = e.id;
    s.kind = e.kind;
    s.name = e.name;
    s.context = e.context;
    s.technology = e.technology;
    s.instances = e.instances;
    s.connectionsPerInstance = e.connectionsPerInstance;
    s.cachePolicy = e.cachePolicy;
    s.ttlSeconds = e.ttlSeconds;
    s.partitions = e.partitions;
    s.replicationFactor = e.replicationFactor;
    s.retentionDays = e.retentionDays;
    s.keyed = e.keyed;
    s.extra = Json();
    if (e.data) {
        const DataProfile& d = *e.data;
        DataProfile p;
        p.extra = Json();
        p.volumeGB = d.volumeGB;
        p.growthGBPerMonth = d.growthGBPerMonth;
        p.recordKB = d.recordKB;
        p.maxRecordKB = d.maxRecordKB;
        p.vectors = d.vectors;
        p.vectorDimensions = d.vectorDimensions;
        p.structure = d.structure;
        p.consistency = d.consistency;
        p.durability = d.durability;
        p.queries = d.queries;
        p.hosting = d.hosting;
        p.replicas = d.replicas;
        p.shards = d.shards;
        p.tenants = d.tenants;
        p.retentionDays = d.retentionDays;
        p.cachePolicy = d.cachePolicy;
        p.ttlSeconds = d.ttlSeconds;
        s.data = std::move(p);
    }
    return s;
}

Flow slim(const Flow& f) {
    Flow s;
    s.id = f.id;
    s.from = f.from;
    s.to = f.to;
    s.style = f.style;
    s.readsPerSecond = f.readsPerSecond;
    s.writesPerSecond = f.writesPerSecond;
    s.payloadKB = f.payloadKB;
    s.peakFactor = f.peakFactor;
    s.extra = Json();
    return s;
}

} // namespace

const Facts* AnalysisResult::facts(std::string_view elementId) const {
    auto it = elements.find(std::string(elementId));
    return it == elements.end() ? nullptr : &it->second;
}

AnalysisResult analyse(const Model& model, const KnowledgeBase& knowledge,
                       const AnalysisOptions& options) {
    Analysis analysis(knowledge, options);
    analysis.reset(model);
    return analysis.result();
}

Analysis::Analysis(const KnowledgeBase& knowledge, AnalysisOptions options)
    : knowledge_(knowledge), options_(options) {}

void Analysis::reset(const Model& model) {
    elements_.clear();
    flows_.clear();
    in_.clear();
    out_.clear();
    result_ = {};
    contributions_.clear();
    totals_ = {};
    elements_.reserve(model.elements.size());
    flows_.reserve(model.flows.size());
    in_.reserve(model.elements.size());
    out_.reserve(model.elements.size());
    contributions_.reserve(model.elements.size());
    for (const auto& e : model.elements)
        elements_.emplace(e.id, slim(e));
    for (const auto& f : model.flows) {
        flows_.emplace(f.id, slim(f));
        addFlowToIndex(f);
    }
    for (const auto& e : model.elements) {
        Facts facts = computeElement(e);
        Contribution c = contributionOf(e, facts);
        apply(c, +1);
        contributions_.emplace(e.id, std::move(c));
        result_.elements.emplace(e.id, std::move(facts));
    }
    recomputeModelFacts();
}

void Analysis::addFlowToIndex(const Flow& flow) {
    in_[flow.to].insert(flow.id);
    out_[flow.from].insert(flow.id);
}

void Analysis::removeFlowFromIndex(const Flow& flow) {
    if (auto it = in_.find(flow.to); it != in_.end()) {
        it->second.erase(flow.id);
        if (it->second.empty()) in_.erase(it);
    }
    if (auto it = out_.find(flow.from); it != out_.end()) {
        it->second.erase(flow.id);
        if (it->second.empty()) out_.erase(it);
    }
}

void Analysis::addOutTargets(const std::string& source, std::set<std::string>& out) const {
    auto it = out_.find(source);
    if (it == out_.end()) return;
    for (const auto& flowId : it->second)
        out.insert(flows_.at(flowId).to);
}

void Analysis::elementChanged(const Model& model, std::string_view id) {
    const std::string key(id);
    if (const Element* e = model.findElement(id))
        elements_.insert_or_assign(key, slim(*e));
    else
        elements_.erase(key);

    std::set<std::string> affected{key};
    if (auto it = in_.find(key); it != in_.end()) {
        for (const auto& flowId : it->second) {
            const std::string& source = flows_.at(flowId).from;
            affected.insert(source);
            addOutTargets(source, affected); // siblings
        }
    }
    addOutTargets(key, affected);
    recompute(affected);
}

void Analysis::flowChanged(const Model& model, std::string_view id) {
    const std::string key(id);
    std::set<std::string> affected;
    if (auto it = flows_.find(key); it != flows_.end()) {
        affected.insert(it->second.from);
        affected.insert(it->second.to);
        addOutTargets(it->second.from, affected);
        removeFlowFromIndex(it->second);
        flows_.erase(it);
    }
    if (const Flow* f = model.findFlow(id)) {
        flows_.emplace(key, slim(*f));
        addFlowToIndex(*f);
        affected.insert(f->from);
        affected.insert(f->to);
        addOutTargets(f->from, affected);
    }
    recompute(affected);
}

void Analysis::recompute(const std::set<std::string>& ids) {
    for (const auto& id : ids) {
        if (auto old = contributions_.find(id); old != contributions_.end()) {
            apply(old->second, -1);
            contributions_.erase(old);
        }
        auto it = elements_.find(id);
        if (it == elements_.end()) {
            result_.elements.erase(id);
            continue;
        }
        Facts facts = computeElement(it->second);
        Contribution c = contributionOf(it->second, facts);
        apply(c, +1);
        contributions_.emplace(id, std::move(c));
        result_.elements.insert_or_assign(id, std::move(facts));
    }
    recomputeModelFacts();
}

} // namespace plumb

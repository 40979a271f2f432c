// Full and incremental load analysis (see analysis.h). The incremental path recomputes exactly
// the elements whose facts read the changed object:
//   an element X  -> X, the elements on both ends of its flows, and the "siblings" (targets of
//                    the other flows of X's sources: their readOffload looks at X's kind);
//   a flow S -> T -> S and T (old and new endpoints), and every target of S's flows (same reason).
#include "plumbline/analysis.h"

#include "plumbline/element_kinds.h"

#include <algorithm>

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
    s.tags = e.tags;
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
    auto it = elements.find(elementId);
    return it == elements.end() ? nullptr : &it->second;
}

AnalysisResult analyse(const Model& model, const KnowledgeBase& knowledge,
                       const AnalysisOptions& options) {
    Analysis analysis(knowledge, options);
    analysis.reset(model);
    return analysis.takeResult();
}

Analysis::Analysis(const KnowledgeBase& knowledge, AnalysisOptions options)
    : knowledge_(knowledge), options_(options) {}

namespace {

template <typename Ref> bool byFlowId(const Ref& a, const Ref& b) {
    return a.flow->id < b.flow->id;
}

template <typename Ref> void insertSorted(std::vector<Ref>& refs, Ref ref) {
    auto at = std::lower_bound(refs.begin(), refs.end(), ref, byFlowId<Ref>);
    if (at == refs.end() || at->flow->id != ref.flow->id) refs.insert(at, ref);
}

template <typename Ref> void sortUniqueByFlowId(std::vector<Ref>& refs) {
    std::sort(refs.begin(), refs.end(), byFlowId<Ref>);
    refs.erase(std::unique(refs.begin(), refs.end(),
                           [](const Ref& a, const Ref& b) { return a.flow->id == b.flow->id; }),
               refs.end());
}

template <typename Ref> void eraseFlow(std::vector<Ref>& refs, const Flow* flow) {
    std::erase_if(refs, [flow](const Ref& r) { return r.flow == flow; });
}

} // namespace

void Analysis::reset(const Model& model) {
    nodes_.clear();
    flows_.clear();
    elementCount_ = 0;
    result_ = {};
    totals_ = {};
    nodes_.reserve(model.elements.size());
    flows_.reserve(model.flows.size());
    for (const auto& e : model.elements) {
        Node& node = nodes_[e.id];
        if (node.element) continue; // a duplicate id: the first element counts
        node.element = slim(e);
        ++elementCount_;
    }
    // Index every flow, then sort each node's lists once (cheaper than sorted inserts).
    for (const auto& f : model.flows) {
        auto stored = flows_.emplace(f.id, slim(f)).first;
        addFlowToIndex(f, &stored->second, false);
    }
    for (auto& [id, node] : nodes_) {
        sortUniqueByFlowId(node.in);
        sortUniqueByFlowId(node.out);
    }
    for (const auto& e : model.elements) {
        const Node& node = nodes_.at(e.id);
        Facts facts = computeElement(e, node);
        Contribution c = contributionOf(e, facts);
        apply(c, +1);
        Node& mutableNode = nodes_.at(e.id);
        if (!mutableNode.contribution) mutableNode.contribution = std::move(c);
        result_.elements.emplace(e.id, std::move(facts));
    }
    recomputeModelFacts();
}

AnalysisResult Analysis::takeResult() {
    AnalysisResult out = std::move(result_);
    result_ = {};
    return out;
}

// `endpoints` gives the ends the flow is listed under; `flow` is the stored flow with that id
// (they differ only for a duplicate flow id in a model, which reads the first flow, as a lookup
// by id would).
void Analysis::addFlowToIndex(const Flow& endpoints, const Flow* flow, bool keepSorted) {
    Node* source = &nodes_[flow->from];
    Node* target = &nodes_[flow->to];
    Node* listedIn = endpoints.to == flow->to ? target : &nodes_[endpoints.to];
    Node* listedOut = endpoints.from == flow->from ? source : &nodes_[endpoints.from];
    if (keepSorted) {
        insertSorted(listedIn->in, FlowRef{flow, source});
        insertSorted(listedOut->out, FlowRef{flow, target});
    } else {
        listedIn->in.push_back(FlowRef{flow, source});
        listedOut->out.push_back(FlowRef{flow, target});
    }
}

void Analysis::removeFlowFromIndex(const Flow& flow) {
    if (auto it = nodes_.find(flow.to); it != nodes_.end()) eraseFlow(it->second.in, &flow);
    if (auto it = nodes_.find(flow.from); it != nodes_.end()) eraseFlow(it->second.out, &flow);
}

void Analysis::addOutTargets(const Node& source, std::set<std::string>& out) {
    for (const FlowRef& r : source.out) {
        out.insert(r.flow->to);
        // A store behind a pooler counts the pooler's callers as its users (analysis_facts),
        // so what changes a caller changes the stores one pooler further on.
        if (r.other->element && traits(r.other->element->kind).pools)
            for (const FlowRef& behind : r.other->out)
                out.insert(behind.flow->to);
    }
}

void Analysis::elementChanged(const Model& model, std::string_view id) {
    const std::string key(id);
    Node& node = nodes_[key];
    if (const Element* e = model.findElement(id)) {
        if (!node.element) ++elementCount_;
        node.element = slim(*e);
    } else if (node.element) {
        node.element.reset();
        --elementCount_;
    }

    std::set<std::string> affected{key};
    for (const FlowRef& r : node.in) {
        affected.insert(r.flow->from);
        addOutTargets(*r.other, affected); // siblings
    }
    addOutTargets(node, affected);
    recompute(affected);
}

void Analysis::flowChanged(const Model& model, std::string_view id) {
    const std::string key(id);
    std::set<std::string> affected;
    if (auto it = flows_.find(key); it != flows_.end()) {
        affected.insert(it->second.from);
        affected.insert(it->second.to);
        if (auto source = nodes_.find(it->second.from); source != nodes_.end())
            addOutTargets(source->second, affected);
        removeFlowFromIndex(it->second);
        flows_.erase(it);
    }
    if (const Flow* f = model.findFlow(id)) {
        auto stored = flows_.emplace(key, slim(*f)).first;
        addFlowToIndex(*f, &stored->second, true);
        affected.insert(f->from);
        affected.insert(f->to);
        addOutTargets(nodes_.at(f->from), affected);
    }
    recompute(affected);
}

void Analysis::recompute(const std::set<std::string>& ids) {
    for (const auto& id : ids) {
        auto it = nodes_.find(id);
        if (it == nodes_.end()) {
            result_.elements.erase(id);
            continue;
        }
        Node& node = it->second;
        if (node.contribution) {
            apply(*node.contribution, -1);
            node.contribution.reset();
        }
        if (!node.element) {
            result_.elements.erase(id);
            continue;
        }
        Facts facts = computeElement(*node.element, node);
        Contribution c = contributionOf(*node.element, facts);
        apply(c, +1);
        node.contribution = std::move(c);
        result_.elements.insert_or_assign(id, std::move(facts));
    }
    recomputeModelFacts();
}

} // namespace plumb

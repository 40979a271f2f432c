#pragma once
// Load analysis: derives the facts the rules read (see fact_catalogue.cpp) for every element of
// a model, and a few model-wide facts, from the model and the technology envelopes.
//
// How the numbers are derived (the contract: a missing estimate stays missing):
// - A data-holding element's load is the sum of the flows INTO it (flow.to == element), each
//   multiplied by the what-if scale. A rate is absent when no flow into it estimates that rate.
// - Peaks use each flow's peakFactor (1 when the flow gives none).
// - writers/readers: the instances of the distinct elements behind writing/reading flows. An
//   element with no `instances` counts as ONE process, and the fact `instancesAssumed` is set
//   so that messages can say the count is a lower bound. Actors and externals count as one.
//   A pooler is not a writer of its own: the processes calling it (with that rate) are.
// - connections: instances x connectionsPerInstance (1 when not given) of every service,
//   function or pooler connecting directly. A pooler in between is one hop: the store sees the
//   pooler's connections, not the services behind it.
// - A flow with no `style` counts as sync (request/response), the common case for a store.
// - Structural attributes that are design decisions rather than estimates default to "none":
//   shardCount 1, replicaCount 0, ttlDeclared false.
// - Single-writer engines (SQLite family) holding several tenants are taken to be one database
//   per tenant (the research's pattern for them), and an embedded one (no HTTP) hosted on
//   mobile, browser or edge is one database per instance using it (each phone or gateway has
//   its own file): per-database rates and volumes (`databases`, `*PerDatabase*`) divide by it.
// - scale multiplies rates, volumes, growth and vector counts; never instances or record sizes.
//
// `Analysis` keeps its own copy of the elements and flows so that one edit recomputes only the
// elements whose facts depend on it; its result always equals `analyse()` on the same model.

#include "plumbline/facts.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"
#include "plumbline/technology_resolver.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plumb {

struct AnalysisOptions {
    double scale = 1.0;         // what-if multiplier for rates, volumes and growth
    double horizonMonths = 0.0; // volumes are also judged after this many months of growth
};

struct AnalysisResult {
    // By element id, every element of the model (transparent: found by string_view too).
    std::map<std::string, Facts, std::less<>> elements;
    Facts model; // "model.*" facts for model-scoped rules

    const Facts* facts(std::string_view elementId) const;
    bool operator==(const AnalysisResult&) const = default;
};

// The whole analysis at once.
AnalysisResult analyse(const Model& model, const KnowledgeBase& knowledge,
                       const AnalysisOptions& options = {});

class Analysis {
public:
    Analysis(const KnowledgeBase& knowledge, AnalysisOptions options = {});

    // Forgets everything and analyses `model` in full.
    void reset(const Model& model);
    // The element with this id was added, edited or removed in `model`.
    void elementChanged(const Model& model, std::string_view id);
    // The flow with this id was added, edited (including its endpoints) or removed in `model`.
    void flowChanged(const Model& model, std::string_view id);

    const AnalysisResult& result() const { return result_; }
    // Moves the result out (no copy); the analysis must be reset before it is used again.
    AnalysisResult takeResult();
    const AnalysisOptions& options() const { return options_; }

private:
    struct Node;
    // A flow as seen from one end: the flow and the node at its other end.
    struct FlowRef {
        const Flow* flow;
        const Node* other;
    };
    // What one element adds to the model-wide facts. Totals are kept as counts and as integer
    // micro-units so that adding and removing contributions in any order gives exactly the
    // numbers a full pass gives (model totals are therefore exact to 1e-6).
    struct Contribution {
        std::string engine, context;
        bool store = false;
        std::optional<long long> volumeMicro, writesMicro;
    };
    struct Totals {
        std::map<std::string, int> engines, contexts;
        int stores = 0, volumeUnknown = 0, writesUnknown = 0;
        long long volumeMicro = 0, writesMicro = 0;
    };
    // Everything known under one id, found with one lookup. Flows are sorted by flow id so that
    // sums run in one order whatever the edit history: floating-point addition is not
    // associative and incremental must equal full exactly. Nodes are never erased (an id whose
    // element was removed keeps an empty node), so FlowRef::other stays valid.
    struct Node {
        std::optional<Element> element; // absent: only flows name this id
        std::optional<Contribution> contribution;
        std::vector<FlowRef> in, out;
    };

    void recompute(const std::set<std::string>& ids);
    void recomputeModelFacts();
    Facts computeElement(const Element& element, const Node& node) const;
    // keepSorted false: appends, and the caller sorts the lists afterwards.
    void addFlowToIndex(const Flow& endpoints, const Flow* flow, bool keepSorted);
    void removeFlowFromIndex(const Flow& flow);
    static void addOutTargets(const Node& source, std::set<std::string>& out);
    Contribution contributionOf(const Element& element, const Facts& facts) const;
    void apply(const Contribution& c, int sign);

    // The knowledge base's reading of a technology as written, once per distinct text.
    const TechnologyResolution& resolve(const std::string& written) const;
    std::string resolvedTechnologyId(const std::string& written) const;

    const KnowledgeBase& knowledge_;
    mutable std::unordered_map<std::string, TechnologyResolution> resolutions_;
    // by technology id, shared by the facts of every element using it
    mutable std::unordered_map<std::string, std::shared_ptr<const Facts>> envelopeFacts_;
    Totals totals_;
    AnalysisOptions options_;
    std::unordered_map<std::string, Node> nodes_; // by element id (nodes do not move)
    std::size_t elementCount_ = 0;
    std::unordered_map<std::string, Flow> flows_; // by flow id (nodes do not move)
    AnalysisResult result_;
};

} // namespace plumb

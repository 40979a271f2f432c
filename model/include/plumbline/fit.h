#pragma once
// Technology fit: for one data-holding element, how well each candidate technology's envelope
// fits the analysed workload, dimension by dimension, best first.
//
// Candidates respect what the element is: caches for a cache, streams and queues for a stream
// or queue, poolers for a pooler, data stores for a store (caches only for ephemeral data; near
// the current category when no structure is stated). A candidate must offer the element's stated
// structure, every query kind, its hosting, durability for normal or critical data and vector
// search for vectors. The element's own technology is always ranked too (`current`). Each dimension
// scores in [0, 1] with a reason; dimensions whose input was not estimated are listed with weight 0
// and do not count. The overall score is the weighted mean of the counted dimensions, halved once
// if any counted dimension rules the technology out (score 0): e.g. a cache technology for critical
// data, a store without vector search for vectors. So a technology that cannot hold the data never
// ranks above one that can.

#include "plumbline/facts.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <string>
#include <vector>

namespace plumb {

struct FitDimension {
    std::string name; // volume, writeRate, readRate, queryKinds, consistency, durability,
                      // hosting, vectors, concurrency, structure
    double score = 1.0;
    double weight = 0.0; // 0: not estimated, not counted
    std::string reason;
};

struct TechnologyFit {
    std::string technology;
    double score = 0.0;
    bool ruledOut = false; // some dimension scored 0
    bool current = false;  // the element's own technology (always ranked, for comparison)
    std::vector<FitDimension> dimensions;
};

// Ranks candidate technologies for `element` (best first). Equal scores go to the technologies
// the element's findings recommend, in `recommended`'s order (recommendedAlternatives() in
// checker.h), then by id. Empty for elements that hold no data.
std::vector<TechnologyFit> rankTechnologies(const Element& element, const Facts& facts,
                                            const KnowledgeBase& knowledge,
                                            const std::vector<std::string>& recommended = {});

} // namespace plumb

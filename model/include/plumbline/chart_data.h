#pragma once
// The DATA behind the workbench's tradeoff charts (decision map, growth projection, candidate
// comparison), computed from a model, its check result and the knowledge base. The widgets in
// ui/charts only draw these numbers; report_charts.h draws the report's SVG versions.
//
// Everything is in the analysis's units after the what-if scale: a check run at scale 100
// moves every point 100x along both axes and steepens every growth line 100x.

#include "plumbline/checker.h"
#include "plumbline/fit.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <optional>
#include <string>
#include <vector>

namespace plumb {

// Volume: y = volume in GB, every data-holding element. Vectors: y = vector count, only the
// elements that estimate vectors, against the technologies' vector bands.
enum class MapVariant { Volume, Vectors };

struct MapPoint {
    std::string id, name;
    std::string technology, technologyName; // empty: not chosen
    ElementKind kind = ElementKind::Store;
    double x = 0, y = 0;           // write rate (/s); volume (GB) or vectors
    std::optional<Severity> worst; // worst unwaived finding on the element
    int findings = 0;              // unwaived findings on the element
};

// A technology's envelope on the map: comfortable up to (comfortableX, comfortableY); maximum
// up to (maxX, maxY) where the research gives a maximum (nullopt: unknown).
struct MapRegion {
    std::string technology, name;
    double comfortableX = 0, comfortableY = 0;
    std::optional<double> maxX, maxY;
};

struct DecisionMapData {
    MapVariant variant = MapVariant::Volume;
    std::vector<MapPoint> points;       // model order
    std::vector<MapRegion> regions;     // technologies of the plotted points, most used first
    std::vector<std::string> unplotted; // ids lacking a write rate or the y value
};

DecisionMapData decisionMapData(const Model& model, const KnowledgeBase& knowledge,
                                const CheckResult& result, MapVariant variant);

// One store's volume month by month against its technology's limits.
struct GrowthData {
    std::string id, name, technologyName;
    std::vector<std::pair<double, double>> volume; // (month, GB) for months 0..horizon
    std::optional<double> comfortableGB, maxGB;
    // First whole month at or past each limit; nullopt: not within the horizon (or no limit).
    std::optional<int> comfortableMonth, maxMonth;
    std::string caption; // "passes 1 TB in month 14", "already past 1 TB", "stays under 1 TB"
};

// nullopt when the element is unknown, holds no data or has no volume estimate.
std::optional<GrowthData> growthData(const Model& model, const KnowledgeBase& knowledge,
                                     const AnalysisResult& analysis, const std::string& id,
                                     int horizonMonths = 36);

// The current technology and the best other candidates, dimension by dimension.
struct CandidateComparison {
    std::string id;
    std::vector<std::string> dimensions; // counted (weight > 0) by any entry, in fit order
    std::vector<TechnologyFit> entries;  // the current technology first when it is ranked
    // The rest of the ranking (same kind of technology), by name: what else "Try it" offers.
    std::vector<std::string> otherCandidates;
    bool currentIncluded = false;
};

// Empty entries when the element is unknown or holds no data. `recommended` breaks ties as the
// checker does (recommendedAlternatives(result, id)), so the chart leads with what the
// element's findings say to consider.
CandidateComparison candidateComparison(const Model& model, const KnowledgeBase& knowledge,
                                        const AnalysisResult& analysis, const std::string& id,
                                        int others = 3,
                                        const std::vector<std::string>& recommended = {});

// The score of one dimension of a fit; nullptr when the fit does not count it.
const FitDimension* dimensionOf(const TechnologyFit& fit, const std::string& name);

} // namespace plumb

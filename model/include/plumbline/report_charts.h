#pragma once
// Tradeoff charts for the report, as SVG that QtSvg can render too (for the PDF).

#include "plumbline/report.h"

#include <string>
#include <vector>

namespace plumb {

struct DecisionMap {
    std::string svg;                    // empty when no store can be plotted
    std::vector<std::string> unplotted; // store names lacking a write rate or a volume
};

// Log-log chart of write rate (x) against volume (y): every store is a point coloured by its
// worst finding; each technology in use shows its comfortable envelope as a shaded rectangle
// and its maximum as a dashed one, so a point outside its technology's band stands out.
DecisionMap writeDecisionMap(const Report& report);

// One store's growth: volume now, at 6/12/24 months (and at the horizon), and the months until
// the technology's comfortable and maximum volumes are reached (nullopt: never / unknown).
struct GrowthRow {
    std::string store; // element id
    double volumeGB = 0, growthGBPerMonth = 0;
    std::optional<double> monthsToComfortable, monthsToMax;
};
std::vector<GrowthRow> growthProjection(const Report& report);

// A small inline sparkline (SVG) of the volume over 24 months against the comfortable line.
std::string growthSparkline(const GrowthRow& row, const ReportStore& store);

} // namespace plumb

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

// Log-log chart of write rate (x) against volume (y) drawn from Report::decisionMap (the
// workbench's decision map data): every store is a point coloured by its worst finding; each
// technology in use shows its comfortable envelope as a shaded rectangle and its maximum as a
// dashed one, so a point outside its technology's band stands out.
DecisionMap writeDecisionMap(const Report& report);

// A small inline sparkline (SVG) of one growth row over its 24 months against the comfortable
// line. The rows themselves are Report::growth (buildReport).
std::string growthSparkline(const ReportGrowthRow& row);

} // namespace plumb

#pragma once
// Number and label formatting shared by every report writer (HTML, Markdown, PDF, SVG), so the
// formats show the same numbers the same way. Plain text: writers escape it for their format.

#include "plumbline/report.h"
#include "plumbline/units.h" // numbers and sizes: units::number, units::gigabytes, ...

#include <optional>
#include <string>

namespace plumb {

// "Error", "Warning", "Info".
std::string severityTitle(Severity severity);
// "store", "cache", … as people read them ("key-value" stays as is).
std::string kindTitle(ElementKind kind);
// "Orders DB (orders-db)" or just the id when the element has no name.
std::string elementLabel(const Element& element);
// The finding's location for people: "Orders DB", or "Whole model".
std::string findingWhere(const Report& report, const Finding& finding);
// Evidence as "writesPerSecond 2,000; writers 20".
std::string evidenceText(const Finding& finding);
// The growth table's "Reached in" cell: "already exceeded", "14 months", "not within 24
// months", or "—" when the technology states no comfortable volume.
std::string reachedText(const ReportGrowthRow& row);
// Percent score of a fit ("87%").
std::string scoreText(double score);

// Colours (#rrggbb) used in every format, so a severity looks the same everywhere.
const char* severityColour(Severity severity);
const char* kindColour(ElementKind kind);

} // namespace plumb

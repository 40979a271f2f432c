#pragma once
// Number and label formatting shared by every report writer (HTML, Markdown, PDF, SVG), so the
// formats show the same numbers the same way. Plain text: writers escape it for their format.

#include "plumbline/report.h"

#include <optional>
#include <string>

namespace plumb {

// "2,400", "1.5", "0.25": thousands separators, at most `decimals` decimals, no trailing zeros.
std::string formatNumber(double value, int decimals = 1);
// "2.4k", "1.2M", "950": for diagram labels where space is short.
std::string formatCompact(double value);
// "320 GB", "1.2 TB", "512 MB"; "—" when absent.
std::string formatGB(const std::optional<double>& gb);
// "2,400/s"; "—" when absent.
std::string formatRate(const std::optional<double>& perSecond);
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
// Percent score of a fit ("87%").
std::string scoreText(double score);

// Colours (#rrggbb) used in every format, so a severity looks the same everywhere.
const char* severityColour(Severity severity);
const char* kindColour(ElementKind kind);

} // namespace plumb

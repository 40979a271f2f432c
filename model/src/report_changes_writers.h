#pragma once
// The "Changes since OLD" section in HTML and Markdown (report.h ReportChanges); the report
// writers place it first. Empty strings when the report has no baseline.
#include "plumbline/report.h"

#include <string>

namespace plumb {

std::string changesSectionHtml(const Report& report);
std::string changesSectionMarkdown(const Report& report);

} // namespace plumb

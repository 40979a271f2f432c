// Shared formatting for the report writers (report_text.h).
#include "plumbline/report_text.h"

#include "plumbline/element_kinds.h"

#include <cmath>
#include <cstdio>

namespace plumb {

std::string severityTitle(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "Error";
    case Severity::Warning:
        return "Warning";
    case Severity::Info:
        return "Info";
    case Severity::Off:
        break;
    }
    return "Off";
}

std::string kindTitle(ElementKind kind) {
    return std::string(traits(kind).title);
}

std::string elementLabel(const Element& element) {
    if (element.name && !element.name->empty() && *element.name != element.id)
        return *element.name + " (" + element.id + ")";
    return element.id;
}

std::string findingWhere(const Report& report, const Finding& finding) {
    if (finding.element.empty()) return "Whole model";
    return report.elementName(finding.element);
}

std::string evidenceText(const Finding& finding) {
    std::string out;
    for (const auto& [name, value] : finding.evidence)
        out += (out.empty() ? "" : "; ") + name + " " + formatFact(name, value);
    return out;
}

std::string reachedText(const ReportGrowthRow& row) {
    if (!row.comfortableGB) return "—";
    if (!row.comfortableMonth)
        return "not within " + std::to_string(Report::kGrowthMonths) + " months";
    if (*row.comfortableMonth == 0) return "already exceeded";
    return std::to_string(*row.comfortableMonth) +
           (*row.comfortableMonth == 1 ? " month" : " months");
}

std::string scoreText(double score) {
    return units::number(std::round(score * 100.0), 0) + "%";
}

const char* severityColour(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return "#c0392b";
    case Severity::Warning:
        return "#d68910";
    case Severity::Info:
        return "#2e86c1";
    case Severity::Off:
        break;
    }
    return "#7f8c8d";
}

const char* kindColour(ElementKind kind) {
    return kindColourHex(kind).data(); // the canvas's accent (element_kinds.h), NUL-terminated
}

} // namespace plumb

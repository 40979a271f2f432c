// Shared formatting for the report writers (report_text.h).
#include "plumbline/report_text.h"

#include <cmath>
#include <cstdio>

namespace plumb {

std::string formatNumber(double value, int decimals) {
    if (!std::isfinite(value)) return "—";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    const std::size_t dot = s.find('.');
    std::size_t intEnd = dot == std::string::npos ? s.size() : dot;
    const std::size_t intStart = s[0] == '-' ? 1 : 0;
    for (std::size_t i = intEnd; i > intStart + 3; i -= 3)
        s.insert(i - 3, ",");
    return s;
}

std::string formatCompact(double value) {
    const double a = std::fabs(value);
    if (a >= 1e9) return formatNumber(value / 1e9, 1) + "G";
    if (a >= 1e6) return formatNumber(value / 1e6, 1) + "M";
    if (a >= 1e4) return formatNumber(value / 1e3, 0) + "k";
    if (a >= 1e3) return formatNumber(value / 1e3, 1) + "k";
    return formatNumber(value, a < 10 ? 1 : 0);
}

std::string formatGB(const std::optional<double>& gb) {
    if (!gb) return "—";
    if (*gb >= 1024.0 * 1024.0) return formatNumber(*gb / (1024.0 * 1024.0), 1) + " PB";
    if (*gb >= 1024.0) return formatNumber(*gb / 1024.0, 1) + " TB";
    if (*gb > 0 && *gb < 1.0) return formatNumber(*gb * 1024.0, 0) + " MB";
    return formatNumber(*gb, 1) + " GB";
}

std::string formatRate(const std::optional<double>& perSecond) {
    return perSecond ? formatNumber(*perSecond, 1) + "/s" : "—";
}

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
    return std::string(spelling(kind));
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

std::string scoreText(double score) {
    return formatNumber(std::round(score * 100.0), 0) + "%";
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
    switch (kind) {
    case ElementKind::Actor:
        return "#5d6d7e";
    case ElementKind::Service:
        return "#2874a6";
    case ElementKind::Function:
        return "#17a589";
    case ElementKind::Store:
        return "#1e8449";
    case ElementKind::Cache:
        return "#ca6f1e";
    case ElementKind::Stream:
        return "#8e44ad";
    case ElementKind::Queue:
        return "#5b2c6f";
    case ElementKind::Pooler:
        return "#566573";
    case ElementKind::External:
        return "#839192";
    }
    return "#566573";
}

} // namespace plumb

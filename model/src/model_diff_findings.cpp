// Findings against a baseline: matched by the SARIF fingerprint (model_diff.h).
#include "plumbline/model_diff.h"

#include <unordered_map>
#include <unordered_set>

namespace plumb {
namespace {

Severity threshold(const std::string& failOn) {
    return failOn == "warning" ? Severity::Warning : Severity::Error;
}

} // namespace

FindingSummary summarize(const Finding& f) {
    return {f.rule, f.element, f.title, findingFingerprint(f), f.severity, f.waived};
}

FindingsDiff diffFindings(const std::vector<FindingSummary>& before,
                          const std::vector<Finding>& after) {
    FindingsDiff d;
    std::unordered_map<std::string, const FindingSummary*> old;
    for (const auto& f : before)
        old.emplace(f.fingerprint, &f);
    std::unordered_set<std::string> present;
    for (const auto& finding : after) {
        FindingSummary now = summarize(finding);
        present.insert(now.fingerprint);
        auto it = old.find(now.fingerprint);
        if (it == old.end())
            d.added.push_back(std::move(now));
        else if (it->second->severity != now.severity)
            d.changed.push_back({std::move(now), it->second->severity});
        else
            d.unchanged.push_back(std::move(now));
    }
    for (const auto& f : before)
        if (!present.count(f.fingerprint)) d.fixed.push_back(f);
    return d;
}

std::string FindingsDiff::baselineState(const std::string& fingerprint) const {
    for (const auto& f : added)
        if (f.fingerprint == fingerprint) return "new";
    for (const auto& c : changed)
        if (c.finding.fingerprint == fingerprint) return "updated";
    return "unchanged";
}

bool diffFails(const FindingsDiff& diff, const std::string& failOn) {
    if (failOn == "never") return false;
    const Severity at = threshold(failOn);
    for (const auto& f : diff.added)
        if (!f.waived && f.severity >= at) return true;
    for (const auto& c : diff.changed)
        if (!c.finding.waived && c.finding.severity >= at && c.oldSeverity < at) return true;
    return false;
}

std::optional<std::vector<FindingSummary>>
readFindingsFile(const Json& document, const std::string& fileName, std::string& error) {
    if (!document.is_object() || document.value("tool", Json()) != "plumbline" ||
        !document.contains("findings") || document.contains("elements"))
        return std::nullopt;
    const Json& findings = document["findings"];
    if (!findings.is_array()) {
        error = fileName + ": /findings: expected an array of findings";
        return std::vector<FindingSummary>{};
    }
    std::vector<FindingSummary> out;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const Json& f = findings[i];
        const std::string at = fileName + ": /findings/" + std::to_string(i);
        if (!f.is_object() || !f.contains("rule") || !f["rule"].is_string()) {
            error = at + "/rule: expected the finding's rule id (a string)";
            return out;
        }
        FindingSummary s;
        s.rule = f["rule"].get<std::string>();
        if (f.contains("element") && !f["element"].is_string()) {
            error = at + "/element: expected an element id (a string)";
            return out;
        }
        s.element = f.value("element", std::string());
        auto severity = f.contains("severity") && f["severity"].is_string()
                            ? fromString<Severity>(f["severity"].get<std::string>())
                            : std::nullopt;
        if (!severity) {
            error = at + "/severity: expected error, warning or info";
            return out;
        }
        s.severity = *severity;
        if (f.contains("title") && f["title"].is_string()) s.title = f["title"].get<std::string>();
        s.waived = f.value("waived", Json(false)) == Json(true);
        s.fingerprint = findingFingerprint(s.rule, s.element);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace plumb

// `check --format sarif`: SARIF 2.1.0, shaped for GitHub code scanning (rules with help text and
// default levels, results with physical and logical locations and stable fingerprints; waived
// findings carry a suppression instead of disappearing).
#include "plumbline/check_output.h"
#include "plumbline/model_diff.h"

#include <cstdio>
#include <functional>
#include <unordered_map>

namespace plumb {
namespace {

// The project's home page; the lead sets the published address here (one place).

const char* level(Severity s) {
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    default:
        return "note";
    }
}

struct RuleInfo {
    std::string id, title, rationale;
    Severity severity;
    std::vector<std::string> patterns, alternatives, sources;
};

std::vector<RuleInfo> ruleTable(const KnowledgeBase& kb) {
    std::vector<RuleInfo> out;
    for (const auto& r : kb.rules)
        out.push_back(
            {r.id, r.title, r.rationale, r.severity, r.patterns, r.alternatives, r.sources});
    out.push_back({kEstimatesMissingRule,
                   "Missing estimates keep rules from judging an element",
                   "Rules fire only on what the model states; a missing estimate leaves checks "
                   "undecided. Add the estimates listed in the finding.",
                   Severity::Info,
                   {},
                   {},
                   {}});
    return out;
}

Json sarifRule(const RuleInfo& r) {
    std::string md = "**" + r.title + "**\n\n" + r.rationale + "\n";
    std::string text = r.rationale;
    if (!r.alternatives.empty()) {
        std::string list;
        for (const auto& a : r.alternatives)
            list += (list.empty() ? "" : ", ") + a;
        md += "\nAlternatives: " + list + "\n";
        text += " Alternatives: " + list + ".";
    }
    if (!r.patterns.empty()) {
        std::string list;
        for (const auto& p : r.patterns)
            list += (list.empty() ? "" : ", ") + p;
        md += "\nPatterns: " + list + "\n";
        text += " Patterns: " + list + ".";
    }
    if (!r.sources.empty()) {
        md += "\nSources:\n";
        for (const auto& s : r.sources)
            md += "- <" + s + ">\n";
    }
    Json j = {{"id", r.id},
              {"name", r.id},
              {"shortDescription", {{"text", r.title}}},
              {"fullDescription", {{"text", r.rationale}}},
              {"help", {{"text", text}, {"markdown", md}}},
              {"defaultConfiguration", {{"level", level(r.severity)}}},
              {"properties", {{"tags", Json::array({"data-architecture", "plumbline"})}}}};
    // helpUri is optional in SARIF; a rule without sources gets none rather than a made-up page.
    if (!r.sources.empty()) j["helpUri"] = r.sources.front();
    return j;
}

std::string uriOf(std::string file) {
    for (auto& c : file)
        if (c == '\\') c = '/';
    if (file.starts_with("./")) file.erase(0, 2);
    return file;
}

} // namespace

// FNV-1a over rule and element: the same finding gets the same fingerprint on every machine
// and compiler, so code-scanning dashboards can track it across runs (std::hash promises neither).
std::string findingFingerprint(const std::string& rule, const std::string& element) {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : rule + "\n" + element) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(h));
    return buffer;
}

std::string findingFingerprint(const Finding& f) {
    return findingFingerprint(f.rule, f.element);
}

Json checkToSarif(const CheckReport& report) {
    const auto rules = ruleTable(report.knowledge);
    std::map<std::string, std::size_t> index;
    Json driverRules = Json::array();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        index[rules[i].id] = i;
        driverRules.push_back(sarifRule(rules[i]));
    }
    const std::string uri = uriOf(report.file);
    const bool json = !report.sourceText.empty();
    const auto lines = json ? locateIds(report.sourceText) : std::map<std::string, int>{};

    // baselineState by fingerprint, looked up once per result (a large model has thousands).
    std::unordered_map<std::string, const char*> states;
    if (report.baseline) {
        for (const auto& f : report.baseline->added)
            states.emplace(f.fingerprint, "new");
        for (const auto& c : report.baseline->changed)
            states.emplace(c.finding.fingerprint, "updated");
    }
    Json results = Json::array();
    for (const auto& f : report.result.findings) {
        int line = 1;
        if (auto it = lines.find(f.element); it != lines.end()) line = it->second;
        const std::string fp = findingFingerprint(f);
        Json logical = f.element.empty() ? Json{{"name", report.model.name.value_or("model")},
                                                {"fullyQualifiedName", "model"},
                                                {"kind", "module"}}
                                         : Json{{"name", f.element},
                                                {"fullyQualifiedName", "model/" + f.element},
                                                {"kind", "object"}};
        Json result = {
            {"ruleId", f.rule},
            {"level", level(f.severity)},
            {"message", {{"text", f.title + ": " + f.message}}},
            {"locations", Json::array({{{"physicalLocation",
                                         {{"artifactLocation", {{"uri", uri}, {"index", 0}}},
                                          {"region", {{"startLine", line}, {"startColumn", 1}}}}},
                                        {"logicalLocations", Json::array({logical})}}})},
            {"partialFingerprints", {{"plumblineFinding/v1", fp}}}};
        if (auto it = index.find(f.rule); it != index.end()) result["ruleIndex"] = it->second;
        if (!f.thresholds.empty())
            result["properties"] = {{"thresholds", thresholdsJson(f.thresholds)}};
        if (f.waived)
            result["suppressions"] = Json::array({{{"kind", "external"},
                                                   {"status", "accepted"},
                                                   {"justification", f.waiverReason}}});
        if (report.baseline) {
            auto state = states.find(fp);
            result["baselineState"] = state == states.end() ? "unchanged" : state->second;
        }
        results.push_back(std::move(result));
    }
    // The baseline's findings that are gone: SARIF's "absent" results, so a dashboard closes them.
    if (report.baseline)
        for (const auto& f : report.baseline->fixed) {
            Json result = {
                {"ruleId", f.rule},
                {"level", level(f.severity)},
                {"message", {{"text", f.title.empty() ? f.rule : f.title}}},
                {"locations",
                 Json::array({{{"physicalLocation",
                                {{"artifactLocation", {{"uri", uri}, {"index", 0}}},
                                 {"region", {{"startLine", 1}, {"startColumn", 1}}}}}}})},
                {"partialFingerprints", {{"plumblineFinding/v1", f.fingerprint}}},
                {"baselineState", "absent"}};
            if (auto it = index.find(f.rule); it != index.end()) result["ruleIndex"] = it->second;
            results.push_back(std::move(result));
        }

    Json run = {
        {"tool",
         {{"driver",
           {{"name", "plumbline"},
            {"version", report.toolVersion},
            {"semanticVersion", report.toolVersion},
            {"rules", driverRules}}}}},
        {"artifacts",
         Json::array({{{"location", {{"uri", uri}}},
                       {"mimeType", json ? "application/json" : "application/octet-stream"}}})},
        {"results", results},
        {"columnKind", "unicodeCodePoints"}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", Json::array({run})}};
}

} // namespace plumb

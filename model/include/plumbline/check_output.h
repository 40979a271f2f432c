#pragma once
// Writers for the results of `plumbline check`: text for people, the JSON of cli.md for tools,
// and SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and the like).

#include "plumbline/checker.h"
#include "plumbline/fit.h"

#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace plumb {

struct FindingsDiff; // model_diff.h

struct CheckReport {
    const Model& model;
    const KnowledgeBase& knowledge;
    const CheckResult& result;
    AnalysisOptions options;
    std::string file;       // the model file as given on the command line (SARIF uri)
    std::string sourceText; // the file's text when it is JSON (for line numbers); else empty
    std::string toolVersion;
    // With `check --baseline`: how the findings compare with the baseline's. SARIF results then
    // carry baselineState, and the baseline's fixed findings are written as "absent" results.
    const FindingsDiff* baseline = nullptr;
};

// Text, grouped by severity; ANSI colour only when `colour`.
void writeCheckText(std::ostream& out, const CheckReport& report, bool colour);

// The JSON document of cli.md (`check --format json`).
Json checkToJson(const CheckReport& report);
// The same document written as dump(2) would write it (no newline after it), one finding at a
// time, so that a large model's output never exists as a whole DOM (#16).
void writeCheckJson(std::ostream& out, const CheckReport& report);

// A finding's `thresholds` (cli.md): [{param, value, unit, provenance}], in the finding's order.
Json thresholdsJson(const std::vector<Threshold>& thresholds);

// One line for people: "threshold 100 writes/s (writesPerSecond): Plumbline's assumption: ...;
// tune it in ruleSettings".
std::string thresholdText(const Threshold& threshold);

// The fingerprint SARIF results carry in partialFingerprints ("plumblineFinding/v1"): FNV-1a
// over rule and element, the same on every machine. Baselines and diffs match findings by it.
std::string findingFingerprint(const std::string& rule, const std::string& element);
std::string findingFingerprint(const Finding& finding);

// A SARIF 2.1.0 log with one run.
Json checkToSarif(const CheckReport& report);

// A GitLab Code Quality report: an array of {description, check_name, fingerprint, severity
// (info|minor|major|critical), location {path, lines {begin}}}; waived findings are left out.
Json checkToGitlab(const CheckReport& report);

// JUnit XML: one testcase per data-holding element and rule judged (plus one per finding
// elsewhere), a <failure> per unwaived finding at or above `failOn` (error|warning|never).
void writeCheckJunit(std::ostream& out, const CheckReport& report, const std::string& failOn);

// Line (from 1) of the `"id": "<id>"` member of every object in a JSON text, by id; the first
// occurrence wins. Works on the raw text so that it needs no parser with positions.
std::map<std::string, int> locateIds(std::string_view jsonText);

} // namespace plumb

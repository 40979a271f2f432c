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

struct CheckReport {
    const Model& model;
    const KnowledgeBase& knowledge;
    const CheckResult& result;
    AnalysisOptions options;
    std::string file;       // the model file as given on the command line (SARIF uri)
    std::string sourceText; // the file's text when it is JSON (for line numbers); else empty
    std::string toolVersion;
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

// A SARIF 2.1.0 log with one run.
Json checkToSarif(const CheckReport& report);

// Line (from 1) of the `"id": "<id>"` member of every object in a JSON text, by id; the first
// occurrence wins. Works on the raw text so that it needs no parser with positions.
std::map<std::string, int> locateIds(std::string_view jsonText);

} // namespace plumb

// plumbline check FILE [--format text|json|sarif|gitlab|junit] [--scale N] [--horizon-months M]
//                      [--fail-on error|warning|never] [--rules DIR]... [--baseline OLD] (cli.md)
// With --baseline every finding is reported, but only the ones OLD does not have fail.
#include "cli.h"
#include "model_source.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_diff.h"
#include "plumbline/model_files.h"
#include "plumbline/tuning.h"
#include "plumbline/version.h"

#include <cmath>
#include <iomanip>
#include <optional>
#include <set>

namespace plumb::cli {
namespace {

struct CheckArgs : AnalysisArgs {
    std::string file;
    std::string format = "text";
    std::string failOn = "error";
    std::string baseline;
};

// Parses the options; on a usage error returns the one-line message instead.
std::optional<std::string> parseArgs(const Args& args, CheckArgs& out) {
    static const std::set<std::string> options{"--format",  "--scale", "--horizon-months",
                                               "--fail-on", "--rules", "--baseline"};
    return parseCommandArgs(
        "check", args, options, out.file,
        [&out](const std::string& name, const std::string& value) -> std::optional<std::string> {
            std::optional<std::string> error;
            if (applyAnalysisOption("check", name, value, out, error)) return error;
            if (name == "--format") {
                static const std::set<std::string> formats{"text", "json", "sarif", "gitlab",
                                                           "junit"};
                if (!formats.count(value))
                    return "check: --format expects text, json, sarif, gitlab or junit, got '" +
                           value + "'";
                out.format = value;
            } else if (name == "--baseline") {
                out.baseline = value;
            } else if (value != "error" && value != "warning" && value != "never") { // --fail-on
                return "check: --fail-on expects error, warning or never, got '" + value + "'";
            } else {
                out.failOn = value;
            }
            return std::nullopt;
        });
}

bool fails(const CheckResult& result, const std::string& failOn) {
    if (failOn == "never") return false;
    if (result.count(Severity::Error) > 0) return true;
    return failOn == "warning" && result.count(Severity::Warning) > 0;
}

// The baseline's findings (a model checked with the same options, or a findings file) against
// this run's.
std::optional<std::string> baselineFindings(const CheckArgs& options, const CheckResult& now,
                                            FindingsDiff& out) {
    ModelSource old;
    if (auto error = loadModelSource(options.baseline, options.file, true, old)) return error;
    std::vector<FindingSummary> before;
    if (old.findings) {
        before = std::move(*old.findings);
    } else {
        KnowledgeBase rules;
        if (auto error = loadRules(options, rules)) return error;
        CheckedModel checked;
        if (auto error = checkModel(old.project->model, rules, options, old.label, checked))
            return error;
        for (const auto& f : checked.result.findings)
            before.push_back(summarize(f));
    }
    out = diffFindings(before, now.findings);
    return std::nullopt;
}

} // namespace

int runCheck(const Args& args, Streams io) {
    CheckArgs options;
    if (auto problem = parseArgs(args, options)) return usageError(io, *problem);

    KnowledgeLoadResult knowledge = loadKnowledge(options.ruleDirs);
    if (!knowledge.ok()) {
        const std::string message = knowledge.errors.empty() ? "the knowledge base cannot be loaded"
                                                             : knowledge.errors.front().toString();
        return usageError(io, message);
    }
    AnyModelLoadResult loaded = loadAnyModel(options.file, &*knowledge.knowledge);
    if (!loaded.project) {
        const std::string message = loaded.errors.empty() ? options.file + ": cannot be read"
                                                          : loaded.errors.front().toString();
        return usageError(io, message);
    }
    const Model& model = loaded.project->model;
    // Only SARIF and GitLab point at lines; the text is the size of the file, read only for them.
    std::string sourceText;
    const bool needsLines = options.format == "sarif" || options.format == "gitlab";
    if (needsLines && !loaded.import && !isProjectFileName(options.file))
        (void)readFileBytes(options.file, sourceText);

    if (auto errors = checkTuning(model, *knowledge.knowledge, options.file); !errors.empty())
        return usageError(io, errors.front().toString());
    if (hasTuning(model)) knowledge.knowledge = applyTuning(*knowledge.knowledge, model);

    CheckOptions checkOptions;
    checkOptions.analysis.scale = options.scale;
    checkOptions.analysis.horizonMonths = options.horizonMonths;
    const CheckResult result = check(model, *knowledge.knowledge, checkOptions);
    CheckReport report{model,        *knowledge.knowledge,  result,           checkOptions.analysis,
                       options.file, std::move(sourceText), PLUMBLINE_VERSION};
    std::optional<FindingsDiff> baseline;
    if (!options.baseline.empty()) {
        auto error = baselineFindings(options, result, baseline.emplace());
        if (error) return usageError(io, *error);
        report.baseline = &*baseline;
    }
    // Streamed: the JSON document one finding at a time, SARIF with setw(2) (the same bytes as
    // dump(2) without the output as one more string); a 10,000-element model's output is 18 MB.
    if (options.format == "json") {
        writeCheckJson(io.out, report);
        io.out << "\n";
    } else if (options.format == "sarif")
        io.out << std::setw(2) << checkToSarif(report) << "\n";
    else if (options.format == "gitlab")
        io.out << std::setw(2) << checkToGitlab(report) << "\n";
    else if (options.format == "junit")
        writeCheckJunit(io.out, report, options.failOn);
    else
        writeCheckText(io.out, report, io.colour);
    if (baseline && options.format == "text")
        io.out << "\nAgainst the baseline " << options.baseline << ": " << baseline->added.size()
               << " new, " << baseline->changed.size() << " changed severity, "
               << baseline->fixed.size() << " fixed; only new findings fail.\n";
    io.out.flush();
    if (baseline) return diffFails(*baseline, options.failOn) ? kFindings : kOk;
    return fails(result, options.failOn) ? kFindings : kOk;
}

} // namespace plumb::cli

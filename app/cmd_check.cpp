// plumbline check FILE [--format text|json|sarif] [--scale N] [--horizon-months M]
//                      [--fail-on error|warning|never] [--rules DIR]...   (cli.md)
#include "cli.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
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
};

// Parses the options; on a usage error returns the one-line message instead.
std::optional<std::string> parseArgs(const Args& args, CheckArgs& out) {
    static const std::set<std::string> options{"--format", "--scale", "--horizon-months",
                                               "--fail-on", "--rules"};
    return parseCommandArgs(
        "check", args, options, out.file,
        [&out](const std::string& name, const std::string& value) -> std::optional<std::string> {
            std::optional<std::string> error;
            if (applyAnalysisOption("check", name, value, out, error)) return error;
            if (name == "--format") {
                if (value != "text" && value != "json" && value != "sarif")
                    return "check: --format expects text, json or sarif, got '" + value + "'";
                out.format = value;
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
    std::string sourceText;
    if (!loaded.import && !isProjectFileName(options.file))
        (void)readFileBytes(options.file, sourceText);

    if (auto errors = checkTuning(model, *knowledge.knowledge, options.file); !errors.empty())
        return usageError(io, errors.front().toString());
    if (hasTuning(model)) knowledge.knowledge = applyTuning(*knowledge.knowledge, model);

    CheckOptions checkOptions;
    checkOptions.analysis.scale = options.scale;
    checkOptions.analysis.horizonMonths = options.horizonMonths;
    const CheckResult result = check(model, *knowledge.knowledge, checkOptions);
    const CheckReport report{
        model,        *knowledge.knowledge, result,           checkOptions.analysis,
        options.file, sourceText,           PLUMBLINE_VERSION};
    // Streamed: the JSON document one finding at a time, SARIF with setw(2) (the same bytes as
    // dump(2) without the output as one more string); a 10,000-element model's output is 18 MB.
    if (options.format == "json") {
        writeCheckJson(io.out, report);
        io.out << "\n";
    } else if (options.format == "sarif")
        io.out << std::setw(2) << checkToSarif(report) << "\n";
    else
        writeCheckText(io.out, report, io.colour);
    io.out.flush();
    return fails(result, options.failOn) ? kFindings : kOk;
}

} // namespace plumb::cli

// plumbline check FILE [--format text|json|sarif] [--scale N] [--horizon-months M]
//                      [--fail-on error|warning|never] [--rules DIR]...   (cli.md)
#include "cli.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"

#include <cmath>
#include <optional>
#include <set>

namespace plumb::cli {
namespace {

struct CheckArgs {
    std::string file;
    std::string format = "text";
    double scale = 1.0;
    double horizonMonths = 0.0;
    std::string failOn = "error";
    std::vector<std::string> ruleDirs;
};

// Parses the options; on a usage error returns the one-line message instead.
std::optional<std::string> parseArgs(const Args& args, CheckArgs& out) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], value;
        bool hasValue = false;
        if (arg.starts_with("--") && arg.find('=') != std::string::npos) {
            value = arg.substr(arg.find('=') + 1);
            arg = arg.substr(0, arg.find('='));
            hasValue = true;
        }
        static const std::set<std::string> withValue{"--format", "--scale", "--horizon-months",
                                                     "--fail-on", "--rules"};
        if (withValue.count(arg) && !hasValue) {
            if (i + 1 >= args.size()) return "check: " + arg + " needs a value";
            value = args[++i];
        }
        if (arg == "--format") {
            if (value != "text" && value != "json" && value != "sarif")
                return "check: --format expects text, json or sarif, got '" + value + "'";
            out.format = value;
        } else if (arg == "--scale") {
            auto v = parseNumber(value);
            if (!v || *v <= 0)
                return "check: --scale expects a positive number, got '" + value + "'";
            out.scale = *v;
        } else if (arg == "--horizon-months") {
            auto v = parseNumber(value);
            if (!v || *v < 0)
                return "check: --horizon-months expects a number of months >= 0, got '" + value +
                       "'";
            out.horizonMonths = *v;
        } else if (arg == "--fail-on") {
            if (value != "error" && value != "warning" && value != "never")
                return "check: --fail-on expects error, warning or never, got '" + value + "'";
            out.failOn = value;
        } else if (arg == "--rules") {
            out.ruleDirs.push_back(value);
        } else if (arg.starts_with("-") && arg != "-") {
            return "check: unknown option '" + arg + "'; see plumbline --help";
        } else if (out.file.empty()) {
            out.file = arg;
        } else {
            return "check: expected one model file, got '" + out.file + "' and '" + arg + "'";
        }
    }
    if (out.file.empty()) return "check: expected a model file (.json or .plumb)";
    return std::nullopt;
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

    ProjectLoadResult loaded = loadProjectOrModel(options.file);
    if (!loaded.project) {
        const std::string message = loaded.errors.empty() ? options.file + ": cannot be read"
                                                          : loaded.errors.front().toString();
        return usageError(io, message);
    }
    const Model& model = loaded.project->model;
    std::string sourceText;
    if (!isProjectFileName(options.file)) (void)readFileBytes(options.file, sourceText);

    KnowledgeLoadResult knowledge = loadKnowledge(options.ruleDirs);
    if (!knowledge.ok()) {
        const std::string message = knowledge.errors.empty() ? "the knowledge base cannot be loaded"
                                                             : knowledge.errors.front().toString();
        return usageError(io, message);
    }

    CheckOptions checkOptions;
    checkOptions.analysis.scale = options.scale;
    checkOptions.analysis.horizonMonths = options.horizonMonths;
    const CheckResult result = check(model, *knowledge.knowledge, checkOptions);
    const CheckReport report{
        model,        *knowledge.knowledge, result,           checkOptions.analysis,
        options.file, sourceText,           PLUMBLINE_VERSION};
    if (options.format == "json")
        io.out << checkToJson(report).dump(2) << "\n";
    else if (options.format == "sarif")
        io.out << checkToSarif(report).dump(2) << "\n";
    else
        writeCheckText(io.out, report, io.colour);
    io.out.flush();
    return fails(result, options.failOn) ? kFindings : kOk;
}

} // namespace plumb::cli

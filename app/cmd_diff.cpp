// plumbline diff OLD NEW [--format text|json|markdown] [--fail-on error|warning|never]
//                        [--scale N] [--horizon-months M] [--rules DIR]...        (cli.md "diff")
#include "cli.h"
#include "model_source.h"
#include "plumbline/model_diff.h"
#include "plumbline/version.h"

#include <iomanip>

namespace plumb::cli {
namespace {

struct DiffArgs : AnalysisArgs {
    std::vector<std::string> files;
    std::string format = "text";
    std::string failOn = "error";
};

std::optional<std::string> parseArgs(const Args& args, DiffArgs& out) {
    static const std::set<std::string> options{"--format", "--scale", "--horizon-months",
                                               "--fail-on", "--rules"};
    auto error = parseCommandFiles(
        "diff", args, options, out.files,
        [&out](const std::string& name, const std::string& value) -> std::optional<std::string> {
            std::optional<std::string> error;
            if (applyAnalysisOption("diff", name, value, out, error)) return error;
            if (name == "--format") {
                if (value != "text" && value != "json" && value != "markdown")
                    return "diff: --format expects text, json or markdown, got '" + value + "'";
                out.format = value;
            } else if (value != "error" && value != "warning" && value != "never") {
                return "diff: --fail-on expects error, warning or never, got '" + value + "'";
            } else {
                out.failOn = value;
            }
            return std::nullopt;
        });
    if (error) return error;
    if (out.files.size() != 2)
        return "diff: expected two models, OLD and NEW (a file, or git:REV for OLD)";
    if (out.files[1].starts_with("git:"))
        return "diff: NEW must be a model file; git:REV names the revision of OLD";
    return std::nullopt;
}

} // namespace

int runDiff(const Args& args, Streams io) {
    DiffArgs options;
    if (auto problem = parseArgs(args, options)) return usageError(io, *problem);
    ModelSource before, after;
    if (auto error = loadModelSource(options.files[1], "", false, after))
        return usageError(io, *error);
    if (auto error = loadModelSource(options.files[0], options.files[1], false, before))
        return usageError(io, *error);

    KnowledgeBase rules;
    if (auto error = loadRules(options, rules)) return usageError(io, *error);
    CheckedModel oldChecked, newChecked;
    if (auto error = checkModel(before.project->model, rules, options, before.label, oldChecked))
        return usageError(io, *error);
    if (auto error = checkModel(after.project->model, rules, options, after.label, newChecked))
        return usageError(io, *error);

    ModelDiff diff = diffModels({before.project->model, oldChecked.result, before.label},
                                {after.project->model, newChecked.result, after.label});
    diff.analysis = {options.scale, options.horizonMonths};
    if (options.format == "json")
        io.out << std::setw(2) << diffToJson(diff, PLUMBLINE_VERSION) << "\n";
    else if (options.format == "markdown")
        writeDiffMarkdown(io.out, diff);
    else
        writeDiffText(io.out, diff);
    io.out.flush();
    return diffFails(diff.findings, options.failOn) ? kFindings : kOk;
}

} // namespace plumb::cli

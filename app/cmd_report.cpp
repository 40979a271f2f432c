// plumbline report FILE -o OUT [--scale N] [--horizon-months M] [--rules DIR]...
//                             [--page a4|letter] [--title T] [--baseline OLD]      (cli.md)
// --baseline adds a "Changes since OLD" section at the top (a model, findings file or git:REV).
// OUT's extension picks the format: .html, .md, .pdf, or .svg / .png for the diagram alone.
// PDF and PNG render through Qt; a QGuiApplication is created for them only, on the offscreen
// platform unless the user chose one, so the command works on a headless CI runner.
#include "cli.h"
#include "model_source.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/report.h"
#include "plumbline/tuning.h"
#include "plumbline/ui/report/report_export.h"
#include "plumbline/version.h"

#include <QGuiApplication>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

namespace plumb::cli {
namespace {

struct ReportArgs : AnalysisArgs {
    std::string file, output, title, baseline;
    ui::PageSize page = ui::PageSize::A4;
};

std::optional<std::string> parseArgs(const Args& args, ReportArgs& out) {
    static const std::set<std::string> options{"-o",      "--output", "--scale", "--horizon-months",
                                               "--rules", "--page",   "--title", "--baseline"};
    auto error = parseCommandArgs(
        "report", args, options, out.file,
        [&out](const std::string& name, const std::string& value) -> std::optional<std::string> {
            std::optional<std::string> error;
            if (applyAnalysisOption("report", name, value, out, error)) return error;
            if (name == "--page") {
                if (value == "a4" || value == "A4")
                    out.page = ui::PageSize::A4;
                else if (value == "letter" || value == "Letter")
                    out.page = ui::PageSize::Letter;
                else
                    return "report: --page expects a4 or letter, got '" + value + "'";
            } else if (name == "--baseline") {
                out.baseline = value;
            } else if (name == "--title") {
                out.title = value;
            } else { // -o, --output
                out.output = value;
            }
            return std::nullopt;
        });
    if (error) return error;
    if (out.output.empty()) return "report: expected -o OUT (.html, .md, .pdf, .svg or .png)";
    if (!reportFormatFor(out.output))
        return "report: " + out.output +
               ": expected an output file ending in .html, .md, .pdf, .svg or .png";
    return std::nullopt;
}

// A GUI application for the formats Qt renders, offscreen unless the user chose a platform.
std::unique_ptr<QGuiApplication> guiForRendering() {
    if (QCoreApplication::instance()) return nullptr;
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (!platform || !*platform) ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    // Rendering needs no messages from the platform plugin (XDG_RUNTIME_DIR and the like); the
    // command's own errors go through usageError, one line.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg) std::fprintf(stderr, "plumbline: %s\n", qPrintable(message));
    });
    static int argc = 1;
    static char name[] = "plumbline";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int runReport(const Args& args, Streams io) {
    ReportArgs options;
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
    if (auto errors = checkTuning(loaded.project->model, *knowledge.knowledge, options.file);
        !errors.empty())
        return usageError(io, errors.front().toString());
    if (hasTuning(loaded.project->model))
        knowledge.knowledge = applyTuning(*knowledge.knowledge, loaded.project->model);

    ReportOptions reportOptions;
    reportOptions.analysis.scale = options.scale;
    reportOptions.analysis.horizonMonths = options.horizonMonths;
    reportOptions.title = options.title;
    reportOptions.toolVersion = std::string("Plumbline ") + PLUMBLINE_VERSION;
    reportOptions.sourceFile = options.file;
    ModelSource old;
    CheckedModel oldTuned; // keeps the baseline's tuned knowledge alive for buildReport
    if (!options.baseline.empty()) {
        if (auto error = loadModelSource(options.baseline, options.file, true, old))
            return usageError(io, *error);
        ReportBaseline& baseline = reportOptions.baseline.emplace();
        baseline.label = options.baseline;
        if (old.findings) {
            baseline.findings = std::move(*old.findings);
        } else {
            KnowledgeBase rules;
            if (auto error = loadRules(options, rules)) return usageError(io, *error);
            if (auto error = checkModel(old.project->model, rules, options, old.label, oldTuned))
                return usageError(io, *error);
            baseline.model = old.project->model;
            baseline.knowledge = &oldTuned.knowledge;
        }
    }
    const Report report = buildReport(loaded.project->model, *knowledge.knowledge, reportOptions);

    const ReportFormat format = *reportFormatFor(options.output);
    std::unique_ptr<QGuiApplication> gui;
    if (format == ReportFormat::Pdf || format == ReportFormat::Png) gui = guiForRendering();
    ui::ReportExportOptions exportOptions;
    exportOptions.page = options.page;
    if (auto error = ui::exportReport(report, options.output, exportOptions))
        return usageError(io, *error);
    return kOk;
}

} // namespace plumb::cli

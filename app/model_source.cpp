#include "model_source.h"

#include "plumbline/interop/importer.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"
#include "plumbline/tuning.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace plumb::cli {
namespace {

// Runs git with `args`; stdout in `out`. The error names what went wrong, or nullopt.
std::optional<std::string> runGit(const QStringList& args, QByteArray& out, QByteArray& err) {
    QProcess git;
    git.start("git", args);
    if (!git.waitForStarted(10000)) return "git is not installed (needed for git:REV)";
    git.closeWriteChannel();
    out.clear();
    // Read as it comes: a large model would otherwise fill the pipe while we wait.
    while (!git.waitForFinished(100))
        out += git.readAllStandardOutput();
    out += git.readAllStandardOutput();
    err = git.readAllStandardError();
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) return std::string();
    return std::nullopt;
}

std::string firstLine(const QByteArray& text) {
    const QString s = QString::fromUtf8(text).trimmed();
    return s.section('\n', 0, 0).toStdString();
}

// The bytes of `path` at revision `rev` of the git work tree it lives in.
std::optional<std::string> readAtRevision(const std::string& rev, const std::string& path,
                                          std::string& bytes) {
    const std::string spec = "git:" + rev;
    if (rev.empty() || rev.starts_with("-"))
        return spec + ": expected a git revision after git: (e.g. git:HEAD~1)";
    if (path.empty()) return spec + ": needs the model file whose path it names";
    const QFileInfo file(QString::fromStdString(path));
    const QString dir = file.absolutePath();
    QByteArray out, err;
    if (auto problem = runGit({"-C", dir, "rev-parse", "--is-inside-work-tree"}, out, err)) {
        if (!problem->empty()) return spec + ": " + *problem;
        return spec + ": " + path + " is not in a git work tree";
    }
    // "REV:./name" resolves against -C's folder, so the path needs no prefix computing.
    const QString object = QString::fromStdString(rev) + ":./" + file.fileName();
    if (auto problem = runGit({"-C", dir, "show", object}, out, err)) {
        if (!problem->empty()) return spec + ": " + *problem;
        return spec + ": " + path + " cannot be read at that revision (git: " + firstLine(err) +
               ")";
    }
    bytes.assign(out.constData(), std::size_t(out.size()));
    return std::nullopt;
}

std::optional<std::string> fromProjectBytes(const std::string& bytes, const std::string& label,
                                            ModelSource& out) {
    QTemporaryDir dir;
    if (!dir.isValid()) return label + ": no temporary folder to read the project file in";
    const std::string temp = dir.filePath("revision.plumb").toStdString();
    if (auto error = writeFileAtomically(temp, bytes)) return error->toString();
    ProjectLoadResult loaded = loadProject(temp);
    if (!loaded.project) {
        std::string message =
            loaded.errors.empty() ? "cannot be read" : loaded.errors.front().message;
        return label + ": " + message;
    }
    out.project = std::move(loaded.project);
    return std::nullopt;
}

std::optional<std::string> fromJsonText(std::string text, const std::string& label,
                                        bool allowFindings, ModelSource& out) {
    // A findings file is recognised by its shape before the model reader complains about it.
    if (text.find("\"findings\"") != std::string::npos) {
        Json document;
        if (!parseJsonSafely(text, label, document)) {
            std::string error;
            if (auto findings = readFindingsFile(document, label, error)) {
                if (!error.empty()) return error;
                if (!allowFindings)
                    return label +
                           ": is a findings file; diff needs two models (use check --baseline)";
                out.findings = std::move(findings);
                return std::nullopt;
            }
        }
    }
    ModelReadResult read = readModelJson(text, label);
    if (!read.model)
        return read.errors.empty() ? label + ": cannot be read" : read.errors.front().toString();
    out.project = Project{};
    out.project->model = std::move(*read.model);
    out.sourceText = std::move(text);
    return std::nullopt;
}

} // namespace

std::optional<std::string> loadModelSource(const std::string& spec, const std::string& samePathAs,
                                           bool allowFindings, ModelSource& out) {
    out.label = spec;
    if (spec.starts_with("git:")) {
        std::string bytes;
        if (auto error = readAtRevision(spec.substr(4), samePathAs, bytes)) return error;
        if (bytes.starts_with("SQLite format 3")) return fromProjectBytes(bytes, spec, out);
        if (const interop::Importer* importer = interop::detectImporter(bytes)) {
            // Another tool's file at that revision; technologies resolve when it is checked.
            interop::ImportResult imported = importer->read({spec, bytes, nullptr});
            if (!imported.ok())
                return imported.errors.empty() ? spec + ": cannot be read"
                                               : imported.errors.front().toString();
            out.project = Project{std::move(*imported.model), {}};
            return std::nullopt;
        }
        return fromJsonText(std::move(bytes), spec, allowFindings, out);
    }
    if (isProjectFileName(spec)) {
        ProjectLoadResult loaded = loadProjectOrModel(spec);
        if (!loaded.project)
            return loaded.errors.empty() ? spec + ": cannot be read"
                                         : loaded.errors.front().toString();
        out.project = std::move(loaded.project);
        return std::nullopt;
    }
    std::string text;
    if (auto error = readFileBytes(spec, text)) return error->toString();
    if (interop::detectImporter(text)) { // draw.io, Structurizr, Threat Dragon, OTM
        AnyModelLoadResult loaded = loadAnyModel(spec, nullptr);
        if (!loaded.project)
            return loaded.errors.empty() ? spec + ": cannot be read"
                                         : loaded.errors.front().toString();
        out.project = std::move(loaded.project);
        return std::nullopt;
    }
    return fromJsonText(std::move(text), spec, allowFindings, out);
}

std::optional<std::string> loadRules(const AnalysisArgs& analysis, KnowledgeBase& out) {
    KnowledgeLoadResult knowledge = loadKnowledge(analysis.ruleDirs);
    if (!knowledge.ok())
        return knowledge.errors.empty() ? "the knowledge base cannot be loaded"
                                        : knowledge.errors.front().toString();
    out = std::move(*knowledge.knowledge);
    return std::nullopt;
}

std::optional<std::string> checkModel(const Model& model, const KnowledgeBase& base,
                                      const AnalysisArgs& analysis, const std::string& file,
                                      CheckedModel& out) {
    if (auto errors = checkTuning(model, base, file); !errors.empty())
        return errors.front().toString();
    out.knowledge = hasTuning(model) ? applyTuning(base, model) : base;
    CheckOptions options;
    options.analysis.scale = analysis.scale;
    options.analysis.horizonMonths = analysis.horizonMonths;
    out.result = check(model, out.knowledge, options);
    return std::nullopt;
}

} // namespace plumb::cli

// plumbline import IN -o OUT [--report] and plumbline export MODEL -o OUT (.drawio, .dsl).
#include "cli.h"
#include "plumbline/interop/drawio_export.h"
#include "plumbline/interop/import_report_text.h"
#include "plumbline/interop/structurizr_dsl_writer.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"

#include <filesystem>

namespace plumb::cli {
namespace {

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

} // namespace

int runImport(const Args& args, Streams io) {
    std::string file, output;
    bool report = false;
    Args rest;
    for (const std::string& a : args) {
        if (a == "--report")
            report = true;
        else
            rest.push_back(a);
    }
    if (auto problem = parseCommandArgs("import", rest, {"-o", "--output"}, file,
                                        [&](const std::string&, const std::string& value) {
                                            output = value;
                                            return std::optional<std::string>();
                                        }))
        return usageError(io, *problem);
    if (output.empty() && !report)
        return usageError(io, "import: expected -o OUT (.json or .plumb), or --report");
    if (!output.empty() && extensionOf(output) != ".json" && !isProjectFileName(output))
        return usageError(io, output + ": import: OUT must be .json or .plumb");
    KnowledgeLoadResult knowledge = loadKnowledge();
    if (!knowledge.ok())
        return usageError(io, knowledge.errors.empty() ? "the knowledge base cannot be loaded"
                                                       : knowledge.errors.front().toString());
    AnyModelLoadResult loaded = loadAnyModel(file, &*knowledge.knowledge);
    if (!loaded.ok())
        return usageError(io, loaded.errors.empty() ? file + ": cannot be read"
                                                    : loaded.errors.front().toString());
    if (report) {
        if (loaded.import)
            io.out << interop::importReportText(*loaded.import, &loaded.project->model);
        else
            io.out << file << " is already a Plumbline model; nothing was guessed.\n";
    }
    if (!output.empty())
        if (auto err = saveProjectOrModel(output, *loaded.project))
            return usageError(io, err->toString());
    return kOk;
}

int runExport(const Args& args, Streams io) {
    std::string file, output;
    if (auto problem = parseCommandArgs("export", args, {"-o", "--output"}, file,
                                        [&](const std::string&, const std::string& value) {
                                            output = value;
                                            return std::optional<std::string>();
                                        }))
        return usageError(io, *problem);
    const std::string ext = extensionOf(output);
    if (output.empty() || (ext != ".drawio" && ext != ".xml" && ext != ".dsl"))
        return usageError(io, "export: expected -o OUT ending in .drawio (or .xml) or .dsl");
    KnowledgeLoadResult knowledge = loadKnowledge();
    if (!knowledge.ok())
        return usageError(io, knowledge.errors.empty() ? "the knowledge base cannot be loaded"
                                                       : knowledge.errors.front().toString());
    AnyModelLoadResult loaded = loadAnyModel(file, &*knowledge.knowledge);
    if (!loaded.ok())
        return usageError(io, loaded.errors.empty() ? file + ": cannot be read"
                                                    : loaded.errors.front().toString());
    const Model& model = loaded.project->model;
    const std::string written =
        ext == ".dsl" ? interop::writeStructurizrDsl(model) : interop::writeDrawio(model);
    if (auto err = writeFileAtomically(output, written)) return usageError(io, err->toString());
    return kOk;
}

} // namespace plumb::cli

#pragma once
// Loading and saving a model by file name: `*.plumb` is a project file, anything else JSON.

#include "plumbline/interop/importer.h"
#include "plumbline/model_json.h"
#include "plumbline/project_file.h"

#include <optional>
#include <string>

namespace plumb {

bool isProjectFileName(const std::string& path);

// Reads a model from JSON or from a project file (a project's finding status is dropped).
ProjectLoadResult loadProjectOrModel(const std::string& path);

class KnowledgeBase;

struct AnyModelLoadResult {
    std::optional<Project> project;
    std::vector<InputError> errors;
    // Set when the file was another tool's (draw.io, Threat Dragon, OTM, Structurizr, ...).
    std::optional<interop::ImportReport> import;
    bool ok() const { return project.has_value(); }
};

// Reads any file Plumbline knows, found by its content, not its name: a project file (SQLite
// with the PLMB application id), Plumbline model JSON, or a format of interop::importers().
// JSON that is none of them (an Nx/Angular workspace.json, a package.json) is refused with a
// message naming the formats it knows. `knowledge` resolves imported technology names.
AnyModelLoadResult loadAnyModel(const std::string& path, const KnowledgeBase* knowledge);

// The formats loadAnyModel knows, for messages: "Plumbline model JSON, a .plumb project, ..."
std::string knownFormatsList();

// Writes JSON atomically (temporary file + rename) or a project file.
std::optional<InputError> saveProjectOrModel(const std::string& path, const Project& project);

// Writes `content` to `path` via a temporary file in the same folder and a rename.
std::optional<InputError> writeFileAtomically(const std::string& path, const std::string& content);

} // namespace plumb

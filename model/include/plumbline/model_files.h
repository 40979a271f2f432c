#pragma once
// Loading and saving a model by file name: `*.plumb` is a project file, anything else JSON.

#include <optional>
#include <string>

#include "plumbline/model_json.h"
#include "plumbline/project_file.h"

namespace plumb {

bool isProjectFileName(const std::string& path);

// Reads a model from JSON or from a project file (a project's finding status is dropped).
ProjectLoadResult loadProjectOrModel(const std::string& path);

// Writes JSON atomically (temporary file + rename) or a project file.
std::optional<InputError> saveProjectOrModel(const std::string& path, const Project& project);

// Writes `content` to `path` via a temporary file in the same folder and a rename.
std::optional<InputError> writeFileAtomically(const std::string& path, const std::string& content);

} // namespace plumb

#pragma once
// The native project file `.plumb`: an SQLite database holding the model (one row per context,
// element, flow, waiver and layout box, each with its full JSON so nothing is lost), the
// workbench's finding status, and a history table kept for snapshots.

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"
#include "plumbline/project_history.h"

#include <optional>
#include <string>
#include <vector>

namespace plumb {

// What the workbench remembers about one finding beyond the model's waivers,
// e.g. that a reviewer acknowledged it.
struct FindingStatus {
    std::string rule;
    std::string element;
    std::string status; // "open", "acknowledged", ...
    Text note;
    Text updated; // ISO 8601

    bool operator==(const FindingStatus&) const = default;
};

struct Project {
    Model model;
    std::vector<FindingStatus> findingStatuses;
    std::vector<Snapshot> history = {}; // the snapshots (project_history.h), oldest first

    bool operator==(const Project&) const = default;
};

struct ProjectLoadResult {
    std::optional<Project> project;
    std::vector<InputError> errors;
    bool ok() const { return project.has_value(); }
};

namespace project_schema {
// 1: the model tables. 2: finding_status and history.
constexpr int kCurrentVersion = 2;
// PRAGMA application_id of every .plumb file ("PLMB"), so other SQLite files are told apart.
constexpr int kApplicationId = 0x504C4D42;
} // namespace project_schema

// Opens read-only and defensively (no triggers, views or untrusted schema functions run);
// migrates an older schema in memory (the file itself changes only when saved).
ProjectLoadResult loadProject(const std::string& path);

// Writes the project beside `path` and renames it into place, so a crash at any moment leaves
// either the previous file or the new one, whole. Returns an error naming the file on failure.
std::optional<InputError> saveProject(const std::string& path, const Project& project);

} // namespace plumb

#pragma once
// Snapshots: named, dated versions of a model kept in a `.plumb` file's `history` table
// (id INTEGER PRIMARY KEY, saved_at TEXT, summary TEXT, model TEXT; see project_schema.cpp).
//
// The table has no name column, so `summary` holds the snapshot's name on its first line and,
// after a newline, what changed since the previous snapshot ("2 added, 1 removed, 3 changed").
// `model` is the model JSON object; it is validated as a model only when a snapshot is opened.
// A row whose date is missing or whose stored model is not a JSON object is refused when the
// history is read, naming the row.

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"
#include "plumbline/model_json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plumb {

struct Snapshot {
    std::int64_t id = 0;
    std::string savedAt; // ISO 8601 UTC, "2026-12-02T14:05:00Z"
    std::string name;    // what the user called it ("before sharding")
    std::string changes; // since the previous snapshot, "" for the first
    Json model;          // the model JSON object

    bool operator==(const Snapshot&) const = default;
};

struct SnapshotListResult {
    std::vector<Snapshot> snapshots; // oldest first
    std::vector<InputError> errors;
    bool ok() const { return errors.empty(); }
};

// Reads the history of a `.plumb` (empty for a schema-1 file, which has no history table).
SnapshotListResult listSnapshots(const std::string& path);

// Stores `model` as a new snapshot named `name` at `savedAt` (now when empty), with the changes
// since the newest snapshot. Only the history table is written; an older schema is migrated.
// Returns the new snapshot (its id set) or the error naming the file.
struct SnapshotAddResult {
    std::optional<Snapshot> snapshot;
    std::optional<InputError> error;
};
SnapshotAddResult addSnapshot(const std::string& path, const std::string& name, const Model& model,
                              const std::string& savedAt = {});

// The model of snapshot `id`, read like a model file (errors name "FILE snapshot ID").
ModelReadResult readSnapshot(const std::string& path, std::int64_t id);
ModelReadResult snapshotModel(const Snapshot& snapshot, const std::string& path);

std::optional<InputError> deleteSnapshot(const std::string& path, std::int64_t id);

// "2 added, 1 removed, 3 changed" (elements, contexts and flows together), "no changes".
std::string snapshotChangeSummary(const Model& before, const Model& after);

// The optional top-level "history" array of model JSON (convert keeps snapshots across formats):
// [{"id": 1, "savedAt": "...", "name": "...", "changes": "...", "model": {...}}], oldest first.
Json historyToJson(const std::vector<Snapshot>& history);
// Bad entries are reported with their JSON path ("/history/2/savedAt: expected a string").
std::vector<Snapshot> historyFromJson(const Json& history, const std::string& path,
                                      std::vector<InputError>& errors);

// The current time as ISO 8601 UTC.
std::string nowIso8601();

} // namespace plumb

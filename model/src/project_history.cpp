#include "plumbline/project_history.h"

#include "plumbline/json_parse.h"
#include "plumbline/model_diff.h"
#include "plumbline/project_file.h"
#include "project_schema.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace plumb {
namespace {

InputError fileError(const std::string& path, std::string message) {
    return InputError{path, "", std::move(message), {}, {}};
}

// The summary column: the name, then the changes on the next line (no name column exists).
std::string summaryText(const Snapshot& s) {
    return s.changes.empty() ? s.name : s.name + "\n" + s.changes;
}

} // namespace

namespace detail {

std::vector<Snapshot> readHistory(SQLite::Database& db, const std::string& path,
                                  std::vector<InputError>& errors) {
    std::vector<Snapshot> history;
    if (!db.tableExists("history")) return history;
    SQLite::Statement q(db, "SELECT id, saved_at, summary, model FROM history ORDER BY id");
    while (q.executeStep()) {
        Snapshot s;
        s.id = q.getColumn(0).getInt64();
        const std::string where = "history row " + std::to_string(s.id);
        if (q.isColumnNull(1) || q.getColumn(1).getString().empty()) {
            errors.push_back(fileError(path, where + ": the snapshot has no date (saved_at)"));
            continue;
        }
        s.savedAt = q.getColumn(1).getString();
        const std::string summary = q.isColumnNull(2) ? "" : q.getColumn(2).getString();
        const auto newline = summary.find('\n');
        s.name = summary.substr(0, newline);
        if (newline != std::string::npos) s.changes = summary.substr(newline + 1);
        if (q.isColumnNull(3)) {
            errors.push_back(fileError(path, where + ": the snapshot has no stored model"));
            continue;
        }
        if (auto err = parseJsonSafely(q.getColumn(3).getString(), path, s.model)) {
            errors.push_back(fileError(path, where + ": the stored model JSON is damaged (" +
                                                 err->message + ")"));
            continue;
        }
        if (!s.model.is_object()) {
            errors.push_back(fileError(path, where + ": the stored model is not a JSON object"));
            continue;
        }
        history.push_back(std::move(s));
    }
    return history;
}

void writeHistory(SQLite::Database& db, const std::vector<Snapshot>& history) {
    SQLite::Statement q(db,
                        "INSERT INTO history(id, saved_at, summary, model) VALUES (?, ?, ?, ?)");
    for (const Snapshot& s : history) {
        q.bind(1, static_cast<int64_t>(s.id));
        q.bind(2, s.savedAt);
        q.bind(3, summaryText(s));
        q.bind(4, s.model.dump());
        q.exec();
        q.reset();
    }
}

} // namespace detail

namespace {

// Opens an existing project for writing its history; migrates an older schema in place.
std::optional<InputError> openForHistory(const std::string& path,
                                         std::optional<SQLite::Database>& db) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return fileError(path, "no such project file");
    db.emplace(path, SQLite::OPEN_READWRITE);
    detail::hardenConnection(*db);
    if (db->execAndGet("PRAGMA application_id").getInt() != project_schema::kApplicationId)
        return fileError(path,
                         "not a Plumbline project (an SQLite database made by another program)");
    auto version = detail::schemaVersion(*db);
    if (!version) return fileError(path, "not a Plumbline project (no schema version)");
    if (*version > project_schema::kCurrentVersion)
        return fileError(path, "made by a newer Plumbline (project schema " +
                                   std::to_string(*version) + "); update Plumbline to change it");
    if (*version < project_schema::kCurrentVersion) detail::migrate(*db, *version);
    if (auto problem = detail::checkTablesAreTables(*db)) return fileError(path, *problem);
    return std::nullopt;
}

} // namespace

SnapshotListResult listSnapshots(const std::string& path) {
    SnapshotListResult result;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        result.errors.push_back(fileError(path, "no such project file"));
        return result;
    }
    try {
        SQLite::Database db(path, SQLite::OPEN_READONLY);
        detail::hardenConnection(db);
        if (db.execAndGet("PRAGMA application_id").getInt() != project_schema::kApplicationId) {
            result.errors.push_back(fileError(path, "not a Plumbline project"));
            return result;
        }
        result.snapshots = detail::readHistory(db, path, result.errors);
    } catch (const SQLite::Exception& e) {
        result.errors.push_back(
            fileError(path, std::string("cannot read the history: ") + e.what()));
    }
    return result;
}

SnapshotAddResult addSnapshot(const std::string& path, const std::string& name, const Model& model,
                              const std::string& savedAt) {
    SnapshotAddResult result;
    if (name.empty() || name.find('\n') != std::string::npos) {
        result.error = fileError(path, "a snapshot needs a one-line name");
        return result;
    }
    try {
        std::optional<SQLite::Database> db;
        if ((result.error = openForHistory(path, db))) return result;
        std::vector<InputError> errors;
        auto history = detail::readHistory(*db, path, errors);
        Snapshot s;
        s.savedAt = savedAt.empty() ? nowIso8601() : savedAt;
        s.name = name;
        s.model = modelToJson(model);
        if (!history.empty()) {
            if (auto previous = snapshotModel(history.back(), path); previous.ok())
                s.changes = snapshotChangeSummary(*previous.model, model);
        }
        SQLite::Statement q(*db, "INSERT INTO history(saved_at, summary, model) VALUES (?, ?, ?)");
        q.bind(1, s.savedAt);
        q.bind(2, summaryText(s));
        q.bind(3, s.model.dump());
        q.exec();
        s.id = db->getLastInsertRowid();
        result.snapshot = std::move(s);
    } catch (const std::exception& e) {
        result.error = fileError(path, std::string("could not save the snapshot: ") + e.what());
    }
    return result;
}

ModelReadResult snapshotModel(const Snapshot& snapshot, const std::string& path) {
    return readModelJson(snapshot.model.dump(), path + " snapshot " + std::to_string(snapshot.id));
}

ModelReadResult readSnapshot(const std::string& path, std::int64_t id) {
    auto list = listSnapshots(path);
    for (const Snapshot& s : list.snapshots)
        if (s.id == id) return snapshotModel(s, path);
    ModelReadResult result;
    result.errors = list.errors;
    if (result.errors.empty())
        result.errors.push_back(fileError(path, "no snapshot " + std::to_string(id)));
    return result;
}

std::optional<InputError> deleteSnapshot(const std::string& path, std::int64_t id) {
    try {
        std::optional<SQLite::Database> db;
        if (auto error = openForHistory(path, db)) return error;
        SQLite::Statement q(*db, "DELETE FROM history WHERE id = ?");
        q.bind(1, static_cast<int64_t>(id));
        if (q.exec() == 0) return fileError(path, "no snapshot " + std::to_string(id));
        return std::nullopt;
    } catch (const std::exception& e) {
        return fileError(path, std::string("could not delete the snapshot: ") + e.what());
    }
}

std::string snapshotChangeSummary(const Model& before, const Model& after) {
    // Only the structure is compared here: the findings need the knowledge base.
    const CheckResult none;
    const ModelDiff diff = diffModels({before, none, "before"}, {after, none, "after"});
    if (diff.empty()) return "no changes";
    return std::to_string(diff.addedCount()) + " added, " + std::to_string(diff.removedCount()) +
           " removed, " + std::to_string(diff.changedCount()) + " changed";
}

Json historyToJson(const std::vector<Snapshot>& history) {
    Json list = Json::array();
    for (const Snapshot& s : history)
        list.push_back({{"id", s.id},
                        {"savedAt", s.savedAt},
                        {"name", s.name},
                        {"changes", s.changes},
                        {"model", s.model}});
    return list;
}

std::vector<Snapshot> historyFromJson(const Json& history, const std::string& path,
                                      std::vector<InputError>& errors) {
    std::vector<Snapshot> out;
    auto fail = [&](const std::string& pointer, const std::string& message) {
        errors.push_back(InputError{path, pointer, message, {}, {}});
    };
    if (!history.is_array()) {
        fail("/history", "expected an array of snapshots");
        return out;
    }
    for (std::size_t i = 0; i < history.size(); ++i) {
        const Json& item = history[i];
        const std::string at = "/history/" + std::to_string(i);
        if (!item.is_object()) {
            fail(at, "expected a snapshot object");
            continue;
        }
        Snapshot s;
        if (!item.contains("id") || !item["id"].is_number_integer()) {
            fail(at + "/id", "expected an integer id");
            continue;
        }
        s.id = item["id"].get<std::int64_t>();
        bool ok = true;
        for (auto [key, field] : {std::pair{"savedAt", &s.savedAt}, std::pair{"name", &s.name},
                                  std::pair{"changes", &s.changes}}) {
            if (!item.contains(key)) continue;
            if (!item[key].is_string()) {
                fail(at + "/" + key, "expected a string");
                ok = false;
            } else {
                *field = item[key].get<std::string>();
            }
        }
        if (ok && s.savedAt.empty()) {
            fail(at + "/savedAt", "expected the date the snapshot was saved");
            ok = false;
        }
        if (ok && (!item.contains("model") || !item["model"].is_object())) {
            fail(at + "/model", "expected the snapshot's model object");
            ok = false;
        }
        if (!ok) continue;
        s.model = item["model"];
        out.push_back(std::move(s));
    }
    return out;
}

std::string nowIso8601() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

} // namespace plumb

#include "plumbline/project_file.h"

#include "plumbline/json_parse.h"
#include "plumbline/model_json.h"
#include "project_schema.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <sqlite3.h>
#include <unistd.h>

namespace plumb {
namespace {

InputError fileError(const std::string& path, std::string message) {
    return InputError{path, "", std::move(message), {}, {}};
}

using detail::hardenConnection;

std::optional<std::string> text(SQLite::Statement& q, int column) {
    if (q.isColumnNull(column)) return std::nullopt;
    return q.getColumn(column).getString();
}

// Parses one stored JSON body; a corrupt body names the table and row.
bool parseBody(const std::string& path, const std::string& where, const std::string& body,
               Json& out, std::vector<InputError>& errors) {
    if (auto err = parseJsonSafely(body, path, out)) {
        errors.push_back(
            fileError(path, where + ": the stored JSON is damaged (" + err->message + ")"));
        return false;
    }
    return true;
}

// A layout id is read as raw text (not JSON) and becomes a JSON key; one that is not valid
// UTF-8 would make the document unwritable (nlohmann throws on dump; found by fuzz_project_file).
bool isValidUtf8(const std::string& text) {
    try {
        (void)Json(text).dump();
        return true;
    } catch (const Json::type_error&) {
        return false;
    }
}

// Rebuilds the model's JSON document from the tables, then reads it with the JSON reader so
// a project file is validated exactly like a JSON model.
ProjectLoadResult readTables(SQLite::Database& db, const std::string& path) {
    ProjectLoadResult result;
    Json doc = Json::object();
    {
        SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'model'");
        if (!q.executeStep()) {
            result.errors.push_back(fileError(path, "the project has no model record"));
            return result;
        }
        if (!parseBody(path, "meta 'model'", q.getColumn(0).getString(), doc, result.errors))
            return result;
        if (!doc.is_object()) {
            result.errors.push_back(fileError(path, "meta 'model': expected a JSON object"));
            return result;
        }
    }
    const Json present = doc.contains("$present") ? doc["$present"] : Json::object();
    doc.erase("$present");
    auto loadList = [&](const char* table, const char* key) {
        Json list = Json::array();
        SQLite::Statement q(db, std::string("SELECT position, body FROM ") + table +
                                    " ORDER BY position");
        while (q.executeStep()) {
            Json item;
            if (!parseBody(path,
                           std::string(table) + " row " + std::to_string(q.getColumn(0).getInt64()),
                           q.getColumn(1).getString(), item, result.errors))
                continue;
            list.push_back(std::move(item));
        }
        if (!list.empty() || present.value(key, false)) doc[key] = std::move(list);
    };
    loadList("contexts", "contexts");
    loadList("elements", "elements");
    loadList("flows", "flows");
    loadList("waivers", "waivers");
    {
        Json layout = Json::object();
        SQLite::Statement q(db, "SELECT id, body FROM layout ORDER BY position");
        while (q.executeStep()) {
            Json box;
            const std::string id = q.getColumn(0).getString();
            if (!isValidUtf8(id)) {
                result.errors.push_back(fileError(path, "layout: an id is not valid UTF-8"));
                continue;
            }
            if (parseBody(path, "layout '" + id + "'", q.getColumn(1).getString(), box,
                          result.errors))
                layout[id] = std::move(box);
        }
        if (!layout.empty() || present.value("layout", false)) doc["layout"] = std::move(layout);
    }
    if (!result.errors.empty()) return result;

    auto read = readModelJson(doc.dump(), path);
    if (!read.ok()) {
        result.errors = std::move(read.errors);
        return result;
    }
    Project project;
    project.model = std::move(*read.model);
    SQLite::Statement q(
        db,
        "SELECT rule, element, status, note, updated FROM finding_status ORDER BY rule, element");
    while (q.executeStep())
        project.findingStatuses.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(),
                                           q.getColumn(2).getString(), text(q, 3), text(q, 4)});
    project.history = detail::readHistory(db, path, result.errors);
    if (!result.errors.empty()) return result;
    result.project = std::move(project);
    return result;
}

void syncPath(const std::filesystem::path& p, bool directory) {
    const int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

void writeTables(SQLite::Database& db, const Project& project) {
    const Json full = modelToJson(project.model);
    Json top = Json::object();
    for (auto it = full.begin(); it != full.end(); ++it) {
        const auto& k = it.key();
        if (k != "contexts" && k != "elements" && k != "flows" && k != "waivers" && k != "layout")
            top[k] = it.value();
    }
    const auto& present = project.model.present;
    top["$present"] = {{"contexts", present.contexts},
                       {"elements", present.elements},
                       {"flows", present.flows},
                       {"waivers", present.waivers},
                       {"layout", present.layout}};

    SQLite::Statement meta(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    auto putMeta = [&](const char* key, const std::string& value) {
        meta.bind(1, key);
        meta.bind(2, value);
        meta.exec();
        meta.reset();
    };
    putMeta("model", top.dump());
    putMeta("format", "plumbline-project");

    auto insertBodies = [&](const char* table, const Json& list) {
        SQLite::Statement q(db, std::string("INSERT INTO ") + table +
                                    "(position, id, name, body) VALUES (?, ?, ?, ?)");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Json& item = list[i];
            q.bind(1, static_cast<int64_t>(i));
            if (item.contains("id"))
                q.bind(2, item["id"].get<std::string>());
            else
                q.bind(2);
            if (item.contains("name"))
                q.bind(3, item["name"].get<std::string>());
            else
                q.bind(3);
            q.bind(4, item.dump());
            q.exec();
            q.reset();
        }
    };
    if (full.contains("contexts")) insertBodies("contexts", full["contexts"]);
    if (full.contains("waivers")) {
        SQLite::Statement q(
            db, "INSERT INTO waivers(position, rule, element, body) VALUES (?, ?, ?, ?)");
        const Json& list = full["waivers"];
        for (std::size_t i = 0; i < list.size(); ++i) {
            q.bind(1, static_cast<int64_t>(i));
            q.bind(2, list[i].value("rule", ""));
            q.bind(3, list[i].value("element", ""));
            q.bind(4, list[i].dump());
            q.exec();
            q.reset();
        }
    }
    {
        SQLite::Statement q(
            db, "INSERT INTO elements(position, id, kind, name, context, technology, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)");
        const auto& elements = project.model.elements;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            const Element& e = elements[i];
            q.bind(1, static_cast<int64_t>(i));
            q.bind(2, e.id);
            q.bind(3, std::string(spelling(e.kind)));
            if (e.name)
                q.bind(4, *e.name);
            else
                q.bind(4);
            if (e.context)
                q.bind(5, *e.context);
            else
                q.bind(5);
            if (e.technology)
                q.bind(6, *e.technology);
            else
                q.bind(6);
            q.bind(7, full["elements"][i].dump());
            q.exec();
            q.reset();
        }
    }
    {
        SQLite::Statement q(
            db, "INSERT INTO flows(position, id, source, target, body) VALUES (?, ?, ?, ?, ?)");
        const auto& flows = project.model.flows;
        for (std::size_t i = 0; i < flows.size(); ++i) {
            q.bind(1, static_cast<int64_t>(i));
            q.bind(2, flows[i].id);
            q.bind(3, flows[i].from);
            q.bind(4, flows[i].to);
            q.bind(5, full["flows"][i].dump());
            q.exec();
            q.reset();
        }
    }
    {
        SQLite::Statement q(db, "INSERT INTO layout(position, id, x, y, width, height, body) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)");
        const auto& layout = project.model.layout;
        for (std::size_t i = 0; i < layout.size(); ++i) {
            const LayoutBox& b = layout[i];
            q.bind(1, static_cast<int64_t>(i));
            q.bind(2, b.id);
            auto bindNumber = [&](int column, const Number& n) {
                if (n)
                    q.bind(column, *n);
                else
                    q.bind(column);
            };
            bindNumber(3, b.x);
            bindNumber(4, b.y);
            bindNumber(5, b.width);
            bindNumber(6, b.height);
            q.bind(7, full["layout"][b.id].dump());
            q.exec();
            q.reset();
        }
    }
    SQLite::Statement status(db, "INSERT OR REPLACE INTO finding_status(rule, element, status, "
                                 "note, updated) VALUES (?, ?, ?, ?, ?)");
    for (const auto& s : project.findingStatuses) {
        status.bind(1, s.rule);
        status.bind(2, s.element);
        status.bind(3, s.status);
        if (s.note)
            status.bind(4, *s.note);
        else
            status.bind(4);
        if (s.updated)
            status.bind(5, *s.updated);
        else
            status.bind(5);
        status.exec();
        status.reset();
    }
    detail::writeHistory(db, project.history);
}

} // namespace

ProjectLoadResult loadProject(const std::string& path) {
    ProjectLoadResult result;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        result.errors.push_back(fileError(path, "no such project file"));
        return result;
    }
    try {
        SQLite::Database file(path, SQLite::OPEN_READONLY);
        hardenConnection(file);
        const int appId = file.execAndGet("PRAGMA application_id").getInt();
        if (appId != project_schema::kApplicationId) {
            result.errors.push_back(fileError(
                path, "not a Plumbline project (an SQLite database made by another program)"));
            return result;
        }
        if (file.execAndGet("PRAGMA quick_check").getString() != "ok") {
            result.errors.push_back(
                fileError(path, "the project file is damaged (SQLite quick_check failed)"));
            return result;
        }
        auto version = detail::schemaVersion(file);
        if (!version) {
            result.errors.push_back(fileError(path, "not a Plumbline project (no schema version)"));
            return result;
        }
        if (*version > project_schema::kCurrentVersion) {
            result.errors.push_back(
                fileError(path, "made by a newer Plumbline (project schema " +
                                    std::to_string(*version) + "; this one reads up to " +
                                    std::to_string(project_schema::kCurrentVersion) +
                                    "); update Plumbline to open it"));
            return result;
        }
        if (*version == project_schema::kCurrentVersion) {
            if (auto problem = detail::checkTablesAreTables(file)) {
                result.errors.push_back(fileError(path, *problem));
                return result;
            }
            return readTables(file, path);
        }
        // Older schema: migrate a private in-memory copy; the file changes only on save.
        SQLite::Database memory(":memory:", SQLite::OPEN_READWRITE);
        hardenConnection(memory);
        SQLite::Backup(memory, file).executeStep();
        detail::migrate(memory, *version);
        if (auto problem = detail::checkTablesAreTables(memory)) {
            result.errors.push_back(fileError(path, *problem));
            return result;
        }
        return readTables(memory, path);
    } catch (const SQLite::Exception& e) {
        std::string why = e.getErrorCode() == SQLITE_NOTADB
                              ? "not a Plumbline project (not an SQLite database)"
                              : std::string("cannot read the project: ") + e.what();
        result.errors.push_back(fileError(path, why));
        return result;
    }
}

std::optional<InputError> saveProject(const std::string& path, const Project& project) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = target.parent_path() /
                          (target.filename().string() + ".saving-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove(temp, ec);
    try {
        {
            SQLite::Database db(temp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            hardenConnection(db);
            db.exec("PRAGMA journal_mode = OFF"); // a fresh side file: the rename is the commit
            db.exec("PRAGMA synchronous = FULL");
            SQLite::Transaction tx(db);
            detail::createCurrentSchema(db);
            writeTables(db, project);
            tx.commit();
        }
        syncPath(temp, false);
        fs::rename(temp, target); // atomic on POSIX: readers see the old or the new file
        syncPath(target.parent_path().empty() ? fs::path(".") : target.parent_path(), true);
        return std::nullopt;
    } catch (const std::exception& e) {
        fs::remove(temp, ec);
        return fileError(path, std::string("could not save the project: ") + e.what() +
                                   "; the previous file is unchanged");
    }
}

} // namespace plumb

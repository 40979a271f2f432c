#include "project_schema.h"

#include "plumbline/project_file.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

namespace plumb::detail {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE plumbline_schema(version INTEGER NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contexts(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, body TEXT NOT NULL);
CREATE TABLE elements(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                      name TEXT, context TEXT, technology TEXT, body TEXT NOT NULL);
CREATE TABLE flows(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
                   target TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE waivers(position INTEGER PRIMARY KEY, rule TEXT, element TEXT, body TEXT NOT NULL);
CREATE TABLE layout(position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, x REAL, y REAL,
                    width REAL, height REAL, body TEXT NOT NULL);
)sql";

// Version 2 keeps what the workbench knows about findings, and room for model snapshots.
constexpr const char* kVersion1To2 = R"sql(
CREATE TABLE finding_status(rule TEXT NOT NULL, element TEXT NOT NULL, status TEXT NOT NULL,
                            note TEXT, updated TEXT, PRIMARY KEY(rule, element));
CREATE TABLE history(id INTEGER PRIMARY KEY, saved_at TEXT NOT NULL, summary TEXT, model TEXT);
)sql";

void setVersion(SQLite::Database& db, int version) {
    db.exec("DELETE FROM plumbline_schema");
    db.exec("INSERT INTO plumbline_schema(version) VALUES (" + std::to_string(version) + ")");
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

} // namespace

void hardenConnection(SQLite::Database& db) {
    sqlite3* handle = db.getHandle();
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
}

std::optional<int> schemaVersion(SQLite::Database& db) {
    if (!db.tableExists("plumbline_schema")) return std::nullopt;
    SQLite::Statement q(db, "SELECT version FROM plumbline_schema");
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt();
}

void createSchemaVersion(SQLite::Database& db, int version) {
    db.exec("PRAGMA application_id = " + std::to_string(project_schema::kApplicationId));
    db.exec(kVersion1);
    if (version >= 2) db.exec(kVersion1To2);
    setVersion(db, version);
}

void createCurrentSchema(SQLite::Database& db) {
    createSchemaVersion(db, project_schema::kCurrentVersion);
}

void migrate(SQLite::Database& db, int from) {
    SQLite::Transaction tx(db);
    for (int v = from; v < project_schema::kCurrentVersion; ++v) {
        if (v == 1) db.exec(kVersion1To2);
        setVersion(db, v + 1);
    }
    tx.commit();
}

std::optional<std::string> checkTablesAreTables(SQLite::Database& db) {
    for (const char* name : {"meta", "contexts", "elements", "flows", "waivers", "layout",
                             "finding_status", "history"}) {
        SQLite::Statement q(db, "SELECT type FROM sqlite_master WHERE name = ?");
        q.bind(1, name);
        if (!q.executeStep())
            return std::string("not a Plumbline project: the table '") + name + "' is missing";
        if (q.getColumn(0).getString() != "table")
            return std::string("refused: '") + name + "' is a " + q.getColumn(0).getString() +
                   ", not a table (the file was crafted or damaged)";
    }
    return std::nullopt;
}

} // namespace plumb::detail

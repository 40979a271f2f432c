#pragma once
// The .plumb schema, its versions and its forward migrations (the Schema Versioning pattern:
// every file says which version it is, and each step upgrades one version to the next).

#include "plumbline/project_history.h"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <string>

namespace plumb::detail {

std::optional<int> schemaVersion(SQLite::Database& db);
void createCurrentSchema(SQLite::Database& db);
// Upgrades a database of schema `from` to the current version, step by step.
void migrate(SQLite::Database& db, int from);
// The DDL of one historical version, for tests that build old files.
void createSchemaVersion(SQLite::Database& db, int version);
// Refuses a file whose model tables are views or missing: a crafted file cannot redirect reads.
std::optional<std::string> checkTablesAreTables(SQLite::Database& db);
// Refuses anything a crafted file could use to run code while we read or write it.
void hardenConnection(SQLite::Database& db);

// The history table's rows (project_history.cpp); bad rows are reported into `errors`.
std::vector<Snapshot> readHistory(SQLite::Database& db, const std::string& path,
                                  std::vector<InputError>& errors);
void writeHistory(SQLite::Database& db, const std::vector<Snapshot>& history);

} // namespace plumb::detail

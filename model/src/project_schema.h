#pragma once
// The .plumb schema, its versions and its forward migrations (the Schema Versioning pattern:
// every file says which version it is, and each step upgrades one version to the next).

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

} // namespace plumb::detail

#pragma once
// Structurizr workspaces, as DSL (workspace.dsl) or as workspace JSON, read into a Model
// through one mapping (see README, "Structurizr"): people -> actors, software systems with
// containers and groups -> bounded contexts, containers and components -> services, stores,
// caches, queues and streams by their tags, technology and name, relationships -> flows, and
// `plumbline.*` properties -> Plumbline's workload fields. Every guess is in the report.

#include "plumbline/interop/importer.h"

namespace plumb::interop {

// A DSL file: after comments and blank lines, the first word is `workspace`.
bool isStructurizrDsl(std::string_view content);
// Workspace JSON: an object with a `model` object and workspace keys (not an Nx/Angular
// workspace.json, which has `projects`).
bool isStructurizrJson(std::string_view content);

// `source.path` names the file in messages; the DSL's `!include` paths are relative to it.
ImportResult readStructurizrDsl(const ImportSource& source);
ImportResult readStructurizrJson(const ImportSource& source);

const Importer& structurizrDslImporter();  // format "structurizr-dsl"
const Importer& structurizrJsonImporter(); // format "structurizr-json"

} // namespace plumb::interop

#pragma once
// A Model as a Structurizr DSL workspace (workspace.dsl) that Structurizr renders and that
// readStructurizrDsl reads back to the same model: bounded contexts become software systems
// holding their elements as containers, actors become people, elements outside any context
// become software systems, flows become relationships (description, technology), and every
// Plumbline field becomes a `plumbline.*` property (plumbline.kind, plumbline.volumeGB,
// plumbline.readsPerSecond, plumbline.style, ...). Stores are tagged Database, queues Queue,
// streams Topic and caches Cache. Waivers, rule settings, envelopes and the layout travel in the
// workspace property `plumbline.model`.

#include "plumbline/model.h"

#include <string>

namespace plumb::interop {

std::string writeStructurizrDsl(const Model& model);

} // namespace plumb::interop

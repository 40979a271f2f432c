#pragma once

#include <span>
#include <string_view>

namespace plumb {

// One file of the built-in knowledge base, e.g. "technologies.json" or "schema/rules.schema.json".
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

// Every file under knowledge/ (JSON data and schemas), sorted by name.
std::span<const EmbeddedFile> embeddedKnowledgeFiles();

} // namespace plumb

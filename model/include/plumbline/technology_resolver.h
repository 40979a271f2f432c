#pragma once
// One place that turns a technology as people write it ("Postgres", "PostgreSQL 15",
// "Amazon RDS for PostgreSQL") into a knowledge-base technology. The model keeps the text as
// written; the checker, the workbench's technology box and the importers all ask this.

#include "plumbline/knowledge.h"

#include <string>
#include <string_view>
#include <vector>

namespace plumb {

struct TechnologyResolution {
    const Technology* technology = nullptr; // null: not recognised, or ambiguous
    std::string how;                        // "id", "name", "alias 'Postgres'", ...
    std::vector<std::string> candidates;    // ids it could mean when it is ambiguous

    bool resolved() const { return technology != nullptr; }
    bool ambiguous() const { return !technology && candidates.size() > 1; }
};

TechnologyResolution resolveTechnology(const KnowledgeBase& knowledge, std::string_view written);

} // namespace plumb

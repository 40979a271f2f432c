#pragma once
// The knowledge base as the JSON of cli.md (`plumbline kb list|show|search --format json`).

#include "plumbline/kb_search.h"
#include "plumbline/knowledge.h"

#include <vector>

namespace plumb {

// {id, title, severity, appliesTo, parameters: [{name, value, unit, provenance}], patterns,
//  alternatives, sources} (plus scope, message, rationale, evidence, origin).
Json ruleJson(const Rule& rule);

// {id, name, category, aliases, envelope: {field: {value, provenance}}, strengths, weaknesses,
//  sources} (plus runs, structures, hosting, notes).
Json technologyJson(const Technology& technology);

// {id, title, summary, related, sources} (plus category, technologies, keywords).
Json patternJson(const Pattern& pattern);

// [{kind, id, title, score}]
Json searchHitsJson(const std::vector<SearchHit>& hits);

} // namespace plumb

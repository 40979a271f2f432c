#pragma once
// Shared by the knowledge loaders (knowledge_load.cpp, knowledge_rules.cpp): the checks every
// knowledge document passes before it is converted.

#include "plumbline/knowledge.h"

#include <set>
#include <string>
#include <vector>

namespace plumb::knowledge_detail {

// Parses `text` safely, checks "format" and "version", then the document's JSON Schema
// (schema/<schemaName> from the embedded files). Returns false with errors on any problem.
bool readDocument(std::string_view text, const std::string& file, const std::string& format,
                  const std::string& schemaName, Json& out, std::vector<InputError>& errors,
                  const std::set<std::string>& delegatedRefs = {});

// Converts a schema-checked rules document; conditions, facts and every technology and pattern
// reference are checked against `knowledge`. `origin` is stored in each rule.
std::vector<Rule> readRules(const Json& document, const std::string& file,
                            const std::string& origin, const KnowledgeBase& knowledge,
                            std::vector<InputError>& errors);

// "unknown technology 'postgres' (did you mean 'postgresql'?)"
std::string unknownReference(const std::string& what, const std::string& id,
                             const std::vector<std::string>& candidates);

} // namespace plumb::knowledge_detail

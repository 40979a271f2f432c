#pragma once
// Checks a knowledge file against its JSON Schema (knowledge/schema/*.schema.json), so the
// loader enforces exactly the constraints the published schemas state. It understands the
// subset of JSON Schema 2020-12 those schemas use: $ref to #/$defs, type, const, enum,
// properties, required, additionalProperties:false, items, minItems, maxItems, uniqueItems,
// minLength, maxLength, pattern, minimum, maximum, oneOf, anyOf. Annotations are ignored.

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

#include <set>
#include <string>
#include <vector>

namespace plumb {

struct SchemaCheck {
    const Json& schema;              // the whole schema document ($refs resolve inside it)
    std::string file;                // named in every error
    std::set<std::string> delegated; // $refs checked by a dedicated parser (e.g. conditions)
    std::size_t maxErrors = 30;
};

// Appends one error per violation (up to maxErrors), each at the offending JSON Pointer.
void checkAgainstSchema(const Json& value, const SchemaCheck& check,
                        std::vector<InputError>& errors);

// Edit-distance suggestions ("did you mean ...") among `candidates`, closest first.
std::vector<std::string> closestNames(std::string_view word,
                                      const std::vector<std::string>& candidates,
                                      std::size_t limit = 3);

} // namespace plumb

#pragma once
// Provenance of the knowledge base's numbers and category facts (knowledge/README.md,
// "Provenance"): reading it, writing it as JSON, and saying it in one line for people.

#include "plumbline/knowledge.h"

#include <string>
#include <vector>

namespace plumb {

// Reads a schema-checked provenance object ({"kind": "research", "quote", "section"}, ...).
Provenance readProvenance(const Json& json);

// The contract's JSON form (cli.md): kind plus its fields.
Json provenanceJson(const Provenance& provenance);

// One line for people: "the research: \"...\" (Section)", "vendor documentation (URL)",
// "Plumbline's assumption: ...", "your team's setting: ...".
std::string describeProvenance(const Provenance& provenance);

// The envelope values of a technology's envelope JSON that need a provenance, in envelope
// order: every band end that is a number ("volumeGB.max"), "vectors" when it is null (no vector
// search), "maxRecordKB" when it is a number, and every category field.
std::vector<std::string> envelopeValueKeys(const Json& envelope);

// Every key envelopeValueKeys() can return.
const std::vector<std::string>& envelopeProvenanceKeys();

} // namespace plumb

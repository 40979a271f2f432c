#pragma once
// A team's tuning kept with the model (model-format.md): values for rules' named parameters in
// `ruleSettings`, and `technologyEnvelopes` that replace knowledge-base envelope values. The
// model reader keeps `technologyEnvelopes` in Model::extra; this checks and applies both.

#include "plumbline/diagnostics.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <string>
#include <vector>

namespace plumb {

// Input errors (file + JSON path) in the model's tuning: a parameter the rule does not have, a
// rule id the knowledge base does not know (when params are given), an unknown technology or
// envelope field, a value of the wrong type.
std::vector<InputError> checkTuning(const Model& model, const KnowledgeBase& knowledge,
                                    const std::string& file);

// Whether the model sets any parameter or envelope value.
bool hasTuning(const Model& model);

// The knowledge base with the model's parameter values and envelope values in place; every
// replaced value's provenance is {"kind": "team", "reason": the setting's reason}. Call
// checkTuning first; what it would reject is skipped here.
KnowledgeBase applyTuning(const KnowledgeBase& knowledge, const Model& model);

} // namespace plumb

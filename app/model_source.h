#pragma once
// Where `diff`, `check --baseline` and `report --baseline` read a model version from: a model
// file (.json or .plumb), a findings file written by `check --format json`, or `git:REV` (the
// same path at that revision, read with `git show`).

#include "cli.h"
#include "plumbline/checker.h"
#include "plumbline/model_diff.h"
#include "plumbline/project_file.h"

#include <optional>
#include <string>
#include <vector>

namespace plumb::cli {

struct ModelSource {
    std::string label;                                   // as given: "old.json", "git:HEAD~1"
    std::optional<Project> project;                      // a model...
    std::optional<std::vector<FindingSummary>> findings; // ...or only a baseline's findings
    std::string sourceText;                              // JSON text (line numbers); else empty
};

// Reads `spec`. `samePathAs` is the file whose path `git:REV` names at that revision; findings
// files are accepted only when `allowFindings`. Returns the one-line error, or nullopt.
std::optional<std::string> loadModelSource(const std::string& spec, const std::string& samePathAs,
                                           bool allowFindings, ModelSource& out);

// A model checked on its own tuned copy of the knowledge base (each version's ruleSettings
// and technologyEnvelopes apply to that version only).
struct CheckedModel {
    KnowledgeBase knowledge;
    CheckResult result;
};
std::optional<std::string> checkModel(const Model& model, const KnowledgeBase& base,
                                      const AnalysisArgs& analysis, const std::string& file,
                                      CheckedModel& out);

// The built-in knowledge base plus --rules; the one-line error, or nullopt.
std::optional<std::string> loadRules(const AnalysisArgs& analysis, KnowledgeBase& out);

} // namespace plumb::cli

#pragma once
// What changed between two versions of a model, and what it does to the findings
// (`plumbline diff`, `check --baseline`, the report's "Changes since" section; cli.md "diff").
//
// - Elements, contexts and flows are matched by id first. An element left over on both sides is
//   matched when it has the same name, kind and neighbours (the ids at the other end of its
//   flows, renames applied): it was renamed, not removed and added. A context left over is
//   matched by name, a flow by its two ends. A same-id element whose name changed is renamed too.
// - Changes are listed field by field as JSON Pointers into the contract's object ("/technology",
//   "/data/volumeGB"); the layout is not part of the model's meaning and is ignored.
// - Store loads are the analysis' derived numbers (flows into the store, scaled), not only the
//   stated ones, so a flow that doubles shows on the store it reaches.
// - Findings are matched by the fingerprint SARIF carries (findingFingerprint: rule + element).

#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/model.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plumb {

struct FieldChange {
    std::string path; // JSON Pointer into the element, context or flow object
    Json oldValue;    // null: the field was absent
    Json newValue;
};

struct ItemChange {
    std::string id;    // the id in the new model
    std::string oldId; // differs from id when the item was renamed by id
    std::vector<FieldChange> fields;
};

struct Rename {
    std::string oldId, newId, oldName, newName;
};

struct CollectionDiff {
    std::vector<std::string> added, removed; // ids, in model order
    std::vector<Rename> renamed;
    std::vector<ItemChange> changed; // items with at least one field changed
};

struct StoreLoad {
    std::optional<double> readsPerSecond, writesPerSecond, volumeGB;
    bool operator==(const StoreLoad&) const = default;
};

// A data-holding element whose derived load differs (absent side: added or removed store).
struct StoreLoadChange {
    std::string element; // id in the new model (the old one when removed)
    std::string name;
    std::string technologyBefore, technologyAfter;
    std::optional<StoreLoad> before, after;
};

// A finding as a baseline knows it: enough to match and to show.
struct FindingSummary {
    std::string rule, element, title, fingerprint;
    Severity severity = Severity::Warning;
    bool waived = false;
};
FindingSummary summarize(const Finding& finding);

struct SeverityChange {
    FindingSummary finding; // as it is now
    Severity oldSeverity = Severity::Warning;
};

struct FindingsDiff {
    std::vector<FindingSummary> added, fixed, unchanged; // added: in NEW only; fixed: OLD only
    std::vector<SeverityChange> changed;
    // "new", "unchanged", "updated" for a finding of NEW by its fingerprint (SARIF baselineState).
    std::string baselineState(const std::string& fingerprint) const;
};

// Matches NEW's findings against a baseline's by fingerprint.
FindingsDiff diffFindings(const std::vector<FindingSummary>& before,
                          const std::vector<Finding>& after);

// The gate: a finding NEW has that OLD does not (or whose severity rose) at or above `failOn`
// (error | warning | never), not waived.
bool diffFails(const FindingsDiff& diff, const std::string& failOn);

struct ModelDiff {
    std::string oldLabel, newLabel; // the files as given ("git:HEAD~1" for a revision)
    std::string oldName, newName;   // model names
    CollectionDiff elements, contexts, flows;
    std::vector<StoreLoadChange> stores;
    FindingsDiff findings;
    AnalysisOptions analysis;

    int addedCount() const;
    int removedCount() const;
    int changedCount() const; // changed or renamed items
    bool empty() const;
};

// One side of a diff: the model and the checker's result on it (its own tuned knowledge).
struct DiffSide {
    const Model& model;
    const CheckResult& result;
    std::string label;
};

ModelDiff diffModels(const DiffSide& before, const DiffSide& after);

// Writers (model_diff_output.cpp, model_diff_markdown.cpp).
void writeDiffText(std::ostream& out, const ModelDiff& diff);
Json diffToJson(const ModelDiff& diff, const std::string& toolVersion);
void writeDiffMarkdown(std::ostream& out, const ModelDiff& diff);

// "writes 200 -> 2,000/s (x10)", "technology postgresql -> sqlite", "volumeGB 12 -> (none)".
std::string fieldChangeText(const FieldChange& change);
// "writes 200 -> 2,000/s (x10), volume 12 -> 24 GB (x2)": only what differs.
std::string storeLoadText(const StoreLoadChange& change);

// The findings of a file written by `check --format json` (tool "plumbline", a findings array,
// no elements); nullopt when `document` is not one. Malformed entries are reported in `error`.
std::optional<std::vector<FindingSummary>>
readFindingsFile(const Json& document, const std::string& fileName, std::string& error);

} // namespace plumb

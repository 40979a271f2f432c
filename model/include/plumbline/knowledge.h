#pragma once
// The knowledge base: technology catalogue, pattern catalogue and rule packs (knowledge/*.json),
// loaded from the copy embedded in the binary and from user rule packs, validated on load.

#include "plumbline/conditions.h"
#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plumb {

// Where a number or category fact of the knowledge base comes from (knowledge/README.md):
// `research` (an exact quote of the research and its section), `vendor` (an official page and
// what it says), `assumption` (Plumbline's own judgement and why), or, for a model's
// ruleSettings / technologyEnvelopes overrides, `team` (with the team's reason).
struct Provenance {
    std::string kind;           // research | vendor | assumption | team
    std::string quote, section; // research
    std::string url, says;      // vendor
    std::string reason;         // assumption, team

    bool operator==(const Provenance&) const = default;
};

// A band of the capability envelope; nullopt means the research gives no number ("unknown").
struct Band {
    std::optional<double> comfortable;
    std::optional<double> max;
};

struct Envelope {
    Band volumeGB;
    Band writesPerSecond;
    std::optional<Band> vectors; // nullopt: no vector search at all
    std::optional<double> maxRecordKB;
    std::string writerConcurrency; // single-writer, single-process, multi
    std::string transactions;      // acid, single-document, limited, none
    std::vector<std::string> consistency;
    bool durable = true;
    std::vector<std::string> queries;
    std::vector<std::string> scaling;
    bool http = false;
    std::string notes;
};

struct Technology {
    std::string id;
    std::string name;
    // Names and spellings people write for it ("Postgres", "Amazon RDS for PostgreSQL"); the
    // technology resolver matches them ignoring case, spaces and punctuation.
    std::vector<std::string> aliases;
    std::string category;
    std::vector<std::string> runs;
    std::string dataModel;
    std::vector<std::string> structures;
    std::vector<std::string> hosting;
    Envelope envelope;
    std::string protocolNotes;
    std::vector<std::string> strengths, weaknesses, whenToUse, whenNotToUse;
    std::vector<std::string> sources;
    std::map<std::string, std::string> envelopeSources;
    // Per envelope value ("volumeGB.max", "writesPerSecond.comfortable", "vectors", "http", ...)
    // the provenance of that value; every value that is not "unknown" has one.
    std::map<std::string, Provenance> envelopeProvenance;
};

// A named threshold of a rule; conditions read it as {"param": NAME}.
struct RuleParam {
    std::string name;
    double value = 0; // the knowledge base's default
    std::string unit;
    std::string description;
    Provenance provenance;
};

struct Pattern {
    std::string id;
    std::string name;
    std::string category;
    std::string summary;
    std::vector<std::string> whenToUse, whenNotToUse, gains, costs;
    std::vector<std::string> related, technologies, keywords, sources;
};

struct Rule {
    std::string id;
    Severity severity = Severity::Warning;
    std::vector<ElementKind> kinds;        // empty: every kind
    std::vector<std::string> technologies; // empty: any technology
    std::string scope = "element";         // element | model
    Condition when;
    std::string title;
    std::string message; // template: {factName} is replaced by the formatted fact
    std::string rationale;
    std::vector<std::string> evidence; // fact names reported as numbers
    std::vector<std::string> alternatives, patterns, sources;
    // Rules whose finding on the same element this rule's finding replaces, as long as this
    // one is not waived: waiving the broader finding must not hide the narrower one.
    std::vector<std::string> supersedes;
    // Named thresholds in the file's order; `when` is bound to their defaults.
    std::vector<RuleParam> params;
    std::string origin; // file the rule came from ("built-in" or a user pack's path)

    const RuleParam* param(std::string_view name) const;
};

class KnowledgeBase {
public:
    std::vector<Technology> technologies;
    std::vector<Pattern> patterns;
    std::vector<Rule> rules;

    const Technology* technology(std::string_view id) const;
    const Pattern* pattern(std::string_view id) const;
    const Rule* rule(std::string_view id) const;

    // Ids of any kind close to `id` (typos, "postgres" for "postgresql"), closest first.
    std::vector<std::string> similarIds(std::string_view id, std::size_t limit = 3) const;
};

struct KnowledgeLoadResult {
    std::optional<KnowledgeBase> knowledge;
    std::vector<InputError> errors;
    bool ok() const { return knowledge.has_value(); }
};

// The built-in knowledge base (embedded), plus every *.json rule pack in `ruleDirs` (each
// folder's files in name order), plus, when `includeUserConfig`, the packs in userRulesDir().
// A user rule whose id is a built-in rule's id REPLACES the built-in rule (origin = the pack);
// the same id in two user packs is an error. Any error refuses the whole load.
KnowledgeLoadResult loadKnowledge(const std::vector<std::string>& ruleDirs = {},
                                  bool includeUserConfig = true);

// The built-in knowledge base alone, loaded once and shared (it is immutable). The embedded data
// is checked by the test suite; if it is broken anyway this prints the errors and aborts.
const KnowledgeBase& builtinKnowledge();

// The built-in knowledge base loaded afresh, reporting errors instead of aborting (for tests).
KnowledgeLoadResult loadBuiltinKnowledge();

// The three knowledge documents as JSON text; an empty `rules` text means no rules.
struct KnowledgeTexts {
    std::string technologies, patterns, rules;
    std::string technologiesFile = "knowledge/technologies.json";
    std::string patternsFile = "knowledge/patterns.json";
    std::string rulesFile = "knowledge/rules.json";
};
KnowledgeLoadResult loadKnowledgeFrom(const KnowledgeTexts& texts);

// Adds one rule pack (JSON text named `file`) to `knowledge`, validated against it. Rules of
// the pack replace rules with the same id whose origin is "built-in". Returns the errors; on
// any error `knowledge` is left unchanged.
std::vector<InputError> addRulePack(KnowledgeBase& knowledge, std::string_view text,
                                    const std::string& file);

// The user's own rule folder: $XDG_CONFIG_HOME/plumbline/rules (or ~/.config/plumbline/rules),
// whether or not it exists; empty when neither variable is set.
std::string userRulesDir();

} // namespace plumb

#pragma once
// The checker: evaluates the knowledge base's rules against the analysed facts and turns each
// rule that holds into a finding with its numbers, alternatives, patterns and sources.
//
// - A rule is evaluated once per element it applies to (kind and technology filters), or once
//   for the model when its scope is "model" (finding.element is then empty).
// - A rule fires only when its condition is True. When rules cannot judge an element because
//   estimates are missing, the element gets ONE info finding (rule "estimates-missing") that
//   lists the missing estimates, instead of one per rule.
// - Message templates: {factName} is replaced by the fact, numbers with thousands separators;
//   facts ending in GB, KB, Seconds, Days and Months carry their unit (KB >= 1024 shows as MB);
//   rates carry none, so templates write "{writesPerSecond} writes/s".
// - ruleSettings override a rule's severity or turn it off; waivers match rule + element (a
//   waiver without element covers every element) and are ignored once past `expires`, in which
//   case the finding counts again and says the waiver expired.
// - A rule's `supersedes` drops the listed rules' findings on the same element, but only while
//   the superseding finding is not waived (a waived finding hides nothing but itself).
// - Findings are sorted by severity (error first), then element, then rule.

#include "plumbline/analysis.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace plumb {

inline constexpr const char* kEstimatesMissingRule = "estimates-missing";

// A rule parameter or envelope value a finding compared against (cli.md `thresholds`).
struct Threshold {
    std::string param; // the rule's parameter name, or "envelope.<path>" ("envelope.volumeGB.max")
    double value = 0;
    std::string unit;
    Provenance provenance;

    bool operator==(const Threshold&) const = default;
};

struct Finding {
    std::string rule;
    Severity severity = Severity::Warning;
    std::string element; // element, flow or context id; empty for a model-wide finding
    std::string title;
    std::string message;
    std::string rationale;
    std::vector<std::pair<std::string, FactValue>> evidence; // in the rule's order
    std::vector<std::string> alternatives, patterns, sources;
    std::vector<std::string> missing; // estimates-missing: the estimates to add
    // The rule's parameters, then the envelope numbers its condition read.
    std::vector<Threshold> thresholds;
    bool waived = false;
    bool waiverExpired = false;
    std::string waiverReason;

    bool operator==(const Finding&) const = default;
};

struct CheckOptions {
    AnalysisOptions analysis;
    std::string today; // YYYY-MM-DD for waiver expiry; empty: the system's date (UTC)
};

struct CheckResult {
    std::vector<Finding> findings;
    AnalysisResult analysis;

    // Findings of this severity that are not waived.
    int count(Severity severity) const;
    int waivedCount() const;
};

// The technologies these findings (of one element) recommend, most severe finding first and each
// technology once. It breaks ties in the fit ranking (fit.h), so the finding's "consider" list,
// the candidate chart, "Try it" and reports put the same technologies first.
std::vector<std::string> recommendedAlternatives(const std::vector<const Finding*>& findings);
// The same for element `id` of a whole result (whose findings are in the checker's order).
std::vector<std::string> recommendedAlternatives(const CheckResult& result, const std::string& id);
// Every element's list at once, for writers that visit every store (one pass, not one a store).
std::map<std::string, std::vector<std::string>> recommendedByElement(const CheckResult& result);

// True when an element-scoped rule is evaluated on this element (its kind and technology filters;
// the technology as the analysis resolved it, in `facts`).
bool ruleAppliesTo(const Rule& rule, const Element& element, const Facts& facts);

// Analyses the model and evaluates every rule.
CheckResult check(const Model& model, const KnowledgeBase& knowledge,
                  const CheckOptions& options = {});

// Evaluates the rules against an analysis already made (e.g. an incremental `Analysis`).
std::vector<Finding> evaluateRules(const Model& model, const KnowledgeBase& knowledge,
                                   const AnalysisResult& analysis,
                                   const CheckOptions& options = {});

// The rules of one model, applied piece by piece: what evaluateRules() does for each element
// and for the model, so an incremental checker (live_check.h) that files the pieces and sorts
// them with sortFindings() gets exactly evaluateRules()'s result. Holds copies of the model's
// rule settings and waivers; `knowledge` must outlive it.
class RuleEvaluator {
public:
    RuleEvaluator(const Model& model, const KnowledgeBase& knowledge,
                  const CheckOptions& options = {});
    ~RuleEvaluator();
    RuleEvaluator(const RuleEvaluator&) = delete;
    RuleEvaluator& operator=(const RuleEvaluator&) = delete;

    // The findings of the element-scope rules on one element (waivers applied, unsorted).
    std::vector<Finding> element(const Element& element, const Facts& facts) const;
    // The findings of the model-scope rules (waivers applied, unsorted).
    std::vector<Finding> modelWide(const Facts& modelFacts) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The checker's order: severity (error first), then element, then rule.
bool checkerOrder(const Finding& a, const Finding& b);
void sortFindings(std::vector<Finding>& findings);

// The worst unwaived finding on each element, flow or context (model-wide findings are left
// out), with how many unwaived findings it has. Badges, charts and reports all use this.
struct ElementFindings {
    Severity worst = Severity::Info;
    int unwaived = 0;
};
std::map<std::string, ElementFindings> worstUnwaivedByElement(const std::vector<Finding>& findings);

// Formats one fact the way messages show it ("2,000", "1.5", "16 MB", "a, b").
std::string formatFact(const std::string& name, const FactValue& value);

// Fills a message template's {factName} placeholders from `facts` ("unknown" when absent).
std::string fillTemplate(const std::string& text, const Facts& facts);

// Today's date as YYYY-MM-DD (UTC).
std::string todayIso();

// The index in model.waivers of the waiver that decides this finding (what the checker
// applied: the first unexpired match in the model's order, else the first expired one), or
// nullopt. Lifting or editing a waived finding's waiver starts here.
std::optional<std::size_t> waiverFor(const Model& model, const Finding& finding,
                                     const std::string& today = todayIso());

} // namespace plumb

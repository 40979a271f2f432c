// Rule evaluation: findings, the one "estimates missing" note per element, waivers and the
// model's own rule settings. See checker.h.
#include "plumbline/checker.h"

#include "plumbline/fit.h"
#include "plumbline/tuning.h"

#include <algorithm>
#include <set>

namespace plumb {
namespace {

// The estimate a user has to add for a derived fact to become known.
void addEstimatesFor(const std::string& fact, const Facts& facts, std::set<std::string>& out) {
    if (fact.starts_with("envelope.") || fact.starts_with("technology") ||
        fact.starts_with("model."))
        return; // the knowledge base's gaps, not the model's
    static const std::map<std::string, std::vector<std::string>> derived{
        {"peakWritesPerSecond", {"writesPerSecond"}},
        {"writesPerDatabase", {"writesPerSecond"}},
        {"peakWritesPerDatabase", {"writesPerSecond"}},
        {"syncWritesPerSecond", {"writesPerSecond"}},
        {"writers", {"writesPerSecond"}},
        {"peakReadsPerSecond", {"readsPerSecond"}},
        {"readers", {"readsPerSecond"}},
        {"readWriteRatio", {"readsPerSecond", "writesPerSecond"}},
        {"bytesInPerSecond", {"payloadKB"}},
        {"volumePerDatabaseGB", {"volumeGB"}},
        {"volumeAtHorizonGB", {"volumeGB", "growthGBPerMonth"}},
        {"volumeAtHorizonPerDatabaseGB", {"volumeGB", "growthGBPerMonth"}},
        {"connections", {"flows into it"}},
        {"consumers", {"consumers (flows from or to it)"}},
        {"consumerGroups", {"consumers (flows from or to it)"}},
    };
    auto it = derived.find(fact);
    if (it == derived.end()) {
        out.insert(fact);
        return;
    }
    for (const auto& base : it->second)
        if (!facts.find(base)) out.insert(base);
}

std::string whereToEstimate(const std::string& name) {
    static const std::set<std::string> onFlows{"writesPerSecond", "readsPerSecond", "payloadKB"};
    static const std::set<std::string> onElement{"partitions",  "replicationFactor", "keyed",
                                                 "cachePolicy", "ttlSeconds",        "instances"};
    if (onFlows.count(name)) return name + " (on the flows into it)";
    if (onElement.count(name) || name.find(' ') != std::string::npos) return name;
    return "data." + name;
}

std::string resolvedTechnology(const Facts& facts);

} // namespace

// A rule's technologies are knowledge-base ids; the element's technology as the analysis
// resolved it ("Postgres 15" is postgresql).
bool ruleAppliesTo(const Rule& rule, const Element& e, const Facts& facts) {
    if (!rule.kinds.empty() &&
        std::find(rule.kinds.begin(), rule.kinds.end(), e.kind) == rule.kinds.end())
        return false;
    if (rule.technologies.empty()) return true;
    return e.technology && std::find(rule.technologies.begin(), rule.technologies.end(),
                                     resolvedTechnology(facts)) != rule.technologies.end();
}

namespace {

// The rule's parameters, then every envelope number its condition reads (with provenance).
std::vector<Threshold> thresholdsOf(const Rule& rule, const Technology* technology) {
    std::vector<Threshold> out;
    for (const auto& p : rule.params)
        out.push_back({p.name, p.value, p.unit, p.provenance});
    if (!technology) return out;
    std::set<std::string> facts;
    rule.when.collectFacts(facts);
    const Envelope& e = technology->envelope;
    auto band = [&](const std::string& field, const std::optional<Band>& b, const char* unit) {
        for (const char* end : {"comfortable", "max"}) {
            const std::string key = field + "." + end;
            if (!facts.count("envelope." + key) || !b) continue;
            const std::optional<double>& v = std::string(end) == "max" ? b->max : b->comfortable;
            auto it = technology->envelopeProvenance.find(key);
            if (v && it != technology->envelopeProvenance.end())
                out.push_back({"envelope." + key, *v, unit, it->second});
        }
    };
    band("volumeGB", e.volumeGB, "GB");
    band("writesPerSecond", e.writesPerSecond, "writes/s");
    band("vectors", e.vectors, "vectors");
    auto it = technology->envelopeProvenance.find("maxRecordKB");
    if (facts.count("envelope.maxRecordKB") && e.maxRecordKB &&
        it != technology->envelopeProvenance.end())
        out.push_back({"envelope.maxRecordKB", *e.maxRecordKB, "KB", it->second});
    return out;
}

Finding makeFinding(const Rule& rule, Severity severity, const std::string& element,
                    const Facts& facts, const Technology* technology = nullptr) {
    Finding f;
    f.rule = rule.id;
    f.severity = severity;
    f.element = element;
    f.title = fillTemplate(rule.title, facts);
    f.message = fillTemplate(rule.message, facts);
    f.rationale = rule.rationale;
    for (const auto& name : rule.evidence)
        if (const FactValue* v = facts.find(name)) f.evidence.emplace_back(name, *v);
    f.alternatives = rule.alternatives;
    // Do not suggest the technology the element already uses.
    if (const FactValue* tech = facts.find("technology"))
        if (const auto* id = std::get_if<std::string>(tech)) std::erase(f.alternatives, *id);
    f.patterns = rule.patterns;
    f.sources = rule.sources;
    f.thresholds = thresholdsOf(rule, technology);
    return f;
}

// A finding's "consider" list agrees with the fit ranking that reports, charts and "Try it" show
// (issue #19): the rule's alternatives among the ranking's three best candidates, in rank order
// (the ranking breaks ties in their favour); when none of them is among those three (they score
// lower, are ruled out or are not of the element's kind), the three best instead. So the list
// is always the chart's first candidates, or a part of them in the same order. Elements the
// ranking cannot judge keep the rule's list.
void considerFromRanking(std::vector<Finding>& findings, const std::vector<TechnologyFit>& ranked) {
    if (ranked.empty()) return;
    std::vector<std::string> best;
    for (const auto& fit : ranked)
        if (!fit.current && !fit.ruledOut && best.size() < 3) best.push_back(fit.technology);
    for (Finding& f : findings) {
        if (f.alternatives.empty()) continue;
        std::vector<std::string> kept;
        for (const auto& id : best)
            if (std::find(f.alternatives.begin(), f.alternatives.end(), id) != f.alternatives.end())
                kept.push_back(id);
        f.alternatives = kept.empty() ? best : std::move(kept);
    }
}

Finding missingEstimates(const Element& e, const std::set<std::string>& missing, int rules) {
    Finding f;
    f.rule = kEstimatesMissingRule;
    f.severity = Severity::Info;
    f.element = e.id;
    f.title = "Missing estimates keep " + std::to_string(rules) +
              (rules == 1 ? " rule" : " rules") + " from judging " + e.displayName();
    std::string list;
    for (const auto& name : missing) {
        list += (list.empty() ? "" : ", ") + whereToEstimate(name);
        f.missing.push_back(name);
    }
    f.message = "Plumbline cannot tell whether " + e.displayName() + " fits its workload until " +
                (missing.size() == 1 ? "this estimate is" : "these estimates are") +
                " given: " + list + ". A missing number is never taken as 0.";
    f.rationale = "Rules fire only on what the model states; an estimate that is not given "
                  "leaves the check undecided rather than guessed.";
    return f;
}

// The waivers by rule and by element ("" for a waiver of every element), each list in the
// model's order: matching every finding against every waiver was quadratic on large models.
class WaiverIndex {
public:
    explicit WaiverIndex(const std::vector<Waiver>& waivers) {
        for (std::size_t i = 0; i < waivers.size(); ++i) {
            const Waiver& w = waivers[i];
            if (!w.rule) continue;
            byRule_[*w.rule][w.element.value_or("")].push_back({&w, i});
        }
    }

    // The first unexpired matching waiver in the model's order, else the first expired one.
    void apply(const std::string& today, Finding& f) const {
        auto rule = byRule_.find(f.rule);
        if (rule == byRule_.end()) return;
        const Entry* best = nullptr;
        bool bestExpired = true;
        auto consider = [&](std::string_view element) {
            auto it = rule->second.find(element);
            if (it == rule->second.end()) return;
            for (const Entry& e : it->second) {
                const Waiver& w = *e.waiver;
                const bool expired = w.expires && !w.expires->empty() && *w.expires < today;
                // Only the earliest of each kind can win; the lists are in the model's order.
                if (!best || (bestExpired && !expired) ||
                    (expired == bestExpired && e.order < best->order)) {
                    best = &e;
                    bestExpired = expired;
                }
                if (!expired) break;
            }
        };
        consider("");
        if (!f.element.empty()) consider(f.element);
        if (!best) return;
        const Waiver& w = *best->waiver;
        f.waiverReason = w.reason.value_or("");
        if (bestExpired) {
            f.waiverExpired = true;
            f.message += " (The waiver for this finding expired on " + *w.expires +
                         (f.waiverReason.empty() ? "" : ": " + f.waiverReason) + ".)";
        } else {
            f.waived = true;
        }
    }

private:
    struct Entry {
        const Waiver* waiver;
        std::size_t order;
    };
    std::map<std::string, std::map<std::string, std::vector<Entry>, std::less<>>, std::less<>>
        byRule_;
};

// Leaves out the findings that an unwaived finding of a superseding rule replaces. A waived
// superseder replaces nothing: waiving "SQLite cannot take this write concurrency" must not
// also hide "Write rate above a single-writer engine's comfort" (issue #19). An expired waiver
// does not waive, so its finding supersedes as usual.
void dropSuperseded(std::vector<Finding>& findings, const KnowledgeBase& knowledge) {
    std::set<std::string, std::less<>> superseded;
    for (const Finding& f : findings) {
        if (f.waived) continue;
        if (const Rule* rule = knowledge.rule(f.rule))
            superseded.insert(rule->supersedes.begin(), rule->supersedes.end());
    }
    if (superseded.empty()) return;
    std::erase_if(findings, [&](const Finding& f) { return superseded.count(f.rule) > 0; });
}

std::string resolvedTechnology(const Facts& facts) {
    const FactValue* id = facts.find("technology");
    const auto* s = id ? std::get_if<std::string>(id) : nullptr;
    return s ? *s : std::string();
}

} // namespace

std::optional<std::size_t> waiverFor(const Model& model, const Finding& finding,
                                     const std::string& today) {
    std::optional<std::size_t> expiredMatch;
    for (std::size_t i = 0; i < model.waivers.size(); ++i) {
        const Waiver& w = model.waivers[i];
        if (w.rule != finding.rule) continue;
        if (w.element && *w.element != finding.element) continue;
        const bool expired = w.expires && !w.expires->empty() && *w.expires < today;
        if (!expired) return i;
        if (!expiredMatch) expiredMatch = i;
    }
    return expiredMatch;
}

int CheckResult::count(Severity severity) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return !f.waived && f.severity == severity;
    }));
}

int CheckResult::waivedCount() const {
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.waived; }));
}

bool checkerOrder(const Finding& a, const Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.element != b.element) return a.element < b.element;
    return a.rule < b.rule;
}

std::vector<std::string> recommendedAlternatives(const std::vector<const Finding*>& findings) {
    std::vector<std::string> out;
    for (const Finding* f : findings)
        for (const auto& id : f->alternatives)
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    return out;
}

std::vector<std::string> recommendedAlternatives(const CheckResult& result, const std::string& id) {
    std::vector<const Finding*> mine;
    for (const auto& f : result.findings)
        if (f.element == id) mine.push_back(&f);
    return recommendedAlternatives(mine);
}

std::map<std::string, std::vector<std::string>> recommendedByElement(const CheckResult& result) {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& f : result.findings) {
        if (f.alternatives.empty() || f.element.empty()) continue;
        auto& list = out[f.element];
        for (const auto& id : f.alternatives)
            if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    }
    return out;
}

void sortFindings(std::vector<Finding>& findings) {
    std::sort(findings.begin(), findings.end(), checkerOrder);
}

std::map<std::string, ElementFindings>
worstUnwaivedByElement(const std::vector<Finding>& findings) {
    std::map<std::string, ElementFindings> worst;
    for (const auto& f : findings) {
        if (f.waived || f.element.empty() || f.severity == Severity::Off) continue;
        auto [it, inserted] = worst.try_emplace(f.element, ElementFindings{f.severity, 0});
        if (f.severity > it->second.worst) it->second.worst = f.severity;
        ++it->second.unwaived;
    }
    return worst;
}

struct RuleEvaluator::Impl {
    Impl(const Model& model, const KnowledgeBase& kb, const CheckOptions& options)
        : knowledge(kb), waiverList(model.waivers), waivers(waiverList),
          today(options.today.empty() ? todayIso() : options.today) {
        for (const auto& s : model.ruleSettings)
            if (s.hasSeverity) settings[s.rule] = s.severity;
    }
    Severity severityOf(const std::string& rule, Severity fallback) const {
        auto it = settings.find(rule);
        return it == settings.end() ? fallback : it->second;
    }

    const KnowledgeBase& knowledge;
    std::map<std::string, Severity> settings;
    const std::vector<Waiver> waiverList; // the index points into this copy
    const WaiverIndex waivers;
    const std::string today;
};

RuleEvaluator::RuleEvaluator(const Model& model, const KnowledgeBase& knowledge,
                             const CheckOptions& options)
    : impl_(std::make_unique<Impl>(model, knowledge, options)) {}

RuleEvaluator::~RuleEvaluator() = default;

std::vector<Finding> RuleEvaluator::element(const Element& e, const Facts& facts) const {
    const KnowledgeBase& knowledge = impl_->knowledge;
    std::vector<Finding> findings;
    std::set<std::string> missing;
    int undecided = 0;
    for (const auto& rule : knowledge.rules) {
        if (rule.scope == "model" || !ruleAppliesTo(rule, e, facts)) continue;
        const Severity severity = impl_->severityOf(rule.id, rule.severity);
        if (severity == Severity::Off) continue;
        std::set<std::string> unknown;
        const Truth truth = evaluate(rule.when, facts, &unknown);
        if (truth == Truth::True) {
            findings.push_back(makeFinding(
                rule, severity, e.id, facts,
                e.technology ? knowledge.technology(resolvedTechnology(facts)) : nullptr));
        } else if (truth == Truth::Unknown) {
            // A rule the knowledge base cannot judge (an envelope number the research
            // does not give) stays undecided whatever the model adds: say nothing.
            const bool kbGap = std::any_of(unknown.begin(), unknown.end(), [](const auto& n) {
                return n.starts_with("envelope.") || n.starts_with("technology");
            });
            if (kbGap) continue;
            std::set<std::string> estimates;
            for (const auto& fact : unknown)
                addEstimatesFor(fact, facts, estimates);
            if (!estimates.empty()) ++undecided;
            missing.insert(estimates.begin(), estimates.end());
        }
    }
    const Severity noteSeverity = impl_->severityOf(kEstimatesMissingRule, Severity::Info);
    if (!missing.empty() && noteSeverity != Severity::Off) {
        findings.push_back(missingEstimates(e, missing, undecided));
        findings.back().severity = noteSeverity;
    }
    for (auto& f : findings)
        impl_->waivers.apply(impl_->today, f);
    dropSuperseded(findings, impl_->knowledge);
    // After superseding: the ranking is tie-broken by what the findings that remain recommend,
    // exactly as callers holding the finished result rank it (recommendedAlternatives).
    if (std::any_of(findings.begin(), findings.end(),
                    [](const Finding& f) { return !f.alternatives.empty(); })) {
        std::vector<const Finding*> ordered;
        for (const auto& f : findings)
            ordered.push_back(&f);
        std::sort(ordered.begin(), ordered.end(),
                  [](const Finding* a, const Finding* b) { return checkerOrder(*a, *b); });
        considerFromRanking(
            findings, rankTechnologies(e, facts, knowledge, recommendedAlternatives(ordered)));
    }
    return findings;
}

std::vector<Finding> RuleEvaluator::modelWide(const Facts& modelFacts) const {
    std::vector<Finding> findings;
    for (const auto& rule : impl_->knowledge.rules) {
        if (rule.scope != "model") continue;
        const Severity severity = impl_->severityOf(rule.id, rule.severity);
        if (severity == Severity::Off) continue;
        if (evaluate(rule.when, modelFacts) == Truth::True)
            findings.push_back(makeFinding(rule, severity, "", modelFacts));
    }
    for (auto& f : findings)
        impl_->waivers.apply(impl_->today, f);
    dropSuperseded(findings, impl_->knowledge);
    return findings;
}

std::vector<Finding> evaluateRules(const Model& model, const KnowledgeBase& knowledge,
                                   const AnalysisResult& analysis, const CheckOptions& options) {
    const RuleEvaluator rules(model, knowledge, options);
    std::vector<Finding> findings;
    for (const auto& e : model.elements) {
        const Facts* facts = analysis.facts(e.id);
        if (!facts) continue;
        auto found = rules.element(e, *facts);
        findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
    }
    auto modelFindings = rules.modelWide(analysis.model);
    findings.insert(findings.end(), std::make_move_iterator(modelFindings.begin()),
                    std::make_move_iterator(modelFindings.end()));
    sortFindings(findings);
    return findings;
}

CheckResult check(const Model& model, const KnowledgeBase& knowledge, const CheckOptions& options) {
    CheckResult result;
    if (hasTuning(model)) { // the team's parameter and envelope values replace the defaults
        const KnowledgeBase tuned = applyTuning(knowledge, model);
        result.analysis = analyse(model, tuned, options.analysis);
        result.findings = evaluateRules(model, tuned, result.analysis, options);
        return result;
    }
    result.analysis = analyse(model, knowledge, options.analysis);
    result.findings = evaluateRules(model, knowledge, result.analysis, options);
    return result;
}

} // namespace plumb

#pragma once
// The incremental checker: one per open document, it keeps an incremental `Analysis` and the
// findings of each element, so that after an edit only what the edit can change is judged
// again. Its result equals plumb::check() on the same model by construction: the pieces come
// from the same RuleEvaluator that evaluateRules() uses, filed by element and sorted in the
// checker's order (tests/model/tst_live_check.cpp compares them on random edit sequences).
//
// - reset(): analyses the whole model again and runs every rule.
// - changed() / elementChanged() / flowChanged(): the analysis re-derives the facts of the
//   elements the edit touches; the rules run again for the elements whose facts changed or
//   that were named (a new kind or technology changes which rules apply), and the model-wide
//   rules when the model-wide facts changed. Removed ids are fine: name them as both.
// - settingsChanged(): waivers, rule settings or envelopes changed: the rules run again, and
//   the analysis only when the model's tuning (applyTuning) was or is in play.
// - setScale(): the what-if multiplier, held here only; analyses the whole model again.
// Layout-only edits (moves, resizes) change nothing here: do not call anything for them.

#include "plumbline/analysis.h"
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plumb {

class LiveCheck {
public:
    // `knowledge` must outlive the checker.
    explicit LiveCheck(const KnowledgeBase& knowledge, CheckOptions options = {});
    ~LiveCheck();
    LiveCheck(const LiveCheck&) = delete;
    LiveCheck& operator=(const LiveCheck&) = delete;

    void reset(const Model& model);
    // Forgets the model: no findings, an empty analysis.
    void clear();
    // After an edit of these elements and flows (ids of removed ones included).
    void changed(const Model& model, const std::vector<std::string>& elements,
                 const std::vector<std::string>& flows);
    void elementChanged(const Model& model, std::string_view id);
    void flowChanged(const Model& model, std::string_view id);
    void settingsChanged(const Model& model);
    void setScale(const Model& model, double scale);
    double scale() const { return options_.analysis.scale; }

    // Every finding, waived or not, in the checker's order.
    const std::vector<Finding>& findings() const { return findings_; }
    const AnalysisResult& analysis() const;
    // A copy of the whole result, equal to plumb::check() on the model.
    CheckResult result() const { return {findings_, analysis()}; }
    // The knowledge the rules run on: the given one, or its copy tuned by the model.
    const KnowledgeBase& knowledge() const { return tuned_ ? *tuned_ : knowledge_; }
    bool hasModel() const { return analysis_ != nullptr; }

private:
    void evaluateAll(const Model& model);
    void reevaluate(const Model& model, const std::vector<std::string>& ids, bool modelRules);
    void assemble();

    const KnowledgeBase& knowledge_;
    CheckOptions options_;
    std::optional<KnowledgeBase> tuned_;
    std::unique_ptr<Analysis> analysis_;
    std::unique_ptr<RuleEvaluator> rules_;
    // The facts each element's findings were last computed from.
    std::unordered_map<std::string, Facts> evaluatedFacts_;
    std::unordered_map<std::string, std::vector<Finding>> elementFindings_;
    std::vector<Finding> modelFindings_;
    Facts evaluatedModelFacts_;
    std::vector<Finding> findings_;
};

} // namespace plumb

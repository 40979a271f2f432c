// The incremental checker (live_check.h).
#include "plumbline/live_check.h"

#include "plumbline/tuning.h"

#include <algorithm>
#include <set>

namespace plumb {

LiveCheck::LiveCheck(const KnowledgeBase& knowledge, CheckOptions options)
    : knowledge_(knowledge), options_(std::move(options)) {}

LiveCheck::~LiveCheck() = default;

const AnalysisResult& LiveCheck::analysis() const {
    static const AnalysisResult none;
    return analysis_ ? analysis_->result() : none;
}

void LiveCheck::clear() {
    rules_.reset();
    analysis_.reset();
    tuned_.reset();
    evaluatedFacts_.clear();
    elementFindings_.clear();
    modelFindings_.clear();
    evaluatedModelFacts_ = {};
    findings_.clear();
}

void LiveCheck::reset(const Model& model) {
    rules_.reset();
    analysis_.reset();
    settingsChanged(model);
}

void LiveCheck::setScale(const Model& model, double scale) {
    options_.analysis.scale = scale;
    reset(model);
}

void LiveCheck::settingsChanged(const Model& model) {
    // Rule settings may carry the team's thresholds: a change of them re-tunes the knowledge,
    // and the facts that read envelopes must be computed again (as check() does).
    rules_.reset(); // it refers to the knowledge about to be replaced
    const bool wasTuned = tuned_.has_value();
    if (hasTuning(model)) {
        analysis_.reset();
        tuned_ = applyTuning(knowledge_, model);
    } else {
        if (wasTuned) analysis_.reset();
        tuned_.reset();
    }
    if (!analysis_) {
        analysis_ = std::make_unique<Analysis>(knowledge(), options_.analysis);
        analysis_->reset(model);
    }
    rules_ = std::make_unique<RuleEvaluator>(model, knowledge(), options_);
    evaluateAll(model);
}

void LiveCheck::evaluateAll(const Model& model) {
    evaluatedFacts_.clear();
    elementFindings_.clear();
    const AnalysisResult& result = analysis_->result();
    for (const auto& e : model.elements) {
        const Facts* facts = result.facts(e.id);
        if (!facts) continue;
        elementFindings_[e.id] = rules_->element(e, *facts);
        evaluatedFacts_.insert_or_assign(e.id, *facts);
    }
    modelFindings_ = rules_->modelWide(result.model);
    evaluatedModelFacts_ = result.model;
    assemble();
}

void LiveCheck::elementChanged(const Model& model, std::string_view id) {
    changed(model, {std::string(id)}, {});
}

void LiveCheck::flowChanged(const Model& model, std::string_view id) {
    changed(model, {}, {std::string(id)});
}

void LiveCheck::changed(const Model& model, const std::vector<std::string>& elements,
                        const std::vector<std::string>& flows) {
    if (!analysis_ || !rules_) return reset(model);
    for (const auto& id : elements)
        analysis_->elementChanged(model, id);
    for (const auto& id : flows)
        analysis_->flowChanged(model, id);
    // The elements whose facts moved, and those edited.
    std::set<std::string> dirty(elements.begin(), elements.end());
    for (const auto& [id, facts] : analysis_->result().elements) {
        auto it = evaluatedFacts_.find(id);
        if (it == evaluatedFacts_.end() || !(it->second == facts)) dirty.insert(id);
    }
    const bool modelRules = !(analysis_->result().model == evaluatedModelFacts_);
    reevaluate(model, {dirty.begin(), dirty.end()}, modelRules);
    assemble();
}

void LiveCheck::reevaluate(const Model& model, const std::vector<std::string>& ids,
                           bool modelRules) {
    const AnalysisResult& result = analysis_->result();
    for (const std::string& id : ids) {
        const Element* element = model.findElement(id);
        const Facts* facts = result.facts(id);
        if (!element || !facts) {
            elementFindings_.erase(id);
            evaluatedFacts_.erase(id);
            continue;
        }
        elementFindings_[id] = rules_->element(*element, *facts);
        evaluatedFacts_.insert_or_assign(id, *facts);
    }
    if (modelRules) {
        modelFindings_ = rules_->modelWide(result.model);
        evaluatedModelFacts_ = result.model;
    }
}

void LiveCheck::assemble() {
    findings_ = modelFindings_;
    for (const auto& [id, found] : elementFindings_)
        findings_.insert(findings_.end(), found.begin(), found.end());
    sortFindings(findings_);
}

} // namespace plumb

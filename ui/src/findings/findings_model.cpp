#include "plumbline/ui/findings/findings_model.h"

#include "plumbline/tuning.h"

#include <QElapsedTimer>
#include <algorithm>
#include <set>

namespace plumb::ui {

namespace {

// The checker's order (checker.h): severity (error first), then element, then rule.
bool checkerOrder(const plumb::Finding& a, const plumb::Finding& b) {
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.element != b.element) return a.element < b.element;
    return a.rule < b.rule;
}

const plumb::AnalysisResult& emptyAnalysis() {
    static const plumb::AnalysisResult none;
    return none;
}

} // namespace

FindingsModel::FindingsModel(const plumb::KnowledgeBase& knowledge, QObject* parent)
    : QObject(parent), m_knowledge(knowledge) {
    splitRules(knowledge);
}

const plumb::KnowledgeBase& FindingsModel::effectiveKnowledge() const {
    return m_tuned ? *m_tuned : m_knowledge;
}

void FindingsModel::splitRules(const plumb::KnowledgeBase& knowledge) {
    m_modelRules = knowledge;
    m_modelRules.rules.clear();
    m_elementRules = m_modelRules;
    for (const auto& rule : knowledge.rules)
        (rule.scope == "model" ? m_modelRules : m_elementRules).rules.push_back(rule);
}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) connect(document, &Document::changed, this, &FindingsModel::onChanged);
    fullUpdate();
}

void FindingsModel::setScale(double scale) {
    if (scale == m_options.scale) return;
    m_options.scale = scale;
    fullUpdate(); // a new Analysis with the new options
}

const plumb::AnalysisResult& FindingsModel::analysis() const {
    return m_analysis ? m_analysis->result() : emptyAnalysis();
}

plumb::CheckResult FindingsModel::checkResult() const {
    return {m_findings, analysis()};
}

int FindingsModel::count(plumb::Severity severity) const {
    return static_cast<int>(std::count_if(m_findings.begin(), m_findings.end(), [&](const auto& f) {
        return !f.waived && f.severity == severity;
    }));
}

int FindingsModel::waivedCount() const {
    return static_cast<int>(std::count_if(m_findings.begin(), m_findings.end(),
                                          [](const auto& f) { return f.waived; }));
}

std::vector<const plumb::Finding*> FindingsModel::findingsFor(const std::string& id) const {
    std::vector<const plumb::Finding*> found;
    for (const auto& finding : m_findings)
        if (!finding.waived && finding.element == id) found.push_back(&finding);
    return found;
}

void FindingsModel::onChanged(const ChangeEvent& event) {
    if (!m_document || !m_analysis) return fullUpdate();
    const unsigned content = ChangeEvent::Elements | ChangeEvent::Flows | ChangeEvent::Contexts;
    // Moves and resizes: positions never change a finding.
    if ((event.parts & ~unsigned(ChangeEvent::Layout)) == 0) return;
    // Waivers, rule settings, the model's name: the facts stay, only the rules run again.
    if ((event.parts & content) == 0) return fullUpdate(false);
    // Renames, deletes with their cascades, anything not naming what it touched: start over.
    if (event.parts == ChangeEvent::Everything || event.ids.isEmpty() ||
        (event.parts & (ChangeEvent::Waivers | ChangeEvent::ModelProperties)))
        return fullUpdate();

    QElapsedTimer timer;
    timer.start();
    const plumb::Model& model = m_document->model();
    for (const QString& qid : event.ids) {
        const std::string id = qid.toStdString();
        const bool element = model.findElement(id) != nullptr;
        const bool flow = model.findFlow(id) != nullptr;
        // A removed id is an element or a flow the analysis still knows: tell it both ways.
        if (element || (!flow && (event.parts & ChangeEvent::Elements)))
            m_analysis->elementChanged(model, id);
        if (flow || (!element && (event.parts & ChangeEvent::Flows)))
            m_analysis->flowChanged(model, id);
    }

    // Re-evaluate the elements whose facts moved, and those edited (a new kind or technology
    // changes which rules apply even where the facts happen to stay the same).
    std::set<std::string> dirty;
    for (const QString& qid : event.ids)
        dirty.insert(qid.toStdString());
    const auto& facts = m_analysis->result().elements;
    for (const auto& [id, elementFacts] : facts) {
        auto it = m_evaluatedFacts.find(id);
        if (it == m_evaluatedFacts.end() || !(it->second == elementFacts)) dirty.insert(id);
    }
    const bool modelRules = !(m_analysis->result().model == m_evaluatedModelFacts);
    updateElements({dirty.begin(), dirty.end()}, modelRules);
    assemble();
    m_lastUpdateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit findingsChanged();
}

void FindingsModel::fullUpdate(bool reanalyse) {
    QElapsedTimer timer;
    timer.start();
    m_evaluatedFacts.clear();
    m_elementFindings.clear();
    m_modelFindings.clear();
    m_evaluatedModelFacts = {};
    m_findings.clear();
    if (!m_document) {
        m_analysis.reset();
        m_lastUpdateMs = 0;
        emit findingsChanged();
        return;
    }
    const plumb::Model& model = m_document->model();
    // Rule settings may carry the team's thresholds: a change of them re-tunes the knowledge,
    // and the facts that read envelopes must be computed again.
    const bool wasTuned = m_tuned.has_value();
    if (plumb::hasTuning(model)) {
        m_analysis.reset(); // it refers to the tuned copy about to be replaced
        m_tuned = plumb::applyTuning(m_knowledge, model);
    } else {
        if (wasTuned) m_analysis.reset();
        m_tuned.reset();
    }
    if (m_tuned || wasTuned) splitRules(effectiveKnowledge());
    if (reanalyse || !m_analysis) {
        m_analysis = std::make_unique<plumb::Analysis>(effectiveKnowledge(), m_options);
        m_analysis->reset(model);
    }
    // One pass of the checker over everything, then filed by element for later updates.
    const auto& result = m_analysis->result();
    for (auto& finding : plumb::evaluateRules(model, effectiveKnowledge(), result)) {
        const bool modelWide =
            finding.element.empty() && m_modelRules.rule(finding.rule) != nullptr;
        (modelWide ? m_modelFindings : m_elementFindings[finding.element])
            .push_back(std::move(finding));
    }
    for (const auto& [id, facts] : result.elements)
        m_evaluatedFacts.emplace(id, facts);
    m_evaluatedModelFacts = result.model;
    assemble();
    m_lastUpdateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit findingsChanged();
}

void FindingsModel::updateElements(const std::vector<std::string>& ids, bool modelRules) {
    const plumb::Model& model = m_document->model();
    const auto& result = m_analysis->result();
    for (const std::string& id : ids) {
        const plumb::Element* element = model.findElement(id);
        const plumb::Facts* facts = result.facts(id);
        if (!element || !facts) {
            m_elementFindings.erase(id);
            m_evaluatedFacts.erase(id);
            continue;
        }
        m_elementFindings[id] = evaluateElement(*element, *facts);
        m_evaluatedFacts.insert_or_assign(id, *facts);
    }
    if (modelRules) {
        // A model without elements still carries the waivers and rule settings.
        plumb::Model scratch;
        scratch.ruleSettings = model.ruleSettings;
        scratch.waivers = model.waivers;
        m_modelFindings = plumb::evaluateRules(scratch, m_modelRules, result);
        m_evaluatedModelFacts = result.model;
    }
}

std::vector<plumb::Finding> FindingsModel::evaluateElement(const plumb::Element& element,
                                                           const plumb::Facts& facts) const {
    const plumb::Model& model = m_document->model();
    plumb::Model scratch;
    scratch.elements.push_back(element);
    scratch.ruleSettings = model.ruleSettings;
    scratch.waivers = model.waivers;
    plumb::AnalysisResult analysis;
    analysis.elements.emplace(element.id, facts);
    return plumb::evaluateRules(scratch, m_elementRules, analysis);
}

void FindingsModel::assemble() {
    m_findings = m_modelFindings;
    for (const auto& [id, findings] : m_elementFindings)
        m_findings.insert(m_findings.end(), findings.begin(), findings.end());
    std::sort(m_findings.begin(), m_findings.end(), checkerOrder);
}

} // namespace plumb::ui

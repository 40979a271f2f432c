#pragma once
// Live findings: keeps an incremental plumb::Analysis of the open document and re-runs the
// checker after every change, so badges, the findings dock and the status bar follow the user
// as they type.
//
// Only what an edit can change is recomputed: the analysis re-derives the facts of the
// elements the edit touches (Analysis::elementChanged / flowChanged), and the rules run again
// for the elements whose facts or definition changed, plus the model-wide rules when the
// model-wide facts changed. Layout-only edits (moves, resizes) change nothing here. The result
// always equals plumb::check() on the same model (the tests compare them).

#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/ui/document.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace plumb::ui {

class FindingsModel : public QObject {
    Q_OBJECT
public:
    // `knowledge` must outlive the model (the built-in one lives for the whole program).
    explicit FindingsModel(const plumb::KnowledgeBase& knowledge = plumb::builtinKnowledge(),
                           QObject* parent = nullptr);
    ~FindingsModel() override;

    void setDocument(Document* document);
    Document* document() const { return m_document; }
    const plumb::KnowledgeBase& knowledge() const { return m_knowledge; }

    // Every finding, waived or not, in the checker's order (severity, element, rule).
    const std::vector<plumb::Finding>& findings() const { return m_findings; }
    const plumb::AnalysisResult& analysis() const;
    // A copy of the whole result, equal to plumb::check() on the document's model.
    plumb::CheckResult checkResult() const;

    // Unwaived findings of this severity, and waived findings of any severity.
    int count(plumb::Severity severity) const;
    int waivedCount() const;
    // The unwaived findings on one element (or flow, or context), in the checker's order.
    std::vector<const plumb::Finding*> findingsFor(const std::string& id) const;

    // The what-if multiplier for rates, volumes and growth (AnalysisOptions::scale). Changing
    // it analyses the whole model again: every element's load moves with it.
    void setScale(double scale);
    double scale() const { return m_options.scale; }

    // How long the last update took (analysis + rules), in milliseconds.
    double lastUpdateMilliseconds() const { return m_lastUpdateMs; }

signals:
    // After every update; the findings may or may not differ from before.
    void findingsChanged();

private:
    void onChanged(const ChangeEvent& event);
    // Analyses the whole model again (or keeps the analysis) and runs every rule.
    void fullUpdate(bool reanalyse = true);
    // Re-runs the rules for these elements only (and the model-wide rules when asked).
    void updateElements(const std::vector<std::string>& ids, bool modelRules);
    std::vector<plumb::Finding> evaluateElement(const plumb::Element& element,
                                                const plumb::Facts& facts) const;
    void assemble();
    // The knowledge the rules run on: the built-in one, or a copy with the model's tuning
    // (ruleSettings params, technologyEnvelopes) applied, as plumb::check() does.
    const plumb::KnowledgeBase& effectiveKnowledge() const;
    void splitRules(const plumb::KnowledgeBase& knowledge);

    const plumb::KnowledgeBase& m_knowledge;
    std::optional<plumb::KnowledgeBase> m_tuned;
    plumb::AnalysisOptions m_options;
    // The effective knowledge with only the rules of one scope, so that one element can be
    // evaluated without the model rules (the technologies stay: findings quote their envelopes).
    plumb::KnowledgeBase m_elementRules, m_modelRules;
    QPointer<Document> m_document;
    std::unique_ptr<plumb::Analysis> m_analysis;
    // The facts each element's findings were last computed from: an element is evaluated
    // again only when its facts differ.
    std::unordered_map<std::string, plumb::Facts> m_evaluatedFacts;
    std::unordered_map<std::string, std::vector<plumb::Finding>> m_elementFindings;
    std::vector<plumb::Finding> m_modelFindings;
    plumb::Facts m_evaluatedModelFacts;
    std::vector<plumb::Finding> m_findings;
    double m_lastUpdateMs = 0;
};

} // namespace plumb::ui

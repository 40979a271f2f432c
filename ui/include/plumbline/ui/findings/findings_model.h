#pragma once
// Live findings: the open document's plumb::LiveCheck (live_check.h), fed from the document's
// change events, so badges, the findings dock, the status bar and the tradeoff charts follow
// the user as they type. All of them read this one result; the what-if scale is held by the
// checker. Layout-only edits (moves, resizes) change nothing here and emit nothing.

#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/live_check.h"
#include "plumbline/ui/document.h"

#include <QObject>
#include <QPointer>
#include <string>
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
    const std::vector<plumb::Finding>& findings() const { return m_check.findings(); }
    const plumb::AnalysisResult& analysis() const { return m_check.analysis(); }
    // A copy of the whole result, equal to plumb::check() on the document's model.
    plumb::CheckResult checkResult() const { return m_check.result(); }

    // Unwaived findings of this severity, and waived findings of any severity.
    int count(plumb::Severity severity) const;
    int waivedCount() const;
    // The unwaived findings on one element (or flow, or context), in the checker's order.
    std::vector<const plumb::Finding*> findingsFor(const std::string& id) const;

    // The what-if multiplier for rates, volumes and growth (AnalysisOptions::scale). Changing
    // it analyses the whole model again: every element's load moves with it. The scale belongs
    // to the document: setDocument() puts it back to x1 (issue #19), with scaleChanged.
    void setScale(double scale);
    double scale() const { return m_check.scale(); }

    // How long the last update took (analysis + rules), in milliseconds.
    double lastUpdateMilliseconds() const { return m_lastUpdateMs; }

signals:
    // After every update; the findings may or may not differ from before.
    void findingsChanged();
    // The what-if scale moved (the slider, or x1 again for another document).
    void scaleChanged(double scale);

private:
    void onChanged(const ChangeEvent& event);
    void fullUpdate();
    void finish(qint64 startedNs);

    const plumb::KnowledgeBase& m_knowledge;
    plumb::LiveCheck m_check;
    QPointer<Document> m_document;
    double m_lastUpdateMs = 0;
};

} // namespace plumb::ui

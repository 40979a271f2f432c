#include "plumbline/ui/findings/findings_model.h"

#include <QElapsedTimer>
#include <algorithm>

namespace plumb::ui {

namespace {

qint64 nowNs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

} // namespace

FindingsModel::FindingsModel(const plumb::KnowledgeBase& knowledge, QObject* parent)
    : QObject(parent), m_knowledge(knowledge), m_check(knowledge) {}

FindingsModel::~FindingsModel() = default;

void FindingsModel::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) connect(document, &Document::changed, this, &FindingsModel::onChanged);
    // A what-if scale is a question about one document: the next one opens as estimated.
    const bool rescaled = m_check.scale() != 1;
    if (rescaled) {
        m_check.setScale(plumb::Model{}, 1);
        m_check.clear();
    }
    fullUpdate();
    if (rescaled) emit scaleChanged(1);
}

void FindingsModel::setScale(double scale) {
    if (scale <= 0 || scale == m_check.scale()) return;
    const qint64 started = nowNs();
    if (m_document) {
        m_check.setScale(m_document->model(), scale);
    } else {
        m_check.setScale(plumb::Model{}, scale);
        m_check.clear();
    }
    finish(started);
    emit scaleChanged(scale);
}

int FindingsModel::count(plumb::Severity severity) const {
    const auto& all = findings();
    return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const auto& f) {
        return !f.waived && f.severity == severity;
    }));
}

int FindingsModel::waivedCount() const {
    const auto& all = findings();
    return static_cast<int>(
        std::count_if(all.begin(), all.end(), [](const auto& f) { return f.waived; }));
}

std::vector<const plumb::Finding*> FindingsModel::findingsFor(const std::string& id) const {
    std::vector<const plumb::Finding*> found;
    for (const auto& finding : findings())
        if (!finding.waived && finding.element == id) found.push_back(&finding);
    return found;
}

void FindingsModel::finish(qint64 startedNs) {
    m_lastUpdateMs = static_cast<double>(nowNs() - startedNs) / 1e6;
    emit findingsChanged();
}

void FindingsModel::fullUpdate() {
    const qint64 started = nowNs();
    if (m_document)
        m_check.reset(m_document->model());
    else
        m_check.clear();
    finish(started);
}

void FindingsModel::onChanged(const ChangeEvent& event) {
    if (!m_document || !m_check.hasModel()) return fullUpdate();
    const unsigned content = ChangeEvent::Elements | ChangeEvent::Flows | ChangeEvent::Contexts;
    // Moves and resizes: positions never change a finding.
    if ((event.parts & ~unsigned(ChangeEvent::Layout)) == 0) return;
    const plumb::Model& model = m_document->model();
    const qint64 started = nowNs();
    // Waivers, rule settings, the model's name: the facts stay, only the rules run again.
    if ((event.parts & content) == 0) {
        m_check.settingsChanged(model);
        return finish(started);
    }
    // Renames, deletes with their cascades, anything not naming what it touched: start over.
    if (event.parts == ChangeEvent::Everything || event.ids.isEmpty() ||
        (event.parts & (ChangeEvent::Waivers | ChangeEvent::ModelProperties)))
        return fullUpdate();

    std::vector<std::string> elements, flows;
    for (const QString& qid : event.ids) {
        std::string id = qid.toStdString();
        const bool element = model.findElement(id) != nullptr;
        const bool flow = model.findFlow(id) != nullptr;
        // A removed id is an element or a flow the analysis still knows: tell it both ways.
        if (element || (!flow && (event.parts & ChangeEvent::Elements))) elements.push_back(id);
        if (flow || (!element && (event.parts & ChangeEvent::Flows))) flows.push_back(id);
    }
    m_check.changed(model, elements, flows);
    finish(started);
}

} // namespace plumb::ui

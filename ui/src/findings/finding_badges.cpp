#include "plumbline/ui/findings/finding_badges.h"

#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/severity_style.h"

#include <QSet>
#include <map>

namespace plumb::ui {

FindingBadges::FindingBadges(FindingsModel* findings, diagram::DiagramScene* scene, QObject* parent)
    : QObject(parent), m_findings(findings), m_scene(scene) {
    connect(findings, &FindingsModel::findingsChanged, this, &FindingBadges::refresh);
}

void FindingBadges::refresh() {
    Document* document = m_findings->document();
    if (!document) return;
    struct Badge {
        plumb::Severity worst = plumb::Severity::Off;
        QStringList titles;
    };
    std::map<QString, Badge> wanted;
    for (const auto& [id, worst] : plumb::worstUnwaivedByElement(m_findings->findings()))
        wanted[QString::fromStdString(id)].worst = worst.worst;
    for (const plumb::Finding& finding : m_findings->findings()) {
        if (finding.waived || finding.element.empty()) continue;
        Badge& badge = wanted[QString::fromStdString(finding.element)];
        badge.titles << QStringLiteral("<span style='color:%1'>%2</span> %3")
                            .arg(severityColor(finding.severity).name(),
                                 severityName(finding.severity),
                                 QString::fromStdString(finding.title).toHtmlEscaped());
    }

    // Items that lost their findings: no badge, and the tooltip of the plain element again.
    const QList<QString> previous = m_applied.keys();
    for (const QString& id : previous) {
        if (wanted.count(id)) continue;
        m_applied.remove(id);
        diagram::ElementItem* item = m_scene->elementItem(id);
        const plumb::Element* element = document->model().findElement(id.toStdString());
        if (!item || !element) continue;
        item->setFindingSeverity(std::nullopt);
        item->setElement(*element); // restores the tooltip without findings
    }
    for (const auto& [id, badge] : wanted) {
        diagram::ElementItem* item = m_scene->elementItem(id);
        if (!item) continue; // a flow or context: listed in the dock only
        // Up to date unless the findings changed or the item was re-created or refreshed.
        const auto applied = m_applied.constFind(id);
        if (applied != m_applied.cend() && item->findingSeverity() == badge.worst &&
            applied->titles == badge.titles && item->toolTip() == applied->toolTip)
            continue;
        item->setFindingSeverity(badge.worst, badge.titles);
        m_applied.insert(id, {badge.titles, item->toolTip()});
    }
}

} // namespace plumb::ui

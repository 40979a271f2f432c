#include "plumbline/ui/findings/finding_details.h"

#include "plumbline/ui/findings/severity_style.h"

#include <QDesktopServices>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace plumb::ui {

namespace {

// Links to catalogue entries use their own scheme so they never leave the application.
const QString kEntryScheme = QStringLiteral("plumbline-entry");

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

QString escaped(const std::string& text) {
    return q(text).toHtmlEscaped();
}

// One threshold the finding compared against, with where its number comes from and where to
// change it, so a reader can judge the finding instead of trusting it.
QString thresholdHtml(const plumb::Threshold& t) {
    const plumb::Provenance& p = t.provenance;
    QString origin;
    if (p.kind == "research")
        origin = QObject::tr("the research: \u201c%1\u201d (%2)")
                     .arg(escaped(p.quote), escaped(p.section));
    else if (p.kind == "vendor")
        origin = QObject::tr("vendor documentation: %1 (<a href='%2'>%2</a>)")
                     .arg(escaped(p.says), escaped(p.url));
    else if (p.kind == "team")
        origin = p.reason.empty() ? QObject::tr("team")
                                  : QObject::tr("team (%1)").arg(escaped(p.reason));
    else
        origin = QObject::tr("Plumbline's assumption (%1)").arg(escaped(p.reason));
    QString html = QObject::tr("threshold <b>%1 %2</b> <span style='color:gray'>(%3)</span>: %4")
                       .arg(escaped(plumb::formatFact("value", plumb::FactValue(t.value))),
                            escaped(t.unit), escaped(t.param), origin);
    if (p.kind != "team")
        html += t.param.starts_with("envelope.")
                    ? QObject::tr("; tune it in the model's technologyEnvelopes")
                    : QObject::tr("; tune it in the model's ruleSettings");
    return html;
}

} // namespace

FindingDetails::FindingDetails(const plumb::KnowledgeBase& knowledge, QWidget* parent)
    : QWidget(parent), m_knowledge(knowledge), m_browser(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("findingDetails"));
    m_browser->setObjectName(QStringLiteral("findingDetailsText"));
    // Links are routed by openLink: entries to the catalogue, the rest to the web browser.
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &FindingDetails::openLink);
    showFinding(nullptr);
}

QString FindingDetails::entryName(const QString& id) const {
    const std::string key = id.toStdString();
    if (const plumb::Pattern* pattern = m_knowledge.pattern(key)) return q(pattern->name);
    if (const plumb::Technology* technology = m_knowledge.technology(key))
        return q(technology->name);
    return id;
}

void FindingDetails::showFinding(const plumb::Finding* finding, const QString& elementName) {
    m_learnMoreIds.clear();
    if (!finding) {
        m_browser->setHtml(QStringLiteral("<p style='color:gray'>%1</p>")
                               .arg(tr("Select a finding to see its numbers, the patterns and "
                                       "alternatives it suggests, and its sources.")));
        return;
    }
    const auto entryLinks = [this](const std::vector<std::string>& ids) {
        QStringList links;
        for (const std::string& id : ids) {
            const QString qid = q(id);
            const bool known = m_knowledge.pattern(id) || m_knowledge.technology(id);
            if (!known) {
                links << qid.toHtmlEscaped();
                continue;
            }
            m_learnMoreIds << qid;
            links << QStringLiteral("<a href='%1:%2'>%3</a>")
                         .arg(kEntryScheme, qid.toHtmlEscaped(), entryName(qid).toHtmlEscaped());
        }
        return links.join(QStringLiteral(", "));
    };

    QString html =
        QStringLiteral("<h3 style='margin:0'>%1 %2</h3>")
            .arg(severityName(finding->severity).toHtmlEscaped(), escaped(finding->title));
    html += QStringLiteral("<p style='color:gray;margin-top:2px'>%1 · %2</p>")
                .arg(elementName.toHtmlEscaped(), escaped(finding->rule));
    if (finding->waived)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Waived: %1").arg(q(finding->waiverReason)).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(escaped(finding->message));
    if (!finding->evidence.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><table cellspacing='0' cellpadding='2'>")
                    .arg(tr("Evidence"));
        for (const auto& [name, value] : finding->evidence)
            html += QStringLiteral("<tr><td style='color:gray'>%1</td><td><b>%2</b></td></tr>")
                        .arg(escaped(name), escaped(plumb::formatFact(name, value)));
        html += QStringLiteral("</table>");
    }
    if (!finding->thresholds.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul style='margin-top:0'>").arg(tr("Thresholds"));
        for (const plumb::Threshold& threshold : finding->thresholds)
            html += QStringLiteral("<li>%1</li>").arg(thresholdHtml(threshold));
        html += QStringLiteral("</ul>");
    }
    if (!finding->missing.empty()) {
        QStringList missing;
        for (const auto& name : finding->missing)
            missing << escaped(name);
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Estimates to add:"), missing.join(QStringLiteral(", ")));
    }
    if (!finding->rationale.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Why:"), escaped(finding->rationale));
    if (!finding->patterns.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Patterns:"), entryLinks(finding->patterns));
    if (!finding->alternatives.empty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Alternatives:"), entryLinks(finding->alternatives));
    if (!finding->sources.empty()) {
        html += QStringLiteral("<p><b>%1</b></p><ul style='margin-top:0'>").arg(tr("Sources"));
        for (const std::string& source : finding->sources)
            html += QStringLiteral("<li><a href='%1'>%1</a></li>").arg(escaped(source));
        html += QStringLiteral("</ul>");
    }
    m_browser->setHtml(html);
}

void FindingDetails::openLink(const QUrl& link) {
    if (link.scheme() == kEntryScheme) {
        emit learnMoreRequested(link.path());
        return;
    }
    if (link.scheme() == QLatin1String("http") || link.scheme() == QLatin1String("https"))
        QDesktopServices::openUrl(link);
}

} // namespace plumb::ui

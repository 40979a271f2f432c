// Detail pages of the pattern catalogue browser (catalogue_html.h).
#include "plumbline/ui/catalogue/catalogue_html.h"

#include "plumbline/pattern_templates.h"
#include "plumbline/ui/theme.h"

#include <QApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace plumb::ui::catalogue {
namespace {

QString esc(const std::string& text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

QString list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return {};
    QString html = QStringLiteral("<h3>%1</h3><ul>").arg(QLatin1String(heading));
    for (const auto& item : items)
        html += QStringLiteral("<li>%1</li>").arg(esc(item));
    return html + QStringLiteral("</ul>");
}

// Links to other entries, by name; ids the catalogue does not know stay plain text so that a
// dangling reference in the data is visible rather than a dead link.
QString entryLinks(const plumb::KnowledgeBase& knowledge, const char* heading,
                   const std::vector<std::string>& ids) {
    if (ids.empty()) return {};
    QStringList links;
    for (const auto& id : ids) {
        const QUrl url = entryLink(knowledge, id);
        QString name = esc(id);
        if (const auto* p = knowledge.pattern(id))
            name = esc(p->name);
        else if (const auto* t = knowledge.technology(id))
            name = esc(t->name);
        links << (url.isValid() ? QStringLiteral("<a href=\"%1\">%2</a>")
                                      .arg(url.toString().toHtmlEscaped(), name)
                                : name);
    }
    return QStringLiteral("<h3>%1</h3><p>%2</p>")
        .arg(QLatin1String(heading), links.join(QStringLiteral(" &middot; ")));
}

QString sources(const std::vector<std::string>& urls) {
    if (urls.empty()) return {};
    QString html = QStringLiteral("<h3>Sources</h3><ol>");
    for (const auto& url : urls) {
        const QString u = esc(url);
        html += QStringLiteral("<li><a href=\"%1\">%1</a></li>").arg(u);
    }
    return html + QStringLiteral("</ol>");
}

// The subtitle's grey comes from the current palette: a fixed grey is unreadable in one theme.
QString header(const std::string& name, const QString& subtitle) {
    return QStringLiteral("<h2 style=\"margin-bottom:2px\">%1</h2>"
                          "<p style=\"color:%3;margin-top:0\">%2</p>")
        .arg(esc(name), subtitle, Theme::mutedTextColor(QApplication::palette()).name());
}

QString band(const char* label, const plumb::Band& b, const char* unit) {
    auto n = [](const std::optional<double>& v) {
        return v ? QLocale(QLocale::English).toString(*v, 'g', 12) : QStringLiteral("unknown");
    };
    return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2 %4</td>"
                          "<td align=\"right\">%3 %4</td></tr>")
        .arg(QLatin1String(label), n(b.comfortable), n(b.max), QLatin1String(unit));
}

} // namespace

QString categoryTitle(const std::string& category) {
    QString title = QString::fromStdString(category);
    title.replace(QLatin1Char('-'), QLatin1Char(' '));
    // Acronyms keep their capitals: "cqrs-event-sourcing" -> "CQRS event sourcing".
    static const char* const kAcronyms[] = {"cqrs", "cdc", "etl"};
    for (const char* acronym : kAcronyms)
        title.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(acronym))),
                      QString::fromLatin1(acronym).toUpper());
    if (!title.isEmpty()) title[0] = title[0].toUpper();
    return title;
}

QUrl entryLink(const plumb::KnowledgeBase& knowledge, const std::string& id) {
    QUrl url;
    if (knowledge.pattern(id))
        url.setScheme(QLatin1String(kPatternScheme));
    else if (knowledge.technology(id))
        url.setScheme(QLatin1String(kTechnologyScheme));
    else
        return {};
    url.setPath(QString::fromStdString(id));
    return url;
}

QString entryIdOf(const QUrl& link) {
    const QString scheme = link.scheme();
    if (scheme == QLatin1String(kPatternScheme) || scheme == QLatin1String(kTechnologyScheme))
        return link.path();
    return {};
}

QString patternPage(const plumb::KnowledgeBase& knowledge, const plumb::Pattern& p) {
    QString html = header(p.name, QStringLiteral("Pattern &middot; ") +
                                      categoryTitle(p.category).toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(esc(p.summary));
    html += list("When to use", p.whenToUse);
    html += list("When not to use", p.whenNotToUse);
    html += list("Gains", p.gains);
    html += list("Costs", p.costs);
    html += entryLinks(knowledge, "Related patterns", p.related);
    html += entryLinks(knowledge, "Technologies", p.technologies);
    // Patterns that map to structure can be drawn into the model in one undoable step.
    const auto templates = plumb::templatesForPattern(p.id);
    if (!templates.empty()) {
        html += QStringLiteral("<h3>Apply to your diagram</h3><ul>");
        for (const auto* t : templates)
            html += QStringLiteral("<li><a href=\"%1:%2\">%3</a> for the store selected in the "
                                   "diagram. %4</li>")
                        .arg(QLatin1String(kTemplateScheme), esc(t->id), esc(t->title),
                             esc(t->summary));
        html += QStringLiteral("</ul>");
    }
    html += sources(p.sources);
    return html;
}

QString technologyPage(const plumb::KnowledgeBase& knowledge, const plumb::Technology& t) {
    QString html = header(t.name, QStringLiteral("Technology &middot; ") +
                                      categoryTitle(t.category).toHtmlEscaped() +
                                      QStringLiteral(" &middot; ") + esc(t.dataModel));
    const auto& e = t.envelope;
    html += QStringLiteral("<h3>Envelope</h3><table cellspacing=\"0\" cellpadding=\"3\" "
                           "border=\"1\"><tr><th></th>"
                           "<th>Comfortable</th><th>Maximum</th></tr>");
    html += band("Volume", e.volumeGB, "GB");
    html += band("Write rate", e.writesPerSecond, "/s");
    if (e.vectors) html += band("Vectors", *e.vectors, "");
    html += QStringLiteral("</table>");
    if (!e.notes.empty()) html += QStringLiteral("<p><i>%1</i></p>").arg(esc(e.notes));
    html += list("Strengths", t.strengths);
    html += list("Weaknesses", t.weaknesses);
    html += list("When to use", t.whenToUse);
    html += list("When not to use", t.whenNotToUse);
    if (!t.protocolNotes.empty())
        html += QStringLiteral("<h3>Protocol</h3><p>%1</p>").arg(esc(t.protocolNotes));
    // Patterns that name this technology, so the page links back into the catalogue.
    std::vector<std::string> patterns;
    for (const auto& p : knowledge.patterns)
        for (const auto& id : p.technologies)
            if (id == t.id) patterns.push_back(p.id);
    html += entryLinks(knowledge, "Patterns", patterns);
    html += sources(t.sources);
    return html;
}

} // namespace plumb::ui::catalogue

#pragma once
// Checks on report documents shared by the report suites (model, app, ui): XHTML
// well-formedness, external references, and a syntax-level check of the Mermaid flowchart and
// the Markdown tables. Header-only so any suite can include it ("model/tst_report_checks.h").

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace reportchecks {

// Parses the HTML as XML; returns the error ("" when well-formed) and collects the text and
// every href/src attribute.
struct HtmlScan {
    QString error;
    QString text;
    QStringList hrefs, srcs, elements;
};

inline HtmlScan scanHtml(const QString& html) {
    HtmlScan scan;
    QXmlStreamReader xml(html);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            scan.elements << xml.name().toString().toLower();
            for (const auto& a : xml.attributes()) {
                const QString name = a.name().toString().toLower();
                if (name == "href" || name == "xlink:href") scan.hrefs << a.value().toString();
                if (name == "src" || name == "srcset" || name == "data")
                    scan.srcs << a.value().toString();
                if (name.startsWith("on")) scan.error = "event handler attribute " + name;
            }
        } else if (xml.isCharacters()) {
            scan.text += xml.text();
            scan.text += ' ';
        }
    }
    if (xml.hasError() && scan.error.isEmpty())
        scan.error = QString("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return scan;
}

// "" when the document requests nothing from the network: no src, no stylesheet link, no
// script, no @import/url() in CSS; hrefs are anchors or http(s) links (sources).
inline QString externalReference(const HtmlScan& scan, const QString& html) {
    if (!scan.srcs.isEmpty()) return "src attribute: " + scan.srcs.first();
    for (const char* tag : {"script", "link", "img", "iframe", "object", "embed", "image", "use"})
        if (scan.elements.contains(tag)) return QString("element <%1>").arg(tag);
    if (html.contains("@import") || html.contains("url(")) return "CSS import or url()";
    for (const auto& href : scan.hrefs)
        if (!href.startsWith('#') && !href.startsWith("https://") && !href.startsWith("http://"))
            return "href " + href;
    return {};
}

// The ```mermaid block of a Markdown document, or "" when there is none.
inline QString mermaidBlock(const QString& markdown) {
    const qsizetype start = markdown.indexOf("```mermaid\n");
    if (start < 0) return {};
    const qsizetype end = markdown.indexOf("\n```", start + 11);
    return end < 0 ? QString() : markdown.mid(start + 11, end - start - 11);
}

// A syntax-level check of the flowchart: header, balanced subgraph/end, node ids made of
// [A-Za-z0-9_], labels quoted with no raw quote, bracket or backtick inside. "" when valid.
inline QString checkMermaid(const QString& block) {
    const QStringList lines = block.split('\n', Qt::SkipEmptyParts);
    if (lines.isEmpty() || lines.first().trimmed() != "flowchart LR")
        return "missing 'flowchart LR'";
    static const QRegularExpression subgraph(R"re(^subgraph ([A-Za-z0-9_]+)\["([^"\[\]`]*)"\]$)re");
    static const QRegularExpression node(
        R"re(^([A-Za-z0-9_]+)(\(\["[^"`]*"\]\)|\[\("[^"`]*"\)\]|\[/"[^"`]*"/\]|\[\["[^"`]*"\]\]|\["[^"`]*"\])$)re");
    static const QRegularExpression edge(
        R"re(^([A-Za-z0-9_]+) (-->|-\.->)(\|"[^"`|]*"\|)? ([A-Za-z0-9_]+)$)re");
    static const QRegularExpression classDef(R"re(^classDef [a-z]+ [a-z:#0-9,\-]+$)re");
    static const QRegularExpression classUse(R"re(^class [A-Za-z0-9_,]+ [a-z]+$)re");
    int depth = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line == "end") {
            if (--depth < 0) return QString("line %1: 'end' without subgraph").arg(i + 1);
        } else if (subgraph.match(line).hasMatch()) {
            ++depth;
        } else if (!node.match(line).hasMatch() && !edge.match(line).hasMatch() &&
                   !classDef.match(line).hasMatch() && !classUse.match(line).hasMatch()) {
            return QString("line %1 is not a node, edge or subgraph: %2").arg(i + 1).arg(line);
        }
        // Labels must not contain bracket characters that Mermaid would parse as shapes.
        const qsizetype q1 = line.indexOf('"'), q2 = line.lastIndexOf('"');
        if (q1 >= 0 && q2 > q1) {
            static const QRegularExpression entity("#[a-z0-9]+;");
            QString label = line.mid(q1 + 1, q2 - q1 - 1);
            label.remove("<br/><small>").remove("</small>").remove(entity);
            for (QChar c : QStringLiteral("[](){}<>|#;`"))
                if (label.contains(c))
                    return QString("line %1: raw '%2' in a label").arg(i + 1).arg(c);
        }
    }
    return depth == 0 ? QString() : QString("%1 subgraph(s) not closed").arg(depth);
}

// Every Markdown table keeps the column count of its header row. "" when valid.
inline QString checkMarkdownTables(const QString& markdown) {
    int columns = -1;
    const QStringList lines = markdown.split('\n');
    bool inCode = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.startsWith("```")) inCode = !inCode;
        if (inCode) continue;
        if (!line.startsWith('|')) {
            columns = -1;
            continue;
        }
        const int n = static_cast<int>(line.count('|'));
        if (columns < 0)
            columns = n;
        else if (n != columns)
            return QString("line %1 has %2 pipes, header %3: %4")
                .arg(i + 1)
                .arg(n)
                .arg(columns)
                .arg(line);
    }
    return {};
}

} // namespace reportchecks

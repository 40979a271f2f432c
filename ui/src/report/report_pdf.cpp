// The PDF report: the same content and order as the HTML report (report.h), laid out on pages
// by pdf::Flow. Text is drawn as text (searchable, pdftotext-able), the diagram and charts as
// vectors. User strings need no escaping here: they are drawn as plain text, never parsed.
#include "pdf_diagram.h"
#include "pdf_flow.h"
#include "plumbline/report_charts.h"
#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"
#include "plumbline/ui/report/report_export.h"

#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <cmath>
#include <map>
#include <memory>

namespace plumb::ui {
namespace {

using pdf::Cell;
using pdf::Column;
using pdf::TableStyle;

// User text made safe for drawing (control characters dropped); the writer's own "\n" between
// list items becomes a line separator so that a cell shows one item per line.
QString q(const std::string& s) {
    QString out;
    std::size_t start = 0;
    for (std::size_t end = s.find('\n');; end = s.find('\n', start)) {
        if (start > 0) out += QChar(QChar::LineSeparator);
        out += QString::fromStdString(
            cleanText(s.substr(start, end == std::string::npos ? end : end - start)));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}
QColor colourOf(Severity s) {
    return QColor(severityColour(s));
}
Cell pillCell(Severity s) {
    return Cell{q(severityTitle(s)), true, {}, colourOf(s), false};
}
Cell text(const std::string& s, bool bold = false) {
    return Cell{q(s), bold, {}, {}, false};
}
Cell mono(const std::string& s) {
    return Cell{q(s), false, {}, {}, true};
}

// Points above the diagram for its section heading.
constexpr double kHeadingRoom = 45;

class PdfReport {
public:
    PdfReport(const Report& r, pdf::Flow& flow) : r_(r), f_(flow) {}

    void build() {
        std::string meta = r_.date + "   ·   " + std::to_string(r_.model.contexts.size()) +
                           " contexts, " + std::to_string(r_.model.elements.size()) +
                           " elements, " + std::to_string(r_.model.flows.size()) +
                           " flows   ·   scale ×" + units::number(r_.analysis.scale, 2);
        if (r_.analysis.horizonMonths > 0)
            meta += "   ·   horizon " + units::number(r_.analysis.horizonMonths, 1) + " months";
        f_.cover("Data architecture review", q(r_.title), q(r_.description), q(meta));
        const int changesToc =
            r_.changes ? f_.addTocEntry(q("Changes since " + r_.changes->since), 0) : -1;
        // The table of contents is the report's outline (report.h), contexts as sub-entries.
        for (const ReportSection& s : r_.outline) {
            toc_[s.id] = f_.addTocEntry(q(r_.heading(s.id)), 0);
            if (s.id == "contexts")
                for (const ReportSection& c : s.children)
                    contextToc_.push_back(f_.addTocEntry(q(c.title), 1));
        }
        f_.tableOfContents();
        changes(changesToc);
        summary();
        diagram();
        contexts();
        workloads();
        tradeoffs();
        findings();
        waivers();
        appendix();
    }

private:
    // With a baseline: what changed, first (the content is buildReport's, as in HTML).
    void changes(int tocEntry) {
        if (!r_.changes) return;
        const ReportChanges& c = *r_.changes;
        f_.heading(1, q("Changes since " + c.since), tocEntry);
        f_.paragraph(q(c.summary), 10, {}, true);
        if (!c.findings.empty()) {
            std::vector<std::vector<Cell>> rows{
                {text("Change"), text("Severity"), text("Where"), text("Finding")}};
            for (const auto& f : c.findings)
                rows.push_back({text(f.change), pillCell(f.severity), text(f.where, true),
                                text(f.title + " (" + f.rule + ")")});
            f_.table({{1.4}, {1.1}, {2}, {5.5}}, rows);
        }
        if (!c.stores.empty()) {
            std::vector<std::vector<Cell>> rows{{text("Store"), text("Change (derived load)")}};
            for (const auto& [name, change] : c.stores)
                rows.push_back({text(name, true), text(change)});
            f_.table({{2.5}, {7.5}}, rows);
        }
        for (const auto& line : c.modelChanges)
            f_.paragraph(q("• " + line));
    }

    void summary() {
        section("summary");
        f_.tiles({{QString::number(r_.errors), "Errors", colourOf(Severity::Error)},
                  {QString::number(r_.warnings), "Warnings", colourOf(Severity::Warning)},
                  {QString::number(r_.infos), "Info", colourOf(Severity::Info)},
                  {QString::number(r_.waived), "Waived", QColor("#95a5a6")}});
        std::string verdict;
        if (r_.errors > 0)
            verdict = "The design has " + std::to_string(r_.errors) + " blocking " +
                      (r_.errors == 1 ? "issue" : "issues") +
                      ": a store is asked for more than its technology can give. Address them "
                      "before sign-off.";
        else if (r_.warnings > 0)
            verdict = "No blocking issue. " + std::to_string(r_.warnings) +
                      (r_.warnings == 1 ? " risk" : " risks") +
                      " should be accepted with a waiver or addressed.";
        else
            verdict = "No blocking issue and no risk: every store fits its stated workload.";
        f_.paragraph(q(verdict), 10, {}, true);
        if (r_.topRisks.empty()) return;
        f_.heading(2, "Top risks");
        std::vector<std::vector<Cell>> rows{{text("Severity"), text("Where"), text("Risk")}};
        for (const auto& risk : r_.topRisks)
            rows.push_back({pillCell(risk.severity), text(risk.where, true), text(risk.sentence)});
        f_.table({{1.1}, {2}, {7}}, rows);
    }

    void diagram() {
        // Painted from the scene rather than r_.diagramSvg so its labels stay text
        // (pdf_diagram.h); the options match the ones buildReport gives the SVG.
        DiagramOptions options;
        options.title = r_.title;
        for (const auto& [id, w] : worstUnwaivedByElement(r_.findings))
            options.worstFinding.emplace(id, w.worst);
        auto scene = std::make_shared<const DiagramScene>(diagramScene(r_.model, options));
        // The page turns only for a drawing that comes out larger that way: a tall saved
        // layout on a landscape page left the heading alone on it and the drawing on the next.
        // The caption's room is measured (two lines on a portrait page), not guessed: a
        // guess too small pushed its last line onto a page of its own.
        const QString caption = QStringLiteral(
            "Boxes are elements coloured by kind, grey frames are bounded contexts, arrows are "
            "flows labelled with their rates; a badge marks the worst finding.");
        const QSizeF natural(scene->width, scene->height);
        f_.orientedPage(
            f_.suitsLandscape(natural, kHeadingRoom + f_.paragraphHeight(caption, 8, false, true)));
        section("diagram");
        f_.drawing(
            natural, [scene](QPainter& p) { pdf::paintDiagram(p, *scene); }, 0,
            f_.paragraphHeight(caption, 8, false, true));
        f_.paragraph(caption, 8, QColor("#5d6d7e"), false, true);
    }

    void contexts() {
        f_.orientedPage(false);
        section("contexts");
        for (std::size_t i = 0; i < r_.contexts.size(); ++i) {
            const ReportContext& c = r_.contexts[i];
            f_.heading(2, q(c.name), contextToc_[i]);
            std::string meta = c.description;
            if (!c.team.empty())
                meta += (meta.empty() ? "" : "  ·  ") + std::string("Team: ") + c.team;
            if (!meta.empty()) f_.paragraph(q(meta), 8.5, QColor("#5d6d7e"));
            std::vector<std::vector<Cell>> rows{{text("Element"), text("Id"), text("Kind"),
                                                 text("Technology"), text("Description")}};
            for (const auto& id : c.elementIds)
                if (const Element* e = r_.model.findElement(id))
                    rows.push_back({text(e->displayName(), true), mono(e->id),
                                    text(kindTitle(e->kind)),
                                    text(e->technology ? r_.technologyName(*e->technology) : ""),
                                    text(e->description.value_or(""))});
            if (rows.size() > 1)
                f_.table({{2.2}, {1.8}, {1}, {1.4}, {4}}, rows);
            else
                f_.paragraph("No elements yet.", 8.5, QColor("#5d6d7e"));
        }
    }

    void workloads() {
        f_.pageBreak();
        section("workloads");
        if (r_.stores.empty()) {
            f_.paragraph("The model has no stores, caches, streams or queues.");
            return;
        }
        f_.paragraph(
            "Rates are derived from the flows into each element; peaks (in brackets) apply each "
            "flow's "
            "peak factor. Volumes are stated in the model. \u201c\u2014\u201d means not estimated.",
            8.5, QColor("#5d6d7e"));
        const bool horizon = r_.analysis.horizonMonths > 0;
        std::vector<std::vector<Cell>> rows{
            {text("Store"), text("Technology"), text("Reads/s (peak)"), text("Writes/s (peak)"),
             text("Volume"), text(horizon ? "At horizon" : "Growth / month"),
             text("Best fit (score)"), text("Status")}};
        for (const auto& s : r_.stores) {
            auto rate = [](const std::optional<double>& v, const std::optional<double>& p) {
                std::string t = v ? units::number(*v, 1) : "\u2014";
                if (v && p && *p != *v) t += " (" + units::number(*p, 1) + ")";
                return t;
            };
            std::string fit;
            for (const auto& x : s.fit)
                fit += (fit.empty() ? "" : "\n") + r_.technologyName(x.technology) + "  " +
                       scoreText(x.score);
            rows.push_back(
                {text(s.name, true), text(s.technologyName.empty() ? "\u2014" : s.technologyName),
                 text(rate(s.readsPerSecond, s.peakReadsPerSecond)),
                 text(rate(s.writesPerSecond, s.peakWritesPerSecond)),
                 text(units::gigabytes(s.volumeGB)),
                 text(horizon ? units::gigabytes(s.volumeAtHorizonGB)
                              : units::gigabytes(s.growthGBPerMonth)),
                 text(fit.empty() ? "\u2014" : fit),
                 s.worst ? pillCell(*s.worst) : Cell{"OK", true, {}, QColor("#1e8449"), false}});
        }
        f_.table({{2}, {1.5}, {1.3, true}, {1.3, true}, {1.05, true}, {1.15, true}, {2.2}, {1.05}},
                 rows);
    }

    void tradeoffs() {
        f_.pageBreak();
        section("tradeoffs");
        if (!r_.decisionMapSvg.empty()) {
            f_.svg(QByteArray::fromStdString(r_.decisionMapSvg), f_.width() * 0.92);
            f_.paragraph("Each point is a store (colour: worst finding, green: none). Shaded "
                         "rectangles are each "
                         "technology's comfortable envelope, dashed ones its maximum.",
                         8, QColor("#5d6d7e"), false, true);
        }
        if (!r_.decisionMap.unplotted.empty()) {
            std::string names;
            for (const auto& id : r_.decisionMap.unplotted)
                names += (names.empty() ? "" : ", ") + r_.elementName(id);
            f_.paragraph(q("Not plotted (no write rate or volume estimated): " + names + "."), 8,
                         QColor("#5d6d7e"));
        }
        f_.heading(2, "Growth projection");
        if (r_.growth.empty()) {
            f_.paragraph("No store states a monthly growth.", 8.5, QColor("#5d6d7e"));
            return;
        }
        std::vector<std::vector<Cell>> rows{{text("Store"), text("Today"), text("+12 months"),
                                             text("+24 months"), text("Comfortable limit"),
                                             text("Reached in")}};
        for (const ReportGrowthRow& g : r_.growth)
            rows.push_back({text(g.name, true), text(units::gigabytes(g.todayGB)),
                            text(units::gigabytes(g.in12GB)), text(units::gigabytes(g.in24GB)),
                            text(units::gigabytes(g.comfortableGB)), text(reachedText(g))});
        f_.table({{2.4}, {1, true}, {1, true}, {1, true}, {1.3, true}, {1.3, true}}, rows);
    }

    void findings() {
        f_.pageBreak();
        section("findings");
        bool any = false;
        for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
            int n = 0;
            for (const auto& f : r_.findings)
                n += !f.waived && f.severity == sev;
            if (!n) continue;
            any = true;
            f_.heading(
                2, q(severityTitle(sev) + (n == 1 ? "" : "s") + " (" + std::to_string(n) + ")"));
            for (const auto& f : r_.findings)
                if (!f.waived && f.severity == sev) finding(f);
        }
        if (!any) f_.paragraph("No open findings: every element fits its stated workload.");
    }

    void finding(const Finding& f) {
        std::vector<std::vector<Cell>> rows;
        Cell title = text(f.title, true);
        rows.push_back({pillCell(f.severity), title});
        std::string where = findingWhere(r_, f);
        if (!f.element.empty()) where += "  (" + f.element + ")";
        where += "  \u00b7  rule " + f.rule;
        if (f.waived) where += "  \u00b7  waived";
        if (f.waiverExpired) where += "  \u00b7  waiver expired";
        rows.push_back({text("Where"), text(where)});
        rows.push_back({text("Message"), text(f.message)});
        if (!f.evidence.empty()) rows.push_back({text("Numbers"), text(evidenceText(f))});
        if (!f.missing.empty()) {
            std::string m;
            for (const auto& x : f.missing)
                m += (m.empty() ? "" : ", ") + x;
            rows.push_back({text("Estimates to add"), text(m)});
        }
        if (!f.rationale.empty()) rows.push_back({text("Why"), text(f.rationale)});
        if (!f.alternatives.empty()) {
            std::string a;
            for (const auto& x : f.alternatives)
                a += (a.empty() ? "" : ", ") + r_.technologyName(x);
            rows.push_back({text("Alternatives"), text(a)});
        }
        if (!f.patterns.empty()) {
            std::string p;
            for (const auto& x : f.patterns) {
                const ReportPattern* pat = r_.pattern(x);
                p += (p.empty() ? "" : "\n") + r_.patternName(x) +
                     (pat && !pat->summary.empty() ? ": " + pat->summary : "");
            }
            rows.push_back({text("Patterns"), text(p)});
        }
        if (!f.sources.empty()) {
            std::string s;
            for (const auto& x : f.sources)
                s += (s.empty() ? "" : "\n") + x;
            rows.push_back({text("Sources"), Cell{q(s), false, QColor("#1f5f99"), {}, false}});
        }
        if (f.waived || f.waiverExpired)
            rows.push_back({text("Waiver"),
                            text(f.waiverReason.empty() ? "(no reason given)" : f.waiverReason)});
        TableStyle style;
        style.header = false;
        style.keepTogether = true;
        style.zebra = false;
        style.labelColumn = true;
        style.stripe = colourOf(f.severity);
        f_.table({{1.25}, {7}}, rows, style);
        f_.spacer(4);
    }

    void waivers() {
        section("waivers");
        if (r_.waivers.empty()) {
            f_.paragraph("No waivers: every finding above counts.", 9, QColor("#5d6d7e"));
            return;
        }
        std::vector<std::vector<Cell>> rows{{text("Rule"), text("Element"), text("Reason"),
                                             text("Author"), text("Expires"), text("Status")}};
        for (const auto& w : r_.waivers)
            rows.push_back({mono(w.rule),
                            text(w.element.empty() ? "every element" : r_.elementName(w.element)),
                            text(w.reason.empty() ? "(no reason given)" : w.reason), text(w.author),
                            text(w.expires.empty() ? "never" : w.expires),
                            w.expired
                                ? Cell{"expired", true, {}, colourOf(Severity::Warning), false}
                                : Cell{"active", true, {}, QColor("#1e8449"), false}});
        f_.table({{1.8}, {1.5}, {3.5}, {1.1}, {1.1}, {0.9}}, rows);
        if (r_.waived == 0) return;
        f_.heading(2, q("Waived findings (" + std::to_string(r_.waived) + ")"));
        for (const auto& f : r_.findings)
            if (f.waived) finding(f);
    }

    void appendix() {
        f_.pageBreak();
        section("patterns");
        if (r_.patterns.empty()) {
            f_.paragraph("No finding refers to a pattern.", 9, QColor("#5d6d7e"));
            return;
        }
        std::vector<std::vector<Cell>> rows{{text("Pattern"), text("Summary and sources")}};
        for (const auto& p : r_.patterns) {
            std::string body = p.summary.empty() ? "(no summary in the catalogue)" : p.summary;
            for (const auto& s : p.sources)
                body += "\n" + s;
            rows.push_back(
                {text(p.name + (p.category.empty() ? "" : "\n" + p.category), true), text(body)});
        }
        f_.table({{2}, {6}}, rows);
    }

    const Report& r_;
    pdf::Flow& f_;
    // A top-level heading of the outline, linked from its table-of-contents entry.
    void section(const std::string& id) { f_.heading(1, q(r_.heading(id)), toc_.at(id)); }

    std::map<std::string, int> toc_; // outline id -> table-of-contents entry
    std::vector<int> contextToc_;
};

} // namespace

std::optional<std::string> writeReportPdf(const Report& report, const std::string& path,
                                          const ReportExportOptions& options) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return path + ": cannot be written (" + file.errorString().toStdString() + ")";
    {
        QPdfWriter writer(&file);
        writer.setResolution(72); // one device unit = one point
        writer.setTitle(q(report.title));
        writer.setCreator(q(report.toolVersion.empty() ? "Plumbline" : report.toolVersion));
        const QPageSize size(options.page == PageSize::Letter ? QPageSize::Letter : QPageSize::A4);
        QPageLayout layout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        layout.setMode(QPageLayout::FullPageMode);
        writer.setPageLayout(layout);
        pdf::Flow flow(writer, layout);
        PdfReport(report, flow).build();
        const QString footer =
            q((report.toolVersion.empty() ? std::string("Plumbline") : report.toolVersion) +
              "  \u00b7  generated " + report.date);
        if (!flow.paint(q(report.title), q(report.date), footer)) {
            file.cancelWriting();
            return path + ": the PDF could not be painted";
        }
    }
    if (!file.commit())
        return path + ": cannot be written (" + file.errorString().toStdString() + ")";
    return std::nullopt;
}

} // namespace plumb::ui

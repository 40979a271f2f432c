// The Markdown report (report.h) for wikis and pull requests: GitHub/GitLab flavoured tables,
// the diagram as a Mermaid flowchart with one subgraph per bounded context. User text goes
// through escapeMarkdown (one line, no markup) and Mermaid labels through mermaidLabel; ids in
// the flowchart are generated, never taken from the model.
#include "plumbline/element_kinds.h"
#include "plumbline/report.h"
#include "plumbline/report_charts.h"
#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"
#include "report_changes_writers.h"

#include <cctype>
#include <cmath>
#include <map>

namespace plumb {
namespace {

std::string md(std::string_view text) {
    return escapeMarkdown(text);
}

std::string mdLink(const std::string& url) {
    if (isSafeLink(url)) {
        std::string safe; // parentheses would end the link target early
        for (char c : url)
            safe += c == '(' ? "%28" : c == ')' ? "%29" : std::string(1, c);
        return "<" + safe + ">";
    }
    return md(url);
}

std::string severityMark(Severity s) {
    switch (s) {
    case Severity::Error:
        return "🔴 Error";
    case Severity::Warning:
        return "🟠 Warning";
    case Severity::Info:
        return "🔵 Info";
    case Severity::Off:
        break;
    }
    return "Off";
}

// Mermaid's nearest outline to the kind's shape on the canvas (element_kinds.h); a cache is a
// card there and so here (it was a cylinder before the kinds shared one table).
std::string mermaidShape(ElementKind kind, const std::string& label) {
    const std::string q = "\"" + label + "\"";
    if (traits(kind).outside) return "[[" + q + "]]";
    switch (traits(kind).shape) {
    case KindShape::Stadium:
        return "([" + q + "])";
    case KindShape::Cylinder:
        return "[(" + q + ")]";
    case KindShape::Pipe:
    case KindShape::Slotted:
        return "[/" + q + "/]";
    case KindShape::Box:
    case KindShape::CutCard:
    case KindShape::Funnel:
        break;
    }
    return "[" + q + "]";
}

// GitHub's anchor for a heading: lower case, spaces to hyphens, other punctuation dropped.
std::string slug(const std::string& heading) {
    std::string out;
    for (const char c : heading) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else if (c == ' ' || c == '-')
            out += '-';
    }
    return out;
}

// "## 5 Tradeoffs: decision map and growth", from the outline.
std::string heading(const Report& r, const std::string& id) {
    const ReportSection* s = r.section(id);
    return "## " + (s ? s->number + " " + s->title : id) + "\n\n";
}

// The decision map's points as a table (Markdown has no chart), then the growth projection.
void tradeoffs(std::string& out, const Report& r) {
    const DecisionMapData& map = r.decisionMap;
    if (map.points.empty()) {
        out += "No store has both a write rate and a volume to plot.\n\n";
    } else {
        out += "| Store | Write rate | Volume | Technology | Worst finding |\n"
               "|---|---:|---:|---|---|\n";
        for (const MapPoint& p : map.points)
            out += "| " + md(p.name) + " | " + units::perSecond(p.x) + " | " +
                   units::gigabytes(p.y) + " | " +
                   (p.technologyName.empty() ? "—" : md(p.technologyName)) + " | " +
                   (p.worst ? severityMark(*p.worst) : "✅ OK") + " |\n";
        out += "\n";
    }
    if (!map.unplotted.empty()) {
        out += "Not plotted (no write rate or volume estimated): ";
        for (std::size_t i = 0; i < map.unplotted.size(); ++i)
            out += (i ? ", " : "") + md(r.elementName(map.unplotted[i]));
        out += ".\n\n";
    }
    out += "### Growth projection\n\n";
    if (r.growth.empty()) {
        out += "No store states a monthly growth.\n\n";
        return;
    }
    out += "| Store | Today | +12 months | +24 months | Comfortable limit | Reached in "
           "|\n|---|---:|---:|---:|---:|---:|\n";
    for (const ReportGrowthRow& g : r.growth)
        out += "| " + md(g.name) + " | " + units::gigabytes(g.todayGB) + " | " +
               units::gigabytes(g.in12GB) + " | " + units::gigabytes(g.in24GB) + " | " +
               units::gigabytes(g.comfortableGB) + " | " + reachedText(g) + " |\n";
    out += "\n";
}

void mermaid(std::string& out, const Report& r) {
    const Model& m = r.model;
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < m.elements.size(); ++i)
        ids.emplace(m.elements[i].id, mermaidId(m.elements[i].id, i));
    out += "```mermaid\nflowchart LR\n";
    auto node = [&](const Element& e, const char* indent) {
        std::string label = mermaidLabel(e.displayName());
        std::string sub = kindTitle(e.kind);
        if (e.technology && !e.technology->empty()) sub += " · " + *e.technology;
        out += indent + ids[e.id] +
               mermaidShape(e.kind, label + "<br/><small>" + mermaidLabel(sub) + "</small>") + "\n";
    };
    std::map<std::string, bool> inContext;
    for (std::size_t c = 0; c < m.contexts.size(); ++c) {
        const Context& ctx = m.contexts[c];
        out += "  subgraph ctx_" + mermaidId(ctx.id, c) + "[\"" +
               mermaidLabel(ctx.name && !ctx.name->empty() ? *ctx.name : ctx.id) + "\"]\n";
        for (const auto& e : m.elements)
            if (e.context && *e.context == ctx.id) {
                node(e, "    ");
                inContext[e.id] = true;
            }
        out += "  end\n";
    }
    for (const auto& e : m.elements)
        if (!inContext.count(e.id)) node(e, "  ");
    for (const auto& f : m.flows) {
        auto a = ids.find(f.from), b = ids.find(f.to);
        if (a == ids.end() || b == ids.end()) continue;
        const std::string label = units::flowRates(f);
        const bool async = f.style && *f.style != FlowStyle::Sync;
        const std::string arrow = async ? " -.->" : " -->";
        out += "  " + a->second + arrow +
               (label.empty() ? "" : "|\"" + mermaidLabel(label) + "\"|") + " " + b->second + "\n";
    }
    // Colour by worst finding, so the chart carries the review's verdict too.
    std::string err, warn;
    for (const auto& s : r.stores) {
        if (s.worst == Severity::Error) err += (err.empty() ? "" : ",") + ids[s.id];
        if (s.worst == Severity::Warning) warn += (warn.empty() ? "" : ",") + ids[s.id];
    }
    out += "  classDef error stroke:#c0392b,stroke-width:3px\n  classDef warning "
           "stroke:#d68910,stroke-width:3px\n";
    if (!err.empty()) out += "  class " + err + " error\n";
    if (!warn.empty()) out += "  class " + warn + " warning\n";
    out += "```\n\n";
}

void findingBlock(std::string& out, const Report& r, std::size_t i) {
    const Finding& f = r.findings[i];
    out += "#### " + md(f.title) + "\n\n";
    out += "<a id=\"" + Report::findingAnchor(i) + "\"></a>\n\n";
    out += "| | |\n|---|---|\n";
    out += "| Severity | " + severityMark(f.severity) + (f.waived ? " (waived)" : "") +
           (f.waiverExpired ? " (waiver expired)" : "") + " |\n";
    out += "| Where | " + md(findingWhere(r, f)) +
           (f.element.empty() ? "" : " (`" + md(f.element) + "`)") + " |\n";
    out += "| Rule | " + md(f.rule) + " |\n";
    out += "| Message | " + md(f.message) + " |\n";
    if (!f.evidence.empty()) out += "| Numbers | " + md(evidenceText(f)) + " |\n";
    if (!f.missing.empty()) {
        std::string m;
        for (const auto& x : f.missing)
            m += (m.empty() ? "" : ", ") + x;
        out += "| Estimates to add | " + md(m) + " |\n";
    }
    if (!f.rationale.empty()) out += "| Why | " + md(f.rationale) + " |\n";
    if (!f.alternatives.empty()) {
        std::string a;
        for (const auto& x : f.alternatives)
            a += (a.empty() ? "" : ", ") + md(r.technologyName(x));
        out += "| Alternatives | " + a + " |\n";
    }
    if (!f.patterns.empty()) {
        std::string p;
        for (const auto& x : f.patterns) {
            const ReportPattern* pat = r.pattern(x);
            p += (p.empty() ? "" : "<br>") + std::string("**") + md(r.patternName(x)) + "**" +
                 (pat && !pat->summary.empty() ? ": " + md(pat->summary) : "");
        }
        out += "| Patterns | " + p + " |\n";
    }
    if (!f.sources.empty()) {
        std::string s;
        for (const auto& x : f.sources)
            s += (s.empty() ? "" : "<br>") + mdLink(x);
        out += "| Sources | " + s + " |\n";
    }
    if (f.waived || f.waiverExpired)
        out += "| Waiver | " + md(f.waiverReason.empty() ? "(no reason given)" : f.waiverReason) +
               " |\n";
    out += "\n";
}

} // namespace

std::string writeReportMarkdown(const Report& r) {
    std::string out;
    out.reserve(32 * 1024);
    out += "# " + md(r.title) + "\n\n";
    out += "*Data architecture review · " + md(r.date) + " · scale ×" +
           units::number(r.analysis.scale, 2);
    if (r.analysis.horizonMonths > 0)
        out += " · horizon " + units::number(r.analysis.horizonMonths, 1) + " months";
    out += "*\n\n";
    if (!r.description.empty()) out += md(r.description) + "\n\n";
    out += changesSectionMarkdown(r); // a review of a change reads what changed first

    // The table of contents and every heading render the report's outline (report.h).
    out += "## Contents\n\n";
    for (const ReportSection& s : r.outline)
        out += "- [" + s.number + " " + s.title + "](#" + slug(s.number + " " + s.title) + ")\n";
    out += "\n";

    out += heading(r, "summary") +
           "| Errors | Warnings | Info | Waived |\n|---:|---:|---:|---:|\n| " +
           std::to_string(r.errors) + " | " + std::to_string(r.warnings) + " | " +
           std::to_string(r.infos) + " | " + std::to_string(r.waived) + " |\n\n";
    if (r.topRisks.empty())
        out += "No blocking issue and no risk: every store fits its stated workload.\n\n";
    else {
        out += "**Top risks**\n\n";
        for (const auto& risk : r.topRisks)
            out += "- " + severityMark(risk.severity) + " — **" + md(risk.where) +
                   "**: " + md(risk.sentence) + "\n";
        out += "\n";
    }

    out += heading(r, "diagram");
    mermaid(out, r);

    out += heading(r, "contexts");
    for (const auto& c : r.contexts) {
        out += "### " + md(c.name) + "\n\n";
        if (!c.description.empty()) out += md(c.description) + "\n\n";
        if (!c.team.empty()) out += "Team: " + md(c.team) + "\n\n";
        if (c.elementIds.empty()) {
            out += "No elements yet.\n\n";
            continue;
        }
        out += "| Element | Kind | Technology | Description |\n|---|---|---|---|\n";
        for (const auto& id : c.elementIds) {
            const Element* e = r.model.findElement(id);
            if (!e) continue;
            out += "| " + md(e->displayName()) + " (`" + md(e->id) + "`) | " + kindTitle(e->kind) +
                   " | " + md(e->technology ? r.technologyName(*e->technology) : "") + " | " +
                   md(e->description.value_or("")) + " |\n";
        }
        out += "\n";
    }

    out += heading(r, "workloads");
    if (r.stores.empty())
        out += "The model has no stores, caches, streams or queues.\n\n";
    else {
        out += "| Store | Technology | Reads/s (peak) | Writes/s (peak) | Volume | " +
               std::string(r.analysis.horizonMonths > 0 ? "At horizon" : "Growth/month") +
               " | Best fit (score) | Status |\n|---|---|---:|---:|---:|---:|---|---|\n";
        for (const auto& s : r.stores) {
            auto rate = [](const std::optional<double>& v, const std::optional<double>& p) {
                std::string t = v ? units::number(*v, 1) : "—";
                if (v && p && *p != *v) t += " (" + units::number(*p, 1) + ")";
                return t;
            };
            std::string fit;
            for (const auto& f : s.fit)
                fit += (fit.empty() ? "" : ", ") + md(r.technologyName(f.technology)) + " " +
                       scoreText(f.score) + (f.current ? " (current)" : "");
            out += "| " + md(s.name) + " | " +
                   md(s.technologyName.empty() ? "—" : s.technologyName) + " | " +
                   rate(s.readsPerSecond, s.peakReadsPerSecond) + " | " +
                   rate(s.writesPerSecond, s.peakWritesPerSecond) + " | " +
                   units::gigabytes(s.volumeGB) + " | " +
                   (r.analysis.horizonMonths > 0 ? units::gigabytes(s.volumeAtHorizonGB)
                                                 : units::gigabytes(s.growthGBPerMonth)) +
                   " | " + (fit.empty() ? "—" : fit) + " | " +
                   (s.worst ? severityMark(*s.worst) : "✅ OK") + " |\n";
        }
        out += "\n";
    }

    out += heading(r, "tradeoffs");
    tradeoffs(out, r);

    out += heading(r, "findings");
    bool any = false;
    for (Severity sev : {Severity::Error, Severity::Warning, Severity::Info}) {
        int n = 0;
        for (const auto& f : r.findings)
            n += !f.waived && f.severity == sev;
        if (!n) continue;
        any = true;
        out +=
            "### " + severityTitle(sev) + (n == 1 ? "" : "s") + " (" + std::to_string(n) + ")\n\n";
        out += "| Where | Finding | Rule |\n|---|---|---|\n";
        for (std::size_t i = 0; i < r.findings.size(); ++i)
            if (!r.findings[i].waived && r.findings[i].severity == sev)
                out += "| " + md(findingWhere(r, r.findings[i])) + " | [" +
                       md(r.findings[i].title) + "](#" + Report::findingAnchor(i) + ") | `" +
                       md(r.findings[i].rule) + "` |\n";
        out += "\n";
        for (std::size_t i = 0; i < r.findings.size(); ++i)
            if (!r.findings[i].waived && r.findings[i].severity == sev) findingBlock(out, r, i);
    }
    if (!any) out += "No open findings: every element fits its stated workload.\n\n";

    out += heading(r, "waivers");
    if (r.waivers.empty())
        out += "No waivers: every finding above counts.\n\n";
    else {
        out +=
            "| Rule | Element | Reason | Author | Expires | Status |\n|---|---|---|---|---|---|\n";
        for (const auto& w : r.waivers)
            out += "| `" + md(w.rule) + "` | " +
                   md(w.element.empty() ? "every element" : r.elementName(w.element)) + " | " +
                   md(w.reason.empty() ? "(no reason given)" : w.reason) + " | " + md(w.author) +
                   " | " + md(w.expires.empty() ? "never" : w.expires) + " | " +
                   (w.expired ? "⚠️ expired" : "active") + " |\n";
        out += "\n";
        for (std::size_t i = 0; i < r.findings.size(); ++i)
            if (r.findings[i].waived) findingBlock(out, r, i);
    }

    out += heading(r, "patterns");
    if (r.patterns.empty()) out += "No finding refers to a pattern.\n\n";
    for (const auto& p : r.patterns) {
        out += "### " + md(p.name) + "\n\n" +
               md(p.summary.empty() ? "(no summary in the catalogue)" : p.summary) + "\n\n";
        for (const auto& s : p.sources)
            out += "- " + mdLink(s) + "\n";
        if (!p.sources.empty()) out += "\n";
    }
    out += "---\n\n*Generated by " + md(r.toolVersion.empty() ? "Plumbline" : r.toolVersion) +
           " on " + md(r.date) + "*\n";
    return out;
}

} // namespace plumb

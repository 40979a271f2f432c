// Building the report's content (report.h): one pass over the checker's result, the analysis
// and the knowledge base; the writers only lay it out.
#include "plumbline/report.h"
#include "plumbline/report_charts.h"
#include "plumbline/svg_diagram.h"
#include "plumbline/technology_resolver.h"

#include <algorithm>
#include <map>
#include <set>

namespace plumb {
namespace {

// The first sentence of a message, so the executive summary stays one line per risk.
std::string firstSentence(const std::string& text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if ((text[i] == '.' || text[i] == ';') && text[i + 1] == ' ' && i > 20)
            return text.substr(0, i) + ".";
    return text;
}

bool covers(const Waiver& w, const Finding& f) {
    return w.rule && *w.rule == f.rule &&
           (!w.element || w.element->empty() || *w.element == f.element);
}

ReportStore storeOf(const Element& e, const Facts* facts, const KnowledgeBase& knowledge,
                    const std::string& contextName, const std::vector<std::string>& recommended) {
    ReportStore s;
    s.id = e.id;
    s.name = e.displayName();
    s.kind = e.kind;
    s.contextName = contextName;
    s.technology = e.technology.value_or("");
    const Technology* tech =
        e.technology ? resolveTechnology(knowledge, *e.technology).technology : nullptr;
    s.technologyName = tech ? tech->name : s.technology;
    if (e.data) {
        s.statedVolumeGB = e.data->volumeGB;
        s.statedGrowthGBPerMonth = e.data->growthGBPerMonth;
    }
    if (facts) {
        s.readsPerSecond = facts->number("readsPerSecond");
        s.writesPerSecond = facts->number("writesPerSecond");
        s.peakReadsPerSecond = facts->number("peakReadsPerSecond");
        s.peakWritesPerSecond = facts->number("peakWritesPerSecond");
        s.volumeGB = facts->number("volumeGB");
        s.growthGBPerMonth = facts->number("growthGBPerMonth");
        s.volumeAtHorizonGB = facts->number("volumeAtHorizonGB");
        // The element's own technology first, then the three best alternatives.
        std::vector<TechnologyFit> ranking = rankTechnologies(e, *facts, knowledge, recommended);
        for (auto& f : ranking)
            if (f.current) s.fit.push_back(std::move(f));
        const std::size_t limit = s.fit.size() + 3;
        for (auto& f : ranking)
            if (!f.current && s.fit.size() < limit) s.fit.push_back(std::move(f));
    }
    if (tech) {
        s.comfortableVolumeGB = tech->envelope.volumeGB.comfortable;
        s.maxVolumeGB = tech->envelope.volumeGB.max;
        s.comfortableWrites = tech->envelope.writesPerSecond.comfortable;
        s.maxWrites = tech->envelope.writesPerSecond.max;
    }
    return s;
}

// The report's sections, in order: the one outline every writer renders.
std::vector<ReportSection> outlineOf(const Report& r) {
    std::vector<ReportSection> out{{"summary", "1", "Executive summary", {}},
                                   {"diagram", "2", "Architecture diagram", {}},
                                   {"contexts", "3", "Bounded contexts", {}},
                                   {"workloads", "4", "Workloads and technology fit", {}},
                                   {"tradeoffs", "5", "Tradeoffs: decision map and growth", {}},
                                   {"findings", "6", "Findings", {}},
                                   {"waivers", "7", "Waivers", {}},
                                   {"patterns", "A", "Appendix: patterns", {}}};
    for (std::size_t i = 0; i < r.contexts.size(); ++i)
        out[2].children.push_back({"context-" + std::to_string(i + 1), "", r.contexts[i].name, {}});
    out[4].children.push_back({"growth", "", "Growth projection", {}});
    return out;
}

// The growth rows: the workbench's growth line (growthData) for every data-holding element
// that states a positive growth, read at today, +12 and +24 months.
std::vector<ReportGrowthRow> growthRowsOf(const Model& model, const KnowledgeBase& knowledge,
                                          const AnalysisResult& analysis) {
    std::vector<ReportGrowthRow> rows;
    for (const auto& e : model.elements) {
        const auto g = growthData(model, knowledge, analysis, e.id, Report::kGrowthMonths);
        if (!g || g->volume.size() < 2) continue;
        const double perMonth = g->volume[1].second - g->volume[0].second;
        if (perMonth <= 0) continue;
        ReportGrowthRow row;
        row.store = g->id;
        row.name = g->name;
        row.todayGB = g->volume[0].second;
        row.in12GB = g->volume[12].second;
        row.in24GB = g->volume[24].second;
        row.growthGBPerMonth = perMonth;
        row.comfortableGB = g->comfortableGB;
        row.comfortableMonth = g->comfortableMonth;
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace

const ReportSection* Report::section(const std::string& id) const {
    for (const auto& s : outline)
        if (s.id == id) return &s;
    return nullptr;
}

std::string Report::heading(const std::string& id) const {
    const ReportSection* s = section(id);
    if (!s) return id;
    return s->number.empty() ? s->title : s->number + "  " + s->title;
}

std::string Report::elementName(const std::string& id) const {
    const Element* e = model.findElement(id);
    if (e) return e->displayName();
    if (const Context* c = model.findContext(id)) return c->name.value_or(c->id);
    return id;
}

std::string Report::technologyName(const std::string& id) const {
    for (const auto& [tid, name] : technologyNames)
        if (tid == id) return name;
    return id;
}

std::string Report::patternName(const std::string& id) const {
    for (const auto& [pid, name] : patternNames)
        if (pid == id) return name;
    return id;
}

const ReportPattern* Report::pattern(const std::string& id) const {
    for (const auto& p : patterns)
        if (p.id == id) return &p;
    return nullptr;
}

std::string Report::findingAnchor(std::size_t index) {
    return "finding-" + std::to_string(index + 1);
}

std::optional<ReportFormat> reportFormatFor(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == "html" || ext == "htm") return ReportFormat::Html;
    if (ext == "md" || ext == "markdown") return ReportFormat::Markdown;
    if (ext == "pdf") return ReportFormat::Pdf;
    if (ext == "svg") return ReportFormat::Svg;
    if (ext == "png") return ReportFormat::Png;
    return std::nullopt;
}

Report buildReport(const Model& model, const KnowledgeBase& knowledge,
                   const ReportOptions& options) {
    Report r;
    r.modelName = model.name.value_or("");
    r.title = !options.title.empty() ? options.title
              : !r.modelName.empty() ? r.modelName
                                     : std::string("Architecture report");
    const std::string today = options.today.empty() ? todayIso() : options.today;
    r.date = options.date.empty() ? today : options.date;
    r.description = model.description.value_or("");
    r.toolVersion = options.toolVersion;
    r.sourceFile = options.sourceFile;
    r.analysis = options.analysis;
    r.model = model;

    CheckOptions checkOptions;
    checkOptions.analysis = options.analysis;
    checkOptions.today = today;
    CheckResult result = check(model, knowledge, checkOptions);
    r.errors = result.count(Severity::Error);
    r.warnings = result.count(Severity::Warning);
    r.infos = result.count(Severity::Info);
    r.waived = result.waivedCount();
    // The charts' data comes from the workbench's functions, so both plot the same points.
    r.decisionMap = decisionMapData(model, knowledge, result, MapVariant::Volume);
    r.growth = growthRowsOf(model, knowledge, result.analysis);
    if (options.baseline)
        r.changes = reportChanges(r, *options.baseline, knowledge, checkOptions, result);
    // Before the findings move into the report: the ranking's tie-break, as the checker's.
    const auto recommended = recommendedByElement(result);
    r.findings = std::move(result.findings);

    // Top risks: the unwaived errors, then warnings, one sentence each (at most five).
    const auto worst = worstUnwaivedByElement(r.findings);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        if (f.waived || f.severity == Severity::Off) continue;
        if (f.severity >= Severity::Warning && f.rule != kEstimatesMissingRule &&
            r.topRisks.size() < 5)
            r.topRisks.push_back({f.severity,
                                  f.element.empty() ? "Whole model" : r.elementName(f.element),
                                  firstSentence(f.message.empty() ? f.title : f.message), i});
    }

    // Bounded contexts with their elements; then the elements outside any context.
    std::map<std::string, std::size_t> contextIndex;
    for (const auto& c : model.contexts) {
        contextIndex.emplace(c.id, r.contexts.size());
        r.contexts.push_back({c.id,
                              c.name && !c.name->empty() ? *c.name : c.id,
                              c.description.value_or(""),
                              c.team.value_or(""),
                              {}});
    }
    ReportContext outside{"", "Outside any context", "", "", {}};
    for (const auto& e : model.elements) {
        auto it = e.context ? contextIndex.find(*e.context) : contextIndex.end();
        (it != contextIndex.end() ? r.contexts[it->second] : outside).elementIds.push_back(e.id);
    }
    if (!outside.elementIds.empty()) r.contexts.push_back(std::move(outside));

    // One pass each, not one a store: a report of 10,000 stores stays linear.
    std::map<std::string, int> openCount;
    for (const auto& f : r.findings)
        if (!f.waived) ++openCount[f.element];
    const std::vector<std::string> none;
    for (const auto& e : model.elements) {
        if (!holdsData(e.kind)) continue;
        const Context* c = e.context ? model.findContext(*e.context) : nullptr;
        const auto rec = recommended.find(e.id);
        ReportStore s =
            storeOf(e, result.analysis.facts(e.id), knowledge, c ? c->name.value_or(c->id) : "",
                    rec != recommended.end() ? rec->second : none);
        if (auto w = worst.find(e.id); w != worst.end()) s.worst = w->second.worst;
        if (auto n = openCount.find(e.id); n != openCount.end()) s.findingCount = n->second;
        r.stores.push_back(std::move(s));
    }

    for (const auto& w : model.waivers) {
        ReportWaiver rw{w.rule.value_or(""),
                        w.element.value_or(""),
                        w.reason.value_or(""),
                        w.author.value_or(""),
                        w.date.value_or(""),
                        w.expires.value_or(""),
                        false,
                        0};
        rw.expired = !rw.expires.empty() && rw.expires < today;
        for (const auto& f : r.findings)
            rw.covers += (f.waived || f.waiverExpired) && covers(w, f);
        r.waivers.push_back(std::move(rw));
    }

    // Names for every technology and pattern the report mentions; the appendix's patterns.
    std::set<std::string> techIds, patternIds;
    for (const auto& f : r.findings) {
        techIds.insert(f.alternatives.begin(), f.alternatives.end());
        patternIds.insert(f.patterns.begin(), f.patterns.end());
    }
    for (const auto& s : r.stores) {
        if (!s.technology.empty()) techIds.insert(s.technology);
        for (const auto& fit : s.fit)
            techIds.insert(fit.technology);
    }
    for (const auto& id : techIds)
        if (const Technology* t = knowledge.technology(id))
            r.technologyNames.emplace_back(id, t->name);
    for (const auto& id : patternIds) {
        const Pattern* p = knowledge.pattern(id);
        ReportPattern rp{id, p ? p->name : id, p ? p->category : "", p ? p->summary : "",
                         p ? p->sources : std::vector<std::string>{}};
        r.patternNames.emplace_back(id, rp.name);
        r.patterns.push_back(std::move(rp));
    }
    std::stable_sort(
        r.patterns.begin(), r.patterns.end(),
        [](const ReportPattern& a, const ReportPattern& b) { return a.name < b.name; });

    r.outline = outlineOf(r);

    DiagramOptions diagram;
    for (const auto& [id, w] : worst)
        diagram.worstFinding.emplace(id, w.worst);
    diagram.title = r.title;
    r.diagramSvg = writeDiagramSvg(model, diagram);
    r.decisionMapSvg = writeDecisionMap(r).svg;
    return r;
}

} // namespace plumb

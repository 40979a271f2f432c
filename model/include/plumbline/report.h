#pragma once
// The architecture report: its CONTENT, built once from the model, the checker's findings, the
// load analysis, the fit ranking and the knowledge base, then written by one writer per format
// (HTML and Markdown here, PDF in ui/report through Qt). Writers only lay out; every decision
// about what the report says (top risks, which patterns the appendix lists, what an expired
// waiver is) is made here, so that all formats say the same thing.
//
// All strings in a Report are raw user or knowledge text: each writer escapes for its format.

#include "plumbline/chart_data.h"
#include "plumbline/checker.h"
#include "plumbline/fit.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"
#include "plumbline/model_diff.h"

#include <optional>
#include <string>
#include <vector>

namespace plumb {

// `report --baseline OLD`: the version the "Changes since" section compares with. Either a model
// (checked on `knowledge`, its own tuned knowledge base) or only the findings of a findings file.
struct ReportBaseline {
    std::string label; // as given: "old.json", "git:main"
    std::optional<Model> model;
    const KnowledgeBase* knowledge = nullptr; // for `model`; null: the report's knowledge
    std::vector<FindingSummary> findings;     // when there is no model
};

struct ReportOptions {
    AnalysisOptions analysis;
    std::string title;       // empty: the model's name (or "Architecture report")
    std::string date;        // YYYY-MM-DD shown on the cover; empty: today (UTC)
    std::string today;       // for waiver expiry; empty: the system's date
    std::string toolVersion; // "Plumbline 0.1.0" in the footer
    std::string sourceFile;  // the model file as given, shown in the colophon
    std::optional<ReportBaseline> baseline;
};

// One data-holding element (store, cache, stream, queue) with its load and fit.
struct ReportStore {
    std::string id;
    std::string name;
    ElementKind kind = ElementKind::Store;
    std::string contextName;    // empty: outside any context
    std::string technology;     // id as written in the model; empty: not chosen
    std::string technologyName; // catalogue name, or the id when unknown
    // Stated in the model (data.*), unscaled.
    std::optional<double> statedVolumeGB, statedGrowthGBPerMonth;
    // Derived by the analysis (flows into the element, scaled).
    std::optional<double> readsPerSecond, writesPerSecond, peakReadsPerSecond, peakWritesPerSecond,
        volumeGB, growthGBPerMonth, volumeAtHorizonGB;
    std::optional<double> comfortableVolumeGB, maxVolumeGB, comfortableWrites, maxWrites;
    std::vector<TechnologyFit> fit; // the current technology first, then the best 3
    std::optional<Severity> worst;  // worst unwaived finding on the element
    int findingCount = 0;           // unwaived findings
};

struct ReportContext {
    std::string id; // empty: the elements outside any context
    std::string name;
    std::string description;
    std::string team;
    std::vector<std::string> elementIds; // model order
};

// A top risk: one sentence the executive summary shows, pointing at the finding.
struct ReportRisk {
    Severity severity = Severity::Warning;
    std::string where; // element display name, or "Whole model"
    std::string sentence;
    std::size_t finding = 0; // index in Report::findings
};

struct ReportWaiver {
    std::string rule, element, reason, author, date, expires;
    bool expired = false;
    int covers = 0; // findings it waives (or would waive, when expired)
};

struct ReportPattern {
    std::string id, name, category, summary;
    std::vector<std::string> sources;
};

// One entry of the report's outline. buildReport decides the sections, their order, numbers
// and titles; every writer's table of contents and headings render exactly this (HTML and PDF
// show "5  Tradeoffs: ...", Markdown "## 5 Tradeoffs: ..."), so the formats cannot drift.
struct ReportSection {
    std::string id;     // stable anchor: "summary", "contexts", "context-2", "patterns"
    std::string number; // "1" to "7"; "A" for the appendix; "" for sub-entries
    std::string title;
    std::vector<ReportSection> children; // the bounded contexts under "contexts"
};

// One row of the growth projection: the same month-by-month line as the workbench's growth
// chart (growthData in chart_data.h), read at today, +12 and +24 months.
struct ReportGrowthRow {
    std::string store, name; // element id and display name
    double todayGB = 0, in12GB = 0, in24GB = 0, growthGBPerMonth = 0;
    std::optional<double> comfortableGB; // the technology's comfortable volume, if known
    // First whole month at or past the comfortable volume: 0 already past; nullopt: not within
    // Report::kGrowthMonths months, or no known limit.
    std::optional<int> comfortableMonth;
};

// "Changes since OLD", the report's first section when there is a baseline. Phrased here so that
// every writer says the same; writers escape.
struct ReportChangedFinding {
    std::string change; // "new", "fixed", "warning -> error"
    Severity severity = Severity::Warning;
    std::string where; // element display name, or "Whole model"
    std::string title, rule;
};
struct ReportChanges {
    std::string since;   // the baseline's label
    std::string summary; // "2 new findings, 1 fixed, 0 changed severity; 1 added, 1 removed, ..."
    bool modelKnown = true; // false: a findings-file baseline, so only findings are compared
    std::vector<ReportChangedFinding> findings;              // new first, then changed, fixed
    std::vector<std::pair<std::string, std::string>> stores; // store name, what changed
    std::vector<std::string> modelChanges;                   // "Added element cache", ...
};

struct Report {
    static constexpr int kGrowthMonths = 24; // the growth projection's horizon

    std::string title, date, modelName, description, toolVersion, sourceFile;
    AnalysisOptions analysis;
    Model model;
    std::vector<Finding> findings; // the checker's order: severity, element, rule
    int errors = 0, warnings = 0, infos = 0, waived = 0;
    std::vector<ReportRisk> topRisks;
    std::optional<ReportChanges> changes; // with a baseline only
    std::vector<ReportContext> contexts;
    std::vector<ReportStore> stores;
    std::vector<ReportWaiver> waivers;
    std::vector<ReportPattern> patterns; // every pattern a finding names, by name
    // Display names of technologies and patterns, for alternatives and pattern lists.
    std::vector<std::pair<std::string, std::string>> technologyNames, patternNames;
    std::string diagramSvg;     // the architecture diagram (svg_diagram.h)
    std::string decisionMapSvg; // write rate vs volume chart; empty when nothing can be plotted
    std::vector<ReportSection> outline; // the sections in order (see ReportSection)
    // The decision map's points and envelopes: the workbench's (decisionMapData) at the
    // report's scale, so both plot the same points. `decisionMapSvg` draws these.
    DecisionMapData decisionMap;
    std::vector<ReportGrowthRow> growth; // data-holding elements that state a growth, model order

    // Display helpers shared by the writers.
    std::string elementName(const std::string& id) const;    // id when unknown
    std::string technologyName(const std::string& id) const; // id when unknown
    std::string patternName(const std::string& id) const;    // id when unknown
    const ReportPattern* pattern(const std::string& id) const;
    // The outline entry with this id (a top-level one); nullptr when there is none.
    const ReportSection* section(const std::string& id) const;
    // "5  Tradeoffs: decision map and growth": number and title as headings show them.
    std::string heading(const std::string& id) const;
    // "finding-3": the anchor of a finding, stable within one report.
    static std::string findingAnchor(std::size_t index);
};

// Builds the whole content: runs the checker and the fit ranking.
Report buildReport(const Model& model, const KnowledgeBase& knowledge,
                   const ReportOptions& options = {});

// The "Changes since" content: checks the baseline (when it is a model) and diffs it with the
// report's model and `now`, the checker's result on it. buildReport calls it.
ReportChanges reportChanges(const Report& report, const ReportBaseline& baseline,
                            const KnowledgeBase& knowledge, const CheckOptions& options,
                            const CheckResult& now);

// Writers. Each returns the complete document.
std::string writeReportHtml(const Report& report);
std::string writeReportMarkdown(const Report& report);

// Report formats by output file name (`.html`/`.htm`, `.md`, `.pdf`, `.svg`, `.png`).
enum class ReportFormat { Html, Markdown, Pdf, Svg, Png };
std::optional<ReportFormat> reportFormatFor(const std::string& path);

} // namespace plumb

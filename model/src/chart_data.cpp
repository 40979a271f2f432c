// Chart data for the workbench (chart_data.h).
#include "plumbline/chart_data.h"

#include "plumbline/report_text.h"
#include "plumbline/technology_resolver.h"
#include "plumbline/units.h" // limits in decimal units, as the research states them

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

namespace plumb {
namespace {

const Band* yBand(const Technology& tech, MapVariant variant) {
    if (variant == MapVariant::Volume) return &tech.envelope.volumeGB;
    return tech.envelope.vectors ? &*tech.envelope.vectors : nullptr;
}

std::optional<int> crossingMonth(double now, double perMonth, const std::optional<double>& limit,
                                 int horizon) {
    if (!limit) return std::nullopt;
    if (now >= *limit) return 0;
    if (perMonth <= 0) return std::nullopt;
    const int month = static_cast<int>(std::ceil((*limit - now) / perMonth - 1e-9));
    return month <= horizon ? std::optional<int>(month) : std::nullopt;
}

} // namespace

DecisionMapData decisionMapData(const Model& model, const KnowledgeBase& knowledge,
                                const CheckResult& result, MapVariant variant) {
    DecisionMapData data;
    data.variant = variant;
    const auto worst = worstUnwaivedByElement(result.findings);
    std::map<std::string, int> uses;
    std::vector<std::string> order; // first use order breaks ties in "most used first"
    for (const auto& e : model.elements) {
        if (!holdsData(e.kind)) continue;
        const Facts* facts = result.analysis.facts(e.id);
        const auto x = facts ? facts->number("writesPerSecond") : std::nullopt;
        const auto y = facts ? facts->number(variant == MapVariant::Volume ? "volumeGB" : "vectors")
                             : std::nullopt;
        if (variant == MapVariant::Vectors && !y) continue; // not a vector store: not listed
        if (!x || !y || *x <= 0 || *y <= 0) {
            data.unplotted.push_back(e.id);
            continue;
        }
        MapPoint p;
        p.id = e.id;
        p.name = e.displayName();
        p.kind = e.kind;
        p.technology = e.technology.value_or("");
        const Technology* tech = resolveTechnology(knowledge, p.technology).technology;
        p.technologyName = tech ? tech->name : p.technology;
        p.x = *x;
        p.y = *y;
        if (auto w = worst.find(e.id); w != worst.end())
            p.worst = w->second.worst, p.findings = w->second.unwaived;
        if (tech && !uses[p.technology]++) order.push_back(p.technology);
        data.points.push_back(std::move(p));
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](const auto& a, const auto& b) { return uses[a] > uses[b]; });
    for (const auto& id : order) {
        const Technology* tech = knowledge.technology(id);
        const Band* y = yBand(*tech, variant);
        const Band& x = tech->envelope.writesPerSecond;
        if (!y || !x.comfortable || !y->comfortable) continue; // nothing known to shade
        data.regions.push_back({id, tech->name, *x.comfortable, *y->comfortable, x.max, y->max});
    }
    return data;
}

std::optional<GrowthData> growthData(const Model& model, const KnowledgeBase& knowledge,
                                     const AnalysisResult& analysis, const std::string& id,
                                     int horizonMonths) {
    const Element* e = model.findElement(id);
    const Facts* facts = analysis.facts(id);
    if (!e || !holdsData(e->kind) || !facts) return std::nullopt;
    const auto volume = facts->number("volumeGB");
    if (!volume) return std::nullopt;
    const double growth = std::max(0.0, facts->number("growthGBPerMonth").value_or(0.0));
    GrowthData g;
    g.id = id;
    g.name = e->displayName();
    const Technology* tech =
        e->technology ? resolveTechnology(knowledge, *e->technology).technology : nullptr;
    g.technologyName = tech ? tech->name : e->technology.value_or("");
    if (tech)
        g.comfortableGB = tech->envelope.volumeGB.comfortable,
        g.maxGB = tech->envelope.volumeGB.max;
    for (int m = 0; m <= horizonMonths; ++m)
        g.volume.emplace_back(m, *volume + growth * m);
    g.comfortableMonth = crossingMonth(*volume, growth, g.comfortableGB, horizonMonths);
    g.maxMonth = crossingMonth(*volume, growth, g.maxGB, horizonMonths);
    // The caption names the practical limit: the comfortable band, else the maximum.
    const auto limit = g.comfortableGB ? g.comfortableGB : g.maxGB;
    const auto month = g.comfortableGB ? g.comfortableMonth : g.maxMonth;
    if (!limit)
        g.caption = "no known volume limit for " +
                    (g.technologyName.empty() ? std::string("this store") : g.technologyName);
    else if (month == 0)
        g.caption = "already past " + units::gigabytes(limit);
    else if (month)
        g.caption = "passes " + units::gigabytes(limit) + " in month " + std::to_string(*month);
    else
        g.caption = "stays under " + units::gigabytes(limit) + " for " +
                    std::to_string(horizonMonths) + " months";
    return g;
}

CandidateComparison candidateComparison(const Model& model, const KnowledgeBase& knowledge,
                                        const AnalysisResult& analysis, const std::string& id,
                                        int others, const std::vector<std::string>& recommended) {
    CandidateComparison c;
    c.id = id;
    const Element* e = model.findElement(id);
    const Facts* facts = analysis.facts(id);
    if (!e || !facts) return c;
    auto ranking = rankTechnologies(*e, *facts, knowledge, recommended);
    const std::string current = e->technology.value_or("");
    for (const auto& fit : ranking)
        if (!current.empty() && fit.technology == current) {
            c.entries.push_back(fit);
            c.currentIncluded = true;
        }
    for (const auto& fit : ranking) {
        if (static_cast<int>(c.entries.size()) >= others + (c.currentIncluded ? 1 : 0)) break;
        if (fit.technology != current) c.entries.push_back(fit);
    }
    for (const auto& fit : ranking)
        if (std::none_of(c.entries.begin(), c.entries.end(), [&](const TechnologyFit& shown) {
                return shown.technology == fit.technology;
            }))
            c.otherCandidates.push_back(fit.technology);
    // By name as people read it: "libSQL" between "Kafka" and "MySQL", not after "Z".
    const auto nameOf = [&](const std::string& tech) {
        const Technology* t = knowledge.technology(tech);
        std::string name = t ? t->name : tech;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        return name;
    };
    std::stable_sort(
        c.otherCandidates.begin(), c.otherCandidates.end(),
        [&](const std::string& a, const std::string& b) { return nameOf(a) < nameOf(b); });
    for (const auto& fit : c.entries)
        for (const auto& d : fit.dimensions)
            if (d.weight > 0 &&
                std::find(c.dimensions.begin(), c.dimensions.end(), d.name) == c.dimensions.end())
                c.dimensions.push_back(d.name);
    return c;
}

const FitDimension* dimensionOf(const TechnologyFit& fit, const std::string& name) {
    for (const auto& d : fit.dimensions)
        if (d.name == name && d.weight > 0) return &d;
    return nullptr;
}

} // namespace plumb

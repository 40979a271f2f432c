// `check --format json` (cli.md) and the helpers the other writers share.
#include "plumbline/check_output.h"
#include "plumbline/provenance.h"

#include <cmath>

namespace plumb {
namespace {

Json factToJson(const FactValue& v) {
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return std::get<std::vector<std::string>>(v);
}

Json findingToJson(const Finding& f) {
    Json j = Json::object();
    j["rule"] = f.rule;
    j["severity"] = std::string(spelling(f.severity));
    j["element"] = f.element;
    j["title"] = f.title;
    j["message"] = f.message;
    j["evidence"] = Json::object();
    for (const auto& [name, value] : f.evidence)
        j["evidence"][name] = factToJson(value);
    j["thresholds"] = thresholdsJson(f.thresholds);
    j["alternatives"] = f.alternatives;
    j["patterns"] = f.patterns;
    j["sources"] = f.sources;
    if (!f.missing.empty()) j["missing"] = f.missing;
    j["rationale"] = f.rationale;
    j["waived"] = f.waived;
    if (f.waiverExpired) j["waiverExpired"] = true;
    if (!f.waiverReason.empty()) j["waiverReason"] = f.waiverReason;
    return j;
}

// Numbers as people wrote them: 12 rather than 12.0, three decimals at most.
Json number(double v) {
    const double rounded = std::round(v * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::fabs(rounded) < 9e15)
        return static_cast<std::int64_t>(rounded);
    return rounded;
}

} // namespace

Json thresholdsJson(const std::vector<Threshold>& thresholds) {
    Json out = Json::array();
    for (const auto& t : thresholds)
        out.push_back(Json{{"param", t.param},
                           {"value", t.value},
                           {"unit", t.unit},
                           {"provenance", provenanceJson(t.provenance)}});
    return out;
}

std::string thresholdText(const Threshold& t) {
    const bool envelope = t.param.starts_with("envelope.");
    std::string out = "threshold " + formatFact("value", FactValue(t.value)) + " " + t.unit + " (" +
                      t.param + "): " + describeProvenance(t.provenance);
    if (out.ends_with('.')) out.pop_back(); // a reason's full stop, before "; tune it"
    if (t.provenance.kind != "team")
        out += envelope ? "; tune it in technologyEnvelopes" : "; tune it in ruleSettings";
    return out;
}

std::map<std::string, std::vector<TechnologyFit>> rankAllStores(const CheckReport& report) {
    std::map<std::string, std::vector<TechnologyFit>> out;
    for (const auto& e : report.model.elements) {
        if (!holdsData(e.kind)) continue;
        if (const Facts* f = report.result.analysis.facts(e.id))
            out[e.id] = rankTechnologies(e, *f, report.knowledge);
    }
    return out;
}

Json checkToJson(const CheckReport& report) {
    Json j = Json::object();
    j["tool"] = "plumbline";
    j["version"] = report.toolVersion;
    j["model"] = report.model.name.value_or("");
    j["scale"] = number(report.options.scale);
    j["horizonMonths"] = number(report.options.horizonMonths);
    j["findings"] = Json::array();
    for (const auto& f : report.result.findings)
        j["findings"].push_back(findingToJson(f));
    j["stores"] = Json::array();
    const auto fits = rankAllStores(report);
    for (const auto& e : report.model.elements) {
        if (!holdsData(e.kind)) continue;
        const Facts* facts = report.result.analysis.facts(e.id);
        if (!facts) continue;
        Json s = Json::object();
        s["element"] = e.id;
        s["kind"] = std::string(spelling(e.kind));
        s["technology"] = e.technology ? Json(*e.technology) : Json(nullptr);
        for (const char* name : {"readsPerSecond", "writesPerSecond", "volumeGB"}) {
            auto v = facts->number(name);
            s[name] = v ? number(*v) : Json(nullptr);
        }
        if (report.options.horizonMonths > 0)
            if (auto v = facts->number("volumeAtHorizonGB")) s["volumeAtHorizonGB"] = number(*v);
        s["fit"] = Json::array();
        auto it = fits.find(e.id);
        if (it != fits.end()) {
            for (std::size_t i = 0; i < it->second.size() && i < 5; ++i)
                s["fit"].push_back({{"technology", it->second[i].technology},
                                    {"score", number(it->second[i].score)}});
        }
        j["stores"].push_back(std::move(s));
    }
    j["summary"] = {{"error", report.result.count(Severity::Error)},
                    {"warning", report.result.count(Severity::Warning)},
                    {"info", report.result.count(Severity::Info)},
                    {"waived", report.result.waivedCount()}};
    return j;
}

std::map<std::string, int> locateIds(std::string_view text) {
    std::map<std::string, int> lines;
    int line = 1;
    std::size_t lineCountedTo = 0;
    constexpr std::string_view key = "\"id\"";
    for (std::size_t pos = text.find(key); pos != std::string_view::npos;
         pos = text.find(key, pos + 1)) {
        std::size_t i = pos + key.size();
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            ++i;
        if (i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            ++i;
        if (i >= text.size() || text[i] != '"') continue;
        std::size_t end = i + 1;
        while (end < text.size() && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        if (end >= text.size()) break;
        std::string id;
        try {
            id = Json::parse(text.substr(i, end - i + 1)).get<std::string>();
        } catch (const Json::exception&) {
            continue;
        }
        for (; lineCountedTo < pos; ++lineCountedTo)
            if (text[lineCountedTo] == '\n') ++line;
        lines.emplace(id, line);
    }
    return lines;
}

} // namespace plumb

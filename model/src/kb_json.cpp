// The knowledge base as the JSON of cli.md's `kb --format json`.
#include "plumbline/kb_json.h"

#include "plumbline/provenance.h"

namespace plumb {
namespace {

Json valueWith(const Technology& t, const std::string& key, Json value) {
    Json out = {{"value", std::move(value)}};
    if (auto it = t.envelopeProvenance.find(key); it != t.envelopeProvenance.end())
        out["provenance"] = provenanceJson(it->second);
    return out;
}

Json numberOrUnknown(const std::optional<double>& v) {
    return v ? Json(*v) : Json("unknown");
}

Json band(const Technology& t, const std::string& field, const Band& b) {
    return {{"comfortable", valueWith(t, field + ".comfortable", numberOrUnknown(b.comfortable))},
            {"max", valueWith(t, field + ".max", numberOrUnknown(b.max))}};
}

} // namespace

Json ruleJson(const Rule& r) {
    Json kinds = Json::array();
    for (auto kind : r.kinds)
        kinds.push_back(std::string(spelling(kind)));
    Json parameters = Json::array();
    for (const auto& p : r.params) {
        Json param = {{"name", p.name},
                      {"value", p.value},
                      {"unit", p.unit},
                      {"provenance", provenanceJson(p.provenance)}};
        if (!p.description.empty()) param["description"] = p.description;
        parameters.push_back(std::move(param));
    }
    return {{"kind", "rule"},
            {"id", r.id},
            {"title", r.title},
            {"severity", std::string(spelling(r.severity))},
            {"scope", r.scope},
            {"appliesTo", {{"kinds", kinds}, {"technologies", r.technologies}}},
            {"when", toText(r.when)},
            {"parameters", parameters},
            {"message", r.message},
            {"rationale", r.rationale},
            {"evidence", r.evidence},
            {"patterns", r.patterns},
            {"alternatives", r.alternatives},
            {"supersedes", r.supersedes},
            {"sources", r.sources},
            {"origin", r.origin}};
}

Json technologyJson(const Technology& t) {
    const Envelope& e = t.envelope;
    Json envelope = Json::object();
    envelope["volumeGB"] = band(t, "volumeGB", e.volumeGB);
    envelope["writesPerSecond"] = band(t, "writesPerSecond", e.writesPerSecond);
    envelope["vectors"] =
        e.vectors ? band(t, "vectors", *e.vectors) : valueWith(t, "vectors", nullptr);
    envelope["maxRecordKB"] = valueWith(t, "maxRecordKB", numberOrUnknown(e.maxRecordKB));
    envelope["writerConcurrency"] = valueWith(t, "writerConcurrency", e.writerConcurrency);
    envelope["transactions"] = valueWith(t, "transactions", e.transactions);
    envelope["consistency"] = valueWith(t, "consistency", e.consistency);
    envelope["durable"] = valueWith(t, "durable", e.durable);
    envelope["queries"] = valueWith(t, "queries", e.queries);
    envelope["scaling"] = valueWith(t, "scaling", e.scaling);
    envelope["http"] = valueWith(t, "http", e.http);
    envelope["notes"] = e.notes;
    return {{"kind", "technology"},
            {"id", t.id},
            {"name", t.name},
            {"category", t.category},
            {"aliases", t.aliases},
            {"runs", t.runs},
            {"structures", t.structures},
            {"hosting", t.hosting},
            {"envelope", envelope},
            {"strengths", t.strengths},
            {"weaknesses", t.weaknesses},
            {"whenToUse", t.whenToUse},
            {"whenNotToUse", t.whenNotToUse},
            {"sources", t.sources}};
}

Json patternJson(const Pattern& p) {
    return {{"kind", "pattern"},
            {"id", p.id},
            {"title", p.name},
            {"category", p.category},
            {"summary", p.summary},
            {"related", p.related},
            {"technologies", p.technologies},
            {"keywords", p.keywords},
            {"sources", p.sources}};
}

Json searchHitsJson(const std::vector<SearchHit>& hits) {
    Json out = Json::array();
    for (const auto& h : hits)
        out.push_back({{"kind", h.kind}, {"id", h.id}, {"title", h.name}, {"score", h.score}});
    return out;
}

} // namespace plumb

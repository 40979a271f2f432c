// Provenance of knowledge-base values: reading, JSON, one-line descriptions.
#include "plumbline/provenance.h"

namespace plumb {

Provenance readProvenance(const Json& json) {
    Provenance p;
    p.kind = json.value("kind", "");
    p.quote = json.value("quote", "");
    p.section = json.value("section", "");
    p.url = json.value("url", "");
    p.says = json.value("says", "");
    p.reason = json.value("reason", "");
    return p;
}

Json provenanceJson(const Provenance& p) {
    Json out = Json::object();
    out["kind"] = p.kind;
    if (p.kind == "research") {
        out["quote"] = p.quote;
        out["section"] = p.section;
    } else if (p.kind == "vendor") {
        out["url"] = p.url;
        out["says"] = p.says;
    } else {
        out["reason"] = p.reason;
    }
    return out;
}

std::string describeProvenance(const Provenance& p) {
    if (p.kind == "research") return "the research: \"" + p.quote + "\" (" + p.section + ")";
    if (p.kind == "vendor") return "vendor documentation: " + p.says + " (" + p.url + ")";
    if (p.kind == "team")
        return "your team's setting" + (p.reason.empty() ? std::string() : ": " + p.reason);
    return "Plumbline's assumption: " + p.reason;
}

const std::vector<std::string>& envelopeProvenanceKeys() {
    static const std::vector<std::string> keys = {"volumeGB.comfortable",
                                                  "volumeGB.max",
                                                  "writesPerSecond.comfortable",
                                                  "writesPerSecond.max",
                                                  "vectors",
                                                  "vectors.comfortable",
                                                  "vectors.max",
                                                  "maxRecordKB",
                                                  "writerConcurrency",
                                                  "transactions",
                                                  "consistency",
                                                  "durable",
                                                  "queries",
                                                  "scaling",
                                                  "http"};
    return keys;
}

std::vector<std::string> envelopeValueKeys(const Json& e) {
    std::vector<std::string> out;
    auto band = [&](const char* field) {
        if (!e.contains(field) || !e[field].is_object()) return;
        for (const char* end : {"comfortable", "max"})
            if (e[field].contains(end) && e[field][end].is_number())
                out.push_back(std::string(field) + "." + end);
    };
    band("volumeGB");
    band("writesPerSecond");
    if (e.contains("vectors") && e["vectors"].is_null())
        out.push_back("vectors");
    else
        band("vectors");
    if (e.contains("maxRecordKB") && e["maxRecordKB"].is_number()) out.push_back("maxRecordKB");
    for (const char* field : {"writerConcurrency", "transactions", "consistency", "durable",
                              "queries", "scaling", "http"})
        if (e.contains(field)) out.push_back(field);
    return out;
}

} // namespace plumb

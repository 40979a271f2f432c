// ruleSettings params and technologyEnvelopes: validation and application (tuning.h).
#include "plumbline/tuning.h"

#include "knowledge_internal.h"
#include "plumbline/json_parse.h"

#include <algorithm>
#include <cmath>

namespace plumb {
namespace {

const char* const kBands[] = {"volumeGB", "writesPerSecond", "vectors"};
const char* const kLists[] = {"consistency", "queries", "scaling"};
const char* const kChoices[] = {"writerConcurrency", "transactions"};
const char* const kFlags[] = {"durable", "http"};

const std::vector<std::string>& allowed(const std::string& field) {
    static const std::map<std::string, std::vector<std::string>> values = {
        {"writerConcurrency", {"single-writer", "single-process", "multi"}},
        {"transactions", {"acid", "single-document", "limited", "none"}},
        {"consistency", {"strong", "eventual"}},
        {"queries",
         {"key", "range", "join", "relationship", "full-text", "vector", "aggregate",
          "time-window"}},
        {"scaling", {"vertical", "replication", "sharding", "autoscale"}}};
    static const std::vector<std::string> none;
    auto it = values.find(field);
    return it == values.end() ? none : it->second;
}

template <std::size_t N> bool among(const char* const (&names)[N], const std::string& key) {
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return key == n; });
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool isAmount(const Json& v) {
    return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0;
}

const Json* envelopes(const Model& model) {
    auto it = model.extra.find("technologyEnvelopes");
    return it == model.extra.end() ? nullptr : &*it;
}

void checkEnvelopeValue(const std::string& field, const Json& v, const std::string& path,
                        const std::string& file, std::vector<InputError>& errors) {
    auto fail = [&](const std::string& at, const std::string& message) {
        errors.push_back({file, at, message, {}, {}});
    };
    if (among(kBands, field)) {
        if (field == "vectors" && v.is_null()) return;
        if (!v.is_object()) return fail(path, "expected {\"comfortable\": N, \"max\": N}");
        for (const auto& [end, n] : v.items()) {
            if (end != "comfortable" && end != "max")
                fail(path + "/" + escapePointerToken(end),
                     "unknown field '" + end + "'; expected comfortable or max");
            else if (!isAmount(n))
                fail(path + "/" + end, "expected a non-negative number");
        }
    } else if (field == "maxRecordKB") {
        if (!isAmount(v)) fail(path, "expected a non-negative number");
    } else if (among(kChoices, field)) {
        const auto& ok = allowed(field);
        if (!v.is_string() || std::find(ok.begin(), ok.end(), v.get<std::string>()) == ok.end())
            fail(path, "expected one of " + join(ok));
    } else if (among(kLists, field)) {
        const auto& ok = allowed(field);
        if (!v.is_array()) return fail(path, "expected an array of " + join(ok));
        for (std::size_t i = 0; i < v.size(); ++i)
            if (!v[i].is_string() ||
                std::find(ok.begin(), ok.end(), v[i].get<std::string>()) == ok.end())
                fail(path + "/" + std::to_string(i), "expected one of " + join(ok));
    } else if (among(kFlags, field)) {
        if (!v.is_boolean()) fail(path, "expected true or false");
    } else if (field == "reason") {
        if (!v.is_string()) fail(path, "expected a string");
    } else {
        fail(path, "unknown envelope field '" + field +
                       "'; expected volumeGB, writesPerSecond, vectors, maxRecordKB, "
                       "writerConcurrency, transactions, consistency, durable, queries, "
                       "scaling, http or reason");
    }
}

Provenance team(const Json& override) {
    Provenance p;
    p.kind = "team";
    if (override.contains("reason") && override["reason"].is_string())
        p.reason = override["reason"].get<std::string>();
    return p;
}

void applyEnvelope(Technology& t, const Json& o) {
    const Provenance p = team(o);
    Envelope& e = t.envelope;
    auto band = [&](Band& b, const Json& v, const std::string& field) {
        for (const char* end : {"comfortable", "max"})
            if (v.contains(end) && isAmount(v[end])) {
                (std::string(end) == "max" ? b.max : b.comfortable) = v[end].get<double>();
                t.envelopeProvenance[field + "." + end] = p;
            }
    };
    for (const auto& [field, v] : o.items()) {
        if (field == "volumeGB" && v.is_object()) band(e.volumeGB, v, field);
        if (field == "writesPerSecond" && v.is_object()) band(e.writesPerSecond, v, field);
        if (field == "vectors") {
            if (v.is_null()) {
                e.vectors.reset();
                t.envelopeProvenance["vectors"] = p;
            } else if (v.is_object()) {
                if (!e.vectors) e.vectors = Band{};
                band(*e.vectors, v, field);
            }
        }
        if (field == "maxRecordKB" && isAmount(v)) {
            e.maxRecordKB = v.get<double>();
            t.envelopeProvenance[field] = p;
        }
        if (field == "writerConcurrency" && v.is_string())
            e.writerConcurrency = v.get<std::string>();
        if (field == "transactions" && v.is_string()) e.transactions = v.get<std::string>();
        if (field == "consistency" && v.is_array())
            e.consistency = v.get<std::vector<std::string>>();
        if (field == "queries" && v.is_array()) e.queries = v.get<std::vector<std::string>>();
        if (field == "scaling" && v.is_array()) e.scaling = v.get<std::vector<std::string>>();
        if (field == "durable" && v.is_boolean()) e.durable = v.get<bool>();
        if (field == "http" && v.is_boolean()) e.http = v.get<bool>();
        if (among(kChoices, field) || among(kLists, field) || among(kFlags, field))
            t.envelopeProvenance[field] = p;
    }
}

} // namespace

bool hasTuning(const Model& model) {
    if (envelopes(model)) return true;
    return std::any_of(model.ruleSettings.begin(), model.ruleSettings.end(),
                       [](const RuleSetting& s) { return !s.params.empty(); });
}

std::vector<InputError> checkTuning(const Model& model, const KnowledgeBase& knowledge,
                                    const std::string& file) {
    std::vector<InputError> errors;
    for (const auto& s : model.ruleSettings) {
        if (s.params.empty()) continue;
        const std::string base = "/ruleSettings/" + escapePointerToken(s.rule);
        const Rule* rule = knowledge.rule(s.rule);
        if (!rule) {
            std::vector<std::string> ids;
            for (const auto& r : knowledge.rules)
                ids.push_back(r.id);
            errors.push_back(
                {file, base, knowledge_detail::unknownReference("rule", s.rule, ids), {}, {}});
            continue;
        }
        std::vector<std::string> names;
        for (const auto& p : rule->params)
            names.push_back(p.name);
        for (const auto& [name, value] : s.params)
            if (!rule->param(name))
                errors.push_back({file,
                                  base + "/params/" + escapePointerToken(name),
                                  "rule '" + s.rule + "' has no parameter '" + name + "'; " +
                                      (names.empty() ? "it has no parameters"
                                                     : "expected one of " + join(names)),
                                  {},
                                  {}});
    }
    const Json* all = envelopes(model);
    if (!all) return errors;
    if (!all->is_object()) {
        errors.push_back({file,
                          "/technologyEnvelopes",
                          "expected an object of technology id -> envelope values",
                          {},
                          {}});
        return errors;
    }
    std::vector<std::string> ids;
    for (const auto& t : knowledge.technologies)
        ids.push_back(t.id);
    for (const auto& [id, o] : all->items()) {
        const std::string base = "/technologyEnvelopes/" + escapePointerToken(id);
        if (!knowledge.technology(id)) {
            errors.push_back(
                {file, base, knowledge_detail::unknownReference("technology", id, ids), {}, {}});
            continue;
        }
        if (!o.is_object()) {
            errors.push_back({file, base, "expected an object of envelope values", {}, {}});
            continue;
        }
        for (const auto& [field, v] : o.items())
            checkEnvelopeValue(field, v, base + "/" + escapePointerToken(field), file, errors);
    }
    return errors;
}

KnowledgeBase applyTuning(const KnowledgeBase& knowledge, const Model& model) {
    KnowledgeBase out = knowledge;
    for (const auto& s : model.ruleSettings) {
        if (s.params.empty()) continue;
        auto it = std::find_if(out.rules.begin(), out.rules.end(),
                               [&](const Rule& r) { return r.id == s.rule; });
        if (it == out.rules.end()) continue;
        for (const auto& [name, value] : s.params)
            for (auto& p : it->params)
                if (p.name == name) {
                    p.value = value;
                    p.provenance = Provenance{};
                    p.provenance.kind = "team";
                    p.provenance.reason = s.reason.value_or("");
                }
        bindParams(it->when, [&](const std::string& name) -> std::optional<double> {
            if (const RuleParam* p = it->param(name)) return p->value;
            return std::nullopt;
        });
    }
    if (const Json* all = envelopes(model); all && all->is_object())
        for (auto& t : out.technologies)
            if (all->contains(t.id) && (*all)[t.id].is_object()) applyEnvelope(t, (*all)[t.id]);
    return out;
}

} // namespace plumb

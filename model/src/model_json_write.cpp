// Writes a Model as the contract's JSON: known fields in contract order, then unknown fields.
#include "plumbline/model_json.h"

#include <cmath>

namespace plumb {
namespace {

// Whole numbers are written without a fraction so that `"instances": 4` stays 4, not 4.0.
Json numberJson(double d) {
    if (d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
    return d;
}

void put(Json& o, const char* key, const Text& v) {
    if (v) o[key] = *v;
}
void put(Json& o, const char* key, const Number& v) {
    if (v) o[key] = numberJson(*v);
}
void put(Json& o, const char* key, const std::optional<bool>& v) {
    if (v) o[key] = *v;
}
template <typename E> void put(Json& o, const char* key, const std::optional<E>& v) {
    if (v) o[key] = spelling(*v);
}
void putExtra(Json& o, const Json& extra) {
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o[it.key()] = it.value();
}

Json toJson(const Context& c) {
    Json o = Json::object();
    o["id"] = c.id;
    put(o, "name", c.name);
    put(o, "description", c.description);
    put(o, "team", c.team);
    putExtra(o, c.extra);
    return o;
}

Json toJson(const DataProfile& d) {
    Json o = Json::object();
    put(o, "volumeGB", d.volumeGB);
    put(o, "growthGBPerMonth", d.growthGBPerMonth);
    put(o, "recordKB", d.recordKB);
    put(o, "maxRecordKB", d.maxRecordKB);
    put(o, "vectors", d.vectors);
    put(o, "vectorDimensions", d.vectorDimensions);
    put(o, "structure", d.structure);
    put(o, "consistency", d.consistency);
    put(o, "durability", d.durability);
    if (d.queries) {
        Json q = Json::array();
        for (auto k : *d.queries)
            q.push_back(spelling(k));
        o["queries"] = std::move(q);
    }
    put(o, "hosting", d.hosting);
    put(o, "replicas", d.replicas);
    put(o, "shards", d.shards);
    put(o, "tenants", d.tenants);
    put(o, "retentionDays", d.retentionDays);
    put(o, "cachePolicy", d.cachePolicy);
    put(o, "ttlSeconds", d.ttlSeconds);
    putExtra(o, d.extra);
    return o;
}

Json toJson(const Element& e) {
    Json o = Json::object();
    o["id"] = e.id;
    put(o, "name", e.name);
    o["kind"] = spelling(e.kind);
    put(o, "context", e.context);
    put(o, "technology", e.technology);
    put(o, "description", e.description);
    if (e.tags) o["tags"] = *e.tags;
    put(o, "instances", e.instances);
    put(o, "connectionsPerInstance", e.connectionsPerInstance);
    put(o, "cachePolicy", e.cachePolicy);
    put(o, "ttlSeconds", e.ttlSeconds);
    put(o, "partitions", e.partitions);
    put(o, "replicationFactor", e.replicationFactor);
    put(o, "retentionDays", e.retentionDays);
    put(o, "keyed", e.keyed);
    if (e.data) o["data"] = toJson(*e.data);
    putExtra(o, e.extra);
    return o;
}

Json toJson(const Flow& f) {
    Json o = Json::object();
    o["id"] = f.id;
    o["from"] = f.from;
    o["to"] = f.to;
    put(o, "style", f.style);
    put(o, "readsPerSecond", f.readsPerSecond);
    put(o, "writesPerSecond", f.writesPerSecond);
    put(o, "payloadKB", f.payloadKB);
    put(o, "peakFactor", f.peakFactor);
    put(o, "description", f.description);
    putExtra(o, f.extra);
    return o;
}

Json toJson(const Waiver& w) {
    Json o = Json::object();
    put(o, "rule", w.rule);
    put(o, "element", w.element);
    put(o, "reason", w.reason);
    put(o, "author", w.author);
    put(o, "date", w.date);
    put(o, "expires", w.expires);
    putExtra(o, w.extra);
    return o;
}

Json toJson(const LayoutBox& b) {
    Json o = Json::object();
    put(o, "x", b.x);
    put(o, "y", b.y);
    put(o, "width", b.width);
    put(o, "height", b.height);
    putExtra(o, b.extra);
    return o;
}

template <typename T> Json listJson(const std::vector<T>& items) {
    Json a = Json::array();
    for (const auto& item : items)
        a.push_back(toJson(item));
    return a;
}

} // namespace

Json modelToJson(const Model& m) {
    Json o = Json::object();
    o["format"] = "plumbline-model";
    o["version"] = Model::kFormatVersion;
    put(o, "name", m.name);
    put(o, "description", m.description);
    if (m.present.contexts || !m.contexts.empty()) o["contexts"] = listJson(m.contexts);
    if (m.present.elements || !m.elements.empty()) o["elements"] = listJson(m.elements);
    if (m.present.flows || !m.flows.empty()) o["flows"] = listJson(m.flows);
    if (m.present.waivers || !m.waivers.empty()) o["waivers"] = listJson(m.waivers);
    if (m.present.ruleSettings || !m.ruleSettings.empty()) {
        Json rs = Json::object();
        for (const auto& s : m.ruleSettings) {
            if (!s.object) {
                rs[s.rule] = spelling(s.severity);
                continue;
            }
            Json setting = Json::object();
            if (s.hasSeverity) setting["severity"] = spelling(s.severity);
            if (!s.params.empty()) {
                Json params = Json::object();
                for (const auto& [name, value] : s.params)
                    params[name] = numberJson(value);
                setting["params"] = std::move(params);
            }
            put(setting, "reason", s.reason);
            putExtra(setting, s.extra);
            rs[s.rule] = std::move(setting);
        }
        o["ruleSettings"] = std::move(rs);
    }
    if (m.present.layout || !m.layout.empty()) {
        Json lay = Json::object();
        for (const auto& b : m.layout)
            lay[b.id] = toJson(b);
        o["layout"] = std::move(lay);
    }
    putExtra(o, m.extra);
    return o;
}

std::string writeModelJson(const Model& m, int indent) {
    return modelToJson(m).dump(indent) + "\n";
}

} // namespace plumb

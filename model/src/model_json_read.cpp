// Reads the model's JSON format into a Model, reporting every input error with its JSON path.
#include "model_json_reader.h"
#include "plumbline/json_parse.h"
#include "plumbline/model_edits.h"
#include "plumbline/model_json.h"

namespace plumb {
namespace model_json {
namespace {

std::optional<std::vector<std::string>> readStrings(Reader& r, Object& o, std::string_view key) {
    const Json* arr = r.array(o, key);
    if (!arr) return std::nullopt;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const Json& v = (*arr)[i];
        if (v.is_string())
            out.push_back(v.get<std::string>());
        else
            r.error(o.pathOf(key) + "/" + std::to_string(i),
                    "expected a string, got " + describe(v));
    }
    return out;
}

} // namespace

Context readContext(Reader& r, const Json& j, const std::string& path) {
    Context c;
    if (!r.expectObject(j, path, "a context")) return c;
    Object o(r, j, path);
    c.id = o.requiredId("id", "the context's id (a string)");
    c.name = o.text("name");
    c.description = o.text("description");
    c.team = o.text("team");
    c.extra = o.extras();
    return c;
}

namespace {
DataProfile readData(Reader& r, const Json& j, const std::string& path) {
    DataProfile d;
    if (!r.expectObject(j, path, "the data profile")) return d;
    Object o(r, j, path);
    d.volumeGB = o.number("volumeGB");
    d.growthGBPerMonth = o.number("growthGBPerMonth");
    d.recordKB = o.number("recordKB");
    d.maxRecordKB = o.number("maxRecordKB");
    d.vectors = o.number("vectors", NumberRule::WholeNonNegative);
    d.vectorDimensions = o.number("vectorDimensions", NumberRule::WholeNonNegative);
    d.structure = o.choice<Structure>("structure");
    d.consistency = o.choice<Consistency>("consistency");
    d.durability = o.choice<Durability>("durability");
    if (const Json* q = r.array(o, "queries")) {
        d.queries.emplace();
        for (std::size_t i = 0; i < q->size(); ++i)
            if (auto k =
                    r.choice<QueryKind>((*q)[i], o.pathOf("queries") + "/" + std::to_string(i)))
                d.queries->push_back(*k);
    }
    d.hosting = o.choice<Hosting>("hosting");
    d.replicas = o.number("replicas", NumberRule::WholeNonNegative);
    d.shards = o.number("shards", NumberRule::WholeNonNegative);
    d.tenants = o.number("tenants", NumberRule::WholeNonNegative);
    d.retentionDays = o.number("retentionDays");
    d.cachePolicy = o.choice<CachePolicy>("cachePolicy");
    d.ttlSeconds = o.number("ttlSeconds");
    d.extra = o.extras();
    return d;
}

} // namespace

Element readElement(Reader& r, const Json& j, const std::string& path) {
    Element e;
    if (!r.expectObject(j, path, "an element")) return e;
    Object o(r, j, path);
    e.id = o.requiredId("id", "the element's id (a string)");
    e.name = o.text("name");
    if (const Json* k = o.get("kind")) {
        if (auto kind = r.choice<ElementKind>(*k, o.pathOf("kind"))) e.kind = *kind;
    } else {
        r.error(path, "missing \"kind\": expected one of " + listOf<ElementKind>());
    }
    e.context = o.text("context");
    e.technology = o.text("technology");
    e.description = o.text("description");
    e.tags = readStrings(r, o, "tags");
    e.instances = o.number("instances", NumberRule::WholeNonNegative);
    e.connectionsPerInstance = o.number("connectionsPerInstance", NumberRule::WholeNonNegative);
    e.cachePolicy = o.choice<CachePolicy>("cachePolicy");
    e.ttlSeconds = o.number("ttlSeconds");
    e.partitions = o.number("partitions", NumberRule::WholeNonNegative);
    e.replicationFactor = o.number("replicationFactor", NumberRule::WholeNonNegative);
    e.retentionDays = o.number("retentionDays");
    e.keyed = o.boolean("keyed");
    if (const Json* d = o.get("data")) e.data = readData(r, *d, o.pathOf("data"));
    e.extra = o.extras();
    return e;
}

Flow readFlow(Reader& r, const Json& j, const std::string& path) {
    Flow f;
    if (!r.expectObject(j, path, "a flow")) return f;
    Object o(r, j, path);
    f.id = o.requiredId("id", "the flow's id (a string)");
    f.from = o.requiredId("from", "the id of the element the flow starts at");
    f.to = o.requiredId("to", "the id of the element the flow goes to");
    f.style = o.choice<FlowStyle>("style");
    f.readsPerSecond = o.number("readsPerSecond");
    f.writesPerSecond = o.number("writesPerSecond");
    f.payloadKB = o.number("payloadKB");
    f.peakFactor = o.number("peakFactor");
    f.description = o.text("description");
    f.extra = o.extras();
    return f;
}

Waiver readWaiver(Reader& r, const Json& j, const std::string& path) {
    Waiver w;
    if (!r.expectObject(j, path, "a waiver")) return w;
    Object o(r, j, path);
    w.rule = o.text("rule");
    w.element = o.text("element");
    w.reason = o.text("reason");
    w.author = o.text("author");
    w.date = o.date("date");
    w.expires = o.date("expires");
    w.extra = o.extras();
    return w;
}

namespace {
// A severity string, or {"severity"?, "params"?, "reason"?} (unknown fields are kept).
std::optional<RuleSetting> readRuleSetting(Reader& r, const std::string& rule, const Json& j,
                                           const std::string& path) {
    RuleSetting s;
    s.rule = rule;
    if (!j.is_object()) {
        auto sev = r.choice<Severity>(j, path);
        if (!sev) return std::nullopt;
        s.severity = *sev;
        return s;
    }
    s.object = true;
    Object o(r, j, path);
    if (auto sev = o.choice<Severity>("severity"))
        s.severity = *sev;
    else
        s.hasSeverity = false;
    if (const Json* params = o.get("params")) {
        if (r.expectObject(*params, o.pathOf("params"), "parameter values")) {
            for (auto it = params->begin(); it != params->end(); ++it) {
                const std::string at = o.pathOf("params") + "/" + escapePointerToken(it.key());
                if (!it->is_number() || !std::isfinite(it->get<double>()) ||
                    it->get<double>() < 0) {
                    r.error(at, "expected a non-negative number for parameter '" + it.key() +
                                    "', got " + describe(*it));
                    continue;
                }
                s.params.emplace_back(it.key(), it->get<double>());
            }
        }
    }
    s.reason = o.text("reason");
    s.extra = o.extras();
    return s;
}

} // namespace

void readRuleSettings(Reader& r, const Json& j, std::vector<RuleSetting>& out) {
    if (!r.expectObject(j, "/ruleSettings", "rule settings")) return;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (auto setting = readRuleSetting(r, it.key(), it.value(),
                                           "/ruleSettings/" + escapePointerToken(it.key())))
            out.push_back(std::move(*setting));
}

LayoutBox readLayoutBox(Reader& r, const std::string& id, const Json& j, const std::string& path) {
    LayoutBox b;
    b.id = id;
    if (!r.expectObject(j, path, "a layout box")) return b;
    Object o(r, j, path);
    b.x = o.number("x", NumberRule::Finite);
    b.y = o.number("y", NumberRule::Finite);
    b.width = o.number("width");
    b.height = o.number("height");
    b.extra = o.extras();
    return b;
}

namespace {
template <typename T, typename ReadOne>
std::vector<T> readList(Reader& r, Object& top, std::string_view key, bool& present,
                        ReadOne readOne) {
    std::vector<T> out;
    const Json* arr = r.array(top, key);
    present = arr != nullptr;
    if (!arr) return out;
    out.reserve(arr->size());
    const std::string base = top.pathOf(key) + "/";
    for (std::size_t i = 0; i < arr->size(); ++i)
        out.push_back(readOne(r, (*arr)[i], base + std::to_string(i)));
    return out;
}

bool migrate(Reader& r, Json& root, const ModelReadOptions& options) {
    const Json* v = root.contains("version") ? &root["version"] : nullptr;
    if (!v) return true; // hand-written models may leave it out: read as the current version
    if (!v->is_number_integer() && !v->is_number_unsigned()) {
        r.error("/version", "expected the format version as an integer, got " + describe(*v));
        return false;
    }
    long long version = v->get<long long>();
    if (version > Model::kFormatVersion) {
        r.error("/version", "this model is format version " + std::to_string(version) +
                                ", newer than this Plumbline understands (up to " +
                                std::to_string(Model::kFormatVersion) +
                                "); update Plumbline to open it");
        return false;
    }
    while (version < Model::kFormatVersion) {
        auto step = options.migrations.find(static_cast<int>(version));
        if (step == options.migrations.end()) {
            r.error("/version",
                    "expected format version 1 to " + std::to_string(Model::kFormatVersion) +
                        "; no migration exists from version " + std::to_string(version));
            return false;
        }
        step->second(root);
        root["version"] = ++version;
    }
    return true;
}

} // namespace
} // namespace model_json

using namespace model_json;

ModelReadResult readModelJson(std::string_view text, const std::string& fileName,
                              const ModelReadOptions& options) {
    ModelReadResult result;
    if (auto err = checkJsonShape(text, fileName, options.maxDepth, options.maxBytes)) {
        result.errors.push_back(*err);
        return result;
    }
    // The usual case, a valid model, is read without the whole document's DOM (a 10,000-element
    // model's DOM is several times the size of the file, #16). Anything else is read again
    // below, whose errors are the ones reported.
    if (auto streamed =
            options.streamed ? readModelStreamed(text, fileName, options) : std::nullopt) {
        result.model = std::move(*streamed);
        return result;
    }
    Json root;
    if (auto err = parseJson(text, fileName, root)) {
        result.errors.push_back(*err);
        return result;
    }
    Reader r(fileName, result.errors, options.maxErrors);
    if (!r.expectObject(root, "", "a Plumbline model")) return result;
    if (auto it = root.find("format"); it != root.end() && *it != "plumbline-model") {
        r.error("/format", "expected \"plumbline-model\", got " + describe(*it));
        return result;
    }
    if (!migrate(r, root, options)) return result;

    Model m;
    Object top(r, root, "");
    top.get("format");
    top.get("version");
    m.name = top.text("name");
    m.description = top.text("description");
    m.contexts = readList<Context>(r, top, "contexts", m.present.contexts, readContext);
    m.elements = readList<Element>(r, top, "elements", m.present.elements, readElement);
    m.flows = readList<Flow>(r, top, "flows", m.present.flows, readFlow);
    m.waivers = readList<Waiver>(r, top, "waivers", m.present.waivers, readWaiver);
    if (const Json* rs = top.get("ruleSettings")) {
        m.present.ruleSettings = true;
        readRuleSettings(r, *rs, m.ruleSettings);
    }
    if (const Json* lay = top.get("layout")) {
        m.present.layout = true;
        if (r.expectObject(*lay, "/layout", "the layout")) {
            m.layout.reserve(lay->size());
            for (auto it = lay->begin(); it != lay->end(); ++it)
                m.layout.push_back(readLayoutBox(r, it.key(), it.value(),
                                                 "/layout/" + escapePointerToken(it.key())));
        }
    }
    m.extra = top.extras();
    // Cross-checks that need the whole model: ids unique and well-formed, references resolve.
    if (result.errors.empty())
        for (auto& problem : validateModel(m, options.maxErrors))
            r.error(problem.path, std::move(problem.message));
    if (result.errors.empty()) result.model = std::move(m);
    return result;
}

} // namespace plumb

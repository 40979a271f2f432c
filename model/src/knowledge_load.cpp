// Loading the technology and pattern catalogues, and the built-in knowledge base as a whole.
#include "knowledge_internal.h"
#include "knowledge_schema_check.h"
#include "plumbline/embedded_knowledge.h"
#include "plumbline/json_parse.h"
#include "plumbline/provenance.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace plumb {
namespace knowledge_detail {

namespace {

// The embedded schema documents, parsed once (they are part of the binary, so never broken
// without the test suite noticing).
const Json& embeddedSchema(const std::string& name) {
    static const std::map<std::string, Json> schemas = [] {
        std::map<std::string, Json> out;
        for (const auto& file : embeddedKnowledgeFiles()) {
            if (!file.name.starts_with("schema/")) continue;
            Json doc;
            if (!parseJsonSafely(file.content, std::string(file.name), doc))
                out.emplace(std::string(file.name.substr(7)), std::move(doc));
        }
        return out;
    }();
    static const Json empty = Json::object();
    auto it = schemas.find(name);
    return it == schemas.end() ? empty : it->second;
}

bool checkHeader(const Json& doc, const std::string& file, const std::string& format,
                 std::vector<InputError>& errors) {
    auto fail = [&](const std::string& path, const std::string& message) {
        errors.push_back(InputError{file, path, message, {}, {}});
        return false;
    };
    if (!doc.is_object())
        return fail("", "expected a JSON object with \"format\": \"" + format + "\"");
    if (!doc.contains("format"))
        return fail("", "missing required field \"format\" (expected \"" + format + "\")");
    if (doc["format"] != format) {
        std::string hint;
        if (doc["format"].is_string() && doc["format"].get<std::string>().starts_with("plumbline-"))
            hint = "; this is a " + doc["format"].get<std::string>() + " file, not a " + format +
                   " file";
        return fail("/format", "expected \"" + format + "\", got " + doc["format"].dump() + hint);
    }
    if (!doc.contains("version"))
        return fail("", "missing required field \"version\" (expected 1)");
    const Json& version = doc["version"];
    if (!version.is_number_integer())
        return fail("/version", "expected the integer 1, got " + version.dump());
    if (version.get<long long>() > 1)
        return fail("/version", "version " + version.dump() +
                                    " is newer than this Plumbline reads (1); update Plumbline");
    if (version.get<long long>() < 1) return fail("/version", "expected 1, got " + version.dump());
    return true;
}

std::optional<double> numberOrUnknown(const Json& json) {
    return json.is_number() ? std::optional<double>(json.get<double>()) : std::nullopt;
}

Band band(const Json& json) {
    return {numberOrUnknown(json["comfortable"]), numberOrUnknown(json["max"])};
}

std::vector<std::string> strings(const Json& object, const char* key) {
    return object.contains(key) ? object[key].get<std::vector<std::string>>()
                                : std::vector<std::string>{};
}

Technology readTechnology(const Json& json) {
    Technology t;
    t.id = json["id"].get<std::string>();
    t.name = json["name"].get<std::string>();
    t.aliases = strings(json, "aliases");
    t.category = json["category"].get<std::string>();
    t.runs = strings(json, "runs");
    t.dataModel = json["dataModel"].get<std::string>();
    t.structures = strings(json, "structures");
    t.hosting = strings(json, "hosting");
    const Json& e = json["envelope"];
    t.envelope.volumeGB = band(e["volumeGB"]);
    t.envelope.writesPerSecond = band(e["writesPerSecond"]);
    if (!e["vectors"].is_null()) t.envelope.vectors = band(e["vectors"]);
    t.envelope.maxRecordKB = numberOrUnknown(e["maxRecordKB"]);
    t.envelope.writerConcurrency = e["writerConcurrency"].get<std::string>();
    t.envelope.transactions = e["transactions"].get<std::string>();
    t.envelope.consistency = strings(e, "consistency");
    t.envelope.durable = e["durable"].get<bool>();
    t.envelope.queries = strings(e, "queries");
    t.envelope.scaling = strings(e, "scaling");
    t.envelope.http = e["http"].get<bool>();
    t.envelope.notes = e.value("notes", "");
    t.protocolNotes = json["protocolNotes"].get<std::string>();
    t.strengths = strings(json, "strengths");
    t.weaknesses = strings(json, "weaknesses");
    t.whenToUse = strings(json, "whenToUse");
    t.whenNotToUse = strings(json, "whenNotToUse");
    t.sources = strings(json, "sources");
    if (json.contains("envelopeSources"))
        t.envelopeSources = json["envelopeSources"].get<std::map<std::string, std::string>>();
    if (e.contains("provenance"))
        for (const auto& [key, value] : e["provenance"].items())
            t.envelopeProvenance[key] = readProvenance(value);
    return t;
}

Pattern readPattern(const Json& json) {
    Pattern p;
    p.id = json["id"].get<std::string>();
    p.name = json["name"].get<std::string>();
    p.category = json["category"].get<std::string>();
    p.summary = json["summary"].get<std::string>();
    p.whenToUse = strings(json, "whenToUse");
    p.whenNotToUse = strings(json, "whenNotToUse");
    p.gains = strings(json["tradeoffs"], "gains");
    p.costs = strings(json["tradeoffs"], "costs");
    p.related = strings(json, "related");
    p.technologies = strings(json, "technologies");
    p.keywords = strings(json, "keywords");
    p.sources = strings(json, "sources");
    return p;
}

// Ids must be unique within a catalogue; the error points at the second one.
template <typename T>
void checkUniqueIds(const std::vector<T>& items, const std::string& file, const std::string& array,
                    const std::string& what, std::vector<InputError>& errors) {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto [it, fresh] = seen.emplace(items[i].id, i);
        if (!fresh)
            errors.push_back(InputError{file,
                                        "/" + array + "/" + std::to_string(i) + "/id",
                                        "duplicate " + what + " id '" + items[i].id +
                                            "' (first at /" + array + "/" +
                                            std::to_string(it->second) + ")",
                                        {},
                                        {}});
    }
}

void checkBands(const Technology& t, std::size_t index, const std::string& file,
                std::vector<InputError>& errors) {
    auto check = [&](const Band& b, const std::string& name) {
        if (b.comfortable && b.max && *b.comfortable > *b.max)
            errors.push_back(
                InputError{file,
                           "/technologies/" + std::to_string(index) + "/envelope/" + name,
                           "the comfortable value is above the max",
                           {},
                           {}});
    };
    check(t.envelope.volumeGB, "volumeGB");
    check(t.envelope.writesPerSecond, "writesPerSecond");
    if (t.envelope.vectors) check(*t.envelope.vectors, "vectors");
}

// Every envelope value that is not "unknown" says where it comes from.
void checkEnvelopeProvenance(const Json& technology, std::size_t index, const std::string& file,
                             std::vector<InputError>& errors) {
    const Json& e = technology["envelope"];
    const std::string path = "/technologies/" + std::to_string(index) + "/envelope";
    const Json none = Json::object();
    const Json& given = e.contains("provenance") ? e["provenance"] : none;
    for (const auto& key : envelopeValueKeys(e))
        if (!given.contains(key))
            errors.push_back(InputError{
                file,
                path + (e.contains("provenance") ? "/provenance" : ""),
                "missing the provenance of '" + key + "' (technology '" +
                    technology["id"].get<std::string>() +
                    "'): give {\"kind\": \"research\", \"quote\", \"section\"}, {\"kind\": "
                    "\"vendor\", \"url\", \"says\"} or {\"kind\": \"assumption\", \"reason\"}; "
                    "see knowledge/README.md",
                {},
                {}});
}

void checkPatternReferences(const KnowledgeBase& kb, const std::string& file,
                            std::vector<InputError>& errors) {
    std::vector<std::string> patternIds, technologyIds;
    for (const auto& p : kb.patterns)
        patternIds.push_back(p.id);
    for (const auto& t : kb.technologies)
        technologyIds.push_back(t.id);
    for (std::size_t i = 0; i < kb.patterns.size(); ++i) {
        const Pattern& p = kb.patterns[i];
        const std::string base = "/patterns/" + std::to_string(i);
        for (std::size_t j = 0; j < p.related.size(); ++j) {
            const std::string path = base + "/related/" + std::to_string(j);
            if (p.related[j] == p.id)
                errors.push_back(
                    {file, path, "pattern '" + p.id + "' lists itself as related", {}, {}});
            else if (!kb.pattern(p.related[j]))
                errors.push_back(
                    {file, path, unknownReference("pattern", p.related[j], patternIds), {}, {}});
        }
        for (std::size_t j = 0; j < p.technologies.size(); ++j)
            if (!kb.technology(p.technologies[j]))
                errors.push_back({file,
                                  base + "/technologies/" + std::to_string(j),
                                  unknownReference("technology", p.technologies[j], technologyIds),
                                  {},
                                  {}});
    }
}

} // namespace

bool readDocument(std::string_view text, const std::string& file, const std::string& format,
                  const std::string& schemaName, Json& out, std::vector<InputError>& errors,
                  const std::set<std::string>& delegatedRefs) {
    if (auto error = parseJsonSafely(text, file, out)) {
        errors.push_back(*error);
        return false;
    }
    if (!checkHeader(out, file, format, errors)) return false;
    const std::size_t before = errors.size();
    checkAgainstSchema(out, SchemaCheck{embeddedSchema(schemaName), file, delegatedRefs}, errors);
    return errors.size() == before;
}

std::string unknownReference(const std::string& what, const std::string& id,
                             const std::vector<std::string>& candidates) {
    auto near = closestNames(id, candidates, 1);
    return "unknown " + what + " '" + id + "'" +
           (near.empty() ? "" : " (did you mean '" + near.front() + "'?)");
}

} // namespace knowledge_detail

using namespace knowledge_detail;

KnowledgeLoadResult loadKnowledgeFrom(const KnowledgeTexts& texts) {
    KnowledgeLoadResult result;
    KnowledgeBase kb;
    Json doc;
    if (readDocument(texts.technologies, texts.technologiesFile, "plumbline-technologies",
                     "technologies.schema.json", doc, result.errors)) {
        for (const auto& item : doc["technologies"]) {
            checkEnvelopeProvenance(item, kb.technologies.size(), texts.technologiesFile,
                                    result.errors);
            kb.technologies.push_back(readTechnology(item));
        }
        checkUniqueIds(kb.technologies, texts.technologiesFile, "technologies", "technology",
                       result.errors);
        for (std::size_t i = 0; i < kb.technologies.size(); ++i)
            checkBands(kb.technologies[i], i, texts.technologiesFile, result.errors);
    }
    if (readDocument(texts.patterns, texts.patternsFile, "plumbline-patterns",
                     "patterns.schema.json", doc, result.errors)) {
        for (const auto& item : doc["patterns"])
            kb.patterns.push_back(readPattern(item));
        checkUniqueIds(kb.patterns, texts.patternsFile, "patterns", "pattern", result.errors);
    }
    if (!result.errors.empty()) return result; // references need both catalogues intact
    checkPatternReferences(kb, texts.patternsFile, result.errors);
    if (!texts.rules.empty() &&
        readDocument(texts.rules, texts.rulesFile, "plumbline-rules", "rules.schema.json", doc,
                     result.errors, {"#/$defs/condition"}))
        kb.rules = readRules(doc, texts.rulesFile, "built-in", kb, result.errors);
    if (result.errors.empty()) result.knowledge = std::move(kb);
    return result;
}

KnowledgeLoadResult loadBuiltinKnowledge() {
    KnowledgeTexts texts;
    for (const auto& file : embeddedKnowledgeFiles()) {
        if (file.name == "technologies.json")
            texts.technologies = file.content;
        else if (file.name == "patterns.json")
            texts.patterns = file.content;
        else if (file.name == "rules.json")
            texts.rules = file.content;
    }
    return loadKnowledgeFrom(texts);
}

const KnowledgeBase& builtinKnowledge() {
    static const KnowledgeBase knowledge = [] {
        KnowledgeLoadResult result = loadBuiltinKnowledge();
        if (!result.ok()) {
            std::fprintf(stderr, "plumbline: the built-in knowledge base is broken (a build "
                                 "error; tests/model/tst_knowledge should have caught it):\n");
            for (const auto& error : result.errors)
                std::fprintf(stderr, "  %s\n", error.toString().c_str());
            std::abort();
        }
        return std::move(*result.knowledge);
    }();
    return knowledge;
}

namespace {
template <typename T> const T* findById(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
} // namespace

const Technology* KnowledgeBase::technology(std::string_view id) const {
    return findById(technologies, id);
}
const Pattern* KnowledgeBase::pattern(std::string_view id) const {
    return findById(patterns, id);
}
const Rule* KnowledgeBase::rule(std::string_view id) const {
    return findById(rules, id);
}
const RuleParam* Rule::param(std::string_view name) const {
    for (const auto& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

std::vector<std::string> KnowledgeBase::similarIds(std::string_view id, std::size_t limit) const {
    std::vector<std::string> ids;
    for (const auto& t : technologies)
        ids.push_back(t.id);
    for (const auto& p : patterns)
        ids.push_back(p.id);
    for (const auto& r : rules)
        ids.push_back(r.id);
    return closestNames(id, ids, limit);
}

} // namespace plumb

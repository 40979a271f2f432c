// Rules: the built-in rules.json and user rule packs (--rules DIR, ~/.config/plumbline/rules).
#include "knowledge_internal.h"
#include "plumbline/json_parse.h"
#include "plumbline/provenance.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace plumb {
namespace knowledge_detail {
namespace {

std::vector<std::string> strings(const Json& object, const char* key) {
    return object.contains(key) ? object[key].get<std::vector<std::string>>()
                                : std::vector<std::string>{};
}

// Every {name} in a message template must be a fact, or the finding would print it raw.
void checkPlaceholders(const std::string& text, const std::string& file, const std::string& path,
                       std::vector<InputError>& errors) {
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) {
            errors.push_back({file, path, "a '{' without a closing '}'; write {factName}", {}, {}});
            return;
        }
        const std::string name = text.substr(open + 1, close - open - 1);
        if (!isKnownFact(name))
            errors.push_back({file,
                              path,
                              "the placeholder {" + name +
                                  "} is not a fact name; see the fact "
                                  "names in knowledge/README.md",
                              {},
                              {}});
    }
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

void checkIds(const std::vector<std::string>& ids, const std::string& what,
              const std::vector<std::string>& known, const std::string& file,
              const std::string& path, std::vector<InputError>& errors) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (std::find(known.begin(), known.end(), ids[i]) == known.end())
            errors.push_back({file,
                              path + "/" + std::to_string(i),
                              unknownReference(what, ids[i], known),
                              {},
                              {}});
}

// Every {"param": NAME} below `json` (as an operand or as `times`), with its JSON path.
void paramReferences(const Json& json, const std::string& path,
                     std::vector<std::pair<std::string, std::string>>& out) {
    if (json.is_object()) {
        if (json.size() == 1 && json.contains("param") && json["param"].is_string()) {
            out.emplace_back(json["param"].get<std::string>(), path);
            return;
        }
        for (const auto& [key, value] : json.items())
            paramReferences(value, path + "/" + escapePointerToken(key), out);
    } else if (json.is_array()) {
        for (std::size_t i = 0; i < json.size(); ++i)
            paramReferences(json[i], path + "/" + std::to_string(i), out);
    }
}

// The rule's named parameters; every one is used by `when` and every one `when` uses exists.
void readParams(const Json& json, const std::string& base, const std::string& file, Rule& rule,
                std::vector<InputError>& errors) {
    if (json.contains("params"))
        for (const auto& [name, param] : json["params"].items()) {
            RuleParam p;
            p.name = name;
            p.value = param["default"].get<double>();
            p.unit = param["unit"].get<std::string>();
            p.description = param.value("description", "");
            p.provenance = readProvenance(param["provenance"]);
            rule.params.push_back(std::move(p));
        }
    std::vector<std::pair<std::string, std::string>> used;
    paramReferences(json["when"], base + "/when", used);
    std::vector<std::string> names;
    for (const auto& p : rule.params)
        names.push_back(p.name);
    for (const auto& [name, path] : used)
        if (!rule.param(name))
            errors.push_back({file,
                              path + "/param",
                              "the rule has no parameter '" + name +
                                  "'; declare it under \"params\" with its default, unit and "
                                  "provenance" +
                                  (names.empty() ? "" : " (declared: " + joinNames(names) + ")"),
                              {},
                              {}});
    for (const auto& p : rule.params)
        if (std::none_of(used.begin(), used.end(),
                         [&](const auto& u) { return u.first == p.name; }))
            errors.push_back({file,
                              base + "/params/" + escapePointerToken(p.name),
                              "parameter '" + p.name + "' is never used by \"when\"",
                              {},
                              {}});
    bindParams(rule.when, [&](const std::string& name) -> std::optional<double> {
        if (const RuleParam* p = rule.param(name)) return p->value;
        return std::nullopt;
    });
}

} // namespace

std::vector<Rule> readRules(const Json& document, const std::string& file,
                            const std::string& origin, const KnowledgeBase& knowledge,
                            std::vector<InputError>& errors) {
    std::vector<std::string> technologyIds, patternIds;
    for (const auto& t : knowledge.technologies)
        technologyIds.push_back(t.id);
    for (const auto& p : knowledge.patterns)
        patternIds.push_back(p.id);

    std::vector<Rule> rules;
    std::map<std::string, std::size_t> seen;
    const Json& items = document["rules"];
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Json& json = items[i];
        const std::string base = "/rules/" + std::to_string(i);
        Rule rule;
        rule.id = json["id"].get<std::string>();
        if (auto [it, fresh] = seen.emplace(rule.id, i); !fresh)
            errors.push_back({file,
                              base + "/id",
                              "duplicate rule id '" + rule.id + "' (first at /rules/" +
                                  std::to_string(it->second) + ")",
                              {},
                              {}});
        rule.severity = *fromString<Severity>(json["severity"].get<std::string>());
        if (json.contains("appliesTo")) {
            for (const auto& kind : strings(json["appliesTo"], "kinds"))
                rule.kinds.push_back(*fromString<ElementKind>(kind));
            rule.technologies = strings(json["appliesTo"], "technologies");
            checkIds(rule.technologies, "technology", technologyIds, file,
                     base + "/appliesTo/technologies", errors);
        }
        rule.scope = json.value("scope", "element");
        if (auto when = parseCondition(json["when"], file, base + "/when", errors))
            rule.when = std::move(*when);
        readParams(json, base, file, rule, errors);
        rule.title = json["title"].get<std::string>();
        rule.message = json["message"].get<std::string>();
        rule.rationale = json["rationale"].get<std::string>();
        checkPlaceholders(rule.title, file, base + "/title", errors);
        checkPlaceholders(rule.message, file, base + "/message", errors);
        rule.evidence = strings(json, "evidence");
        for (std::size_t j = 0; j < rule.evidence.size(); ++j)
            if (!isKnownFact(rule.evidence[j]))
                errors.push_back({file,
                                  base + "/evidence/" + std::to_string(j),
                                  "unknown fact '" + rule.evidence[j] +
                                      "'; see the fact names in knowledge/README.md",
                                  {},
                                  {}});
        rule.alternatives = strings(json, "alternatives");
        checkIds(rule.alternatives, "technology", technologyIds, file, base + "/alternatives",
                 errors);
        rule.patterns = strings(json, "patterns");
        checkIds(rule.patterns, "pattern", patternIds, file, base + "/patterns", errors);
        rule.sources = strings(json, "sources");
        rule.supersedes = strings(json, "supersedes");
        rule.origin = origin;
        rules.push_back(std::move(rule));
    }
    // A superseded rule is one of this pack's or one already known (the built-ins).
    for (std::size_t i = 0; i < rules.size(); ++i)
        for (std::size_t j = 0; j < rules[i].supersedes.size(); ++j) {
            const std::string& id = rules[i].supersedes[j];
            if (id == rules[i].id || (!seen.count(id) && !knowledge.rule(id)))
                errors.push_back(
                    {file,
                     "/rules/" + std::to_string(i) + "/supersedes/" + std::to_string(j),
                     id == rules[i].id ? "a rule cannot supersede itself"
                                       : "unknown rule '" + id + "'; supersedes lists rule ids",
                     {},
                     {}});
        }
    return rules;
}

} // namespace knowledge_detail

using namespace knowledge_detail;

std::vector<InputError> addRulePack(KnowledgeBase& knowledge, std::string_view text,
                                    const std::string& file) {
    std::vector<InputError> errors;
    Json doc;
    if (!readDocument(text, file, "plumbline-rules", "rules.schema.json", doc, errors,
                      {"#/$defs/condition"}))
        return errors;
    std::vector<Rule> rules = readRules(doc, file, file, knowledge, errors);
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Rule* existing = knowledge.rule(rules[i].id);
        if (existing && existing->origin != "built-in")
            errors.push_back({file,
                              "/rules/" + std::to_string(i) + "/id",
                              "rule id '" + rules[i].id + "' is already defined by " +
                                  existing->origin + "; only built-in rules can be replaced",
                              {},
                              {}});
    }
    if (!errors.empty()) return errors;
    for (auto& rule : rules) {
        auto it = std::find_if(knowledge.rules.begin(), knowledge.rules.end(),
                               [&](const Rule& r) { return r.id == rule.id; });
        if (it != knowledge.rules.end())
            *it = std::move(rule); // a user rule replaces a built-in
        else
            knowledge.rules.push_back(std::move(rule));
    }
    return errors;
}

std::string userRulesDir() {
    namespace fs = std::filesystem;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "plumbline" / "rules").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".config" / "plumbline" / "rules").string();
    return {};
}

KnowledgeLoadResult loadKnowledge(const std::vector<std::string>& ruleDirs,
                                  bool includeUserConfig) {
    namespace fs = std::filesystem;
    KnowledgeLoadResult result;
    KnowledgeBase knowledge = builtinKnowledge();

    std::vector<std::string> dirs = ruleDirs;
    if (includeUserConfig) {
        const std::string user = userRulesDir();
        std::error_code ec;
        if (!user.empty() && fs::is_directory(user, ec)) dirs.push_back(user);
    }
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) {
            result.errors.push_back({dir,
                                     "",
                                     fs::exists(dir, ec)
                                         ? "not a folder; --rules takes a folder of "
                                           "rule packs (*.json)"
                                         : "rules folder not found",
                                     {},
                                     {}});
            continue;
        }
        std::vector<fs::path> packs;
        for (const auto& entry : fs::directory_iterator(dir, ec))
            if (entry.path().extension() == ".json" && entry.is_regular_file(ec))
                packs.push_back(entry.path());
        if (ec)
            result.errors.push_back({dir, "", "cannot list the folder: " + ec.message(), {}, {}});
        std::sort(packs.begin(), packs.end());
        for (const auto& pack : packs) {
            std::string text;
            if (auto error = readFileBytes(pack.string(), text)) {
                result.errors.push_back(*error);
                continue;
            }
            auto errors = addRulePack(knowledge, text, pack.string());
            result.errors.insert(result.errors.end(), errors.begin(), errors.end());
        }
    }
    if (result.errors.empty()) result.knowledge = std::move(knowledge);
    return result;
}

} // namespace plumb

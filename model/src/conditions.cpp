// The rule condition language: parsing with precise errors, and three-valued evaluation.
#include "plumbline/conditions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

namespace plumb {
namespace {

using namespace std::string_view_literals;

constexpr std::array kOperatorNames{"eq"sv,       "ne"sv,          "gt"sv,          "gte"sv,
                                    "lt"sv,       "lte"sv,         "in"sv,          "notIn"sv,
                                    "contains"sv, "notContains"sv, "containsAny"sv, "known"sv};
constexpr std::array kOperatorSymbols{"="sv,
                                      "!="sv,
                                      ">"sv,
                                      ">="sv,
                                      "<"sv,
                                      "<="sv,
                                      "in"sv,
                                      "not in"sv,
                                      "contains"sv,
                                      "does not contain"sv,
                                      "contains any of"sv,
                                      "known"sv};

std::string operatorList() {
    std::string out;
    for (auto name : kOperatorNames)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

std::string describeJson(const Json& json) {
    if (json.is_null()) return "null";
    if (json.is_boolean()) return "a boolean";
    if (json.is_number()) return "a number";
    if (json.is_string()) return "a string";
    if (json.is_array()) return "an array";
    return "an object";
}

class Parser {
public:
    Parser(const std::string& file, std::vector<InputError>& errors)
        : file_(file), errors_(errors) {}

    std::optional<Condition> condition(const Json& json, const std::string& path) {
        if (!json.is_object())
            return fail(path, "expected a condition object ({\"all\": [...]}, {\"any\": [...]}, "
                              "{\"not\": ...} or {\"fact\": NAME, OPERATOR: VALUE}), got " +
                                  describeJson(json));
        std::vector<std::string> combinators;
        for (const char* key : {"all", "any", "not"})
            if (json.contains(key)) combinators.push_back(key);
        if (combinators.size() > 1)
            return fail(path, "two operators in one object ('" + combinators[0] + "' and '" +
                                  combinators[1] + "'); nest them, e.g. {\"all\": [{\"" +
                                  combinators[1] + "\": ...}, ...]}");
        if (combinators.size() == 1) return combinator(json, path, combinators[0]);
        return comparison(json, path);
    }

private:
    std::optional<Condition> fail(const std::string& path, std::string message) {
        errors_.push_back(InputError{file_, path, std::move(message), {}, {}});
        return std::nullopt;
    }

    std::optional<Condition> combinator(const Json& json, const std::string& path,
                                        const std::string& key) {
        for (const auto& [other, value] : json.items())
            if (other != key)
                return fail(path + "/" + escapePointerToken(other),
                            "unexpected '" + other + "' next to '" + key +
                                "'; a condition object "
                                "holds exactly one operator");
        const Json& body = json.at(key);
        const std::string bodyPath = path + "/" + key;
        Condition out;
        if (key == "not") {
            out.kind = Condition::Kind::Not;
            auto inner = condition(body, bodyPath);
            if (!inner) return std::nullopt;
            out.children.push_back(std::move(*inner));
            return out;
        }
        out.kind = key == "all" ? Condition::Kind::All : Condition::Kind::Any;
        if (!body.is_array())
            return fail(bodyPath,
                        "'" + key + "' takes an array of conditions, got " + describeJson(body));
        if (body.empty())
            return fail(bodyPath, "'" + key +
                                      "' needs at least one condition; an empty list "
                                      "would be always " +
                                      (key == "all" ? "true" : "false"));
        bool ok = true;
        for (std::size_t i = 0; i < body.size(); ++i) {
            auto child = condition(body[i], bodyPath + "/" + std::to_string(i));
            if (child)
                out.children.push_back(std::move(*child));
            else
                ok = false;
        }
        return ok ? std::optional<Condition>(std::move(out)) : std::nullopt;
    }

    bool knownFact(const Json& name, const std::string& path) {
        if (!name.is_string() || name.get<std::string>().empty()) {
            fail(path, "expected a fact name (a string), got " + describeJson(name));
            return false;
        }
        if (!isKnownFact(name.get<std::string>())) {
            fail(path, "unknown fact '" + name.get<std::string>() +
                           "'; see the fact names in knowledge/README.md");
            return false;
        }
        return true;
    }

    std::optional<Condition> comparison(const Json& json, const std::string& path) {
        std::vector<std::string> operators;
        for (const auto& [key, value] : json.items()) {
            if (key == "fact") continue;
            if (!operatorFromName(key))
                return fail(path + "/" + escapePointerToken(key),
                            "unknown operator '" + key + "'; expected all, any, not, or one of " +
                                operatorList());
            operators.push_back(key);
        }
        if (operators.size() > 1)
            return fail(path + "/" + operators[1],
                        "two operators in one comparison ('" + operators[0] + "' and '" +
                            operators[1] + "'); combine two comparisons with {\"all\": [...]}");
        if (!json.contains("fact"))
            return fail(path, json.empty() ? "empty condition; expected {\"fact\": NAME, "
                                             "OPERATOR: VALUE} or all/any/not"
                                           : "missing \"fact\": the comparison must name the "
                                             "fact it reads");
        if (operators.empty())
            return fail(path, "the comparison on '" + json["fact"].dump() +
                                  "' has no operator; expected one of " + operatorList());
        if (!knownFact(json["fact"], path + "/fact")) return std::nullopt;
        Condition out;
        out.kind = Condition::Kind::Compare;
        out.fact = json["fact"].get<std::string>();
        out.factId = factId(out.fact);
        out.op = *operatorFromName(operators[0]);
        auto operand = parseOperand(json[operators[0]], path + "/" + operators[0], out.op);
        if (!operand) return std::nullopt;
        out.operand = std::move(*operand);
        return out;
    }

    static bool numeric(CompareOp op) {
        return op == CompareOp::Gt || op == CompareOp::Gte || op == CompareOp::Lt ||
               op == CompareOp::Lte || op == CompareOp::Eq || op == CompareOp::Ne;
    }

    // {"param": NAME}: the name of one of the rule's parameters.
    std::optional<std::string> paramName(const Json& json, const std::string& path) {
        if (json.size() != 1 || !json["param"].is_string() ||
            json["param"].get<std::string>().empty()) {
            fail(path, "expected {\"param\": NAME} naming one of the rule's params");
            return std::nullopt;
        }
        return json["param"].get<std::string>();
    }

    std::optional<Operand> paramOperand(const Json& json, const std::string& path, CompareOp op) {
        if (!numeric(op)) {
            fail(path, "a {\"param\": NAME} operand only applies to numeric comparisons (eq, "
                       "ne, gt, gte, lt, lte)");
            return std::nullopt;
        }
        auto name = paramName(json, path);
        if (!name) return std::nullopt;
        Operand out;
        out.param = *name;
        out.literal = FactValue(0.0); // bound to the parameter's value by bindParams()
        return out;
    }

    // {"fact": NAME} or {"envelope": PATH}, optionally with "times".
    std::optional<Operand> reference(const Json& json, const std::string& path, CompareOp op) {
        Operand out;
        const bool isFact = json.contains("fact"), isEnvelope = json.contains("envelope");
        if (isFact == isEnvelope) {
            fail(path, isFact ? "a reference names either \"fact\" or \"envelope\", not both"
                              : "expected a value, {\"fact\": NAME} or {\"envelope\": PATH}");
            return std::nullopt;
        }
        for (const auto& [key, value] : json.items())
            if (key != "fact" && key != "envelope" && key != "times") {
                fail(path + "/" + escapePointerToken(key),
                     "unknown field '" + key +
                         "' in a reference; expected fact or envelope, "
                         "and optionally times");
                return std::nullopt;
            }
        const Json& name = isFact ? json["fact"] : json["envelope"];
        const std::string namePath = path + (isFact ? "/fact" : "/envelope");
        if (isEnvelope && (!name.is_string() || name.get<std::string>().empty())) {
            fail(namePath,
                 "expected an envelope path such as \"volumeGB.max\", got " + describeJson(name));
            return std::nullopt;
        }
        if (isEnvelope) {
            out.fact = "envelope." + name.get<std::string>();
            if (!knownFact(Json(out.fact), namePath)) return std::nullopt;
        } else {
            if (!knownFact(name, namePath)) return std::nullopt;
            out.fact = name.get<std::string>();
        }
        out.factId = factId(out.fact);
        if (json.contains("times")) {
            const Json& times = json["times"];
            if (times.is_object()) {
                auto name = paramName(times, path + "/times");
                if (!name) return std::nullopt;
                out.timesParam = *name;
            } else if (!times.is_number()) {
                fail(path + "/times",
                     "'times' scales a number; expected a number, got " + describeJson(times));
                return std::nullopt;
            }
            if (op != CompareOp::Gt && op != CompareOp::Gte && op != CompareOp::Lt &&
                op != CompareOp::Lte && op != CompareOp::Eq && op != CompareOp::Ne) {
                fail(path + "/times", "'times' only applies to numeric comparisons (eq, ne, gt, "
                                      "gte, lt, lte)");
                return std::nullopt;
            }
            if (times.is_number()) out.times = times.get<double>();
        }
        return out;
    }

    static bool isStringList(const Json& json) {
        return json.is_array() &&
               std::all_of(json.begin(), json.end(), [](const Json& j) { return j.is_string(); });
    }

    std::optional<Operand> parseOperand(const Json& json, const std::string& path, CompareOp op) {
        const std::string name(operatorName(op));
        if (json.is_object()) {
            if (op == CompareOp::Known) {
                fail(path, "'known' takes true or false, got an object");
                return std::nullopt;
            }
            if (json.contains("param")) return paramOperand(json, path, op);
            return reference(json, path, op);
        }
        Operand out;
        auto wrong = [&](const std::string& expected) -> std::optional<Operand> {
            fail(path, "'" + name + "' " + expected + ", got " + describeJson(json));
            return std::nullopt;
        };
        switch (op) {
        case CompareOp::Known:
            if (!json.is_boolean()) return wrong("takes true or false");
            out.literal = FactValue(json.get<bool>());
            return out;
        case CompareOp::Gt:
        case CompareOp::Gte:
        case CompareOp::Lt:
        case CompareOp::Lte:
            if (!json.is_number())
                return wrong("compares numbers; expected a number, {\"fact\": NAME} or "
                             "{\"envelope\": PATH}");
            out.literal = FactValue(json.get<double>());
            return out;
        case CompareOp::In:
        case CompareOp::NotIn:
        case CompareOp::ContainsAny:
            if (!isStringList(json))
                return wrong("takes an array of strings (or a reference to a list fact)");
            out.literal = FactValue(json.get<std::vector<std::string>>());
            return out;
        case CompareOp::Contains:
        case CompareOp::NotContains:
            if (!json.is_string()) return wrong("takes a string (or a reference to a fact)");
            out.literal = FactValue(json.get<std::string>());
            return out;
        case CompareOp::Eq:
        case CompareOp::Ne:
            if (json.is_number())
                out.literal = FactValue(json.get<double>());
            else if (json.is_boolean())
                out.literal = FactValue(json.get<bool>());
            else if (json.is_string())
                out.literal = FactValue(json.get<std::string>());
            else if (isStringList(json))
                out.literal = FactValue(json.get<std::vector<std::string>>());
            else
                return wrong("takes a number, string, boolean, array of strings or reference");
            return out;
        }
        return wrong("has an unsupported operand");
    }

    const std::string& file_;
    std::vector<InputError>& errors_;
};

// --- evaluation ----------------------------------------------------------------------------

bool sameNumber(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

bool listHas(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Items of a string or list value, so list operators treat "x" like ["x"] (a view: no copy).
struct Items {
    const std::string* first = nullptr;
    std::size_t count = 0;
    const std::string* begin() const { return first; }
    const std::string* end() const { return first + count; }
    bool empty() const { return count == 0; }
};

Items itemsOf(const FactValue& value) {
    if (auto* list = std::get_if<std::vector<std::string>>(&value))
        return {list->data(), list->size()};
    if (auto* text = std::get_if<std::string>(&value)) return {text, 1};
    return {};
}

bool listHas(const Items& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

bool equal(const FactValue& left, const FactValue& right) {
    if (left.index() != right.index()) return false;
    if (auto* a = std::get_if<double>(&left)) return sameNumber(*a, std::get<double>(right));
    return left == right;
}

// One comparison with both sides known.
bool compare(CompareOp op, const FactValue& left, const FactValue& right) {
    const auto* a = std::get_if<double>(&left);
    const auto* b = std::get_if<double>(&right);
    switch (op) {
    case CompareOp::Eq:
        return equal(left, right);
    case CompareOp::Ne:
        return !equal(left, right);
    case CompareOp::Gt:
        return a && b && *a > *b && !sameNumber(*a, *b);
    case CompareOp::Gte:
        return a && b && (*a > *b || sameNumber(*a, *b));
    case CompareOp::Lt:
        return a && b && *a < *b && !sameNumber(*a, *b);
    case CompareOp::Lte:
        return a && b && (*a < *b || sameNumber(*a, *b));
    case CompareOp::In:
    case CompareOp::NotIn: {
        // Every item of the fact is in the list (a string fact: it is one of them).
        const auto items = itemsOf(left), allowed = itemsOf(right);
        // An empty list is a subset of anything: a store that needs no query kinds is never
        // "asking for one the technology lacks".
        const bool subset = std::all_of(items.begin(), items.end(),
                                        [&](const auto& i) { return listHas(allowed, i); });
        return op == CompareOp::In ? subset : !subset;
    }
    case CompareOp::Contains:
    case CompareOp::NotContains: {
        bool has = false;
        if (auto* text = std::get_if<std::string>(&left)) {
            const auto* needle = std::get_if<std::string>(&right);
            has = needle && text->find(*needle) != std::string::npos;
        } else if (auto* list = std::get_if<std::vector<std::string>>(&left)) {
            const auto wanted = itemsOf(right);
            has = !wanted.empty() && std::all_of(wanted.begin(), wanted.end(),
                                                 [&](const auto& w) { return listHas(*list, w); });
        }
        return op == CompareOp::Contains ? has : !has;
    }
    case CompareOp::ContainsAny: {
        const auto items = itemsOf(left), wanted = itemsOf(right);
        return std::any_of(items.begin(), items.end(),
                           [&](const auto& i) { return listHas(wanted, i); });
    }
    case CompareOp::Known:
        return true;
    }
    return false;
}

Truth evaluateCompare(const Condition& c, const Facts& facts, std::set<std::string>* missing) {
    const FactValue* left = c.factId != kNoFact ? facts.find(c.factId) : facts.find(c.fact);
    if (c.op == CompareOp::Known) {
        const bool wantKnown = c.operand.literal && std::holds_alternative<bool>(*c.operand.literal)
                                   ? std::get<bool>(*c.operand.literal)
                                   : true;
        return (left != nullptr) == wantKnown ? Truth::True : Truth::False;
    }
    const FactValue* right = nullptr;
    if (c.operand.literal)
        right = &*c.operand.literal;
    else
        right =
            c.operand.factId != kNoFact ? facts.find(c.operand.factId) : facts.find(c.operand.fact);
    if (!left || !right) {
        if (missing) {
            if (!left) missing->insert(c.fact);
            if (!right) missing->insert(c.operand.fact);
        }
        return Truth::Unknown;
    }
    // Numbers are scaled by `times`; everything else is compared in place, without a copy.
    if (const auto* number = std::get_if<double>(right)) {
        const FactValue scaled(*number * c.operand.times);
        return compare(c.op, *left, scaled) ? Truth::True : Truth::False;
    }
    return compare(c.op, *left, *right) ? Truth::True : Truth::False;
}

std::string formatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string literalText(const FactValue& value) {
    if (auto* n = std::get_if<double>(&value)) return formatNumber(*n);
    if (auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
    if (auto* s = std::get_if<std::string>(&value)) return "\"" + *s + "\"";
    std::string out = "[";
    for (const auto& item : std::get<std::vector<std::string>>(value))
        out += (out.size() > 1 ? ", " : "") + item;
    return out + "]";
}

} // namespace

void Condition::collectFacts(std::set<std::string>& out) const {
    if (kind == Kind::Compare) {
        out.insert(fact);
        if (!operand.literal) out.insert(operand.fact);
        return;
    }
    for (const auto& child : children)
        child.collectFacts(out);
}

void collectParams(const Condition& condition, std::set<std::string>& out) {
    if (!condition.operand.param.empty()) out.insert(condition.operand.param);
    if (!condition.operand.timesParam.empty()) out.insert(condition.operand.timesParam);
    for (const auto& child : condition.children)
        collectParams(child, out);
}

void bindParams(Condition& condition,
                const std::function<std::optional<double>(const std::string&)>& value) {
    if (!condition.operand.param.empty())
        if (auto v = value(condition.operand.param)) condition.operand.literal = FactValue(*v);
    if (!condition.operand.timesParam.empty())
        if (auto v = value(condition.operand.timesParam)) condition.operand.times = *v;
    for (auto& child : condition.children)
        bindParams(child, value);
}

std::optional<Condition> parseCondition(const Json& json, const std::string& file,
                                        const std::string& path, std::vector<InputError>& errors) {
    return Parser(file, errors).condition(json, path);
}

Truth evaluate(const Condition& condition, const Facts& facts, std::set<std::string>* missing) {
    switch (condition.kind) {
    case Condition::Kind::Compare:
        return evaluateCompare(condition, facts, missing);
    case Condition::Kind::Not: {
        const Truth inner = condition.children.empty()
                                ? Truth::Unknown
                                : evaluate(condition.children.front(), facts, missing);
        return inner == Truth::Unknown ? inner
                                       : (inner == Truth::True ? Truth::False : Truth::True);
    }
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        // The decisive value short-circuits the result, and the unknowns then did not matter.
        const bool isAll = condition.kind == Condition::Kind::All;
        const Truth decisive = isAll ? Truth::False : Truth::True;
        std::set<std::string> unknowns;
        bool sawUnknown = false;
        for (const auto& child : condition.children) {
            const Truth t = evaluate(child, facts, &unknowns);
            if (t == decisive) return decisive;
            if (t == Truth::Unknown) sawUnknown = true;
        }
        if (!sawUnknown) return isAll ? Truth::True : Truth::False;
        if (missing) missing->insert(unknowns.begin(), unknowns.end());
        return Truth::Unknown;
    }
    }
    return Truth::Unknown;
}

std::string_view operatorName(CompareOp op) {
    return kOperatorNames[static_cast<std::size_t>(op)];
}

std::optional<CompareOp> operatorFromName(std::string_view name) {
    for (std::size_t i = 0; i < kOperatorNames.size(); ++i)
        if (kOperatorNames[i] == name) return static_cast<CompareOp>(i);
    return std::nullopt;
}

std::string toText(const Condition& condition) {
    switch (condition.kind) {
    case Condition::Kind::Compare: {
        if (condition.op == CompareOp::Known) {
            const bool known = !condition.operand.literal ||
                               !std::holds_alternative<bool>(*condition.operand.literal) ||
                               std::get<bool>(*condition.operand.literal);
            return condition.fact + (known ? " is known" : " is unknown");
        }
        std::string right = condition.operand.literal ? literalText(*condition.operand.literal)
                                                      : condition.operand.fact;
        if (!condition.operand.param.empty()) right = condition.operand.param + " (" + right + ")";
        if (!condition.operand.literal && condition.operand.times != 1.0)
            right += " x " + formatNumber(condition.operand.times);
        return condition.fact + " " +
               std::string(kOperatorSymbols[static_cast<std::size_t>(condition.op)]) + " " + right;
    }
    case Condition::Kind::Not:
        return "not (" + (condition.children.empty() ? "" : toText(condition.children[0])) + ")";
    case Condition::Kind::All:
    case Condition::Kind::Any: {
        const char* joiner = condition.kind == Condition::Kind::All ? " and " : " or ";
        std::string out;
        for (const auto& child : condition.children) {
            std::string part = toText(child);
            if (child.kind == Condition::Kind::All || child.kind == Condition::Kind::Any)
                part = "(" + part + ")";
            out += (out.empty() ? "" : joiner) + part;
        }
        return out;
    }
    }
    return {};
}

} // namespace plumb

#pragma once
// The rule condition language (documented for rule authors in knowledge/README.md).
//
// A condition is a JSON object of exactly one of these shapes:
//   {"all": [C, ...]}   {"any": [C, ...]}   {"not": C}
//   {"fact": NAME, OP: OPERAND}             one comparison, OP one of
//       eq ne gt gte lt lte   in notIn   contains notContains containsAny   known
//   OPERAND: a JSON literal (number, string, bool, array of strings),
//            or {"fact": NAME}, or {"envelope": PATH} (sugar for {"fact": "envelope." + PATH}),
//            optionally with "times": NUMBER to scale a numeric reference,
//            e.g. {"envelope": "volumeGB.max", "times": 0.8},
//            or {"param": NAME}: the rule's named parameter (numeric comparisons); "times" may
//            also be {"param": NAME}. Parameters are bound to numbers by bindParams().
//   "known": true/false tests whether the fact was estimated at all.
// Evaluation is three-valued: a comparison that reads an unknown fact is Unknown; `all` is False
// if any part is False, else Unknown if any is Unknown; `any` is True if any part is True, else
// Unknown if any is; `not` keeps Unknown. A rule fires only on True; on Unknown the checker can
// say which missing estimates kept it from judging.

#include "plumbline/diagnostics.h"
#include "plumbline/facts.h"
#include "plumbline/model.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plumb {

enum class Truth { False, True, Unknown };

enum class CompareOp {
    Eq,
    Ne,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    NotIn,
    Contains,
    NotContains,
    ContainsAny,
    Known
};

struct Operand {
    std::optional<FactValue> literal; // set for literals
    std::string fact;                 // set for references (envelope refs already expanded)
    FactId factId = kNoFact;          // `fact`'s id, resolved at parse time (else by name)
    double times = 1.0;
    std::string param;      // set when the literal is the rule parameter of this name
    std::string timesParam; // set when `times` is the rule parameter of this name
};

struct Condition {
    enum class Kind { All, Any, Not, Compare } kind = Kind::Compare;
    std::vector<Condition> children; // All, Any: the parts; Not: exactly one
    std::string fact;                // Compare: left-hand fact
    FactId factId = kNoFact;         // `fact`'s id, resolved at parse time (else by name)
    CompareOp op = CompareOp::Eq;
    Operand operand;

    // Every fact name the condition reads (for incremental analysis and "missing estimate" notes).
    void collectFacts(std::set<std::string>& out) const;
};

// Parses a condition; errors carry `file` and the JSON Pointer below `path`.
std::optional<Condition> parseCondition(const Json& json, const std::string& file,
                                        const std::string& path, std::vector<InputError>& errors);

// Every rule parameter name the condition reads.
void collectParams(const Condition& condition, std::set<std::string>& out);

// Sets every parameter operand (and parameterised `times`) to value(name); a name without a
// value keeps what it had.
void bindParams(Condition& condition,
                const std::function<std::optional<double>(const std::string&)>& value);

// Evaluates against the facts; `missing` (if given) receives the unknown facts that mattered.
Truth evaluate(const Condition& condition, const Facts& facts,
               std::set<std::string>* missing = nullptr);

// The JSON spelling of an operator ("gte", "notIn", ...), and back.
std::string_view operatorName(CompareOp op);
std::optional<CompareOp> operatorFromName(std::string_view name);

// A one-line readable form for people, e.g.
// "writesPerSecond > envelope.writesPerSecond.max x 0.8 and writers known".
std::string toText(const Condition& condition);

} // namespace plumb

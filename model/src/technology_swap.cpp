#include "plumbline/technology_swap.h"

#include <set>
#include <utility>

namespace plumb {
namespace {

using Key = std::pair<std::string, std::string>; // rule, element

std::set<Key> keysOf(const std::vector<Finding>& findings) {
    std::set<Key> keys;
    for (const Finding& f : findings)
        keys.emplace(f.rule, f.element);
    return keys;
}

int open(const std::vector<Finding>& findings) {
    int n = 0;
    for (const Finding& f : findings)
        if (!f.waived && (f.severity == Severity::Error || f.severity == Severity::Warning)) ++n;
    return n;
}

} // namespace

int SwapComparison::openBefore() const {
    return open(before);
}

int SwapComparison::openAfter() const {
    return open(after);
}

SwapComparison compareTechnologySwap(const Model& model, const KnowledgeBase& knowledge,
                                     const std::string& element, const std::string& technology,
                                     const CheckOptions& options) {
    SwapComparison c;
    c.element = element;
    c.to = technology;
    const Element* e = model.findElement(element);
    if (!e) {
        c.problem = "There is no element \"" + element + "\" to try another technology on.";
        return c;
    }
    if (!knowledge.technology(technology)) {
        c.problem = "\"" + technology + "\" is not a technology of the knowledge base.";
        return c;
    }
    c.from = e->technology.value_or("");
    if (c.from == technology) {
        c.problem = e->displayName() + " already runs on " + technology + ".";
        return c;
    }
    c.swapped = model;
    c.swapped.findElement(element)->technology = technology;
    c.before = check(model, knowledge, options).findings;
    c.after = check(c.swapped, knowledge, options).findings;
    const std::set<Key> beforeKeys = keysOf(c.before), afterKeys = keysOf(c.after);
    for (const Finding& f : c.before)
        if (!afterKeys.count({f.rule, f.element})) c.fixed.push_back(f);
    for (const Finding& f : c.after)
        (beforeKeys.count({f.rule, f.element}) ? c.kept : c.added).push_back(f);
    return c;
}

} // namespace plumb

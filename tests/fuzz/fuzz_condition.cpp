// Any bytes as a rule condition: parsed with errors or evaluated three-valued against facts,
// without crashing, and evaluation must be deterministic.
#include "plumbline/conditions.h"
#include "plumbline/json_parse.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    plumb::Json json;
    if (plumb::parseJsonSafely(text, "fuzz.json", json)) return 0;
    std::vector<plumb::InputError> errors;
    auto condition = plumb::parseCondition(json, "fuzz.json", "/when", errors);
    if (!condition) {
        if (errors.empty()) std::abort(); // refused without saying why
        return 0;
    }
    plumb::Facts facts;
    facts.set("writesPerSecond", 1200.0);
    facts.set("writers", 20.0);
    facts.set("kind", std::string("store"));
    facts.set("queries", std::vector<std::string>{"key", "vector"});
    facts.set("pooled", false);
    facts.set("envelope.writesPerSecond.comfortable", 1000.0);
    std::set<std::string> missing;
    const plumb::Truth first = plumb::evaluate(*condition, facts, &missing);
    if (plumb::evaluate(*condition, facts) != first) std::abort();
    return 0;
}

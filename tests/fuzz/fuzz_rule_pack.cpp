// Any bytes as a user rule pack on top of the built-in knowledge base: refused with at least one
// error (and the knowledge base unchanged), or added; then the pack's rules run on an example
// so that evaluation and message templates see whatever the pack says.
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {
const plumb::Model& sampleModel() {
    static const plumb::Model model = [] {
        auto read = plumb::readModelJson(
            R"({"format":"plumbline-model","version":1,"contexts":[{"id":"c"}],
                "elements":[{"id":"api","kind":"function","context":"c","instances":40},
                            {"id":"db","kind":"store","context":"c","technology":"sqlite",
                             "data":{"volumeGB":1500,"queries":["vector"],"durability":"critical"}}],
                "flows":[{"id":"f","from":"api","to":"db","writesPerSecond":900,"readsPerSecond":20}]})",
            "sample.json");
        if (!read.ok()) std::abort();
        return *read.model;
    }();
    return model;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plumb::KnowledgeBase knowledge = plumb::builtinKnowledge();
    const std::size_t rulesBefore = knowledge.rules.size();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto errors = plumb::addRulePack(knowledge, text, "fuzz-pack.json");
    if (!errors.empty()) {
        if (knowledge.rules.size() != rulesBefore) std::abort(); // a refused pack changed nothing
        return 0;
    }
    plumb::check(sampleModel(), knowledge, {});
    return 0;
}

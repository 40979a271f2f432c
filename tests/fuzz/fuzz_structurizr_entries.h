#pragma once
// What the Structurizr DSL importer promises about any input, shared by the libFuzzer target
// (fuzz_structurizr_dsl.cpp) and the replay of its corpus and regressions in
// tests/model/tst_structurizr_dsl_parser.cpp. Empty string: the promise held.

#include "plumbline/interop/structurizr.h"
#include "plumbline/interop/structurizr_dsl_writer.h"
#include "plumbline/model_json.h"

#include <string>
#include <string_view>

namespace plumb::fuzz {

// Refused with exactly one error at a line and column, or imported into a valid model whose
// Structurizr DSL export imports again with the same number of elements, contexts and flows.
inline std::string structurizrDsl(std::string_view text) {
    // In a folder that does not exist, so `!include` finds nothing to read, whatever the
    // fuzzer's working directory holds.
    const interop::ImportResult result =
        interop::readStructurizrDsl({"/nonexistent-plumbline-fuzz/fuzz.dsl", text, nullptr});
    if (!result.ok()) {
        if (result.errors.size() != 1)
            return "refused with " + std::to_string(result.errors.size()) + " errors";
        const InputError& e = result.errors[0];
        if (!e.line || !e.column || *e.line < 1 || *e.column < 1)
            return "error without line and column: " + e.toString();
        return {};
    }
    const auto again = readModelJson(writeModelJson(*result.model), "again.json");
    if (!again.ok()) return "imported an invalid model: " + again.errors[0].toString();
    const std::string dsl = interop::writeStructurizrDsl(*result.model);
    const interop::ImportResult back = interop::readStructurizrDsl({"export.dsl", dsl, nullptr});
    if (!back.ok()) return "its export does not import: " + back.errors[0].toString();
    if (back.model->elements.size() != result.model->elements.size() ||
        back.model->contexts.size() != result.model->contexts.size() ||
        back.model->flows.size() != result.model->flows.size())
        return "its export imports to a different model";
    return {};
}

} // namespace plumb::fuzz

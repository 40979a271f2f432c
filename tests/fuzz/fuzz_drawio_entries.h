#pragma once
// What the draw.io importer promises about any input, shared by the libFuzzer target
// (fuzz_drawio.cpp) and the replay of its seed corpus in tests/model/tst_import_hostile.cpp.
// Empty string: the promise held.

#include "interop/formats.h"
#include "plumbline/interop/drawio_export.h"
#include "plumbline/model_json.h"

#include <string>
#include <string_view>

namespace plumb::fuzz {

// Refused with exactly one error, or read into a valid model whose draw.io export reads back
// with the same number of elements, contexts and flows.
inline std::string drawio(std::string_view text) {
    const interop::ImportResult result =
        interop::kDrawioImporter.read({"fuzz.drawio", text, nullptr});
    if (!result.ok()) {
        if (result.errors.size() != 1)
            return "refused with " + std::to_string(result.errors.size()) + " errors";
        if (result.errors[0].message.empty()) return "refused without saying why";
        return {};
    }
    const auto again = readModelJson(writeModelJson(*result.model), "again.json");
    if (!again.ok()) return "imported an invalid model: " + again.errors[0].toString();
    const std::string exported = interop::writeDrawio(*result.model);
    const interop::ImportResult back =
        interop::kDrawioImporter.read({"export.drawio", exported, nullptr});
    if (!back.ok()) return "its export does not import: " + back.errors[0].toString();
    if (back.model->elements.size() != result.model->elements.size() ||
        back.model->contexts.size() != result.model->contexts.size() ||
        back.model->flows.size() != result.model->flows.size())
        return "its export imports to a different model";
    return {};
}

} // namespace plumb::fuzz

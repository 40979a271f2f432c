// Any bytes into the model JSON reader: no crash, no sanitizer report, and a model that reads
// must write, read again to the same model and write to the same bytes (a stable round trip).
#include "plumbline/model_json.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto first = plumb::readModelJson(text, "fuzz.json");
    if (!first.ok()) {
        if (first.errors.empty()) std::abort(); // refused without saying why
        return 0;
    }
    const std::string written = plumb::writeModelJson(*first.model);
    auto second = plumb::readModelJson(written, "again.json");
    if (!second.ok() || !(*second.model == *first.model)) std::abort();
    if (plumb::writeModelJson(*second.model) != written) std::abort();
    return 0;
}

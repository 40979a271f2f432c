// libFuzzer target: any bytes as a Structurizr DSL workspace (refused with one located error, or
// imported into a valid model that exports and imports again). See fuzz_structurizr_entries.h.
#include "fuzz_structurizr_entries.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string broken = plumb::fuzz::structurizrDsl(input);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_structurizr_dsl: %s\n", broken.c_str());
        std::abort(); // libFuzzer saves the input as a crash
    }
    return 0;
}

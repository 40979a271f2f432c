// libFuzzer target: any bytes as a draw.io file (refused with one clear error, or imported into a
// valid model that exports and imports again). See fuzz_drawio_entries.h.
#include "fuzz_drawio_entries.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string broken = plumb::fuzz::drawio(input);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_drawio: %s\n", broken.c_str());
        std::abort(); // libFuzzer saves the input as a crash
    }
    return 0;
}

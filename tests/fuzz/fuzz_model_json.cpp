// libFuzzer target: any bytes into the model JSON reader (with a stable round trip).
// The promise checked for each input lives in fuzz_entries.h, shared with the ctest replay of
// tests/fuzz/regressions/model_json/ (tests/model/tst_fuzz_regressions.cpp).
#include "fuzz_entries.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string broken = plumb::fuzz::modelJson(input);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_model_json: %s\n", broken.c_str());
        std::abort(); // libFuzzer saves the input as a crash
    }
    return 0;
}

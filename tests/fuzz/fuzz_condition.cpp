// libFuzzer target: any JSON as a rule condition (refused, or evaluated deterministically).
// The promise checked for each input lives in fuzz_entries.h, shared with the ctest replay of
// tests/fuzz/regressions/condition/ (tests/model/tst_fuzz_regressions.cpp).
#include "fuzz_entries.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string broken = plumb::fuzz::condition(input);
    if (!broken.empty()) {
        std::fprintf(stderr, "fuzz_condition: %s\n", broken.c_str());
        std::abort(); // libFuzzer saves the input as a crash
    }
    return 0;
}

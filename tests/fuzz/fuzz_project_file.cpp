// Any bytes as a .plumb file: the loader must refuse cleanly or return a model that saves and
// loads back equal. The file lives in /dev/shm (or /tmp) so the fuzzer is not disk-bound.
#include "plumbline/project_file.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {
std::string scratch(const char* name) {
    const std::filesystem::path dir = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    return (dir / ("plumbline-fuzz-" + std::to_string(::getpid()) + "-" + name)).string();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string input = scratch("in.plumb"), output = scratch("out.plumb");
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    auto loaded = plumb::loadProject(input);
    if (!loaded.ok()) {
        if (loaded.errors.empty()) std::abort();
        return 0;
    }
    if (plumb::saveProject(output, *loaded.project)) std::abort();
    auto again = plumb::loadProject(output);
    if (!again.ok() || !(*again.project == *loaded.project)) std::abort();
    return 0;
}

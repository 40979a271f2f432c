#include "cli.h"
#include "plumbline/model_files.h"

#include <filesystem>

namespace plumb::cli {

int runConvert(const Args& args, Streams io) {
    if (args.size() != 2)
        return usageError(
            io, "convert: expected IN and OUT, e.g. plumbline convert model.json model.plumb");
    const std::string& in = args[0];
    const std::string& out = args[1];
    std::error_code ec;
    if (std::filesystem::exists(in, ec) && std::filesystem::exists(out, ec) &&
        std::filesystem::equivalent(in, out, ec))
        return usageError(io, out + ": convert: OUT must differ from IN");
    auto loaded = loadProjectOrModel(in);
    if (!loaded.ok()) return usageError(io, loaded.errors.front().toString());
    if (auto err = saveProjectOrModel(out, *loaded.project)) return usageError(io, err->toString());
    return kOk;
}

} // namespace plumb::cli

#pragma once
// What each fuzz target promises about any input, written once so that the libFuzzer targets
// (tests/fuzz/fuzz_*.cpp, clang) and the regression replay (tests/model/tst_fuzz_regressions.cpp,
// the regular compiler under ctest) run exactly the same code on a file. Header-only on purpose:
// the fuzz CMake globs fuzz_*.cpp as targets and the test suites compile one .cpp each.
//
// Every entry returns an empty string when the promise held, otherwise what was broken. A crash,
// hang or sanitizer report is a broken promise too, caught by the fuzzer or the sanitized build.

#include "plumbline/checker.h"
#include "plumbline/conditions.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"
#include "plumbline/project_file.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace plumb::fuzz {

namespace detail {
inline std::string firstError(const std::vector<InputError>& errors) {
    return errors.empty() ? "(no error given)" : errors.front().toString();
}
} // namespace detail

// Model JSON: refused with at least one error, or read; a model that reads must write, read
// again to the same model and write to the same bytes (parse -> write -> parse -> write stable).
inline std::string modelJson(std::string_view text) {
    auto first = readModelJson(text, "fuzz.json");
    if (!first.ok()) return first.errors.empty() ? "refused without saying why" : "";
    const std::string written = writeModelJson(*first.model);
    auto second = readModelJson(written, "again.json");
    if (!second.ok())
        return "its own output does not read back: " + detail::firstError(second.errors);
    if (!(*second.model == *first.model)) return "the model changed on a round trip";
    if (writeModelJson(*second.model) != written) return "writing is not stable on a round trip";
    return {};
}

namespace detail {
// Scratch files in /dev/shm (or /tmp) so the fuzzer is not disk-bound; one set per process.
inline std::string scratchPath(const char* name) {
    std::error_code ignored;
    const std::filesystem::path dir =
        std::filesystem::is_directory("/dev/shm", ignored) ? "/dev/shm" : "/tmp";
    return (dir / ("plumbline-fuzz-" + std::to_string(::getpid()) + "-" + name)).string();
}

struct RemoveOnExit {
    std::vector<std::string> paths;
    ~RemoveOnExit() {
        std::error_code ignored;
        for (const auto& path : paths)
            std::filesystem::remove(path, ignored);
    }
};

inline const Model& ruleSampleModel() {
    static const Model model = [] {
        auto read = readModelJson(
            R"({"format":"plumbline-model","version":1,"contexts":[{"id":"c"}],
                "elements":[{"id":"api","kind":"function","context":"c","instances":40},
                            {"id":"db","kind":"store","context":"c","technology":"sqlite",
                             "data":{"volumeGB":1500,"queries":["vector"],"durability":"critical"}}],
                "flows":[{"id":"f","from":"api","to":"db","writesPerSecond":900,"readsPerSecond":20}]})",
            "sample.json");
        return read.ok() ? *read.model : Model{};
    }();
    return model;
}
} // namespace detail

// A .plumb file: refused with at least one error, or a project that saves and loads back equal.
inline std::string projectFile(std::string_view bytes) {
    static const std::string input = detail::scratchPath("in.plumb");
    static const std::string output = detail::scratchPath("out.plumb");
    const detail::RemoveOnExit cleanup{{input, output}};
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) return "cannot write the scratch file " + input;
    }
    auto loaded = loadProject(input);
    if (!loaded.ok()) return loaded.errors.empty() ? "refused without saying why" : "";
    if (auto error = saveProject(output, *loaded.project))
        return "a project that loaded does not save: " + error->toString();
    auto again = loadProject(output);
    if (!again.ok()) return "its own save does not load: " + detail::firstError(again.errors);
    if (!(*again.project == *loaded.project)) return "the project changed on a save and load";
    return {};
}

// A user rule pack on top of the built-in knowledge base: refused with at least one error and
// the knowledge base unchanged, or added; then the pack's rules run on a sample model so that
// evaluation and message templates see whatever the pack says.
inline std::string rulePack(std::string_view text) {
    if (detail::ruleSampleModel().elements.empty()) return "the sample model does not read";
    KnowledgeBase knowledge = builtinKnowledge();
    const std::size_t rulesBefore = knowledge.rules.size();
    auto errors = addRulePack(knowledge, text, "fuzz-pack.json");
    if (!errors.empty())
        return knowledge.rules.size() == rulesBefore ? "" : "a refused pack changed the rules";
    check(detail::ruleSampleModel(), knowledge, {});
    return {};
}

// Any JSON as a rule condition: refused with at least one error, or evaluated three-valued
// against facts, deterministically.
inline std::string condition(std::string_view text) {
    Json json;
    if (parseJsonSafely(text, "fuzz.json", json)) return {};
    std::vector<InputError> errors;
    auto parsed = parseCondition(json, "fuzz.json", "/when", errors);
    if (!parsed) return errors.empty() ? "refused without saying why" : "";
    Facts facts;
    facts.set("writesPerSecond", 1200.0);
    facts.set("writers", 20.0);
    facts.set("kind", std::string("store"));
    facts.set("queries", std::vector<std::string>{"key", "vector"});
    facts.set("pooled", false);
    facts.set("envelope.writesPerSecond.comfortable", 1000.0);
    std::set<std::string> missing;
    const Truth first = evaluate(*parsed, facts, &missing);
    if (evaluate(*parsed, facts) != first) return "evaluation is not deterministic";
    return {};
}

} // namespace plumb::fuzz

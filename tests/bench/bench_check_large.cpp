// `check` in process on the models tests/bench/generate_model.py writes, 10,000 and 100,000
// elements (issue #16): read + check + JSON out should grow linearly, so the 100k case should
// take about 10x the 10k one. The files are the ones tests/bench/compare_python.sh generates
// ($TMPDIR/plumbline-compare/m10000.json, m100000.json; --large for the second), so that these
// figures and the end-to-end ones of that script are about the same bytes.
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <ostream>
#include <streambuf>

using namespace plumb;

namespace {

// Counts the bytes written and keeps none: the output's cost without a file or a pipe.
class CountingBuffer : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    int_type overflow(int_type c) override {
        ++bytes;
        return c;
    }
    std::streamsize xsputn(const char*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
};

void loadAndCheck(benchmark::State& state) {
    const auto elements = state.range(0);
    const auto path = std::filesystem::temp_directory_path() / "plumbline-compare" /
                      ("m" + std::to_string(elements) + ".json");
    std::string text;
    if (readFileBytes(path.string(), text)) {
        state.SkipWithError(("no " + path.string() + "; run tests/bench/compare_python.sh" +
                             (elements > 10000 ? " --large" : "") + " first")
                                .c_str());
        return;
    }
    const KnowledgeBase& kb = builtinKnowledge();
    std::size_t findings = 0, bytes = 0;
    for (auto _ : state) {
        ModelReadResult read = readModelJson(text, path.string());
        if (!read.ok()) {
            state.SkipWithError("the generated model does not read");
            return;
        }
        const CheckResult result = check(*read.model, kb);
        const CheckReport report{*read.model, kb, result, {}, path.string(), text, "bench"};
        CountingBuffer sink;
        std::ostream out(&sink);
        writeCheckJson(out, report);
        findings = result.findings.size();
        bytes = sink.bytes;
    }
    state.SetLabel(std::to_string(text.size() >> 20) + " MB in, " + std::to_string(findings) +
                   " findings, " + std::to_string(bytes >> 20) + " MB out");
}
BENCHMARK(loadAndCheck)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();

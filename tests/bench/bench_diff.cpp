// `plumbline diff` on two 10,000-element models (issue #18: under 1 s). OLD is the model
// tests/bench/generate_model.py writes ($TMPDIR/plumbline-compare/m10000.json, generated here
// when missing); NEW has 1% of it changed: a store's technology swapped every 100 elements, a
// flow's rates x10 every 100 flows, and every 100th element removed with its flows.
//
// Diff/10000 times the diff alone (matching, field comparison, store loads, findings) given
// both checks; EndToEnd/10000 adds what the command does after reading the files: checking both
// models and writing the JSON.
#include "plumbline/checker.h"
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_diff.h"
#include "plumbline/model_json.h"

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace plumb;

namespace {

struct Pair {
    Model before, after;
};

const Pair* models(benchmark::State& state) {
    static std::optional<Pair> pair;
    if (pair) return &*pair;
    const auto dir = std::filesystem::temp_directory_path() / "plumbline-compare";
    const auto path = dir / "m10000.json";
    std::string text;
    if (readFileBytes(path.string(), text)) {
        std::filesystem::create_directories(dir);
        const std::string command = std::string("python3 ") + PLUMBLINE_SOURCE_DIR +
                                    "/tests/bench/generate_model.py 10000 " + path.string();
        if (std::system(command.c_str()) != 0 || readFileBytes(path.string(), text)) {
            state.SkipWithError(("cannot generate " + path.string()).c_str());
            return nullptr;
        }
    }
    ModelReadResult read = readModelJson(text, path.string());
    if (!read.ok()) {
        state.SkipWithError("the generated model does not read");
        return nullptr;
    }
    Pair p{*read.model, *read.model};
    std::set<std::string> removed;
    for (std::size_t i = 0; i < p.after.elements.size(); ++i) {
        Element& e = p.after.elements[i];
        if (i % 100 == 7) removed.insert(e.id);
        if (i % 100 == 3 && e.kind == ElementKind::Store)
            e.technology = e.technology == "sqlite" ? "postgresql" : "sqlite";
    }
    for (std::size_t i = 0; i < p.after.flows.size(); i += 100) {
        Flow& f = p.after.flows[i];
        if (f.writesPerSecond) f.writesPerSecond = *f.writesPerSecond * 10;
        if (f.readsPerSecond) f.readsPerSecond = *f.readsPerSecond * 10;
    }
    std::erase_if(p.after.elements, [&](const Element& e) { return removed.count(e.id) > 0; });
    std::erase_if(p.after.flows,
                  [&](const Flow& f) { return removed.count(f.from) || removed.count(f.to); });
    pair = std::move(p);
    return &*pair;
}

void Diff(benchmark::State& state) {
    const Pair* p = models(state);
    if (!p) return;
    const KnowledgeBase& kb = builtinKnowledge();
    const CheckResult a = check(p->before, kb), b = check(p->after, kb);
    std::size_t changes = 0;
    for (auto _ : state) {
        const ModelDiff d = diffModels({p->before, a, "old"}, {p->after, b, "new"});
        changes = std::size_t(d.addedCount() + d.removedCount() + d.changedCount());
        benchmark::DoNotOptimize(d);
    }
    state.counters["changes"] = double(changes);
}

void EndToEnd(benchmark::State& state) {
    const Pair* p = models(state);
    if (!p) return;
    const KnowledgeBase& kb = builtinKnowledge();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const CheckResult a = check(p->before, kb), b = check(p->after, kb);
        const ModelDiff d = diffModels({p->before, a, "old"}, {p->after, b, "new"});
        std::ostringstream out;
        out << diffToJson(d, "bench").dump(2);
        bytes = out.str().size();
    }
    state.counters["jsonBytes"] = double(bytes);
}

} // namespace

BENCHMARK(Diff)->Arg(10000)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly();
BENCHMARK(EndToEnd)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly();
BENCHMARK_MAIN();

// How fast the knowledge search answers (goal: well under 10 ms per query, so it can run on
// every keystroke) and how long building the index takes.
#include "plumbline/kb_search.h"

#include <benchmark/benchmark.h>

namespace {

const plumb::KnowledgeSearch& sharedIndex() {
    static const plumb::KnowledgeSearch index(plumb::builtinKnowledge());
    return index;
}

void searchQuery(benchmark::State& state, const char* words) {
    const auto& index = sharedIndex();
    for (auto _ : state)
        benchmark::DoNotOptimize(index.search(words));
}

void buildIndex(benchmark::State& state) {
    const auto& knowledge = plumb::builtinKnowledge();
    for (auto _ : state) {
        plumb::KnowledgeSearch index(knowledge);
        benchmark::DoNotOptimize(&index);
    }
}

} // namespace

BENCHMARK_CAPTURE(searchQuery, time_series, "time series")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(searchQuery, serverless_connections, "serverless connections")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(searchQuery, prefix_while_typing, "cach")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(searchQuery, no_match_falls_back_to_or, "unbounded array growth zzz")
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(buildIndex)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();

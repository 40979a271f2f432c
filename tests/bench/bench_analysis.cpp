// Load analysis and check on generated models of 1,000 and 10,000 elements with twice as many
// flows: full analysis (target: 10k within 20 ms), incremental re-analysis after one edit
// (target: 1 ms), and `check` end to end on a ~5 MB JSON model (parse, analyse, evaluate, JSON
// out). The generated model is written to $TMPDIR/plumbline-bench-10k.json so that the parse
// time can be compared with python3 -c 'import json; json.load(open(F))'.
#include "plumbline/analysis.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <fstream>
#include <random>

using namespace plumb;

namespace {

Model generate(int elements) {
    std::mt19937 random(42);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const char* techs[] = {"postgresql", "mysql", "sqlite", "mongodb",
                           "redis",      "kafka", "duckdb", "pgvector"};
    Model model;
    model.name = "generated";
    const int contexts = std::max(1, elements / 50);
    for (int c = 0; c < contexts; ++c)
        model.contexts.push_back({"ctx" + std::to_string(c), {}, {}, {}, Json::object()});
    for (int i = 0; i < elements; ++i) {
        Element e;
        e.id = "el-" + std::to_string(i);
        e.name = "Element number " + std::to_string(i);
        e.description =
            "A generated element that stands in for a real service or store; the text pads the "
            "file to the size of a large hand-written model.";
        e.context = "ctx" + std::to_string(i % contexts);
        const int roll = pick(100);
        if (roll < 40)
            e.kind = ElementKind::Service;
        else if (roll < 50)
            e.kind = ElementKind::Function;
        else if (roll < 80)
            e.kind = ElementKind::Store;
        else if (roll < 90)
            e.kind = ElementKind::Cache;
        else if (roll < 95)
            e.kind = ElementKind::Stream;
        else
            e.kind = ElementKind::Pooler;
        if (!holdsData(e.kind)) {
            e.instances = 1 + pick(20);
            e.connectionsPerInstance = 1 + pick(10);
        } else {
            e.technology = techs[pick(8)];
            DataProfile d;
            d.volumeGB = pick(3000);
            d.growthGBPerMonth = pick(50);
            d.maxRecordKB = 1 + pick(20000);
            d.durability = pick(2) ? Durability::Critical : Durability::Normal;
            d.consistency = Consistency::Strong;
            d.queries = std::vector<QueryKind>{QueryKind::Key, QueryKind::Join};
            d.hosting = Hosting::Managed;
            d.structure = Structure::Relational;
            e.data = d;
            if (e.kind == ElementKind::Stream) {
                e.partitions = 1 + pick(24);
                e.replicationFactor = 1 + pick(3);
            }
        }
        model.elements.push_back(std::move(e));
    }
    for (int i = 0; i < 2 * elements; ++i) {
        Flow f;
        f.id = "flow-" + std::to_string(i);
        f.from = model.elements[static_cast<std::size_t>(pick(elements))].id;
        f.to = model.elements[static_cast<std::size_t>(pick(elements))].id;
        f.readsPerSecond = pick(5000);
        f.writesPerSecond = pick(2000);
        f.payloadKB = 1 + pick(8);
        f.peakFactor = 1 + pick(3);
        f.description = "generated flow";
        model.flows.push_back(std::move(f));
    }
    return model;
}

const Model& cached(int elements) {
    static std::map<int, Model> models;
    auto it = models.find(elements);
    if (it == models.end()) it = models.emplace(elements, generate(elements)).first;
    return it->second;
}

void fullAnalysis(benchmark::State& state) {
    const Model& model = cached(static_cast<int>(state.range(0)));
    const KnowledgeBase& kb = builtinKnowledge();
    for (auto _ : state)
        benchmark::DoNotOptimize(analyse(model, kb));
    state.SetLabel(std::to_string(model.elements.size()) + " elements, " +
                   std::to_string(model.flows.size()) + " flows");
}
BENCHMARK(fullAnalysis)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void incrementalEdit(benchmark::State& state) {
    Model model = cached(static_cast<int>(state.range(0)));
    Analysis analysis(builtinKnowledge());
    analysis.reset(model);
    std::size_t i = 0;
    for (auto _ : state) {
        // One edit per iteration, alternating a flow's rate and an element's instances.
        Flow& f = model.flows[(i * 7919) % model.flows.size()];
        f.writesPerSecond = f.writesPerSecond.value_or(0) + 1;
        analysis.flowChanged(model, f.id);
        Element& e = model.elements[(i * 104729) % model.elements.size()];
        e.instances = e.instances.value_or(1) + 1;
        analysis.elementChanged(model, e.id);
        ++i;
    }
    state.SetLabel("one flow edit + one element edit per iteration");
}
BENCHMARK(incrementalEdit)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

void checkFindings(benchmark::State& state) {
    const Model& model = cached(static_cast<int>(state.range(0)));
    const KnowledgeBase& kb = builtinKnowledge();
    const AnalysisResult analysis = analyse(model, kb);
    for (auto _ : state)
        benchmark::DoNotOptimize(evaluateRules(model, kb, analysis));
}
BENCHMARK(checkFindings)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void checkEndToEnd(benchmark::State& state) {
    static const std::string text = [] {
        std::string t = writeModelJson(cached(10000));
        const auto path = std::filesystem::temp_directory_path() / "plumbline-bench-10k.json";
        std::ofstream(path) << t;
        return t;
    }();
    const KnowledgeBase& kb = builtinKnowledge();
    std::size_t findings = 0;
    for (auto _ : state) {
        ModelReadResult read = readModelJson(text, "bench.json");
        const CheckResult result = check(*read.model, kb);
        const CheckReport report{*read.model, kb, result, {}, "bench.json", text, "bench"};
        const std::string out = checkToJson(report).dump();
        findings = result.findings.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetLabel(std::to_string(text.size() / 1024) + " KB JSON, " + std::to_string(findings) +
                   " findings");
}
BENCHMARK(checkEndToEnd)->Unit(benchmark::kMillisecond)->Iterations(3);

void parseOnly(benchmark::State& state) {
    const std::string text = writeModelJson(cached(10000));
    for (auto _ : state)
        benchmark::DoNotOptimize(readModelJson(text, "bench.json"));
}
BENCHMARK(parseOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();

// Importing a Structurizr workspace of 5,000 elements (goal: under 1 s): 50 software systems of
// 99 containers each (every tenth a database with a plumbline.volumeGB property), with a
// relationship from each container to the next and from every service to a database, as DSL
// and as workspace JSON; and writing the imported model back as DSL.
#include "plumbline/interop/structurizr.h"
#include "plumbline/interop/structurizr_dsl_writer.h"
#include "plumbline/knowledge.h"
#include "plumbline/model.h"

#include <benchmark/benchmark.h>
#include <stdexcept>
#include <string>

namespace {

constexpr int kSystems = 50;
constexpr int kContainers = 99; // 50 + 50 * 99 = 5,000 elements

std::string containerId(int s, int c) {
    return "c" + std::to_string(s) + "_" + std::to_string(c);
}

const std::string& dsl() {
    static const std::string text = [] {
        std::string out = "workspace \"Bench\" {\n model {\n";
        for (int s = 0; s < kSystems; ++s) {
            out += "  s" + std::to_string(s) + " = softwareSystem \"System " + std::to_string(s) +
                   "\" {\n";
            for (int c = 0; c < kContainers; ++c) {
                const bool db = c % 10 == 0;
                out += "   " + containerId(s, c) + " = container \"Container " + std::to_string(c) +
                       "\" \"Does things\" \"" + (db ? "PostgreSQL\" \"Database\"" : "Java\"");
                if (db) out += " {\n    properties {\n     plumbline.volumeGB 120\n    }\n   }";
                out += "\n";
            }
            out += "  }\n";
        }
        for (int s = 0; s < kSystems; ++s)
            for (int c = 1; c < kContainers; ++c)
                out += "  " + containerId(s, c) + " -> " + containerId(s, c - 1) +
                       " \"Calls\" \"HTTPS\"\n";
        out += " }\n views {\n  systemLandscape {\n   include *\n  }\n }\n}\n";
        return out;
    }();
    return text;
}

const std::string& json() {
    static const std::string text = [] {
        std::string out = "{\"name\": \"Bench\", \"model\": {\"softwareSystems\": [";
        int id = 0;
        for (int s = 0; s < kSystems; ++s) {
            const int systemId = ++id;
            out += std::string(s ? "," : "") + "{\"id\": \"" + std::to_string(systemId) +
                   "\", \"name\": \"System " + std::to_string(s) + "\", \"containers\": [";
            for (int c = 0; c < kContainers; ++c) {
                const bool db = c % 10 == 0;
                const int me = ++id;
                out += std::string(c ? "," : "") + "{\"id\": \"" + std::to_string(me) +
                       "\", \"name\": \"Container " + std::to_string(c) + "\", \"technology\": \"" +
                       (db ? "PostgreSQL\", \"tags\": \"Element,Container,Database\", "
                             "\"properties\": {\"plumbline.volumeGB\": \"120\"}"
                           : "Java\"");
                if (c > 0)
                    out += ", \"relationships\": [{\"id\": \"r" + std::to_string(me) +
                           "\", \"sourceId\": \"" + std::to_string(me) +
                           "\", \"destinationId\": \"" + std::to_string(me - 1) +
                           "\", \"description\": \"Calls\", \"technology\": \"HTTPS\"}]";
                out += "}";
            }
            out += "]}";
        }
        return out + "]}, \"views\": {}}";
    }();
    return text;
}

void importDsl(benchmark::State& state) {
    const std::string& text = dsl();
    for (auto _ : state) {
        auto result =
            plumb::interop::readStructurizrDsl({"bench.dsl", text, &plumb::builtinKnowledge()});
        if (!result.ok() || result.model->elements.size() != kSystems * kContainers)
            throw std::runtime_error("import failed");
        benchmark::DoNotOptimize(result);
    }
    state.counters["elements"] = kSystems + kSystems * kContainers;
    state.counters["bytes"] = static_cast<double>(text.size());
}

void importJson(benchmark::State& state) {
    const std::string& text = json();
    for (auto _ : state) {
        auto result =
            plumb::interop::readStructurizrJson({"bench.json", text, &plumb::builtinKnowledge()});
        if (!result.ok() || result.model->elements.size() != kSystems * kContainers)
            throw std::runtime_error("import failed");
        benchmark::DoNotOptimize(result);
    }
    state.counters["elements"] = kSystems + kSystems * kContainers;
}

void exportDsl(benchmark::State& state) {
    const auto model = *plumb::interop::readStructurizrDsl({"bench.dsl", dsl(), nullptr}).model;
    for (auto _ : state)
        benchmark::DoNotOptimize(plumb::interop::writeStructurizrDsl(model));
}

} // namespace

BENCHMARK(importDsl)->Unit(benchmark::kMillisecond);
BENCHMARK(importJson)->Unit(benchmark::kMillisecond);
BENCHMARK(exportDsl)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();

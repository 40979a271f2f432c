// Report generation on a generated 500-element model (10 contexts, each with services fronting
// stores, caches and streams). Targets: HTML within 1 s, PDF within 3 s.
// Set PLUMBLINE_BENCH_PDF=/path/out.pdf to keep the benchmark's PDF.
#include "plumbline/knowledge.h"
#include "plumbline/report.h"
#include "plumbline/ui/report/report_export.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdlib>

using namespace plumb;

namespace {

Model generatedModel(int elements) {
    Model m;
    m.name = "Generated platform";
    m.description = "500 elements in 10 bounded contexts, for the report benchmark.";
    const int contexts = 10;
    for (int c = 0; c < contexts; ++c)
        m.contexts.push_back({"ctx" + std::to_string(c), "Context " + std::to_string(c),
                              "Generated", "team" + std::to_string(c), Json::object()});
    Element actor;
    actor.id = "users";
    actor.kind = ElementKind::Actor;
    m.elements.push_back(actor);
    const char* techs[] = {"postgresql", "mongodb", "redis", "kafka", "sqlite"};
    for (int i = 1; i < elements; ++i) {
        Element e;
        e.id = "e" + std::to_string(i);
        e.name = "Element " + std::to_string(i);
        e.context = "ctx" + std::to_string(i % contexts);
        const int role = i % 5;
        e.kind = role == 0   ? ElementKind::Service
                 : role == 1 ? ElementKind::Store
                 : role == 2 ? ElementKind::Cache
                 : role == 3 ? ElementKind::Stream
                             : ElementKind::Store;
        if (e.kind == ElementKind::Service) e.instances = 4;
        if (holdsData(e.kind)) {
            e.technology = techs[(i / 5) % 5];
            if (e.kind == ElementKind::Cache) e.technology = "redis";
            if (e.kind == ElementKind::Stream) e.technology = "kafka";
            DataProfile d;
            d.volumeGB = 10.0 * (i % 40 + 1);
            d.growthGBPerMonth = 0.5 * (i % 7);
            e.data = d;
        }
        m.elements.push_back(e);
    }
    // Users call every service; each service reads and writes the four data elements after it.
    for (int i = 5; i < elements; i += 5) {
        m.flows.push_back({"u" + std::to_string(i),
                           "users",
                           "e" + std::to_string(i),
                           FlowStyle::Sync,
                           100.0,
                           10.0,
                           {},
                           3.0,
                           {},
                           Json::object()});
        for (int k = 1; k <= 4 && i + k < elements; ++k)
            m.flows.push_back({"f" + std::to_string(i) + "_" + std::to_string(k),
                               "e" + std::to_string(i),
                               "e" + std::to_string(i + k),
                               FlowStyle::Sync,
                               50.0 * k,
                               20.0 * k,
                               2.0,
                               2.0,
                               {},
                               Json::object()});
    }
    return m;
}

const Model& model500() {
    static const Model m = generatedModel(500);
    return m;
}

void BM_ReportHtml(benchmark::State& state) {
    for (auto _ : state) {
        const Report r = buildReport(model500(), builtinKnowledge(), {});
        benchmark::DoNotOptimize(writeReportHtml(r));
    }
}
BENCHMARK(BM_ReportHtml)->Unit(benchmark::kMillisecond);

void BM_ReportMarkdown(benchmark::State& state) {
    for (auto _ : state) {
        const Report r = buildReport(model500(), builtinKnowledge(), {});
        benchmark::DoNotOptimize(writeReportMarkdown(r));
    }
}
BENCHMARK(BM_ReportMarkdown)->Unit(benchmark::kMillisecond);

void BM_ReportPdf(benchmark::State& state) {
    // PLUMBLINE_BENCH_PDF keeps the output for inspection (page sizes, what dominates).
    QTemporaryDir dir;
    const char* keep = std::getenv("PLUMBLINE_BENCH_PDF");
    const std::string path = keep ? keep : dir.filePath("bench.pdf").toStdString();
    for (auto _ : state) {
        const Report r = buildReport(model500(), builtinKnowledge(), {});
        if (auto error = ui::writeReportPdf(r, path)) state.SkipWithError(error->c_str());
    }
}
BENCHMARK(BM_ReportPdf)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

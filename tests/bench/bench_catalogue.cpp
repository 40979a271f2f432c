// Per-keystroke cost of the catalogue browser's search box: the FTS query plus refilling the
// result list (goal: < 10 ms per keystroke, issue 6), and one what-if slider step of the
// charts panel on a generated 1,000-element model (goal: < 50 ms). Offscreen platform.
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/document.h"

#include <QApplication>
#include <benchmark/benchmark.h>
#include <random>

namespace {

void typeQuery(benchmark::State& state, const char* text) {
    plumb::ui::catalogue::CatalogueBrowser browser(plumb::builtinKnowledge());
    const QString query = QString::fromLatin1(text);
    qsizetype keystrokes = 0;
    for (auto _ : state) {
        // Every prefix, as typed: each keystroke runs a search.
        for (qsizetype i = 1; i <= query.size(); ++i)
            browser.setSearchText(query.left(i));
        keystrokes += query.size();
        browser.setSearchText(QString());
    }
    state.counters["seconds_per_keystroke"] = benchmark::Counter(
        static_cast<double>(keystrokes), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// A 1,000-element model shaped like bench_analysis's: 30% stores with volumes and growth,
// two flows per element with random rates.
plumb::Model generateModel(int elements) {
    std::mt19937 random(42);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const char* techs[] = {"postgresql", "mysql", "mongodb", "redis", "kafka", "pgvector"};
    plumb::Model model;
    for (int i = 0; i < elements; ++i) {
        plumb::Element e;
        e.id = "el-" + std::to_string(i);
        e.kind = pick(10) < 3 ? plumb::ElementKind::Store : plumb::ElementKind::Service;
        if (e.kind == plumb::ElementKind::Store) {
            e.technology = techs[pick(6)];
            plumb::DataProfile d;
            d.volumeGB = 1 + pick(3000);
            d.growthGBPerMonth = pick(50);
            e.data = d;
        } else {
            e.instances = 1 + pick(20);
        }
        model.elements.push_back(std::move(e));
    }
    for (int i = 0; i < 2 * elements; ++i) {
        plumb::Flow f;
        f.id = "flow-" + std::to_string(i);
        f.from = model.elements[static_cast<std::size_t>(pick(elements))].id;
        f.to = model.elements[static_cast<std::size_t>(pick(elements))].id;
        f.readsPerSecond = pick(5000);
        f.writesPerSecond = 1 + pick(2000);
        model.flows.push_back(std::move(f));
    }
    return model;
}

void sliderStep(benchmark::State& state) {
    plumb::Project project;
    project.model = generateModel(static_cast<int>(state.range(0)));
    plumb::ui::Document document(std::move(project));
    plumb::ui::charts::ChartsPanel panel(plumb::builtinKnowledge());
    panel.setDocument(&document);
    document.setSelection({QStringLiteral("el-3")});
    double scale = 1;
    for (auto _ : state) {
        scale = scale >= 900 ? 1 : scale * 1.12; // one slider step
        panel.setScale(scale);
    }
}

} // namespace

BENCHMARK(sliderStep)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(typeQuery, cache_invalidation, "cache invalidation")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(typeQuery, serverless_connections, "serverless connections")
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// The diagram at scale: a generated 5,000-element / 10,000-flow model. Targets (issue 5):
// open (load + scene build) within 1 s; a full 1600x1000 repaint at "fit" zoom within 16 ms.
// Run: QT_QPA_PLATFORM=offscreen ./bench_diagram

#include "plumbline/model_json.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <benchmark/benchmark.h>
#include <random>

using namespace plumb;
using namespace plumb::ui;

namespace {

constexpr int kContexts = 50;
constexpr int kPerContext = 100;
constexpr int kFlows = 10000;

// 50 contexts in a 10x5 grid, each holding 100 elements in a 10x10 grid; flows mostly within
// a context, one in five across.
Model generatedModel() {
    Model model;
    std::mt19937 random(42);
    const auto box = [](std::string id, double x, double y, double w, double h) {
        LayoutBox b;
        b.id = std::move(id);
        b.x = x;
        b.y = y;
        b.width = w;
        b.height = h;
        return b;
    };
    for (int c = 0; c < kContexts; ++c) {
        const double cx = (c % 10) * 2400.0, cy = (c / 10) * 1300.0;
        Context context;
        context.id = "context-" + std::to_string(c);
        context.name = "Context " + std::to_string(c);
        model.contexts.push_back(context);
        model.layout.push_back(box(context.id, cx, cy, 2300, 1200));
        for (int i = 0; i < kPerContext; ++i) {
            Element element;
            element.id = "e-" + std::to_string(c) + "-" + std::to_string(i);
            element.name = "Element " + std::to_string(c * kPerContext + i);
            element.kind = static_cast<ElementKind>(i % 9);
            element.context = context.id;
            if (element.kind == ElementKind::Store) element.technology = "postgresql";
            model.elements.push_back(element);
            model.layout.push_back(
                box(element.id, cx + 40 + (i % 10) * 224.0, cy + 50 + (i / 10) * 112.0, 200, 72));
        }
    }
    std::uniform_int_distribution<int> contextPick(0, kContexts - 1),
        elementPick(0, kPerContext - 1);
    for (int f = 0; f < kFlows; ++f) {
        const int c = contextPick(random);
        const int other = f % 5 == 0 ? contextPick(random) : c;
        Flow flow;
        flow.id = "f-" + std::to_string(f);
        flow.from = "e-" + std::to_string(c) + "-" + std::to_string(elementPick(random));
        flow.to = "e-" + std::to_string(other) + "-" + std::to_string(elementPick(random));
        flow.style = static_cast<FlowStyle>(f % 5);
        flow.readsPerSecond = 100 + f % 900;
        flow.writesPerSecond = f % 300;
        model.flows.push_back(flow);
    }
    model.present.layout = true;
    return model;
}

const Model& sharedModel() {
    static const Model model = generatedModel();
    return model;
}

void BM_SceneBuild(benchmark::State& state) {
    Project project;
    project.model = sharedModel();
    Document document(project);
    for (auto _ : state) {
        diagram::DiagramScene scene;
        scene.setDocument(&document);
        benchmark::DoNotOptimize(scene.elementCount());
    }
}
BENCHMARK(BM_SceneBuild)->Unit(benchmark::kMillisecond);

void BM_OpenJsonAndBuildScene(benchmark::State& state) {
    const std::string json = writeModelJson(sharedModel());
    for (auto _ : state) {
        auto result = readModelJson(json, "generated.json");
        Project project;
        project.model = std::move(*result.model);
        Document document(project);
        diagram::DiagramScene scene;
        scene.setDocument(&document);
        benchmark::DoNotOptimize(scene.flowCount());
    }
}
BENCHMARK(BM_OpenJsonAndBuildScene)->Unit(benchmark::kMillisecond);

void repaint(benchmark::State& state, bool fit) {
    Project project;
    project.model = sharedModel();
    Document document(project);
    diagram::DiagramScene scene;
    scene.setDocument(&document);
    diagram::DiagramView view(&scene);
    view.resize(1600, 1000);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    if (fit) {
        view.zoomToFit();
    } else {
        view.setZoom(1.0);
        view.centerOn(scene.boxOf("e-22-55").center());
    }
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.render(&painter, QRectF(0, 0, 1600, 1000), view.viewport()->rect());
    }
    state.counters["zoom"] = view.zoom();
}

void BM_RepaintFit(benchmark::State& state) {
    repaint(state, true);
}
BENCHMARK(BM_RepaintFit)->Unit(benchmark::kMillisecond);

void BM_Repaint100Percent(benchmark::State& state) {
    repaint(state, false);
}
BENCHMARK(BM_Repaint100Percent)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    initResources();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

// The diagram at scale: a generated 5,000-element / 10,000-flow model. Targets (issue 5):
// open (load + scene build) within 1 s; a full 1600x1000 repaint at "fit" zoom and at 100%
// within 16 ms; auto-layout of 500 elements within 2 s (on the worker thread).
// Run: QT_QPA_PLATFORM=offscreen ./bench_diagram

#include "plumbline/model_json.h"
#include "plumbline/ui/diagram/auto_layout.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/kind_icons.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QUndoStack>
#include <benchmark/benchmark.h>
#include <memory>
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
    // For finding where the time goes: PLUMBLINE_BENCH_HIDE=flows (or elements, contexts)
    // hides those items.
    const QByteArray hide = qgetenv("PLUMBLINE_BENCH_HIDE");
    for (QGraphicsItem* item : scene.items())
        if ((hide == "flows" && item->type() == diagram::FlowItemType) ||
            (hide == "elements" && item->type() == diagram::ElementItemType) ||
            (hide == "contexts" && item->type() == diagram::ContextItemType))
            item->hide();
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.render(&painter, QRectF(0, 0, 1600, 1000), view.viewport()->rect());
    }
    state.counters["zoom"] = view.zoom();
    state.counters["items"] = static_cast<double>(
        scene.items(view.mapToScene(view.viewport()->rect()).boundingRect()).size());
}

void BM_RepaintFit(benchmark::State& state) {
    repaint(state, true);
}
BENCHMARK(BM_RepaintFit)->Unit(benchmark::kMillisecond);

void BM_Repaint100Percent(benchmark::State& state) {
    repaint(state, false);
}
BENCHMARK(BM_Repaint100Percent)->Unit(benchmark::kMillisecond);

// Dragging one element of the 5,000-element model at 100%: each mouse move re-routes its flows
// and repaints the 1600x1000 viewport (BM_DragStep); the drop is one undo command, which the
// live findings re-analyse incrementally (BM_DropWithFindings). Target: 16 ms each.
struct DragFixture {
    Project project;
    std::unique_ptr<Document> document;
    diagram::DiagramScene scene;
    std::unique_ptr<diagram::DiagramView> view;
    std::unique_ptr<FindingsModel> findings;
    QImage image{1600, 1000, QImage::Format_ARGB32_Premultiplied};
    DragFixture() {
        project.model = sharedModel();
        document = std::make_unique<Document>(project);
        scene.setDocument(document.get());
        findings = std::make_unique<FindingsModel>();
        findings->setDocument(document.get());
        view = std::make_unique<diagram::DiagramView>(&scene);
        view->resize(1600, 1000);
        view->setZoom(1.0);
        view->centerOn(scene.boxOf("e-22-55").center());
    }
    void repaint() {
        QPainter painter(&image);
        view->render(&painter, QRectF(0, 0, 1600, 1000), view->viewport()->rect());
    }
};

void BM_DragStep(benchmark::State& state) {
    DragFixture f;
    diagram::ElementItem* item = f.scene.elementItem(QStringLiteral("e-22-55"));
    const QPointF start = item->pos();
    int step = 0;
    for (auto _ : state) {
        item->setPos(start + QPointF(8 * (step % 20), 8 * ((step / 20) % 2)));
        ++step;
        f.repaint();
    }
}
BENCHMARK(BM_DragStep)->Unit(benchmark::kMillisecond);

void BM_DropWithFindings(benchmark::State& state) {
    DragFixture f;
    const QRectF box = f.scene.boxOf(QStringLiteral("e-22-55"));
    int step = 0;
    for (auto _ : state) {
        LayoutBox moved{"e-22-55",    box.x() + 8 * (++step % 2),
                        box.y(),      box.width(),
                        box.height(), Json::object()};
        f.document->undoStack()->push(
            new diagram::SetLayoutBoxesCommand(f.document.get(), {moved}, QStringLiteral("Move")));
        f.repaint();
    }
}
BENCHMARK(BM_DropWithFindings)->Unit(benchmark::kMillisecond);

// 500 elements without a layout: 20 contexts of 24, 20 elements outside any context, flows
// mostly inside a context (with a hub per context: dot's worst case) and some across.
Model layoutModel() {
    Model model;
    std::mt19937 random(7);
    for (int c = 0; c < 20; ++c) {
        Context context;
        context.id = "c" + std::to_string(c);
        model.contexts.push_back(context);
    }
    for (int i = 0; i < 500; ++i) {
        Element element;
        element.id = "e" + std::to_string(i);
        element.kind = static_cast<ElementKind>(i % 9);
        if (i < 480) element.context = "c" + std::to_string(i / 24);
        model.elements.push_back(element);
    }
    std::uniform_int_distribution<int> inContext(0, 23), anywhere(0, 499);
    for (int f = 0; f < 1000; ++f) {
        const int c = f % 20;
        Flow flow;
        flow.id = "f" + std::to_string(f);
        const int hub = c * 24;
        flow.from = "e" + std::to_string(f % 3 == 0 ? hub : c * 24 + inContext(random));
        flow.to = "e" + std::to_string(f % 7 == 0 ? anywhere(random) : c * 24 + inContext(random));
        model.flows.push_back(flow);
    }
    return model;
}

void BM_AutoLayout500(benchmark::State& state) {
    const Model model = layoutModel();
    for (auto _ : state) {
        auto boxes = autoLayout(model);
        benchmark::DoNotOptimize(boxes.data());
    }
}
BENCHMARK(BM_AutoLayout500)->Unit(benchmark::kMillisecond)->UseRealTime();

// Opening the 5,000-element model without a layout: the provisional layout must not hang.
void BM_SceneBuildWithoutLayout(benchmark::State& state) {
    Project project;
    project.model = sharedModel();
    project.model.layout.clear();
    project.model.present.layout = false;
    Document document(project);
    for (auto _ : state) {
        diagram::DiagramScene scene;
        scene.setDocument(&document);
        benchmark::DoNotOptimize(scene.elementCount());
    }
}
BENCHMARK(BM_SceneBuildWithoutLayout)->Unit(benchmark::kMillisecond)->UseRealTime();

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

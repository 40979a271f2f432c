// Import of a 5,000-cell draw.io diagram (2,500 shapes in 50 swimlanes, 2,450 edges): target 1 s.
#include "plumbline/interop/importer.h"
#include "plumbline/knowledge.h"

#include <benchmark/benchmark.h>
#include <string>

namespace {

std::string diagram(int shapes) {
    std::string out = "<mxfile><diagram name=\"big\"><mxGraphModel><root><mxCell id=\"0\"/>"
                      "<mxCell id=\"1\" parent=\"0\"/>";
    for (int lane = 0; lane < 50; ++lane)
        out += "<mxCell id=\"lane" + std::to_string(lane) + "\" value=\"Context " +
               std::to_string(lane) +
               "\" style=\"swimlane;\" vertex=\"1\" parent=\"1\"><mxGeometry x=\"" +
               std::to_string(lane * 400) +
               "\" y=\"0\" width=\"380\" height=\"4000\" as=\"geometry\"/></mxCell>";
    for (int i = 0; i < shapes; ++i) {
        const bool store = i % 3 == 0;
        out += "<object id=\"c" + std::to_string(i) + "\" label=\"" +
               (store ? "Orders DB " : "Service ") + std::to_string(i) +
               "\" plumbline.volumeGB=\"12\"><mxCell style=\"" +
               (store ? "shape=cylinder3;" : "rounded=1;html=1;") +
               "\" vertex=\"1\" parent=\"lane" + std::to_string(i % 50) +
               "\"><mxGeometry x=\"10\" y=\"" + std::to_string(30 + (i / 50) * 70) +
               "\" width=\"120\" height=\"60\" as=\"geometry\"/></mxCell></object>";
    }
    for (int i = 1; i < shapes - 50; ++i)
        out += "<mxCell id=\"e" + std::to_string(i) +
               "\" value=\"sync\" edge=\"1\" parent=\"1\" source=\"c" + std::to_string(i) +
               "\" target=\"c" + std::to_string(i - 1) +
               "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>";
    return out + "</root></mxGraphModel></diagram></mxfile>";
}

void BM_ImportDrawio5000Cells(benchmark::State& state) {
    const std::string text = diagram(2500);
    const plumb::KnowledgeBase& kb = plumb::builtinKnowledge();
    const plumb::interop::Importer* importer = plumb::interop::detectImporter(text);
    for (auto _ : state) {
        auto result = importer->read({"big.drawio", text, &kb});
        if (!result.ok()) state.SkipWithError(result.errors.front().toString().c_str());
        benchmark::DoNotOptimize(result);
    }
}
BENCHMARK(BM_ImportDrawio5000Cells)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();

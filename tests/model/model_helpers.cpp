#include "model_helpers.h"

#include <QTest>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace testing {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string dataPath(const std::string& relative) {
    return std::string(PLUMBLINE_TEST_DATA) + "/" + relative;
}

std::string examplePath(const std::string& fileName) {
    return std::string(PLUMBLINE_SOURCE_DIR) + "/resources/examples/" + fileName;
}

std::vector<std::string> exampleFiles() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(examplePath("")))
        if (entry.path().extension() == ".json") out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

bool sameJson(const std::string& a, const std::string& b) {
    return nlohmann::json::parse(a) == nlohmann::json::parse(b);
}

plumb::Model readModelOrFail(const std::string& path) {
    auto result = plumb::readModelJson(readText(path), path);
    if (!result.ok()) {
        qWarning("%s", result.errors.front().toString().c_str());
        return {};
    }
    return *result.model;
}

plumb::LayoutBox box(const std::string& id, double x, double y, double width, double height) {
    return plumb::LayoutBox{id, x, y, width, height, plumb::Json::object()};
}

plumb::Element element(const std::string& id, plumb::ElementKind kind, plumb::Text context,
                       plumb::Number instances, plumb::Text technology) {
    plumb::Element e;
    e.id = id;
    e.kind = kind;
    e.context = std::move(context);
    e.instances = instances;
    e.technology = std::move(technology);
    return e;
}

plumb::Flow flow(const std::string& id, const std::string& from, const std::string& to,
                 plumb::Number reads, plumb::Number writes, plumb::Number peak) {
    plumb::Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.readsPerSecond = reads;
    f.writesPerSecond = writes;
    f.peakFactor = peak;
    return f;
}

plumb::Element RandomModels::element(const std::string& id) {
    using plumb::ElementKind;
    static const std::vector<ElementKind> kinds{
        ElementKind::Service, ElementKind::Function, ElementKind::Store, ElementKind::Cache,
        ElementKind::Stream,  ElementKind::Pooler,   ElementKind::Actor};
    static const std::vector<std::string> techs{"postgresql", "sqlite", "redis", "kafka",
                                                "turso",      "duckdb", "nope"};
    plumb::Element e = testing::element(
        id, kinds[pick(kinds.size())], "ctx" + std::to_string(pick(3)),
        pick(3) ? plumb::Number(double(1 + pick(20))) : std::nullopt, techs[pick(techs.size())]);
    if (pick(2)) e.connectionsPerInstance = double(1 + pick(10));
    e.data = plumb::DataProfile{};
    if (pick(2)) e.data->volumeGB = double(pick(5000));
    if (pick(2)) e.data->growthGBPerMonth = double(pick(50));
    if (pick(2)) e.data->tenants = double(1 + pick(100));
    if (pick(3) == 0) e.data->durability = plumb::Durability::Critical;
    if (pick(2)) e.data->replicas = double(pick(3));
    return e;
}

plumb::Flow RandomModels::flow(const std::string& id, const plumb::Model& model) {
    const auto& from = model.elements[pick(model.elements.size())].id;
    const auto& to = model.elements[pick(model.elements.size())].id;
    plumb::Flow f = testing::flow(id, from, to,
                                  pick(3) ? plumb::Number(double(pick(1000)) + 0.1) : std::nullopt,
                                  pick(3) ? plumb::Number(double(pick(1000)) + 0.3) : std::nullopt,
                                  pick(2) ? plumb::Number(1.0 + double(pick(4))) : std::nullopt);
    if (pick(2)) f.style = plumb::FlowStyle::Cdc;
    return f;
}

} // namespace testing

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

} // namespace testing

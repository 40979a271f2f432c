#pragma once
// Shared by the model suites: fixtures and JSON comparison that ignores key order.

#include "plumbline/model_json.h"

#include <nlohmann/json.hpp>
#include <random>
#include <string>

namespace testing {

std::string readText(const std::string& path);
std::string dataPath(const std::string& relative);    // under tests/data
std::string examplePath(const std::string& fileName); // under resources/examples
std::vector<std::string> exampleFiles();              // every resources/examples/*.json
// Same JSON value, whatever the key order (the contract's notion of "identical").
bool sameJson(const std::string& a, const std::string& b);
plumb::Model readModelOrFail(const std::string& path);
// A layout box with every coordinate set (an element's default size unless given).
plumb::LayoutBox box(const std::string& id, double x, double y, double width = 200,
                     double height = 72);
// An element with only these fields set; everything else left unset.
plumb::Element element(const std::string& id, plumb::ElementKind kind, plumb::Text context = {},
                       plumb::Number instances = {}, plumb::Text technology = {});
// A flow with only its ends and these rates set (no style, payload or description).
plumb::Flow flow(const std::string& id, const std::string& from, const std::string& to,
                 plumb::Number reads, plumb::Number writes, plumb::Number peak = {});

// Random elements and flows for the "incremental equals full" tests (analysis, live check):
// every kind, a few technologies (one unknown), estimates present or missing.
class RandomModels {
public:
    explicit RandomModels(unsigned seed) : random_(seed) {}
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(random_() % n); }
    plumb::Element element(const std::string& id);
    // A flow between two random elements of `model` (which must have elements).
    plumb::Flow flow(const std::string& id, const plumb::Model& model);

private:
    std::mt19937 random_;
};

} // namespace testing

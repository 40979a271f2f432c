#pragma once
// Shared by the model suites: fixtures and JSON comparison that ignores key order.

#include "plumbline/model_json.h"

#include <nlohmann/json.hpp>
#include <string>

namespace testing {

std::string readText(const std::string& path);
std::string dataPath(const std::string& relative);    // under tests/data
std::string examplePath(const std::string& fileName); // under resources/examples
std::vector<std::string> exampleFiles();              // every resources/examples/*.json
// Same JSON value, whatever the key order (the contract's notion of "identical").
bool sameJson(const std::string& a, const std::string& b);
plumb::Model readModelOrFail(const std::string& path);

} // namespace testing

#pragma once
// Reading and writing the model's JSON interchange format (model-format.md).

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plumb {

struct ModelReadResult {
    std::optional<Model> model;     // set when the input is a valid model
    std::vector<InputError> errors; // every problem found, in document order

    bool ok() const { return model.has_value(); }
};

// Turns a document of format version N into version N + 1. Migrations only ever add meaning:
// they rename or restructure fields the newer version understands differently.
using ModelMigration = std::function<void(Json& document)>;

struct ModelReadOptions {
    // Nesting deeper than this is refused before parsing (nlohmann's DOM builder and its
    // destructor would otherwise recurse without bound on hostile input).
    int maxDepth = 128;
    // Larger documents are refused with a clear message instead of exhausting memory.
    std::size_t maxBytes = std::size_t{512} << 20;
    // Version N -> N + 1, keyed by N. Empty today: version 1 is the first released format.
    std::map<int, ModelMigration> migrations;
    // At most this many errors are collected; a file that is wrong everywhere needs no more.
    std::size_t maxErrors = 100;
    // A valid model is read straight from the parser's events, without the document's DOM;
    // false reads every document through its DOM (tests compare the two).
    bool streamed = true;
};

ModelReadResult readModelJson(std::string_view text, const std::string& fileName,
                              const ModelReadOptions& options = {});

// The model as the contract's JSON object: known fields in contract order, then the unknown
// fields each object carried, in their original order.
Json modelToJson(const Model& model);
std::string writeModelJson(const Model& model, int indent = 2);

} // namespace plumb

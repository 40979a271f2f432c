#pragma once
// What a draw.io shape says about an element: its kind from the style (cylinder, data-store,
// C4 c4Type, AWS/Azure/GCP icons), a technology the icon implies, whether it is a container.

#include "plumbline/vocabulary.h"

#include <map>
#include <optional>
#include <string>

namespace plumb::interop::drawio {

struct ShapeMeaning {
    std::optional<ElementKind> kind;
    std::string why;        // "store: cylinder shape"
    std::string technology; // a technology the icon names ("dynamodb", "Amazon S3"); may be empty
    std::optional<Structure> structure;
    bool container = false;  // swimlane, group, AWS group, C4 boundary: may become a context
    bool decoration = false; // text, padlocks, icons that are not elements
};

using Style = std::map<std::string, std::string>;

// `attributes` are the wrapping <object>'s (c4Type, ...).
ShapeMeaning shapeMeaning(const Style& style, const std::map<std::string, std::string>& attributes);

} // namespace plumb::interop::drawio

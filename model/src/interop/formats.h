#pragma once
// The importers of this folder, for the registry in importers.cpp.

#include "plumbline/interop/importer.h"

#include <string_view>
#include <vector>

namespace plumb::interop {

// Files larger than this are refused by every importer before parsing.
inline constexpr std::size_t kMaxImportBytes = std::size_t{256} << 20;

extern const Importer kDrawioImporter;
extern const Importer kThreatDragonImporter;
extern const Importer kOtmImporter;

// The top-level keys of a JSON object, found by one scan without building a DOM (strings and
// nesting understood); empty when the text does not start with '{'. Stops after `limit` keys.
std::vector<std::string> topLevelJsonKeys(std::string_view text, std::size_t limit = 64);

} // namespace plumb::interop

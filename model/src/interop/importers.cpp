#include "interop/formats.h"
#include "plumbline/interop/importer.h"
#include "plumbline/interop/structurizr.h"

namespace plumb::interop {

// Each format adds its Importer here; the order matters only where two could claim a file.
const std::vector<Importer>& importers() {
    static const std::vector<Importer> all = {kDrawioImporter, kThreatDragonImporter, kOtmImporter,
                                              structurizrJsonImporter(), structurizrDslImporter()};
    return all;
}

const Importer* detectImporter(std::string_view content) {
    for (const Importer& importer : importers())
        if (importer.detect && importer.detect(content)) return &importer;
    return nullptr;
}

} // namespace plumb::interop

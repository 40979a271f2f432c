#pragma once
// Reading other tools' files (Structurizr, draw.io, OWASP Threat Dragon, Open Threat Model)
// into a Model, with a report of every guess the mapping made. Each format is one Importer; a
// file's format is found from its content, never from its name (`workspace.json` is also an
// Nx/Angular file).

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plumb {
class KnowledgeBase;
}

namespace plumb::interop {

// One line of the import report: what happened to one item of the source file.
struct ImportNote {
    enum class Kind {
        Mapped,   // taken over as it was ("container 'API' -> service")
        Inferred, // a guess, with what it was guessed from ("store: tagged Database")
        Dropped,  // left out, with why ("view 'SystemContext': views are not modelled")
        Note,     // about the whole file ("directions merged into initiator -> target")
    };
    Kind kind = Kind::Mapped;
    std::string element;  // the Plumbline id it concerns; empty for whole-file notes
    std::string sourceId; // the id, name or line in the source file
    std::string text;

    bool operator==(const ImportNote&) const = default;
};

struct ImportReport {
    std::string format; // Importer::format of the reader that ran
    std::string file;
    std::vector<ImportNote> notes;
};

struct ImportResult {
    std::optional<Model> model;
    ImportReport report;
    std::vector<InputError> errors; // at least one when there is no model
    bool ok() const { return model.has_value(); }
};

struct ImportSource {
    std::string path;         // for messages, and the folder of relative includes
    std::string_view content; // the whole file as read
    // Technology strings resolve through its names and aliases; null: kept as written.
    const KnowledgeBase* knowledge = nullptr;
};

struct Importer {
    std::string_view format; // stable name: "structurizr-dsl", "drawio", ...
    std::string_view title;  // for people: "Structurizr DSL"
    // True when `content` is this format. Cheap: looks at the first bytes or top-level keys.
    bool (*detect)(std::string_view content) = nullptr;
    ImportResult (*read)(const ImportSource& source) = nullptr;
};

// Every importer, in the order detection tries them.
const std::vector<Importer>& importers();

// The importer that recognises `content`, or null.
const Importer* detectImporter(std::string_view content);

} // namespace plumb::interop

#include "plumbline/interop/import_report_text.h"

#include <map>

namespace plumb::interop {

std::string importReportText(const ImportReport& report, const Model* model) {
    std::string out = "Imported " + report.file + " (" + report.format + ")";
    if (model)
        out += ": " + std::to_string(model->elements.size()) + " elements, " +
               std::to_string(model->contexts.size()) + " contexts, " +
               std::to_string(model->flows.size()) + " flows";
    out += "\n";
    std::size_t guesses = 0, drops = 0;
    for (const ImportNote& n : report.notes) {
        guesses += n.kind == ImportNote::Kind::Inferred;
        drops += n.kind == ImportNote::Kind::Dropped;
    }
    out += std::to_string(guesses) + " guesses and " + std::to_string(drops) +
           " items left out, each below; check the guesses before trusting the findings.\n";
    for (const ImportNote& n : report.notes)
        if (n.kind == ImportNote::Kind::Note) out += "\nNote: " + n.text + "\n";
    // Per element, in the order they were first mentioned.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const ImportNote*>> byElement;
    for (const ImportNote& n : report.notes) {
        if (n.kind == ImportNote::Kind::Note || n.kind == ImportNote::Kind::Dropped) continue;
        if (!byElement.count(n.element)) order.push_back(n.element);
        byElement[n.element].push_back(&n);
    }
    if (!order.empty()) out += "\nWhat was read, and what was guessed from what:\n";
    for (const std::string& id : order) {
        const ImportNote* first = byElement[id].front();
        std::string name = id;
        if (model)
            if (const Element* e = model->findElement(id); e && e->name && *e->name != id)
                name += " \"" + *e->name + "\"";
        out += "  " + name + (first->sourceId.empty() ? "" : " (source " + first->sourceId + ")") +
               "\n";
        for (const ImportNote* n : byElement[id])
            out += std::string("    ") +
                   (n->kind == ImportNote::Kind::Inferred ? "guessed " : "read    ") + n->text +
                   "\n";
    }
    if (drops) out += "\nLeft out:\n";
    for (const ImportNote& n : report.notes)
        if (n.kind == ImportNote::Kind::Dropped)
            out +=
                "  " + (n.sourceId.empty() ? std::string("-") : n.sourceId) + ": " + n.text + "\n";
    return out;
}

} // namespace plumb::interop

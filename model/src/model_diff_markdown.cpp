// `plumbline diff --format markdown`: a pull-request comment. A reviewer reads the summary line,
// then what the change does to the findings (new ones first: they are what blocks a merge), then
// the stores whose load or technology changed, then the item-level list folded away.
#include "plumbline/model_diff.h"
#include "plumbline/report_escape.h"

namespace plumb {
namespace {

std::string severityName(Severity s) {
    return std::string(spelling(s));
}

// Ids as inline HTML code: a Markdown code span would show escaping backslashes literally, and
// a pipe would end the table cell even inside one.
std::string code(const std::string& text) {
    std::string out;
    for (char c : escapeHtml(text))
        out += c == '|' ? std::string("&#124;") : std::string(1, c);
    return "<code>" + out + "</code>";
}

void findingRow(std::ostream& out, const std::string& change, const std::string& severity,
                const FindingSummary& f) {
    out << "| " << change << " | " << severity << " | "
        << (f.element.empty() ? std::string("whole model") : code(f.element)) << " | "
        << escapeMarkdown(f.title) << " (" << code(f.rule) << ")" << (f.waived ? ", waived" : "")
        << " |\n";
}

void collectionList(std::ostream& out, const char* heading, const CollectionDiff& c) {
    if (c.added.empty() && c.removed.empty() && c.changed.empty() && c.renamed.empty()) return;
    out << "\n**" << heading << "**\n\n";
    for (const auto& id : c.added)
        out << "- added " << code(id) << "\n";
    for (const auto& id : c.removed)
        out << "- removed " << code(id) << "\n";
    for (const auto& r : c.renamed)
        out << "- renamed " << code(r.oldId) << " \"" << escapeMarkdown(r.oldName) << "\" to "
            << code(r.newId) << " \"" << escapeMarkdown(r.newName) << "\"\n";
    for (const auto& ch : c.changed) {
        out << "- changed " << code(ch.id) << ": ";
        for (std::size_t i = 0; i < ch.fields.size(); ++i)
            out << (i ? "; " : "") << escapeMarkdown(fieldChangeText(ch.fields[i]));
        out << "\n";
    }
}

} // namespace

void writeDiffMarkdown(std::ostream& out, const ModelDiff& d) {
    const auto& f = d.findings;
    out << "### Plumbline: " << escapeMarkdown(d.newName.empty() ? d.newLabel : d.newName)
        << "\n\n";
    out << "**" << f.added.size() << " new finding" << (f.added.size() == 1 ? "" : "s") << ", "
        << f.fixed.size() << " fixed, " << f.changed.size() << " changed severity** · "
        << d.addedCount() << " added, " << d.removedCount() << " removed, " << d.changedCount()
        << " changed (" << code(d.oldLabel) << " → " << code(d.newLabel) << ")\n";

    if (!f.added.empty() || !f.fixed.empty() || !f.changed.empty()) {
        out << "\n| change | severity | element | finding |\n| --- | --- | --- | --- |\n";
        for (const auto& n : f.added)
            findingRow(out, "🆕 new", severityName(n.severity), n);
        for (const auto& c : f.changed)
            findingRow(out, "changed",
                       severityName(c.oldSeverity) + " → " + severityName(c.finding.severity),
                       c.finding);
        for (const auto& x : f.fixed)
            findingRow(out, "✅ fixed", severityName(x.severity), x);
    }

    if (!d.stores.empty()) {
        out << "\n| store | change (derived load) |\n| --- | --- |\n";
        for (const auto& s : d.stores)
            out << "| " << code(s.element) << " " << escapeMarkdown(s.name) << " | "
                << escapeMarkdown(storeLoadText(s)) << " |\n";
    }

    if (d.addedCount() + d.removedCount() + d.changedCount() > 0) {
        out << "\n<details><summary>Model changes</summary>\n";
        collectionList(out, "Elements", d.elements);
        collectionList(out, "Contexts", d.contexts);
        collectionList(out, "Flows", d.flows);
        out << "\n</details>\n";
    } else {
        out << "\nNo model changes.\n";
    }
}

} // namespace plumb

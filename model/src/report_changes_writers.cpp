#include "report_changes_writers.h"

#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"

namespace plumb {

std::string changesSectionHtml(const Report& r) {
    if (!r.changes) return "";
    const ReportChanges& c = *r.changes;
    auto h = [](std::string_view text) { return escapeHtml(text); };
    std::string out = "<section id=\"changes\"><h2>Changes since " + h(c.since) + "</h2>\n<p>" +
                      h(c.summary) + "</p>\n";
    if (!c.findings.empty()) {
        out += "<table><thead><tr><th>Change</th><th>Severity</th><th>Where</th><th>Finding</th>"
               "</tr></thead><tbody>\n";
        for (const auto& f : c.findings)
            out += "<tr><td>" + h(f.change) + "</td><td><span class=\"pill " +
                   std::string(spelling(f.severity)) + "\">" + severityTitle(f.severity) +
                   "</span></td><td>" + h(f.where) + "</td><td>" + h(f.title) + " <code>" +
                   h(f.rule) + "</code></td></tr>\n";
        out += "</tbody></table>\n";
    }
    if (!c.stores.empty()) {
        out += "<h3>Stores whose load or technology changed</h3>\n<table><thead><tr><th>Store"
               "</th><th>Change (derived load)</th></tr></thead><tbody>\n";
        for (const auto& [name, change] : c.stores)
            out += "<tr><td>" + h(name) + "</td><td>" + h(change) + "</td></tr>\n";
        out += "</tbody></table>\n";
    }
    if (!c.modelChanges.empty()) {
        out += "<h3>Model changes</h3>\n<ul>\n";
        for (const auto& line : c.modelChanges)
            out += "<li>" + h(line) + "</li>\n";
        out += "</ul>\n";
    } else if (c.modelKnown) {
        out += "<p>The model itself did not change.</p>\n";
    }
    return out + "</section>\n";
}

std::string changesSectionMarkdown(const Report& r) {
    if (!r.changes) return "";
    const ReportChanges& c = *r.changes;
    auto md = [](std::string_view text) { return escapeMarkdown(text); };
    std::string out = "## Changes since " + md(c.since) + "\n\n" + md(c.summary) + "\n\n";
    if (!c.findings.empty()) {
        out += "| Change | Severity | Where | Finding |\n| --- | --- | --- | --- |\n";
        for (const auto& f : c.findings)
            out += "| " + md(f.change) + " | " + severityTitle(f.severity) + " | " + md(f.where) +
                   " | " + md(f.title) + " (" + md(f.rule) + ") |\n";
        out += "\n";
    }
    if (!c.stores.empty()) {
        out += "| Store | Change (derived load) |\n| --- | --- |\n";
        for (const auto& [name, change] : c.stores)
            out += "| " + md(name) + " | " + md(change) + " |\n";
        out += "\n";
    }
    for (const auto& line : c.modelChanges)
        out += "- " + md(line) + "\n";
    if (!c.modelChanges.empty()) out += "\n";
    return out;
}

} // namespace plumb

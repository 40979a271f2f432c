// The report's "Changes since OLD" section (report.h ReportChanges), from model_diff.h.
#include "plumbline/report.h"

namespace plumb {
namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void listCollection(const CollectionDiff& c, const char* kind, std::vector<std::string>& out) {
    for (const auto& id : c.added)
        out.push_back(std::string("Added ") + kind + " " + id);
    for (const auto& id : c.removed)
        out.push_back(std::string("Removed ") + kind + " " + id);
    for (const auto& r : c.renamed)
        out.push_back(std::string("Renamed ") + kind + " " + r.oldId + " \"" + r.oldName +
                      "\" to " + r.newId + " \"" + r.newName + "\"");
    for (const auto& ch : c.changed) {
        std::string line = std::string("Changed ") + kind + " " + ch.id + ": ";
        for (std::size_t i = 0; i < ch.fields.size(); ++i)
            line += (i ? "; " : "") + fieldChangeText(ch.fields[i]);
        out.push_back(std::move(line));
    }
}

} // namespace

ReportChanges reportChanges(const Report& report, const ReportBaseline& baseline,
                            const KnowledgeBase& knowledge, const CheckOptions& options,
                            const CheckResult& now) {
    ReportChanges changes;
    changes.since = baseline.label;
    ModelDiff diff;
    if (baseline.model) {
        const CheckResult before =
            check(*baseline.model, baseline.knowledge ? *baseline.knowledge : knowledge, options);
        diff = diffModels({*baseline.model, before, baseline.label},
                          {report.model, now, report.sourceFile});
    } else {
        changes.modelKnown = false;
        diff.findings = diffFindings(baseline.findings, now.findings);
    }
    const FindingsDiff& f = diff.findings;
    changes.summary = plural(f.added.size(), "new finding") + ", " +
                      std::to_string(f.fixed.size()) + " fixed, " +
                      std::to_string(f.changed.size()) + " changed severity";
    if (changes.modelKnown)
        changes.summary += "; " + std::to_string(diff.addedCount()) + " added, " +
                           std::to_string(diff.removedCount()) + " removed, " +
                           std::to_string(diff.changedCount()) + " changed";
    auto where = [&](const FindingSummary& s) {
        return s.element.empty() ? std::string("Whole model") : report.elementName(s.element);
    };
    for (const auto& s : f.added)
        changes.findings.push_back({"new", s.severity, where(s), s.title, s.rule});
    for (const auto& c : f.changed)
        changes.findings.push_back({std::string(spelling(c.oldSeverity)) + " -> " +
                                        std::string(spelling(c.finding.severity)),
                                    c.finding.severity, where(c.finding), c.finding.title,
                                    c.finding.rule});
    for (const auto& s : f.fixed) // fixed findings may name elements that are gone: keep the id
        changes.findings.push_back({"fixed", s.severity,
                                    s.element.empty() ? std::string("Whole model")
                                    : report.model.findElement(s.element)
                                        ? report.elementName(s.element)
                                        : s.element,
                                    s.title, s.rule});
    for (const auto& s : diff.stores)
        changes.stores.emplace_back(s.name, storeLoadText(s));
    listCollection(diff.elements, "element", changes.modelChanges);
    listCollection(diff.contexts, "context", changes.modelChanges);
    listCollection(diff.flows, "flow", changes.modelChanges);
    return changes;
}

} // namespace plumb

// `check --format text`: findings grouped by severity, for people reading a terminal or a CI log.
#include "plumbline/check_output.h"
#include "plumbline/id_index.h"

namespace plumb {
namespace {

struct Palette {
    bool on;
    std::string paint(const std::string& text, const char* code) const {
        return on ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
    }
};

std::string plural(int n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

// `elements` is hashed: findings are about as many as elements, so a scan per finding was
// quadratic (#16).
// "PostgreSQL, MySQL, Turso": technologies as the catalogue names them (ids in JSON and SARIF).
std::string technologyNames(const std::vector<std::string>& ids, const KnowledgeBase& knowledge) {
    std::string out;
    for (const auto& id : ids) {
        const Technology* tech = knowledge.technology(id);
        out += (out.empty() ? "" : ", ") + (tech && !tech->name.empty() ? tech->name : id);
    }
    return out;
}

void writeFinding(std::ostream& out, const Finding& f, const IdIndex<Element>& elements,
                  const KnowledgeBase& knowledge, const Palette& p) {
    std::string where = f.element.empty() ? "(whole model)" : f.element;
    if (const Element* e = elements.find(f.element); e && e->name && *e->name != e->id)
        where += " (" + *e->name + ")";
    out << "  " << p.paint(where, "1") << "  " << p.paint("[" + f.rule + "]", "2") << "\n";
    out << "    " << f.title << "\n";
    out << "    " << f.message << "\n";
    if (!f.evidence.empty()) {
        std::string ev;
        for (const auto& [name, value] : f.evidence)
            ev += (ev.empty() ? "" : "; ") + name + " " + formatFact(name, value);
        out << "    " << p.paint("evidence: " + ev, "2") << "\n";
    }
    for (const auto& t : f.thresholds)
        out << "    " << p.paint(thresholdText(t), "2") << "\n";
    if (!f.alternatives.empty())
        out << "    consider: " << technologyNames(f.alternatives, knowledge) << "\n";
    if (!f.patterns.empty()) out << "    patterns: " << joined(f.patterns) << "\n";
    if (f.waived)
        out << "    waived: " << (f.waiverReason.empty() ? "(no reason given)" : f.waiverReason)
            << "\n";
}

} // namespace

void writeCheckText(std::ostream& out, const CheckReport& report, bool colour) {
    const Palette p{colour};
    const CheckResult& r = report.result;
    const IdIndex<Element> elements(report.model.elements);
    const int errors = r.count(Severity::Error), warnings = r.count(Severity::Warning),
              infos = r.count(Severity::Info), waived = r.waivedCount();
    out << p.paint(report.model.name.value_or(report.file), "1") << ": " << plural(errors, "error")
        << ", " << plural(warnings, "warning") << ", " << infos << " info";
    if (waived) out << ", " << waived << " waived";
    out << "  (scale x" << formatFact("scale", report.options.scale);
    if (report.options.horizonMonths > 0)
        out << ", horizon " << formatFact("horizonMonths", report.options.horizonMonths);
    out << ")\n";

    struct Group {
        Severity severity;
        const char* heading;
        const char* colour;
    };
    const Group groups[] = {{Severity::Error, "Errors", "31;1"},
                            {Severity::Warning, "Warnings", "33;1"},
                            {Severity::Info, "Info", "36"}};
    for (const auto& g : groups) {
        int n = 0;
        for (const auto& f : r.findings)
            n += !f.waived && f.severity == g.severity;
        if (n == 0) continue;
        out << "\n"
            << p.paint(std::string(g.heading) + " (" + std::to_string(n) + ")", g.colour) << "\n";
        for (const auto& f : r.findings)
            if (!f.waived && f.severity == g.severity)
                writeFinding(out, f, elements, report.knowledge, p);
    }
    if (waived) {
        out << "\n"
            << p.paint("Waived (" + std::to_string(waived) + ", do not fail the check)", "2")
            << "\n";
        for (const auto& f : r.findings)
            if (f.waived) writeFinding(out, f, elements, report.knowledge, p);
    }
    if (r.findings.empty()) out << "\nNo findings: every element fits its stated workload.\n";
}

} // namespace plumb

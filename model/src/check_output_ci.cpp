// `check --format gitlab` (GitLab Code Quality report) and `--format junit` (JUnit XML), for CI
// systems that show one or the other natively (merge-request widgets, test-report tabs).
#include "plumbline/check_output.h"
#include "plumbline/report_escape.h"

#include <map>
#include <set>

namespace plumb {
namespace {

// GitLab's scale is info, minor, major, critical, blocker: an error (the store does not fit)
// is critical, a risk is major; blocker is left for nothing Plumbline can know.
const char* gitlabSeverity(Severity s) {
    switch (s) {
    case Severity::Error:
        return "critical";
    case Severity::Warning:
        return "major";
    default:
        return "info";
    }
}

std::string pathOf(std::string file) {
    for (auto& c : file)
        if (c == '\\') c = '/';
    if (file.starts_with("./")) file.erase(0, 2);
    return file;
}

bool atOrAbove(Severity s, const std::string& failOn) {
    if (failOn == "never") return false;
    return s >= (failOn == "warning" ? Severity::Warning : Severity::Error);
}

} // namespace

Json checkToGitlab(const CheckReport& report) {
    const auto lines =
        report.sourceText.empty() ? std::map<std::string, int>{} : locateIds(report.sourceText);
    const std::string path = pathOf(report.file);
    Json out = Json::array();
    for (const auto& f : report.result.findings) {
        // A waived finding was accepted by the team; the widget would only show it as new debt.
        if (f.waived) continue;
        int line = 1;
        if (auto it = lines.find(f.element); it != lines.end()) line = it->second;
        const std::string where = f.element.empty() ? "model" : f.element;
        out.push_back({{"description", where + ": " + f.title + ": " + f.message},
                       {"check_name", f.rule},
                       {"fingerprint", findingFingerprint(f)},
                       {"severity", gitlabSeverity(f.severity)},
                       {"location", {{"path", path}, {"lines", {{"begin", line}}}}}});
    }
    return out;
}

void writeCheckJunit(std::ostream& out, const CheckReport& report, const std::string& failOn) {
    // One test case per store and rule judged: the checker's rule filters on every
    // data-holding element, minus the rules the model turns off.
    std::set<std::string> off;
    for (const auto& s : report.model.ruleSettings)
        if (s.hasSeverity && s.severity == Severity::Off) off.insert(s.rule);
    struct Case {
        std::string element, rule;
        std::vector<const Finding*> findings;
    };
    std::vector<Case> cases;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (const auto& e : report.model.elements) {
        if (!holdsData(e.kind)) continue;
        const Facts* facts = report.result.analysis.facts(e.id);
        if (!facts) continue;
        for (const auto& rule : report.knowledge.rules) {
            if (rule.scope == "model" || off.count(rule.id) || !ruleAppliesTo(rule, e, *facts))
                continue;
            index.emplace(std::pair{e.id, rule.id}, cases.size());
            cases.push_back({e.id, rule.id, {}});
        }
    }
    // Findings on services, flows, contexts or the whole model, and estimates-missing, get a
    // case of their own so that every finding is in the report.
    for (const auto& f : report.result.findings) {
        auto [it, fresh] = index.emplace(std::pair{f.element, f.rule}, cases.size());
        if (fresh) cases.push_back({f.element, f.rule, {}});
        cases[it->second].findings.push_back(&f);
    }
    int failures = 0, skipped = 0;
    for (const auto& c : cases) {
        bool failed = false, waived = !c.findings.empty();
        for (const Finding* f : c.findings) {
            failed |= !f->waived && atOrAbove(f->severity, failOn);
            waived &= f->waived;
        }
        failures += failed;
        skipped += waived;
    }
    const std::string suite = escapeHtml(report.model.name.value_or(report.file));
    const std::string file = escapeHtml(pathOf(report.file));
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"plumbline\" tests=\"" << cases.size() << "\" failures=\"" << failures
        << "\" errors=\"0\" skipped=\"" << skipped << "\">\n";
    out << "  <testsuite name=\"" << suite << "\" tests=\"" << cases.size() << "\" failures=\""
        << failures << "\" errors=\"0\" skipped=\"" << skipped << "\" time=\"0\" file=\"" << file
        << "\">\n";
    for (const auto& c : cases) {
        const std::string classname =
            "plumbline." + (c.element.empty() ? std::string("model") : c.element);
        out << "    <testcase classname=\"" << escapeHtml(classname) << "\" name=\""
            << escapeHtml(c.rule) << "\" time=\"0\" file=\"" << file << "\"";
        if (c.findings.empty()) {
            out << "/>\n";
            continue;
        }
        out << ">\n";
        bool anyUnwaived = false;
        for (const Finding* f : c.findings) {
            anyUnwaived |= !f->waived;
            const std::string text = escapeHtml(f->title + ": " + f->message);
            if (!f->waived && atOrAbove(f->severity, failOn))
                out << "      <failure type=\"" << spelling(f->severity) << "\" message=\""
                    << escapeHtml(f->title) << "\">" << text << "</failure>\n";
            else if (!f->waived)
                out << "      <system-out>" << spelling(f->severity) << ": " << text
                    << "</system-out>\n";
        }
        if (!anyUnwaived)
            out << "      <skipped message=\""
                << escapeHtml("waived: " + c.findings.front()->waiverReason) << "\"/>\n";
        out << "    </testcase>\n";
    }
    out << "  </testsuite>\n</testsuites>\n";
}

} // namespace plumb

// `plumbline diff --format text|json` (cli.md "diff"), and the phrases every writer shares.
#include "plumbline/model_diff.h"
#include "plumbline/report_text.h"
#include "plumbline/units.h"

#include <cmath>

namespace plumb {
namespace {

struct FieldLabel {
    std::string name, unit;
};

// People read "writes 200 -> 2,000/s", not "/writesPerSecond 200 -> 2000".
FieldLabel labelOf(const std::string& path) {
    const std::string last = path.substr(path.rfind('/') + 1);
    if (last == "readsPerSecond") return {"reads", "/s"};
    if (last == "writesPerSecond") return {"writes", "/s"};
    if (last == "volumeGB") return {"volume", " GB"};
    if (last == "growthGBPerMonth") return {"growth", " GB/month"};
    if (last == "payloadKB" || last == "recordKB" || last == "maxRecordKB")
        return {last.substr(0, last.size() - 2), " KB"};
    if (last == "ttlSeconds") return {"TTL", " s"};
    if (last == "retentionDays") return {"retention", " days"};
    return {path.size() > 1 ? path.substr(1) : path, ""};
}

std::string valueText(const Json& v) {
    if (v.is_null()) return "(none)";
    if (v.is_number()) return units::number(v.get<double>(), 2);
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

std::string ratioText(double before, double after) {
    if (before == 0 || !std::isfinite(after / before) || before == after) return "";
    return " (x" + units::number(after / before, after / before >= 10 ? 0 : 2) + ")";
}

std::string deltaText(const std::string& name, const std::string& unit,
                      const std::optional<double>& before, const std::optional<double>& after) {
    auto show = [](const std::optional<double>& v) {
        return v ? units::number(*v, 2) : std::string("(none)");
    };
    std::string text = name + " " + show(before) + " -> " + show(after) + unit;
    if (before && after) text += ratioText(*before, *after);
    return text;
}

std::string severityName(Severity s) {
    return std::string(spelling(s));
}

Json idList(const std::vector<std::string>& ids) {
    Json out = Json::array();
    for (const auto& id : ids)
        out.push_back(id);
    return out;
}

Json collectionJson(const CollectionDiff& c) {
    Json changed = Json::array();
    for (const auto& ch : c.changed) {
        Json fields = Json::array();
        for (const auto& f : ch.fields)
            fields.push_back({{"path", f.path}, {"old", f.oldValue}, {"new", f.newValue}});
        Json item = {{"id", ch.id}};
        if (ch.oldId != ch.id) item["oldId"] = ch.oldId;
        item["fields"] = std::move(fields);
        changed.push_back(std::move(item));
    }
    Json renamed = Json::array();
    for (const auto& r : c.renamed)
        renamed.push_back({{"oldId", r.oldId},
                           {"newId", r.newId},
                           {"oldName", r.oldName},
                           {"newName", r.newName}});
    return {{"added", idList(c.added)},
            {"removed", idList(c.removed)},
            {"changed", std::move(changed)},
            {"renamed", std::move(renamed)}};
}

Json loadJson(const std::optional<StoreLoad>& load) {
    if (!load) return nullptr;
    auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    return {{"readsPerSecond", number(load->readsPerSecond)},
            {"writesPerSecond", number(load->writesPerSecond)},
            {"volumeGB", number(load->volumeGB)}};
}

Json findingJson(const FindingSummary& f) {
    Json j = {{"rule", f.rule},
              {"severity", severityName(f.severity)},
              {"element", f.element},
              {"title", f.title},
              {"fingerprint", f.fingerprint}};
    if (f.waived) j["waived"] = true;
    return j;
}

void writeCollection(std::ostream& out, const char* heading, const CollectionDiff& c) {
    if (c.added.empty() && c.removed.empty() && c.changed.empty() && c.renamed.empty()) return;
    out << "\n" << heading << ":\n";
    for (const auto& id : c.added)
        out << "  + " << id << " (added)\n";
    for (const auto& id : c.removed)
        out << "  - " << id << " (removed)\n";
    for (const auto& r : c.renamed)
        out << "  ~ " << r.newId << ": renamed '" << r.oldName << "' -> '" << r.newName << "'"
            << (r.oldId != r.newId ? " (id " + r.oldId + " -> " + r.newId + ")" : "") << "\n";
    for (const auto& ch : c.changed) {
        out << "  ~ " << ch.id << ": ";
        for (std::size_t i = 0; i < ch.fields.size(); ++i)
            out << (i ? "; " : "") << fieldChangeText(ch.fields[i]);
        out << "\n";
    }
}

} // namespace

std::string fieldChangeText(const FieldChange& change) {
    const FieldLabel label = labelOf(change.path);
    if (change.oldValue.is_number() && change.newValue.is_number())
        return deltaText(label.name, label.unit, change.oldValue.get<double>(),
                         change.newValue.get<double>());
    return label.name + " " + valueText(change.oldValue) + " -> " + valueText(change.newValue);
}

std::string storeLoadText(const StoreLoadChange& c) {
    if (!c.before)
        return "added (" + (c.technologyAfter.empty() ? "no technology" : c.technologyAfter) + ")";
    if (!c.after) return "removed";
    std::vector<std::string> parts;
    if (c.technologyBefore != c.technologyAfter)
        parts.push_back("technology " + c.technologyBefore + " -> " + c.technologyAfter);
    if (c.before->readsPerSecond != c.after->readsPerSecond)
        parts.push_back(
            deltaText("reads", "/s", c.before->readsPerSecond, c.after->readsPerSecond));
    if (c.before->writesPerSecond != c.after->writesPerSecond)
        parts.push_back(
            deltaText("writes", "/s", c.before->writesPerSecond, c.after->writesPerSecond));
    if (c.before->volumeGB != c.after->volumeGB)
        parts.push_back(deltaText("volume", " GB", c.before->volumeGB, c.after->volumeGB));
    std::string text;
    for (const auto& p : parts)
        text += (text.empty() ? "" : ", ") + p;
    return text;
}

void writeDiffText(std::ostream& out, const ModelDiff& d) {
    out << "plumbline diff: " << d.oldLabel << " -> " << d.newLabel << "\n";
    out << d.addedCount() << " added, " << d.removedCount() << " removed, " << d.changedCount()
        << " changed; " << d.findings.added.size() << " new finding(s), " << d.findings.fixed.size()
        << " fixed, " << d.findings.changed.size() << " changed severity\n";
    writeCollection(out, "Elements", d.elements);
    writeCollection(out, "Contexts", d.contexts);
    writeCollection(out, "Flows", d.flows);
    if (!d.stores.empty()) {
        out << "\nLoad each store receives (derived from the flows):\n";
        for (const auto& s : d.stores)
            out << "  " << s.element << ": " << storeLoadText(s) << "\n";
    }
    if (!d.findings.added.empty() || !d.findings.fixed.empty() || !d.findings.changed.empty()) {
        out << "\nFindings:\n";
        auto where = [](const FindingSummary& f) {
            return f.element.empty() ? std::string("the model") : f.element;
        };
        for (const auto& f : d.findings.added)
            out << "  new   " << severityName(f.severity) << " " << f.rule << " on " << where(f)
                << ": " << f.title << (f.waived ? " (waived)" : "") << "\n";
        for (const auto& c : d.findings.changed)
            out << "  " << severityName(c.oldSeverity) << " -> " << severityName(c.finding.severity)
                << " " << c.finding.rule << " on " << where(c.finding) << ": " << c.finding.title
                << "\n";
        for (const auto& f : d.findings.fixed)
            out << "  fixed " << severityName(f.severity) << " " << f.rule << " on " << where(f)
                << ": " << f.title << "\n";
    }
    if (d.empty() && d.stores.empty()) out << "\nNo changes.\n";
}

Json diffToJson(const ModelDiff& d, const std::string& toolVersion) {
    Json stores = Json::array();
    for (const auto& s : d.stores)
        stores.push_back(
            {{"element", s.element}, {"old", loadJson(s.before)}, {"new", loadJson(s.after)}});
    Json added = Json::array(), fixed = Json::array(), changed = Json::array();
    for (const auto& f : d.findings.added)
        added.push_back(findingJson(f));
    for (const auto& f : d.findings.fixed)
        fixed.push_back(findingJson(f));
    for (const auto& c : d.findings.changed) {
        Json j = findingJson(c.finding);
        j["oldSeverity"] = severityName(c.oldSeverity);
        changed.push_back(std::move(j));
    }
    return {
        {"tool", "plumbline"},
        {"version", toolVersion},
        {"old", d.oldLabel},
        {"new", d.newLabel},
        {"elements", collectionJson(d.elements)},
        {"contexts", collectionJson(d.contexts)},
        {"flows", collectionJson(d.flows)},
        {"stores", std::move(stores)},
        {"findings",
         {{"new", std::move(added)}, {"fixed", std::move(fixed)}, {"changed", std::move(changed)}}},
        {"summary",
         {{"added", d.addedCount()},
          {"removed", d.removedCount()},
          {"changed", d.changedCount()},
          {"newFindings", d.findings.added.size()},
          {"fixedFindings", d.findings.fixed.size()}}}};
}

} // namespace plumb

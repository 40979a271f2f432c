// `plumbline kb list|show|search`: reading the knowledge base from a terminal.
#include "cli.h"
#include "plumbline/kb_json.h"
#include "plumbline/kb_search.h"
#include "plumbline/knowledge.h"
#include "plumbline/provenance.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace plumb::cli {
namespace {

constexpr std::size_t kWidth = 100;

struct KbArgs {
    std::vector<std::string> words;
    std::vector<std::string> ruleDirs;
    bool json = false;
};

std::string joined(const std::vector<std::string>& parts, const char* separator = ", ") {
    std::string out;
    for (const auto& part : parts)
        out += (out.empty() ? "" : separator) + part;
    return out;
}

// 1000 -> "1,000"; 0.25 -> "0.25"; nullopt -> "unknown".
std::string number(const std::optional<double>& value) {
    if (!value) return "unknown";
    const double v = *value;
    if (v != std::floor(v) || std::abs(v) >= 1e15) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v);
        return buffer;
    }
    const std::string digits = std::to_string(static_cast<long long>(std::abs(v)));
    std::string out = v < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

// Word-wraps `text` to kWidth; the first line follows `lead`, later lines start at `indent`.
std::string wrapped(const std::string& lead, const std::string& text, std::size_t indent) {
    std::string out = lead, word;
    std::size_t column = lead.size();
    std::istringstream words(text);
    bool first = true;
    while (words >> word) {
        if (!first && column + 1 + word.size() > kWidth) {
            out.push_back('\n');
            out.append(indent, ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
    }
    return out + "\n";
}

std::string padded(const std::string& text, std::size_t width) {
    return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

void field(std::ostream& out, const std::string& label, const std::string& value) {
    if (!value.empty()) out << wrapped(padded("  " + label, 22), value, 22);
}

void bullets(std::ostream& out, const std::string& heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out << "\n" << heading << "\n";
    for (const auto& item : items)
        out << wrapped("  - ", item, 4);
}

// One line of ids; the first of a group of such lines gets a blank line before it.
void idLine(std::ostream& out, const std::string& heading, const std::vector<std::string>& ids,
            bool first = false) {
    if (first) out << "\n";
    if (!ids.empty()) out << wrapped(padded(heading, 14), joined(ids), 14);
}

void paragraph(std::ostream& out, const std::string& heading, const std::string& text) {
    if (!text.empty()) out << "\n" << heading << "\n" << wrapped("  ", text, 2);
}

std::string band(const Band& b) {
    return "comfortable " + number(b.comfortable) + ", max " + number(b.max);
}

void showTechnology(std::ostream& out, const Technology& t, const KnowledgeBase& kb) {
    out << t.name << "\n";
    out << "technology " << t.id << ", " << t.category << "; runs " << joined(t.runs) << "\n\n";
    if (!t.aliases.empty()) field(out, "Also written", joined(t.aliases));
    field(out, "Data model", t.dataModel);
    field(out, "Structures", joined(t.structures));
    field(out, "Hosting", joined(t.hosting));
    const Envelope& e = t.envelope;
    out << "\nCapability envelope\n";
    field(out, "Volume (GB)", band(e.volumeGB));
    field(out, "Writes per second", band(e.writesPerSecond));
    field(out, "Vectors", e.vectors ? band(*e.vectors) : "none (no vector search)");
    field(out, "Max record (KB)", number(e.maxRecordKB));
    field(out, "Writers", e.writerConcurrency);
    field(out, "Transactions", e.transactions);
    field(out, "Consistency", joined(e.consistency));
    field(out, "Durable", e.durable ? "yes" : "no");
    field(out, "Queries", joined(e.queries));
    field(out, "Scaling", joined(e.scaling));
    field(out, "HTTP access", e.http ? "yes" : "no");
    field(out, "Notes", e.notes);
    paragraph(out, "Protocol", t.protocolNotes);
    bullets(out, "Strengths", t.strengths);
    bullets(out, "Weaknesses", t.weaknesses);
    bullets(out, "When to use", t.whenToUse);
    bullets(out, "When not to use", t.whenNotToUse);
    std::vector<std::string> patterns, rules;
    for (const auto& p : kb.patterns)
        if (std::find(p.technologies.begin(), p.technologies.end(), t.id) != p.technologies.end())
            patterns.push_back(p.id);
    for (const auto& r : kb.rules)
        if (std::find(r.technologies.begin(), r.technologies.end(), t.id) != r.technologies.end())
            rules.push_back(r.id);
    idLine(out, "Patterns:", patterns, true);
    idLine(out, "Rules:", rules);
    bullets(out, "Sources", t.sources);
    if (!t.envelopeProvenance.empty()) {
        out << "\nWhere the envelope values come from\n";
        for (const auto& [key, provenance] : t.envelopeProvenance)
            out << wrapped("  - " + key + ": ", describeProvenance(provenance), 4);
    }
}

void showPattern(std::ostream& out, const Pattern& p, const KnowledgeBase& kb) {
    out << p.name << "\n";
    out << "pattern " << p.id << ", " << p.category << "\n\n";
    out << wrapped("", p.summary, 0);
    bullets(out, "When to use", p.whenToUse);
    bullets(out, "When not to use", p.whenNotToUse);
    bullets(out, "Gains", p.gains);
    bullets(out, "Costs", p.costs);
    idLine(out, "Related:", p.related, true);
    idLine(out, "Technologies:", p.technologies);
    std::vector<std::string> rules;
    for (const auto& r : kb.rules)
        if (std::find(r.patterns.begin(), r.patterns.end(), p.id) != r.patterns.end())
            rules.push_back(r.id);
    idLine(out, "Rules:", rules);
    idLine(out, "Keywords:", p.keywords);
    bullets(out, "Sources", p.sources);
}

void showRule(std::ostream& out, const Rule& r) {
    out << r.title << "\n";
    out << "rule " << r.id << ", " << spelling(r.severity) << ", scope " << r.scope << "; from "
        << r.origin << "\n\n";
    std::vector<std::string> kinds;
    for (auto kind : r.kinds)
        kinds.emplace_back(spelling(kind));
    field(out, "Applies to kinds", kinds.empty() ? "every kind" : joined(kinds));
    field(out, "Technologies", r.technologies.empty() ? "any" : joined(r.technologies));
    field(out, "Fires when", toText(r.when));
    field(out, "Message", r.message);
    field(out, "Rationale", r.rationale);
    field(out, "Evidence", joined(r.evidence));
    if (!r.params.empty()) {
        out << "\nParameters (tune them in the model's ruleSettings)\n";
        for (const auto& p : r.params)
            out << wrapped("  - " + p.name + " = " + number(p.value) + " " + p.unit + ": ",
                           (p.description.empty() ? "" : p.description + ". ") +
                               describeProvenance(p.provenance),
                           4);
    }
    idLine(out, "Alternatives:", r.alternatives, true);
    idLine(out, "Patterns:", r.patterns);
    bullets(out, "Sources", r.sources);
}

// Rows of `id  name  category` with the id and name columns aligned.
void table(std::ostream& out, const std::vector<std::array<std::string, 3>>& rows) {
    std::size_t idWidth = 0, nameWidth = 0;
    for (const auto& row : rows) {
        idWidth = std::max(idWidth, row[0].size());
        nameWidth = std::max(nameWidth, row[1].size());
    }
    nameWidth = std::min<std::size_t>(nameWidth, 48);
    for (const auto& row : rows)
        out << padded(row[0], idWidth + 2) << padded(row[1], nameWidth + 2) << row[2] << "\n";
}

int list(const std::vector<std::string>& words, const KnowledgeBase& kb, Streams io, bool json) {
    const std::string group = words.size() > 1 ? words[1] : "";
    if (words.size() > 2)
        return usageError(io, "kb list takes at most one group (stores, patterns or rules)");
    const bool all = group.empty();
    const bool stores = group == "stores" || group == "technologies";
    if (!all && !stores && group != "patterns" && group != "rules")
        return usageError(io, "kb list: unknown group '" + group +
                                  "'; expected stores, patterns or rules");
    if (json) {
        Json items = Json::array();
        if (all || stores)
            for (const auto& t : kb.technologies)
                items.push_back(technologyJson(t));
        if (all || group == "patterns")
            for (const auto& p : kb.patterns)
                items.push_back(patternJson(p));
        if (all || group == "rules")
            for (const auto& r : kb.rules)
                items.push_back(ruleJson(r));
        io.out << items.dump(2) << "\n";
        return kOk;
    }
    auto heading = [&](const std::string& title, std::size_t count) {
        if (all) io.out << title << " (" << count << ")\n";
    };
    if (all || stores) {
        std::vector<std::array<std::string, 3>> rows;
        for (const auto& t : kb.technologies)
            rows.push_back({t.id, t.name, t.category});
        heading("Stores and technologies", rows.size());
        table(io.out, rows);
    }
    if (all || group == "patterns") {
        std::vector<std::array<std::string, 3>> rows;
        for (const auto& p : kb.patterns)
            rows.push_back({p.id, p.name, p.category});
        if (all) io.out << "\n";
        heading("Patterns", rows.size());
        table(io.out, rows);
    }
    if (all || group == "rules") {
        std::vector<std::array<std::string, 3>> rows;
        for (const auto& r : kb.rules)
            rows.push_back({r.id, std::string(spelling(r.severity)), r.title});
        if (all) io.out << "\n";
        heading("Rules", rows.size());
        table(io.out, rows);
    }
    return kOk;
}

int show(const std::vector<std::string>& words, const KnowledgeBase& kb, Streams io, bool json) {
    if (words.size() != 2)
        return usageError(io, "kb show takes one id, e.g. plumbline kb show sqlite");
    const std::string& id = words[1];
    auto print = [&](const Json& item) { io.out << item.dump(2) << "\n"; };
    if (const Technology* t = kb.technology(id))
        json ? print(technologyJson(*t)) : showTechnology(io.out, *t, kb);
    else if (const Pattern* p = kb.pattern(id))
        json ? print(patternJson(*p)) : showPattern(io.out, *p, kb);
    else if (const Rule* r = kb.rule(id))
        json ? print(ruleJson(*r)) : showRule(io.out, *r);
    else {
        const auto near = kb.similarIds(id);
        return usageError(io, "kb show: no technology, pattern or rule has the id '" + id + "'" +
                                  (near.empty() ? "; see plumbline kb list"
                                                : "; did you mean " + joined(near, " or ") + "?"));
    }
    return kOk;
}

int search(const std::vector<std::string>& words, const KnowledgeBase& kb, Streams io, bool json) {
    if (words.size() < 2)
        return usageError(io, "kb search needs words, e.g. plumbline kb search time series");
    const std::string query = joined(std::vector<std::string>(words.begin() + 1, words.end()), " ");
    const KnowledgeSearch index(kb);
    const auto hits = index.search(query, 10);
    if (json) {
        io.out << searchHitsJson(hits).dump(2) << "\n";
        return kOk;
    }
    if (hits.empty()) {
        io.out << "Nothing in the knowledge base matches '" << query << "'.\n";
        return kOk;
    }
    std::size_t idWidth = 0;
    for (const auto& hit : hits)
        idWidth = std::max(idWidth, hit.id.size());
    const char* open = io.colour ? "\033[1m" : "[";
    const char* close = io.colour ? "\033[0m" : "]";
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const auto& hit = hits[i];
        io.out << padded(std::to_string(i + 1) + ".", 4) << padded(hit.kind, 11)
               << padded(hit.id, idWidth + 2) << hit.name << "\n";
        io.out << "    " << highlightSnippet(hit.snippet, open, close) << "\n";
    }
    return kOk;
}

} // namespace

int runKb(const Args& args, Streams io) {
    KbArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--rules") {
            if (i + 1 == args.size()) return usageError(io, "--rules needs a folder");
            parsed.ruleDirs.push_back(args[++i]);
        } else if (args[i] == "--format") {
            if (i + 1 == args.size() || (args[i + 1] != "text" && args[i + 1] != "json"))
                return usageError(io, "--format takes text or json");
            parsed.json = args[++i] == "json";
        } else if (args[i].starts_with("--") && parsed.words.size() < 2) {
            return usageError(io, "kb: unknown option '" + args[i] + "'; see plumbline --help");
        } else {
            parsed.words.push_back(args[i]);
        }
    }
    const std::string action = parsed.words.empty() ? "" : parsed.words.front();
    if (action != "list" && action != "show" && action != "search")
        return usageError(io, action.empty() ? "kb: expected list, show ID or search WORDS"
                                             : "kb: unknown action '" + action +
                                                   "'; expected list, show or search");
    KnowledgeLoadResult loaded = loadKnowledge(parsed.ruleDirs);
    if (!loaded.ok()) return usageError(io, loaded.errors.front().toString());
    const KnowledgeBase& kb = *loaded.knowledge;
    if (action == "list") return list(parsed.words, kb, io, parsed.json);
    if (action == "show") return show(parsed.words, kb, io, parsed.json);
    return search(parsed.words, kb, io, parsed.json);
}

} // namespace plumb::cli

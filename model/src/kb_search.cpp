// The knowledge search index: one FTS5 row per pattern and per technology.
#include "plumbline/kb_search.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <cctype>
#include <mutex>
#include <set>

namespace plumb {
namespace {

// Sentences joined into one text, so that snippets read naturally across list items.
std::string joined(const std::vector<std::string>& parts, std::string_view separator = ". ") {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) {
            const char last = out.back();
            out += (last == '.' || last == '!' || last == '?' || last == ';')
                       ? std::string(" ")
                       : std::string(separator);
        }
        out += part;
    }
    return out;
}

std::string spaced(std::string id) {
    for (char& c : id)
        if (c == '-') c = ' ';
    return id;
}

// Words of user input: runs of letters and digits (any non-ASCII byte counts as a letter, so
// UTF-8 words stay whole). Everything else, including FTS5 operators and quotes, separates.
std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            current += c;
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// bm25 weights per column: kind, id, name, category, keywords, summary, body.
constexpr const char* kRankedQuery =
    "SELECT kind, id, name, category, "
    "snippet(kb, -1, ?2, ?3, '…', 14), -bm25(kb, 0.0, 8.0, 10.0, 2.0, 6.0, 3.0, 1.0) AS score "
    "FROM kb WHERE kb MATCH ?1 ORDER BY score DESC LIMIT ?4";

} // namespace

struct KnowledgeSearch::Index {
    SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
    mutable std::mutex mutex; // one connection, used by one query at a time
};

KnowledgeSearch::KnowledgeSearch(const KnowledgeBase& knowledge)
    : index_(std::make_unique<Index>()) {
    SQLite::Database& db = index_->db;
    db.exec("CREATE VIRTUAL TABLE kb USING fts5(kind UNINDEXED, id, name, category, keywords, "
            "summary, body, tokenize = 'porter unicode61 remove_diacritics 2')");
    SQLite::Transaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO kb VALUES (?, ?, ?, ?, ?, ?, ?)");
    auto add = [&](const char* kind, const std::string& id, const std::string& name,
                   const std::string& category, const std::string& keywords,
                   const std::string& summary, const std::string& body) {
        insert.bind(1, kind);
        insert.bind(2, spaced(id));
        insert.bind(3, name);
        insert.bind(4, spaced(category));
        insert.bind(5, keywords);
        insert.bind(6, summary);
        insert.bind(7, body);
        insert.exec();
        insert.reset();
    };
    for (const Pattern& p : knowledge.patterns)
        add("pattern", p.id, p.name, p.category, joined(p.keywords), p.summary,
            joined({joined(p.whenToUse), joined(p.whenNotToUse), joined(p.gains), joined(p.costs),
                    joined(p.technologies, ", ")}));
    for (const Technology& t : knowledge.technologies) {
        const Envelope& e = t.envelope;
        add("technology", t.id, t.name, t.category,
            joined({joined(t.structures, ", "), joined(e.queries, ", "), joined(t.runs, ", "),
                    joined(t.hosting, ", ")}),
            t.dataModel,
            joined({joined(t.strengths), joined(t.weaknesses), joined(t.whenToUse),
                    joined(t.whenNotToUse), t.protocolNotes, e.notes}));
    }
    transaction.commit();
}

KnowledgeSearch::~KnowledgeSearch() = default;

std::string ftsQuery(std::string_view words, std::string_view joiner) {
    const auto parts = splitWords(words);
    const bool typingLastWord = !words.empty() && splitWords(words.substr(words.size() - 1)).size();
    std::string query;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) query += joiner;
        query += "\"" + parts[i] + "\"";
        if (i + 1 == parts.size() && typingLastWord) query += "*";
    }
    return query;
}

std::vector<SearchHit> KnowledgeSearch::search(std::string_view words, int limit) const {
    std::vector<SearchHit> hits;
    if (limit <= 0) return hits;
    const std::string all = ftsQuery(words, " ");
    if (all.empty()) return hits;
    std::lock_guard lock(index_->mutex);
    std::set<std::string> seen;
    auto run = [&](const std::string& query) {
        SQLite::Statement statement(index_->db, kRankedQuery);
        statement.bind(1, query);
        statement.bind(2, std::string(kMatchOpen));
        statement.bind(3, std::string(kMatchClose));
        statement.bind(4, limit);
        while (statement.executeStep() && static_cast<int>(hits.size()) < limit) {
            SearchHit hit{statement.getColumn(0).getString(), statement.getColumn(1).getString(),
                          statement.getColumn(2).getString(), statement.getColumn(3).getString(),
                          statement.getColumn(4).getString(), statement.getColumn(5).getDouble()};
            // The index holds ids and categories with spaces for tokenizing; restore them.
            for (char& c : hit.id)
                if (c == ' ') c = '-';
            for (char& c : hit.category)
                if (c == ' ') c = '-';
            if (seen.insert(hit.kind + ":" + hit.id).second) hits.push_back(std::move(hit));
        }
    };
    run(all);
    const std::string any = ftsQuery(words, " OR ");
    if (static_cast<int>(hits.size()) < limit && any != all) run(any);
    return hits;
}

std::string highlightSnippet(std::string_view snippet, std::string_view open,
                             std::string_view close) {
    std::string out;
    out.reserve(snippet.size());
    for (char c : snippet) {
        if (c == kMatchOpen[0])
            out += open;
        else if (c == kMatchClose[0])
            out += close;
        else
            out += c;
    }
    return out;
}

} // namespace plumb

#pragma once
// Full-text search over the pattern and technology catalogues: an in-memory SQLite FTS5 index,
// ranked by bm25 with names and keywords weighted above body text, with prefix matching on the
// last word so results follow the user's typing. Any user text is safe: it is split into words
// and each word is quoted, so FTS5 syntax in the input can never make a query fail.

#include "plumbline/knowledge.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plumb {

// Marks around the matched words inside SearchHit::snippet (control characters, so they never
// clash with catalogue text); see highlightSnippet().
inline constexpr std::string_view kMatchOpen = "\x01";
inline constexpr std::string_view kMatchClose = "\x02";

struct SearchHit {
    std::string kind; // "pattern" or "technology"
    std::string id;
    std::string name;
    std::string category;
    std::string snippet; // an excerpt around the match, matches between kMatchOpen/kMatchClose
    double score = 0;    // higher is better
};

class KnowledgeSearch {
public:
    explicit KnowledgeSearch(const KnowledgeBase& knowledge);
    ~KnowledgeSearch();
    KnowledgeSearch(const KnowledgeSearch&) = delete;
    KnowledgeSearch& operator=(const KnowledgeSearch&) = delete;

    // Best hits first. Every word must match; when fewer than `limit` entries match all words,
    // entries matching some of them follow. Empty or punctuation-only input gives no hits.
    std::vector<SearchHit> search(std::string_view words, int limit = 20) const;

private:
    struct Index;
    std::unique_ptr<Index> index_;
};

// The snippet with the match marks replaced, e.g. by "\033[1m" / "\033[0m" or "<b>" / "</b>".
std::string highlightSnippet(std::string_view snippet, std::string_view open,
                             std::string_view close);

// The words of user input as an FTS5 query: each word quoted, joined by `joiner` (" " for
// AND, " OR " for OR), the last word a prefix unless the input ends in a space. Exposed for tests.
std::string ftsQuery(std::string_view words, std::string_view joiner = " ");

} // namespace plumb

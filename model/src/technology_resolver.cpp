#include "plumbline/technology_resolver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace plumb {
namespace {

// Lower case, every run of characters other than letters, digits, '+' and '.' one space, no
// space at either end: "Amazon RDS for PostgreSQL" -> "amazon rds for postgresql",
// "pg_bouncer" -> "pg bouncer", "cloudflare-d1" -> "cloudflare d1".
std::string normalized(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) || c == '+' || c == '.') {
            if (space && !out.empty()) out += ' ';
            space = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            space = true;
        }
    }
    while (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

std::string withoutSpaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

// "15", "v15", "15.4", "8.0.32", "7.x", "2019", "19c": a word starting with a digit is a
// version or release (no technology's name is a word starting with a digit).
bool isVersion(std::string_view word) {
    if (word.size() > 1 && word.starts_with('v')) word.remove_prefix(1);
    return !word.empty() && std::isdigit(static_cast<unsigned char>(word.front()));
}

// Drops parenthesised text ("MySQL (primary)") and every version word.
std::string withoutVersions(std::string_view written) {
    std::string plain;
    int depth = 0;
    for (char c : written) {
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if (depth == 0)
            plain += c;
    }
    const std::string text = normalized(plain);
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string_view word(text.data() + start, end - start);
        if (!word.empty() && !isVersion(word)) {
            if (!out.empty()) out += ' ';
            out += word;
        }
        start = end + 1;
    }
    return out;
}

// How managed services and vendors prefix an engine's name, longest first within a family.
constexpr std::array kManagedPrefixes{"amazon rds for ",
                                      "aws rds for ",
                                      "rds for ",
                                      "amazon elasticache for ",
                                      "aws elasticache for ",
                                      "elasticache for ",
                                      "amazon memorydb for ",
                                      "memorydb for ",
                                      "azure database for ",
                                      "azure cache for ",
                                      "azure managed ",
                                      "google cloud sql for ",
                                      "gcp cloud sql for ",
                                      "cloud sql for ",
                                      "google cloud memorystore for ",
                                      "memorystore for ",
                                      "amazon ",
                                      "aws ",
                                      "microsoft azure ",
                                      "azure ",
                                      "google cloud ",
                                      "gcp ",
                                      "google ",
                                      "apache ",
                                      "managed ",
                                      "self hosted ",
                                      "hosted ",
                                      "oracle cloud ",
                                      "ibm "};

// What people write after an engine's name for the thing they run on it.
constexpr std::array kSuffixes{" database schema", " schema", " database", " db",    " cluster",
                               " instance",        " server", " service",  " cache", " broker",
                               " topic",           " queue",  " bucket",   " table", " tables"};

struct Candidate {
    const Technology* technology;
    std::string what; // "id", "name", "alias 'Postgres'"
};

// Technologies whose id, name or an alias reads as `key` (normalized, spaces ignored).
std::vector<Candidate> matching(const KnowledgeBase& knowledge, const std::string& key) {
    std::vector<Candidate> out;
    if (key.empty()) return out;
    const std::string compact = withoutSpaces(key);
    for (const Technology& t : knowledge.technologies) {
        if (withoutSpaces(normalized(t.id)) == compact) {
            out.push_back({&t, "id"});
            continue;
        }
        if (withoutSpaces(normalized(t.name)) == compact) {
            out.push_back({&t, "name"});
            continue;
        }
        for (const std::string& alias : t.aliases) {
            if (withoutSpaces(normalized(alias)) == compact) {
                out.push_back({&t, "alias '" + alias + "'"});
                break;
            }
        }
    }
    return out;
}

bool strip(std::string& key) {
    for (std::string_view prefix : kManagedPrefixes)
        if (key.size() > prefix.size() && key.starts_with(prefix)) {
            key.erase(0, prefix.size());
            return true;
        }
    for (std::string_view suffix : kSuffixes)
        if (key.size() > suffix.size() && key.ends_with(suffix)) {
            key.erase(key.size() - suffix.size());
            return true;
        }
    return false;
}

} // namespace

// In order, the first step that matches anything decides: the exact id; the text as written
// (case, spaces and punctuation ignored) against ids, names and aliases; the same without
// version numbers and parentheses; then, one at a time, without a managed-service or vendor
// prefix ("Amazon RDS for ", "Azure Database for ", "Apache ") or a trailing word such as
// " Database Schema". Two technologies matching at the same step make the name ambiguous.
TechnologyResolution resolveTechnology(const KnowledgeBase& knowledge, std::string_view written) {
    TechnologyResolution result;
    if (const Technology* exact = knowledge.technology(written)) {
        result.technology = exact;
        result.how = "id";
        return result;
    }
    std::vector<std::pair<std::string, std::string>> steps; // key, what was dropped
    const std::string asWritten = normalized(written);
    steps.push_back({asWritten, ""});
    std::string key = withoutVersions(written);
    if (key != asWritten) steps.push_back({key, "the version"});
    for (int guard = 0; guard < 8 && strip(key); ++guard)
        steps.push_back({key, "the managed-service or vendor words"});

    for (const auto& [step, dropped] : steps) {
        std::vector<Candidate> found = matching(knowledge, step);
        if (found.empty()) continue;
        if (found.size() == 1) {
            result.technology = found.front().technology;
            result.how = found.front().what;
            if (!dropped.empty()) result.how += " (ignoring " + dropped + ")";
            return result;
        }
        for (const Candidate& c : found)
            result.candidates.push_back(c.technology->id);
        std::sort(result.candidates.begin(), result.candidates.end());
        return result;
    }
    return result;
}

} // namespace plumb

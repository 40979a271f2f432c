#include "structurizr_guess.h"

#include "plumbline/knowledge.h"
#include "plumbline/technology_resolver.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

namespace plumb::interop::structurizr {
namespace {

using Words = std::vector<std::string>;

bool contains(const Words& haystack, const Words& needle) {
    if (needle.empty() || needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), haystack.begin() + static_cast<long>(i)))
            return true;
    return false;
}

// The first of `phrases` (each one or more words) found in `words`, or empty.
// The words of a phrase or technology name, split once per thread.
const Words& wordsOnce(std::string_view phrase) {
    thread_local std::unordered_map<std::string, Words> cache;
    auto found = cache.find(std::string(phrase));
    if (found == cache.end()) found = cache.emplace(std::string(phrase), wordsOf(phrase)).first;
    return found->second;
}

template <std::size_t S>
std::string findPhrase(const Words& words, const std::array<std::string_view, S>& phrases) {
    for (std::string_view phrase : phrases)
        if (contains(words, wordsOnce(phrase))) return std::string(phrase);
    return {};
}

constexpr std::array<std::string_view, 9> kStoreTags = {"database",   "datastore", "data store",
                                                        "db",         "storage",   "store",
                                                        "repository", "bucket",    "file system"};
constexpr std::array<std::string_view, 3> kQueueTags = {"queue", "message queue", "mq"};
constexpr std::array<std::string_view, 6> kStreamTags = {"topic",       "stream",    "event stream",
                                                         "message bus", "event bus", "kafka"};
constexpr std::array<std::string_view, 1> kCacheTags = {"cache"};
constexpr std::array<std::string_view, 3> kFunctionTags = {"function", "lambda", "serverless"};
constexpr std::array<std::string_view, 3> kExternalTags = {"external", "existing system",
                                                           "existing"};

constexpr std::array<std::string_view, 36> kStoreTechnologies = {
    "database",  "db",           "sql",       "mysql",       "postgres",      "postgresql",
    "oracle",    "mariadb",      "mongodb",   "mongo",       "cassandra",     "dynamodb",
    "sqlite",    "couchdb",      "firestore", "neo4j",       "elasticsearch", "opensearch",
    "snowflake", "bigquery",     "redshift",  "cosmosdb",    "cosmos db",     "sql server",
    "mssql",     "db2",          "influxdb",  "timescaledb", "clickhouse",    "hbase",
    "s3",        "blob storage", "h2",        "aurora",      "rds",           "duckdb"};
constexpr std::array<std::string_view, 10> kQueueTechnologies = {
    "rabbitmq", "sqs",         "activemq", "amqp",   "jms",
    "mq",       "service bus", "zeromq",   "ibm mq", "message queue"};
constexpr std::array<std::string_view, 8> kStreamTechnologies = {
    "kafka", "kinesis", "pulsar", "event hubs", "eventhub", "pub sub", "pubsub", "redpanda"};
constexpr std::array<std::string_view, 5> kCacheTechnologies = {"memcached", "ehcache", "hazelcast",
                                                                "redis", "valkey"};

constexpr std::array<std::string_view, 5> kStoreNames = {"database", "db", "datastore",
                                                         "data store", "schema"};

bool isStoreCategory(std::string_view category) {
    return category != "stream" && category != "queue" && category != "pooler" && !category.empty();
}

std::string inQuotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

} // namespace

Words wordsOf(std::string_view text) {
    Words out;
    std::string word;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

TechnologyGuess guessTechnology(const KnowledgeBase* knowledge, const std::string& written) {
    TechnologyGuess guess;
    if (!knowledge || written.empty()) return guess;
    const TechnologyResolution resolution = resolveTechnology(*knowledge, written);
    if (resolution.resolved()) {
        guess.id = resolution.technology->id;
        guess.category = resolution.technology->category;
        guess.how = resolution.how;
        guess.exact = true;
        return guess;
    }
    if (resolution.ambiguous()) {
        guess.candidates = resolution.candidates;
        return guess;
    }
    // Not a name or alias: look for one technology's id or full name among the words.
    const Words words = wordsOf(written);
    const Technology* found = nullptr;
    std::string how;
    for (const Technology& technology : knowledge->technologies) {
        const Words& id = wordsOnce(technology.id);
        const Words& name = wordsOnce(technology.name);
        const bool byId = contains(words, id);
        if (!byId && !contains(words, name)) continue;
        guess.candidates.push_back(technology.id);
        found = &technology;
        how = "the word" + std::string(byId && id.size() == 1 ? " " : "s ") +
              inQuotes(byId ? technology.id : technology.name);
    }
    if (guess.candidates.size() == 1) {
        guess.id = found->id;
        guess.category = found->category;
        guess.how = how;
        guess.candidates.clear();
    }
    return guess;
}

Guess guessKind(const Element& element, const TechnologyGuess& technology) {
    for (const std::string& tag : element.tags) {
        const Words words = wordsOf(tag);
        if (!findPhrase(words, kStoreTags).empty())
            return {ElementKind::Store, "tagged " + inQuotes(tag)};
        if (!findPhrase(words, kCacheTags).empty())
            return {ElementKind::Cache, "tagged " + inQuotes(tag)};
        if (!findPhrase(words, kQueueTags).empty())
            return {ElementKind::Queue, "tagged " + inQuotes(tag)};
        if (!findPhrase(words, kStreamTags).empty())
            return {ElementKind::Stream, "tagged " + inQuotes(tag)};
        if (!findPhrase(words, kFunctionTags).empty())
            return {ElementKind::Function, "tagged " + inQuotes(tag)};
    }
    const Words name = wordsOf(element.name);
    const bool namedCache = !findPhrase(name, kCacheTags).empty();
    if (!technology.id.empty()) {
        const std::string why = "technology " + inQuotes(element.technology) + " is " +
                                technology.id + " (" + technology.category + ")";
        if (technology.category == "stream") return {ElementKind::Stream, why};
        if (technology.category == "queue") return {ElementKind::Queue, why};
        if (technology.category == "pooler") return {ElementKind::Pooler, why};
        if (technology.id == "memcached" || (technology.category == "key-value" && namedCache))
            return {ElementKind::Cache,
                    why + (namedCache ? ", named " + inQuotes(element.name) : "")};
        if (isStoreCategory(technology.category)) return {ElementKind::Store, why};
    }
    const Words tech = wordsOf(element.technology);
    if (const auto word = findPhrase(tech, kStreamTechnologies); !word.empty())
        return {ElementKind::Stream, "technology " + inQuotes(element.technology)};
    if (const auto word = findPhrase(tech, kQueueTechnologies); !word.empty())
        return {ElementKind::Queue, "technology " + inQuotes(element.technology)};
    if (const auto word = findPhrase(tech, kCacheTechnologies); !word.empty())
        return {ElementKind::Cache, "technology " + inQuotes(element.technology)};
    if (const auto word = findPhrase(tech, kStoreTechnologies); !word.empty())
        return {ElementKind::Store, "technology " + inQuotes(element.technology)};
    if (namedCache) return {ElementKind::Cache, "named " + inQuotes(element.name)};
    if (!findPhrase(name, kQueueTags).empty())
        return {ElementKind::Queue, "named " + inQuotes(element.name)};
    if (!findPhrase(name, std::array<std::string_view, 4>{"topic", "event bus", "message bus",
                                                          "event stream"})
             .empty())
        return {ElementKind::Stream, "named " + inQuotes(element.name)};
    if (!findPhrase(name, kStoreNames).empty())
        return {ElementKind::Store, "named " + inQuotes(element.name)};
    if (element.type == ElementType::SoftwareSystem) {
        if (element.external) return {ElementKind::External, "location External"};
        for (const std::string& tag : element.tags)
            if (!findPhrase(wordsOf(tag), kExternalTags).empty())
                return {ElementKind::External, "tagged " + inQuotes(tag)};
        return {ElementKind::Service, "a software system without containers"};
    }
    return {ElementKind::Service, "a " + std::string(typeName(element.type)) +
                                      " with no sign of a store, cache, queue or stream"};
}

std::optional<std::pair<FlowStyle, std::string>> guessStyle(const Relationship& relationship,
                                                            std::optional<ElementKind> target) {
    if (relationship.interactionStyle == "Asynchronous")
        return std::pair{FlowStyle::Async, std::string("interactionStyle Asynchronous")};
    const std::string text = relationship.technology + " " + relationship.description;
    Words words = wordsOf(text);
    for (const std::string& tag : relationship.tags)
        for (std::string& w : wordsOf(tag))
            words.push_back(std::move(w));
    const auto said = [&](auto phrases) { return findPhrase(words, phrases); };
    if (auto w = said(std::array<std::string_view, 3>{"cdc", "change data capture", "debezium"});
        !w.empty())
        return std::pair{FlowStyle::Cdc, "the word " + inQuotes(w)};
    if (auto w = said(std::array<std::string_view, 3>{"replicates", "replication", "replicate"});
        !w.empty())
        return std::pair{FlowStyle::Replication, "the word " + inQuotes(w)};
    if (auto w = said(std::array<std::string_view, 5>{"batch", "etl", "nightly", "bulk", "sftp"});
        !w.empty())
        return std::pair{FlowStyle::Batch, "the word " + inQuotes(w)};
    if (auto w = said(std::array<std::string_view, 16>{
            "async", "asynchronous", "asynchronously", "event", "events", "message", "messages",
            "publishes", "publish", "subscribes", "kafka", "amqp", "rabbitmq", "sqs", "jms",
            "mqtt"});
        !w.empty())
        return std::pair{FlowStyle::Async, "the word " + inQuotes(w)};
    if (target && (*target == ElementKind::Queue || *target == ElementKind::Stream))
        return std::pair{FlowStyle::Async,
                         std::string("it ends at a ") + std::string(spelling(*target))};
    if (relationship.interactionStyle == "Synchronous")
        return std::pair{FlowStyle::Sync, std::string("interactionStyle Synchronous")};
    if (auto w = said(std::array<std::string_view, 14>{"sync", "synchronous", "http", "https",
                                                       "rest", "grpc", "json", "sql", "jdbc", "tcp",
                                                       "rpc", "graphql", "soap", "api"});
        !w.empty())
        return std::pair{FlowStyle::Sync, "the word " + inQuotes(w)};
    return std::nullopt;
}

} // namespace plumb::interop::structurizr

// The built-in knowledge base: it loads, covers the contract's technologies, every reference
// resolves; user rule packs load, replace built-in rules by id, and fire on a model.
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"
#include "plumbline/technology_resolver.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using namespace plumb;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const std::string kUserPack = std::string(PLUMBLINE_TEST_DATA) + "/knowledge/user-pack";

} // namespace

class TestKnowledge : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Keep the developer's own ~/.config/plumbline/rules out of these tests.
        QVERIFY(configHome_.isValid());
        qputenv("XDG_CONFIG_HOME", configHome_.path().toUtf8());
    }

    void builtInKnowledgeLoadsWithoutErrors() {
        const auto result = loadBuiltinKnowledge();
        for (const auto& error : result.errors)
            qWarning("%s", error.toString().c_str());
        QVERIFY(result.ok());
        QVERIFY(&builtinKnowledge() == &builtinKnowledge()); // loaded once, shared
    }

    void everyContractTechnologyIsPresent() {
        const KnowledgeBase& kb = builtinKnowledge();
        for (const char* id :
             {"postgresql",    "mysql",     "oracle",   "sqlite",      "libsql",        "turso",
              "cloudflare-d1", "duckdb",    "mongodb",  "couchdb",     "firestore",     "redis",
              "valkey",        "memcached", "kafka",    "cassandra",   "hbase",         "dynamodb",
              "neo4j",         "neptune",   "influxdb", "timescaledb", "pinecone",      "weaviate",
              "chroma",        "pgvector",  "qdrant",   "milvus",      "elasticsearch", "snowflake",
              "bigquery",      "neon",      "supabase", "planetscale", "indexeddb",     "pgbouncer",
              "pgpool-ii"})
            QVERIFY2(kb.technology(id), id);
    }

    void catalogueSizes() {
        const KnowledgeBase& kb = builtinKnowledge();
        QVERIFY2(kb.patterns.size() >= 50, qPrintable(QString::number(kb.patterns.size())));
        QVERIFY2(kb.rules.size() >= 40, qPrintable(QString::number(kb.rules.size())));
        for (const auto& rule : kb.rules)
            QCOMPARE(rule.origin, std::string("built-in"));
    }

    void everyReferenceResolves() {
        const KnowledgeBase& kb = builtinKnowledge();
        for (const auto& p : kb.patterns) {
            for (const auto& id : p.related)
                QVERIFY2(kb.pattern(id) && id != p.id, id.c_str());
            for (const auto& id : p.technologies)
                QVERIFY2(kb.technology(id), id.c_str());
        }
        for (const auto& r : kb.rules) {
            for (const auto& id : r.technologies)
                QVERIFY2(kb.technology(id), id.c_str());
            for (const auto& id : r.alternatives)
                QVERIFY2(kb.technology(id), id.c_str());
            for (const auto& id : r.patterns)
                QVERIFY2(kb.pattern(id), id.c_str());
        }
    }

    void unknownEnvelopeNumbersStayUnknown() {
        const Technology* postgres = builtinKnowledge().technology("postgresql");
        QVERIFY(postgres);
        QVERIFY(postgres->envelope.writesPerSecond.comfortable.has_value());
        bool sawUnknown = false;
        for (const auto& t : builtinKnowledge().technologies)
            sawUnknown = sawUnknown || !t.envelope.volumeGB.max || !t.envelope.maxRecordKB;
        QVERIFY(sawUnknown); // "unknown" in the JSON is nullopt, never 0
        QVERIFY(!builtinKnowledge().technology("postgresql")->envelope.vectors ||
                builtinKnowledge().technology("pgvector")->envelope.vectors);
    }

    void theCatalogueGoesBeyondTheResearch() {
        const KnowledgeBase& kb = builtinKnowledge();
        QVERIFY2(kb.technologies.size() >= 57, qPrintable(QString::number(kb.technologies.size())));
        for (const char* id :
             {"rabbitmq", "amazon-sqs", "google-pubsub", "pulsar", "nats", "amazon-kinesis",
              "sqlserver", "mariadb", "cockroachdb", "spanner", "aurora", "cosmosdb", "clickhouse",
              "redshift", "scylladb", "opensearch", "amazon-s3"})
            QVERIFY2(kb.technology(id), id);
        for (const auto& t : kb.technologies)
            QVERIFY2(!t.aliases.empty(), t.id.c_str());
    }

    void namesPeopleWriteResolve_data() {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("id");
        const std::pair<const char*, const char*> cases[] = {
            {"postgresql", "postgresql"},
            {"Postgres", "postgresql"},
            {"POSTGRESQL", "postgresql"},
            {"PostgreSQL 15", "postgresql"},
            {"postgres v16.2", "postgresql"},
            {"Amazon RDS for PostgreSQL", "postgresql"},
            {"Azure Database for PostgreSQL", "postgresql"},
            {"Cloud SQL for MySQL", "mysql"},
            {"Oracle Database Schema", "oracle"},
            {"Oracle 19c Database", "oracle"},
            {"RabbitMQ", "rabbitmq"},
            {"Amazon SQS", "amazon-sqs"},
            {"SQL Server 2019", "sqlserver"},
            {"MongoDB Atlas", "mongodb"},
            {"Amazon ElastiCache for Redis", "redis"},
            {"Azure Cache for Redis", "redis"},
            {"Apache Kafka", "kafka"},
            {"Amazon Aurora PostgreSQL", "aurora"},
            {"pg_bouncer", "pgbouncer"},
            {"Redis (sessions)", "redis"},
        };
        for (const auto& [written, id] : cases)
            QTest::newRow(written) << QString(written) << QString(id);
    }
    void namesPeopleWriteResolve() {
        QFETCH(QString, written);
        QFETCH(QString, id);
        const auto r = resolveTechnology(builtinKnowledge(), written.toStdString());
        QVERIFY2(r.resolved(), qPrintable(written));
        QCOMPARE(QString::fromStdString(r.technology->id), id);
        QVERIFY(!r.how.empty());
    }

    void ambiguousAndUnknownNames() {
        const auto rds = resolveTechnology(builtinKnowledge(), "Amazon RDS");
        QVERIFY(rds.ambiguous());
        QVERIFY(std::find(rds.candidates.begin(), rds.candidates.end(), "postgresql") !=
                rds.candidates.end());
        QVERIFY(std::find(rds.candidates.begin(), rds.candidates.end(), "mysql") !=
                rds.candidates.end());
        const auto cache = resolveTechnology(builtinKnowledge(), "ElastiCache");
        QVERIFY(cache.ambiguous());
        const auto none = resolveTechnology(builtinKnowledge(), "FooBarDB 3");
        QVERIFY(!none.resolved());
        QVERIFY(!none.ambiguous());
        QVERIFY(!resolveTechnology(builtinKnowledge(), "").resolved());
        QVERIFY(!resolveTechnology(builtinKnowledge(), "   ").resolved());
    }

    void lookupsAndSuggestions() {
        const KnowledgeBase& kb = builtinKnowledge();
        QVERIFY(!kb.technology("nope"));
        QVERIFY(!kb.pattern("postgresql"));
        const auto near = kb.similarIds("postgres");
        QVERIFY(!near.empty());
        QCOMPARE(near.front(), std::string("postgresql"));
    }

    void theExampleUserPackLoads() {
        const auto result = loadKnowledge({kUserPack}, false);
        for (const auto& error : result.errors)
            qWarning("%s", error.toString().c_str());
        QVERIFY(result.ok());
        const Rule* rule = result.knowledge->rule("team-large-store-needs-shards");
        QVERIFY(rule);
        QCOMPARE(rule->severity, Severity::Error);
        QVERIFY(QString::fromStdString(rule->origin).endsWith("platform-team.json"));
        QCOMPARE(result.knowledge->rules.size(), builtinKnowledge().rules.size() + 2);
    }

    void theExampleRuleJudgesFacts() {
        const auto result = loadKnowledge({kUserPack}, false);
        QVERIFY(result.ok());
        const Rule* rule = result.knowledge->rule("team-large-store-needs-shards");
        Facts big;
        big.set("volumeGB", 800.0);
        big.set("shardCount", 1.0); // the analysis' value when no shards are stated
        QCOMPARE(evaluate(rule->when, big), Truth::True);
        big.set("shardCount", 4.0);
        QCOMPARE(evaluate(rule->when, big), Truth::False);
        Facts small;
        small.set("volumeGB", 20.0);
        QCOMPARE(evaluate(rule->when, small), Truth::False);
        QCOMPARE(evaluate(rule->when, Facts{}), Truth::Unknown);
    }

    void theExampleUserPackFiresOnAModel() {
        const auto result = loadKnowledge({kUserPack}, false);
        QVERIFY(result.ok());
        auto model = readModelJson(R"({"format":"plumbline-model","version":1,"name":"Big",
            "contexts":[{"id":"orders","name":"Orders"}],
            "elements":[{"id":"archive","name":"Archive","kind":"store","technology":"postgresql",
                         "context":"orders","data":{"volumeGB":800}}],
            "flows":[]})",
                                   "big.json");
        for (const auto& error : model.errors)
            qWarning("%s", error.toString().c_str());
        QVERIFY(model.ok());
        const auto checked = check(*model.model, *result.knowledge);
        bool fired = false;
        for (const auto& finding : checked.findings)
            fired = fired || (finding.rule == "team-large-store-needs-shards" &&
                              finding.element == "archive");
        QVERIFY(fired);
    }

    void aUserRuleReplacesTheBuiltInRuleWithItsId() {
        KnowledgeTexts texts;
        texts.technologies = readText(PLUMBLINE_SOURCE_DIR "/knowledge/technologies.json");
        texts.patterns = readText(PLUMBLINE_SOURCE_DIR "/knowledge/patterns.json");
        texts.rules = R"({"format":"plumbline-rules","version":1,"rules":[
            {"id":"busy","severity":"error","when":{"fact":"writesPerSecond","gt":10},
             "title":"Built-in","message":"m","rationale":"r"},
            {"id":"other","severity":"info","when":{"fact":"writers","gt":1},
             "title":"Other","message":"m","rationale":"r"}]})";
        auto loaded = loadKnowledgeFrom(texts);
        QVERIFY(loaded.ok());
        KnowledgeBase kb = *loaded.knowledge;
        const auto errors = addRulePack(kb, R"({"format":"plumbline-rules","version":1,"rules":[
            {"id":"busy","severity":"info","when":{"fact":"writesPerSecond","gt":5000},
             "title":"Ours","message":"m","rationale":"r"}]})",
                                        "team/busy.json");
        QVERIFY(errors.empty());
        QCOMPARE(kb.rules.size(), std::size_t(2));
        QCOMPARE(kb.rules.front().title, std::string("Ours")); // replaced in place
        QCOMPARE(kb.rules.front().severity, Severity::Info);
        QCOMPARE(kb.rules.front().origin, std::string("team/busy.json"));
    }

    void theUserConfigFolderIsLoadedToo() {
        QDir(configHome_.path()).mkpath("plumbline/rules");
        const QString target = configHome_.path() + "/plumbline/rules/platform-team.json";
        QVERIFY(QFile::copy(QString::fromStdString(kUserPack) + "/platform-team.json", target));
        QCOMPARE(QString::fromStdString(userRulesDir()), configHome_.path() + "/plumbline/rules");
        const auto withConfig = loadKnowledge({});
        QVERIFY(withConfig.ok());
        QVERIFY(withConfig.knowledge->rule("team-store-needs-owner"));
        QVERIFY(!loadKnowledge({}, false).knowledge->rule("team-store-needs-owner"));
        QFile::remove(target);
    }

private:
    QTemporaryDir configHome_;
};

QTEST_GUILESS_MAIN(TestKnowledge)
#include "tst_knowledge.moc"

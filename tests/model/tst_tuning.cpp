// Provenance and tuning: every rule parameter and envelope value says where it comes from (a
// research quote that really is in the research, a vendor page, or an assumption); a model's
// ruleSettings params and technologyEnvelopes change findings and fit, and are refused with
// file and JSON path when wrong; findings carry the thresholds they compared against.
#include "model_helpers.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/fit.h"
#include "plumbline/knowledge.h"
#include "plumbline/tuning.h"

#include <QtTest>
#include <algorithm>
#include <fstream>
#include <sstream>

using namespace plumb;

namespace {

// CI checks shared/ out beside the clone; a missing research file is a failure, not a skip.
const char* const kResearch =
    PLUMBLINE_SOURCE_DIR "/../shared/research/data-architecture-research.md";

std::string research() {
    std::ifstream in(kResearch, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

QString checkProvenance(const Provenance& p, const std::string& text) {
    if (p.kind == "research") {
        if (p.quote.empty() || text.find(p.quote) == std::string::npos)
            return "quote not in the research: " + QString::fromStdString(p.quote);
        if (text.find("# " + p.section + "\n") == std::string::npos)
            return "no research heading " + QString::fromStdString(p.section);
        return {};
    }
    if (p.kind == "vendor")
        return p.url.starts_with("https://") && !p.says.empty() ? QString() : "bad vendor entry";
    if (p.kind == "assumption") return p.reason.empty() ? "assumption without reason" : QString();
    return "unknown kind " + QString::fromStdString(p.kind);
}

// The envelope values that must carry a provenance (those that are not "unknown").
std::vector<std::string> valuesOf(const Envelope& e) {
    std::vector<std::string> out;
    auto band = [&](const std::string& field, const Band& b) {
        if (b.comfortable) out.push_back(field + ".comfortable");
        if (b.max) out.push_back(field + ".max");
    };
    band("volumeGB", e.volumeGB);
    band("writesPerSecond", e.writesPerSecond);
    if (e.vectors)
        band("vectors", *e.vectors);
    else
        out.push_back("vectors");
    if (e.maxRecordKB) out.push_back("maxRecordKB");
    for (const char* f : {"writerConcurrency", "transactions", "consistency", "durable", "queries",
                          "scaling", "http"})
        out.push_back(f);
    return out;
}

Model sqliteModel() {
    return testing::readModelOrFail(
        testing::dataPath("checker/rules/sqlite-write-concurrency/fires.json"));
}

bool fires(const Model& model, const std::string& rule, const std::string& element = "db") {
    CheckOptions options;
    options.today = "2026-12-01";
    for (const auto& f : check(model, builtinKnowledge(), options).findings)
        if (f.rule == rule && f.element == element) return true;
    return false;
}

Model withJson(const std::string& extra) {
    std::string text =
        testing::readText(testing::dataPath("checker/rules/sqlite-write-concurrency/fires.json"));
    text.insert(text.rfind('}'), "," + extra);
    auto result = readModelJson(text, "tuned.json");
    if (!result.model) qFatal("%s", result.errors.front().toString().c_str());
    return *result.model;
}

} // namespace

class TestTuning : public QObject {
    Q_OBJECT

private slots:
    void everyParameterAndEnvelopeValueHasProvenance() {
        const std::string text = research();
        QVERIFY2(!text.empty(), kResearch); // fail, never skip
        for (const auto& rule : builtinKnowledge().rules)
            for (const auto& p : rule.params) {
                const QString problem = checkProvenance(p.provenance, text);
                QVERIFY2(
                    problem.isEmpty(),
                    qPrintable(QString::fromStdString(rule.id + "." + p.name + ": ") + problem));
                QVERIFY(!p.unit.empty());
            }
        for (const auto& t : builtinKnowledge().technologies)
            for (const auto& key : valuesOf(t.envelope)) {
                auto it = t.envelopeProvenance.find(key);
                QVERIFY2(it != t.envelopeProvenance.end(),
                         qPrintable(QString::fromStdString(t.id + ": no provenance for " + key)));
                const QString problem = checkProvenance(it->second, text);
                QVERIFY2(problem.isEmpty(),
                         qPrintable(QString::fromStdString(t.id + "." + key + ": ") + problem));
            }
    }

    void researchOrderOfVectorCeilings() {
        const KnowledgeBase& kb = builtinKnowledge();
        const double pgvector = *kb.technology("pgvector")->envelope.vectors->max;
        for (const char* medium : {"chroma", "weaviate"})
            QVERIFY(*kb.technology(medium)->envelope.vectors->max <= pgvector);
        for (const char* large : {"pinecone", "qdrant", "milvus"})
            QVERIFY(*kb.technology(large)->envelope.vectors->comfortable > pgvector);
        QVERIFY(kb.technology("neo4j")->envelope.http);
        QCOMPARE(*kb.technology("mongodb")->envelope.writesPerSecond.max, 100000.0);
        QVERIFY(!kb.technology("duckdb")->envelope.writesPerSecond.comfortable);
    }

    // Category facts decide errors, so each says why it holds: a vendor page, a research quote or
    // an assumption with its own reason (no catch-all "summary of the documentation").
    void categoryFactsGiveTheirOwnReason() {
        for (const auto& t : builtinKnowledge().technologies)
            for (const char* fact : {"writerConcurrency", "transactions", "consistency", "durable",
                                     "queries", "scaling", "http"}) {
                const Provenance& p = t.envelopeProvenance.at(fact);
                QVERIFY2(p.reason.find("summary of the product's documented behaviour") ==
                             std::string::npos,
                         qPrintable(QString::fromStdString(t.id + "." + fact)));
            }
    }

    // Capabilities the vendors document (knowledge/README.md, Provenance) are in the envelope,
    // so a model using them gets no "unsupported" finding.
    void shippedCapabilitiesAreInTheEnvelope_data() {
        QTest::addColumn<QString>("technology");
        QTest::addColumn<QString>("query");
        for (const char* t : {"postgresql", "mysql", "sqlite", "mongodb", "redis", "oracle"})
            QTest::addRow("%s full-text", t) << t << "full-text";
        QTest::newRow("mongodb $lookup") << "mongodb"
                                         << "join";
        for (const char* t : {"elasticsearch", "opensearch"})
            QTest::addRow("%s range", t) << t << "range";
        for (const char* t : {"mongodb", "redis", "cassandra", "neo4j", "firestore", "bigquery",
                              "oracle", "elasticsearch", "snowflake", "aurora"})
            QTest::addRow("%s vector", t) << t << "vector";
    }
    void shippedCapabilitiesAreInTheEnvelope() {
        QFETCH(QString, technology);
        QFETCH(QString, query);
        const Envelope& e = builtinKnowledge().technology(technology.toStdString())->envelope;
        QVERIFY(std::ranges::find(e.queries, query.toStdString()) != e.queries.end());
        if (query == "vector") QVERIFY(e.vectors.has_value());
    }
    // The rule fixtures that fire on a product lacking the capability stay quiet on products
    // that ship it (the capability is the only difference).
    void aShippedCapabilityRaisesNoFinding_data() {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("technology");
        for (const char* t : {"redis", "mongodb", "cassandra", "neo4j", "firestore"})
            QTest::addRow("vector %s", t) << "vector-queries-unsupported" << t;
        QTest::newRow("join mongodb") << "join-queries-unsupported"
                                      << "mongodb";
        for (const char* t : {"postgresql", "mysql", "sqlite", "redis"})
            QTest::addRow("full-text %s", t) << "full-text-queries-unsupported" << t;
        QTest::newRow("aggregate redis") << "aggregate-queries-unsupported"
                                         << "redis";
    }
    void aShippedCapabilityRaisesNoFinding() {
        QFETCH(QString, rule);
        QFETCH(QString, technology);
        const std::string fixture = "checker/rules/" + rule.toStdString() + "/fires.json";
        Model model = testing::readModelOrFail(testing::dataPath(fixture));
        QVERIFY(fires(model, rule.toStdString()));
        model.findElement("db")->technology = technology.toStdString();
        QVERIFY(!fires(model, rule.toStdString()));
    }
    void shippedHttpApisCount() {
        for (const char* t : {"neo4j", "redpanda", "scylladb", "cloudflare-d1", "turso"})
            QVERIFY2(builtinKnowledge().technology(t)->envelope.http, t);
    }

    void raisingAParameterRemovesTheFindingLoweringBringsItBack() {
        Model model = sqliteModel(); // 2,000 writes/s from 20 writers
        QVERIFY(fires(model, "sqlite-write-concurrency"));
        RuleSetting s("sqlite-write-concurrency");
        s.hasSeverity = false;
        s.object = true;
        s.params = {{"writesPerSecond", 5000}};
        s.reason = "WAL mode, measured";
        model.ruleSettings.push_back(s);
        QVERIFY(!fires(model, "sqlite-write-concurrency"));
        model.ruleSettings.back().params = {{"writesPerSecond", 50}};
        QVERIFY(fires(model, "sqlite-write-concurrency"));
    }

    void teamValuesShowAsTeamThresholds() {
        Model model = withJson(R"("ruleSettings": {"sqlite-write-concurrency":
            {"params": {"writesPerSecond": 300}, "reason": "WAL mode; measured 2026-10"}})");
        const auto findings = check(model, builtinKnowledge(), {}).findings;
        const auto f = std::find_if(findings.begin(), findings.end(), [](const Finding& x) {
            return x.rule == "sqlite-write-concurrency";
        });
        QVERIFY(f != findings.end());
        QCOMPARE(f->severity, Severity::Error); // severity kept: the setting gave none
        QCOMPARE(f->thresholds.size(), std::size_t(1));
        QCOMPARE(f->thresholds[0].value, 300.0);
        QCOMPARE(f->thresholds[0].provenance.kind, std::string("team"));
        QCOMPARE(f->thresholds[0].provenance.reason, std::string("WAL mode; measured 2026-10"));
        const Json j = thresholdsJson(f->thresholds);
        QCOMPARE(j[0]["param"].get<std::string>(), std::string("writesPerSecond"));
        QCOMPARE(j[0]["unit"].get<std::string>(), std::string("writes/s"));
        QCOMPARE(j[0]["provenance"]["kind"].get<std::string>(), std::string("team"));
        // Round trip keeps the object form.
        const auto again = readModelJson(writeModelJson(model), "again.json");
        QVERIFY(again.model);
        QCOMPARE(again.model->ruleSettings, model.ruleSettings);
        QCOMPARE(again.model->extra, model.extra);
    }

    void defaultThresholdsCarryTheirProvenance() {
        const auto findings = check(sqliteModel(), builtinKnowledge(), {}).findings;
        for (const auto& f : findings)
            if (f.rule == "sqlite-write-concurrency") {
                QCOMPARE(f.thresholds.size(), std::size_t(1));
                QCOMPARE(f.thresholds[0].provenance.kind, std::string("assumption"));
                // Where to tune it, said once (the reason may already say it).
                const std::string text = thresholdText(f.thresholds[0]);
                const auto at = text.find("ruleSettings");
                QVERIFY2(at != std::string::npos, text.c_str());
                QVERIFY2(text.find("ruleSettings", at + 1) == std::string::npos, text.c_str());
                return;
            }
        QFAIL("no sqlite-write-concurrency finding");
    }

    void technologyEnvelopesChangeFindingsAndFit() {
        const Model plain = testing::readModelOrFail(
            testing::dataPath("checker/rules/write-velocity-above-max/fires.json"));
        const std::string db = plain.extra["expect"]["element"].get<std::string>();
        QVERIFY(fires(plain, "write-velocity-above-max", db));
        const std::string tech = *plain.findElement(db)->technology;
        Model tuned = plain;
        tuned.extra["technologyEnvelopes"] = Json::parse(
            R"({")" + tech +
            R"(": {"writesPerSecond": {"comfortable": 1000000, "max": 10000000}, "reason": "our cluster"}})");
        QVERIFY(checkTuning(tuned, builtinKnowledge(), "m.json").empty());
        QVERIFY(!fires(tuned, "write-velocity-above-max", db));

        const KnowledgeBase kb = applyTuning(builtinKnowledge(), tuned);
        QCOMPARE(kb.technology(tech)->envelopeProvenance.at("writesPerSecond.max").kind,
                 std::string("team"));
        const auto before = analyse(plain, builtinKnowledge());
        const auto after = analyse(tuned, kb);
        auto scoreOf = [&](const KnowledgeBase& k, const AnalysisResult& a) {
            for (const auto& fit : rankTechnologies(*plain.findElement(db), *a.facts(db), k))
                if (fit.technology == tech) return fit.score;
            return -1.0;
        };
        QVERIFY(scoreOf(kb, after) > scoreOf(builtinKnowledge(), before));
    }

    void badTuningIsAnInputErrorWithItsPath_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown param")
            << R"("ruleSettings": {"sqlite-write-concurrency": {"params": {"writes": 3}}})"
            << "/ruleSettings/sqlite-write-concurrency/params/writes"
            << "has no parameter 'writes'; expected one of writesPerSecond";
        QTest::newRow("unknown rule")
            << R"("ruleSettings": {"sqlite-writes": {"params": {"writesPerSecond": 3}}})"
            << "/ruleSettings/sqlite-writes"
            << "unknown rule 'sqlite-writes'";
        QTest::newRow("unknown technology")
            << R"("technologyEnvelopes": {"postgres": {"http": true}})"
            << "/technologyEnvelopes/postgres"
            << "did you mean 'postgresql'";
        QTest::newRow("unknown field")
            << R"("technologyEnvelopes": {"postgresql": {"writesPerSec": {"max": 3}}})"
            << "/technologyEnvelopes/postgresql/writesPerSec"
            << "unknown envelope field";
        QTest::newRow("bad band")
            << R"("technologyEnvelopes": {"postgresql": {"volumeGB": {"max": -1}}})"
            << "/technologyEnvelopes/postgresql/volumeGB/max"
            << "non-negative number";
        QTest::newRow("bad choice")
            << R"("technologyEnvelopes": {"postgresql": {"transactions": "some"}})"
            << "/technologyEnvelopes/postgresql/transactions"
            << "expected one of acid";
    }
    void badTuningIsAnInputErrorWithItsPath() {
        QFETCH(QString, json);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const Model model = withJson(json.toStdString());
        const auto errors = checkTuning(model, builtinKnowledge(), "tuned.json");
        QVERIFY(!errors.empty());
        QCOMPARE(QString::fromStdString(errors.front().file), QString("tuned.json"));
        QCOMPARE(QString::fromStdString(errors.front().path), path);
        QVERIFY2(QString::fromStdString(errors.front().message).contains(message),
                 errors.front().toString().c_str());
    }

    void aParameterValueOfTheWrongTypeIsRefusedOnRead() {
        std::string text = testing::readText(
            testing::dataPath("checker/rules/sqlite-write-concurrency/fires.json"));
        text.insert(
            text.rfind('}'),
            R"(,"ruleSettings": {"sqlite-write-concurrency": {"params": {"writesPerSecond": "lots"}}})");
        const auto result = readModelJson(text, "bad.json");
        QVERIFY(!result.model);
        QCOMPARE(QString::fromStdString(result.errors.front().path),
                 QString("/ruleSettings/sqlite-write-concurrency/params/writesPerSecond"));
    }
};

QTEST_GUILESS_MAIN(TestTuning)
#include "tst_tuning.moc"

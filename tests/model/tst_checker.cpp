// The checker: every rule fires on a model that breaks it and stays quiet on a close model that
// does not (tests/data/checker/rules/<rule>/{fires,quiet}.json); designs the research endorses
// stay clean; the bundled examples show their documented findings; waivers, expiry and rule
// settings behave as model-format.md says.
#include "model_helpers.h"
#include "plumbline/checker.h"
#include "plumbline/fit.h"
#include "plumbline/knowledge.h"

#include <QtTest>
#include <filesystem>

using namespace plumb;

namespace {

CheckOptions optionsFor(const Model& model) {
    CheckOptions options;
    options.today = "2026-12-01";
    if (model.extra.contains("checkOptions"))
        options.analysis.horizonMonths = model.extra["checkOptions"].value("horizonMonths", 0.0);
    return options;
}

std::vector<Finding> findingsOf(const std::string& path, CheckOptions* override = nullptr) {
    const Model model = testing::readModelOrFail(path);
    const CheckOptions options = override ? *override : optionsFor(model);
    return check(model, builtinKnowledge(), options).findings;
}

const Finding* findRule(const std::vector<Finding>& findings, const std::string& rule,
                        const std::string& element) {
    for (const auto& f : findings)
        if (f.rule == rule && f.element == element) return &f;
    return nullptr;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string out;
    for (const auto& f : findings)
        out += f.rule + "@" + f.element + "(" + std::string(spelling(f.severity)) + ") ";
    return out;
}

Model baseModel() {
    return testing::readModelOrFail(
        testing::dataPath("checker/rules/sqlite-write-concurrency/fires.json"));
}

} // namespace

class TestChecker : public QObject {
    Q_OBJECT

private slots:
    void everyRuleHasFixtures() {
        for (const auto& rule : builtinKnowledge().rules) {
            const std::string dir = testing::dataPath("checker/rules/" + rule.id);
            QVERIFY2(std::filesystem::exists(dir + "/fires.json"), rule.id.c_str());
            QVERIFY2(std::filesystem::exists(dir + "/quiet.json"), rule.id.c_str());
        }
        QVERIFY(builtinKnowledge().rules.size() >= 40);
    }

    void ruleFiresAndStaysQuiet_data() {
        QTest::addColumn<QString>("rule");
        for (const auto& entry :
             std::filesystem::directory_iterator(testing::dataPath("checker/rules")))
            QTest::newRow(entry.path().filename().string().c_str())
                << QString::fromStdString(entry.path().filename().string());
    }
    void ruleFiresAndStaysQuiet() {
        QFETCH(QString, rule);
        const std::string id = rule.toStdString();
        const std::string dir = testing::dataPath("checker/rules/" + id);
        const Model fires = testing::readModelOrFail(dir + "/fires.json");
        const std::string element = fires.extra["expect"]["element"].get<std::string>();
        const auto hits = findingsOf(dir + "/fires.json");
        const Finding* f = findRule(hits, id, element);
        QVERIFY2(f, ("did not fire: " + describe(hits)).c_str());
        QCOMPARE(f->severity, builtinKnowledge().rule(id)->severity);
        QVERIFY2(f->message.find('{') == std::string::npos, f->message.c_str());
        QVERIFY2(f->message.find("unknown") == std::string::npos, f->message.c_str());
        // Findings cite their numbers.
        QVERIFY2(!f->evidence.empty(), id.c_str());
        const auto quiet = findingsOf(dir + "/quiet.json");
        for (const auto& q : quiet)
            QVERIFY2(q.rule != id, ("fired on the quiet model: " + describe(quiet)).c_str());
    }

    void endorsedDesignsHaveNoErrorsOrWarnings_data() {
        QTest::addColumn<QString>("file");
        for (const auto& entry :
             std::filesystem::directory_iterator(testing::dataPath("checker/endorsed")))
            QTest::newRow(entry.path().filename().string().c_str())
                << QString::fromStdString(entry.path().string());
    }
    void endorsedDesignsHaveNoErrorsOrWarnings() {
        QFETCH(QString, file);
        for (double horizon : {0.0, 12.0}) {
            CheckOptions options;
            options.analysis.horizonMonths = horizon;
            const auto findings = findingsOf(file.toStdString(), &options);
            for (const auto& f : findings)
                QVERIFY2(f.severity < Severity::Warning, describe(findings).c_str());
        }
    }

    void technologiesAsPeopleWriteThemAreResolved() {
        const auto findings = findingsOf(testing::dataPath("checker/aliases.json"));
        for (const auto& f : findings)
            QVERIFY2(f.rule != "unknown-technology" && f.rule != "ambiguous-technology",
                     describe(findings).c_str());
        // The checker says what each name was read as, and checks it as that technology.
        const Finding* postgres = findRule(findings, "technology-resolved", "db1");
        QVERIFY2(postgres, describe(findings).c_str());
        QVERIFY2(postgres->message.find("PostgreSQL 15") != std::string::npos,
                 postgres->message.c_str());
        QVERIFY(findRule(findings, "technology-resolved", "db3"));   // Oracle Database Schema
        QVERIFY(findRule(findings, "technology-resolved", "tasks")); // Amazon SQS
        QVERIFY2(findRule(findings, "serverless-without-pooler", "pg"), describe(findings).c_str());
    }

    void examplesShowTheirDocumentedFindings_data() {
        QTest::addColumn<QString>("example");
        QTest::addColumn<QStringList>("expected"); // rule@element of every error and warning
        QTest::newRow("ecommerce") << "ecommerce-platform.json"
                                   << QStringList{"serverless-without-pooler@catalog-db",
                                                  "shared-store-across-contexts@catalog-db",
                                                  "shared-store-across-contexts@orders-db"};
        QTest::newRow("iot") << "iot-telemetry.json"
                             << QStringList{"mongodb-document-size@device-shadow",
                                            "duckdb-multi-process-writers@lake",
                                            "shared-store-across-contexts@device-shadow",
                                            "write-velocity-tuning-band@device-shadow",
                                            "write-velocity-tuning-band@metrics-db",
                                            "stream-partitions-below-consumers@telemetry"};
        QTest::newRow("rag") << "rag-assistant.json"
                             << QStringList{"cache-technology-as-system-of-record@chat-history",
                                            "shared-store-across-contexts@documents-db",
                                            "pgvector-vector-comfort@embeddings",
                                            "shared-store-across-contexts@embeddings"};
        QTest::newRow("saas") << "saas-edge.json"
                              << QStringList{"dual-writes-without-stream@edge-api",
                                             "volume-above-technology-max@audit-log",
                                             "shared-store-across-contexts@audit-log",
                                             "single-writer-write-rate@audit-log",
                                             "serverless-without-pooler@billing-db"};
    }
    void examplesShowTheirDocumentedFindings() {
        QFETCH(QString, example);
        QFETCH(QStringList, expected);
        CheckOptions options;
        options.today = "2026-12-01";
        const auto findings = findingsOf(testing::examplePath(example.toStdString()), &options);
        QStringList actual;
        for (const auto& f : findings)
            if (f.severity >= Severity::Warning && !f.waived)
                actual << QString::fromStdString(f.rule + "@" + f.element);
        actual.sort();
        expected.sort();
        QVERIFY2(actual == expected, qPrintable(actual.join(", ")));
    }

    void scaleFlagsMore() {
        const Model model = testing::readModelOrFail(
            testing::dataPath("checker/endorsed/postgresql-with-read-aside-redis.json"));
        CheckOptions options;
        options.analysis.scale = 100;
        const auto findings = check(model, builtinKnowledge(), options).findings;
        QVERIFY(findRule(findings, "write-velocity-tuning-band", "orders-db"));
        QVERIFY(findRule(findings, "single-node-volume-band", "orders-db"));
    }

    // What a finding says to consider is what the fit ranking (reports, charts, "Try it") ranks
    // for that element: never a technology the ranking rules out or is not of its kind.
    void considerListsComeFromTheFitRanking() {
        int checked = 0;
        for (const auto& file : testing::exampleFiles()) {
            const Model model = testing::readModelOrFail(file);
            CheckOptions options;
            options.analysis.scale = 10; // more findings with alternatives
            const CheckResult result = check(model, builtinKnowledge(), options);
            for (const Finding& f : result.findings) {
                const Element* e = model.findElement(f.element);
                const Facts* facts = result.analysis.facts(f.element);
                if (!e || !facts || f.alternatives.empty()) continue;
                const auto ranked = rankTechnologies(*e, *facts, builtinKnowledge());
                if (ranked.empty()) continue;
                QVERIFY(f.alternatives.size() <= 3);
                for (const auto& id : f.alternatives) {
                    auto it =
                        std::find_if(ranked.begin(), ranked.end(),
                                     [&](const TechnologyFit& t) { return t.technology == id; });
                    QVERIFY2(it != ranked.end() && !it->ruledOut && !it->current,
                             (f.rule + "@" + f.element + " suggests " + id).c_str());
                }
                ++checked;
            }
        }
        QVERIFY(checked > 5);
    }

    void messagesCiteNumbersAgainstTheEnvelope() {
        const auto findings =
            findingsOf(testing::dataPath("checker/rules/sqlite-write-concurrency/fires.json"));
        const Finding* f = findRule(findings, "sqlite-write-concurrency", "db");
        QVERIFY(f);
        QVERIFY2(f->message.find("20 writer processes push 2,000 writes/s") != std::string::npos,
                 f->message.c_str());
        QVERIFY(!f->alternatives.empty());
        QVERIFY(!f->sources.empty());
        QCOMPARE(f->evidence.front().first, std::string("writers"));
    }

    void waiverWaivesAndExpiredWaiverDoesNot() {
        Model model = baseModel();
        model.waivers.push_back({std::string("sqlite-write-concurrency"), std::string("db"),
                                 std::string("single writer by design"), std::string("ana"),
                                 std::string("2026-11-20"), std::string("2027-05-20"),
                                 Json::object()});
        CheckOptions options;
        options.today = "2026-12-01";
        auto result = check(model, builtinKnowledge(), options);
        const Finding* f = findRule(result.findings, "sqlite-write-concurrency", "db");
        QVERIFY(f && f->waived && !f->waiverExpired);
        QCOMPARE(f->waiverReason, std::string("single writer by design"));
        QCOMPARE(result.count(Severity::Error), 0);
        QCOMPARE(result.waivedCount(), 1);

        options.today = "2027-06-01";
        result = check(model, builtinKnowledge(), options);
        f = findRule(result.findings, "sqlite-write-concurrency", "db");
        QVERIFY(f && !f->waived && f->waiverExpired);
        QVERIFY(f->message.find("expired on 2027-05-20") != std::string::npos);
        QCOMPARE(result.count(Severity::Error), 1);
    }

    // Issue #19: waiving the broader SQLite finding brought the status bar to 0 errors and 0
    // warnings at 200,000 writes/s. The finding it superseded must come back instead.
    void waivingASuperseederBringsBackWhatItSuperseded_data() {
        QTest::addColumn<double>("scale");
        QTest::newRow("x1") << 1.0;
        QTest::newRow("x100") << 100.0;
    }
    void waivingASuperseederBringsBackWhatItSuperseded() {
        QFETCH(double, scale);
        Model model = baseModel();
        CheckOptions options;
        options.today = "2026-12-01";
        options.analysis.scale = scale;
        auto result = check(model, builtinKnowledge(), options);
        QVERIFY(findRule(result.findings, "sqlite-write-concurrency", "db"));
        QVERIFY2(!findRule(result.findings, "single-writer-write-rate", "db") &&
                     !findRule(result.findings, "single-writer-write-velocity", "db"),
                 describe(result.findings).c_str());

        model.waivers.push_back({std::string("sqlite-write-concurrency"), std::string("db"),
                                 std::string("single writer by design"), std::string("ana"),
                                 std::string("2026-11-20"), std::nullopt, Json::object()});
        result = check(model, builtinKnowledge(), options);
        QVERIFY(findRule(result.findings, "sqlite-write-concurrency", "db")->waived);
        // x1: 2,000 writes/s is past a single writer's comfort (a warning); x100: 200,000
        // writes/s is past any single writer (an error, which supersedes the warning in turn).
        const char* expected =
            scale > 1 ? "single-writer-write-velocity" : "single-writer-write-rate";
        const Finding* back = findRule(result.findings, expected, "db");
        QVERIFY2(back && !back->waived, describe(result.findings).c_str());
        QCOMPARE(result.count(Severity::Warning), scale > 1 ? 0 : 1);
        QCOMPARE(result.count(Severity::Error), scale > 1 ? 1 : 0);

        // An expired waiver does not waive, so its finding supersedes again.
        model.waivers.back().expires = "2026-11-30";
        result = check(model, builtinKnowledge(), options);
        QVERIFY(!findRule(result.findings, "sqlite-write-concurrency", "db")->waived);
        QVERIFY(!findRule(result.findings, "single-writer-write-rate", "db"));
    }

    // Lifting or editing a waived finding's waiver needs the waiver the checker applied.
    void waiverForFindsTheWaiverTheCheckerApplied() {
        Model model = baseModel();
        auto waiver = [](std::optional<std::string> element, std::optional<std::string> expires) {
            Waiver w;
            w.rule = std::string("sqlite-write-concurrency");
            w.element = std::move(element);
            w.expires = std::move(expires);
            return w;
        };
        model.waivers.push_back(waiver(std::string("other"), std::nullopt));
        model.waivers.push_back(waiver(std::string("db"), std::string("2026-01-01")));
        model.waivers.push_back(waiver(std::nullopt, std::nullopt));
        CheckOptions options;
        options.today = "2026-12-01";
        const auto result = check(model, builtinKnowledge(), options);
        const Finding* f = findRule(result.findings, "sqlite-write-concurrency", "db");
        QVERIFY(f && f->waived);
        QCOMPARE(waiverFor(model, *f, options.today), std::optional<std::size_t>(2));
        model.waivers.pop_back(); // only the expired one is left
        QCOMPARE(waiverFor(model, *f, options.today), std::optional<std::size_t>(1));
        model.waivers.pop_back();
        QCOMPARE(waiverFor(model, *f, options.today), std::nullopt);
    }

    void waiverWithoutElementCoversEveryElement() {
        Model model = baseModel();
        model.waivers.push_back({std::string("sqlite-write-concurrency"), std::nullopt,
                                 std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                 Json::object()});
        const auto result = check(model, builtinKnowledge(), {});
        QVERIFY(findRule(result.findings, "sqlite-write-concurrency", "db")->waived);
        // A waiver for another element does not apply.
        model.waivers.front().element = "other";
        QVERIFY(!findRule(check(model, builtinKnowledge(), {}).findings, "sqlite-write-concurrency",
                          "db")
                     ->waived);
    }

    void ruleSettingsOverrideSeverityOrSilence() {
        Model model = baseModel();
        model.ruleSettings.push_back({"sqlite-write-concurrency", Severity::Info});
        auto findings = check(model, builtinKnowledge(), {}).findings;
        QCOMPARE(findRule(findings, "sqlite-write-concurrency", "db")->severity, Severity::Info);
        model.ruleSettings.front().severity = Severity::Off;
        findings = check(model, builtinKnowledge(), {}).findings;
        QVERIFY(!findRule(findings, "sqlite-write-concurrency", "db"));
    }

    void unknownTechnologyIsAWarningNotAnError() {
        Model model = baseModel();
        model.findElement("db")->technology = "sqlyte-three";
        const auto result = check(model, builtinKnowledge(), {});
        const Finding* f = findRule(result.findings, "unknown-technology", "db");
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Warning);
        QVERIFY(f->message.find("'sqlyte-three'") != std::string::npos);
        QCOMPARE(result.count(Severity::Error), 0);
    }

    void missingEstimatesGiveOneInfoPerStore() {
        Model model;
        model.elements.push_back({});
        Element& db = model.elements.back();
        db.id = "db";
        db.kind = ElementKind::Store;
        db.technology = "postgresql";
        const auto findings = check(model, builtinKnowledge(), {}).findings;
        int notes = 0;
        for (const auto& f : findings) {
            QVERIFY2(f.rule == kEstimatesMissingRule, describe(findings).c_str());
            ++notes;
            QCOMPARE(f.severity, Severity::Info);
            QVERIFY(f.missing.size() > 3);
            QVERIFY(std::find(f.missing.begin(), f.missing.end(), "volumeGB") != f.missing.end());
            QVERIFY(std::find(f.missing.begin(), f.missing.end(), "writesPerSecond") !=
                    f.missing.end());
            // The knowledge base's own gaps are never blamed on the model.
            for (const auto& m : f.missing)
                QVERIFY(m.rfind("envelope.", 0) != 0);
        }
        QCOMPARE(notes, 1);
    }

    void findingsAreSortedBySeverityElementRule() {
        const auto findings = findingsOf(testing::examplePath("iot-telemetry.json"));
        for (std::size_t i = 1; i < findings.size(); ++i) {
            const auto& a = findings[i - 1];
            const auto& b = findings[i];
            QVERIFY(a.severity > b.severity ||
                    (a.severity == b.severity &&
                     (a.element < b.element || (a.element == b.element && a.rule <= b.rule))));
        }
        QCOMPARE(findingsOf(testing::examplePath("iot-telemetry.json")), findings);
    }

    void fitNeverRanksACacheFirstForCriticalRecords() {
        const Model model = testing::readModelOrFail(
            testing::dataPath("checker/endorsed/same-context-services-share-db.json"));
        const auto analysis = analyse(model, builtinKnowledge());
        const Element& db = *model.findElement("orders-db");
        const auto ranking = rankTechnologies(db, *analysis.facts("orders-db"), builtinKnowledge());
        QVERIFY(ranking.size() > 3);
        const Technology* best = builtinKnowledge().technology(ranking.front().technology);
        QVERIFY(best->envelope.durable);
        QVERIFY(best->category != "key-value");
        for (std::size_t i = 1; i < ranking.size(); ++i)
            QVERIFY(ranking[i - 1].score >= ranking[i].score);
        for (const auto& fit : ranking) {
            QVERIFY(fit.score >= 0 && fit.score <= 1);
            for (const auto& d : fit.dimensions)
                QVERIFY(!d.reason.empty());
            if (fit.technology == "redis") QVERIFY(fit.ruledOut);
        }
    }

    void fitPrefersVectorStoresForBillionsOfVectors() {
        const Model model = testing::readModelOrFail(
            testing::dataPath("checker/rules/medium-vector-store-billions/fires.json"));
        const auto analysis = analyse(model, builtinKnowledge());
        const auto ranking =
            rankTechnologies(*model.findElement("db"), *analysis.facts("db"), builtinKnowledge());
        QVERIFY(!ranking.empty());
        const std::string best = ranking.front().technology;
        QVERIFY2(best == "pinecone" || best == "qdrant" || best == "milvus", best.c_str());
    }

    void formatsNumbersWithSeparatorsAndUnits() {
        QCOMPARE(formatFact("writesPerSecond", 2000.0), std::string("2,000"));
        QCOMPARE(formatFact("volumeGB", 1234567.0), std::string("1,234,567 GB"));
        QCOMPARE(formatFact("maxRecordKB", 16384.0), std::string("16 MB"));
        QCOMPARE(formatFact("readWriteRatio", 2.5), std::string("2.5"));
        QCOMPARE(formatFact("growthGBPerMonth", 12.0), std::string("12 GB"));
        QCOMPARE(formatFact("contexts", std::vector<std::string>{"a", "b"}), std::string("a, b"));
    }
};

QTEST_GUILESS_MAIN(TestChecker)
#include "tst_checker.moc"

// `plumbline check` end to end, as CI runs it: exit status, the JSON of cli.md, SARIF 2.1.0 for
// code scanning, what-if scaling and one-line errors for bad usage.
#include "app_helpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using testing::dataPath;
using testing::examplePath;
using testing::runPlumbline;

namespace {

const QString kClean = "checker/endorsed/postgresql-with-read-aside-redis.json";
const QString kError = "checker/rules/sqlite-write-concurrency/fires.json";

QJsonObject parse(const QString& text) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) qWarning() << error.errorString();
    return doc.object();
}

} // namespace

class TestCliCheck : public QObject {
    Q_OBJECT

private slots:
    void exitStatusFollowsFailOn() {
        QCOMPARE(runPlumbline({"check", dataPath(kClean)}).exitCode, 0);
        QCOMPARE(runPlumbline({"check", dataPath(kError)}).exitCode, 1);
        QCOMPARE(runPlumbline({"check", dataPath(kError), "--fail-on", "never"}).exitCode, 0);
        const QString warningOnly = dataPath("checker/rules/cache-without-ttl/fires.json");
        QCOMPARE(runPlumbline({"check", warningOnly}).exitCode, 0);
        QCOMPARE(runPlumbline({"check", warningOnly, "--fail-on", "warning"}).exitCode, 1);
        QCOMPARE(runPlumbline({"check", warningOnly, "--fail-on=warning"}).exitCode, 1);
    }

    // Issue 19: a pooler in front of SQLite made the write-concurrency error disappear (exit 0).
    void aPoolerInFrontOfSqliteStillFails() {
        const auto run = runPlumbline(
            {"check", dataPath("checker/sqlite-behind-pooler.json"), "--format", "json"});
        QCOMPARE(run.exitCode, 1);
        bool found = false;
        for (const auto& f : parse(run.out)["findings"].toArray()) {
            const QJsonObject finding = f.toObject();
            if (finding["rule"] == "sqlite-write-concurrency" && finding["element"] == "db") {
                found = true;
                QVERIFY2(finding["message"].toString().startsWith("20 writer processes"),
                         qPrintable(finding["message"].toString()));
            }
        }
        QVERIFY(found);
    }

    void waivedFindingsNeverFail() {
        QTemporaryDir dir;
        QFile in(dataPath(kError));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject model = QJsonDocument::fromJson(in.readAll()).object();
        model["waivers"] = QJsonArray{QJsonObject{{"rule", "sqlite-write-concurrency"},
                                                  {"element", "db"},
                                                  {"reason", "single writer by design"},
                                                  {"expires", "2999-01-01"}}};
        const QString path = dir.filePath("waived.json");
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(model).toJson());
        out.close();
        const auto run = runPlumbline({"check", path, "--format", "json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = parse(run.out)["summary"].toObject();
        QCOMPARE(summary["waived"].toInt(), 1);
        QCOMPARE(summary["error"].toInt(), 0);
        // Issue 19: at x100 (200,000 writes/s into SQLite) the waiver hid the finding it
        // superseded and the check passed. The waived finding hides nothing but itself.
        const auto scaled = runPlumbline({"check", path, "--scale", "100", "--format", "json"});
        QCOMPARE(scaled.exitCode, 1);
        const QJsonObject scaledSummary = parse(scaled.out)["summary"].toObject();
        QCOMPARE(scaledSummary["waived"].toInt(), 1);
        QCOMPARE(scaledSummary["error"].toInt(), 1);
    }

    void jsonHasTheContractShape() {
        const auto run =
            runPlumbline({"check", examplePath("iot-telemetry.json"), "--format", "json"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject j = parse(run.out);
        QCOMPARE(j["tool"].toString(), QString("plumbline"));
        QVERIFY(!j["version"].toString().isEmpty());
        QCOMPARE(j["model"].toString(), QString("IoT telemetry pipeline"));
        QCOMPARE(j["scale"].toDouble(), 1.0);
        QCOMPARE(j["horizonMonths"].toDouble(), 0.0);
        const QJsonArray findings = j["findings"].toArray();
        QVERIFY(!findings.isEmpty());
        for (const auto& value : findings) {
            const QJsonObject f = value.toObject();
            for (const char* key : {"rule", "severity", "element", "title", "message", "evidence",
                                    "alternatives", "patterns", "sources", "waived"})
                QVERIFY2(f.contains(key), key);
            QVERIFY(f["evidence"].isObject());
        }
        QCOMPARE(findings.first().toObject()["severity"].toString(), QString("error"));
        const QJsonArray stores = j["stores"].toArray();
        QVERIFY(!stores.isEmpty());
        for (const auto& value : stores) {
            const QJsonObject s = value.toObject();
            for (const char* key :
                 {"element", "technology", "readsPerSecond", "writesPerSecond", "volumeGB", "fit"})
                QVERIFY2(s.contains(key), key);
            for (const auto& fit : s["fit"].toArray()) {
                QVERIFY(fit.toObject().contains("technology"));
                QVERIFY(fit.toObject()["score"].toDouble() <= 1.0);
            }
        }
        const QJsonObject summary = j["summary"].toObject();
        for (const char* key : {"error", "warning", "info", "waived"})
            QVERIFY2(summary.contains(key), key);
        QCOMPARE(summary["error"].toInt(), 2);
    }

    void sarifIsValidForCodeScanning() {
        const QString file = examplePath("ecommerce-platform.json");
        const auto run = runPlumbline({"check", file, "--format", "sarif", "--fail-on", "never"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject log = parse(run.out);
        QVERIFY(log["$schema"].toString().contains("sarif-2.1.0"));
        QCOMPARE(log["version"].toString(), QString("2.1.0"));
        const QJsonObject sarifRun = log["runs"].toArray().first().toObject();
        const QJsonObject driver = sarifRun["tool"].toObject()["driver"].toObject();
        QCOMPARE(driver["name"].toString(), QString("plumbline"));
        QVERIFY(!driver["version"].toString().isEmpty());
        QVERIFY(!driver.contains("informationUri")); // no project site yet: none rather than a fake
        const QJsonArray rules = driver["rules"].toArray();
        QVERIFY(rules.size() >= 40);
        for (const auto& value : rules) {
            const QJsonObject r = value.toObject();
            for (const char* key : {"id", "name", "shortDescription", "fullDescription", "help",
                                    "defaultConfiguration", "properties"})
                QVERIFY2(r.contains(key), key);
            if (r.contains("helpUri")) QVERIFY(r["helpUri"].toString().startsWith("https://"));
            QVERIFY(r["help"].toObject().contains("markdown"));
            QVERIFY(QStringList({"error", "warning", "note"})
                        .contains(r["defaultConfiguration"].toObject()["level"].toString()));
        }
        const QJsonArray results = sarifRun["results"].toArray();
        QVERIFY(!results.isEmpty());
        for (const auto& value : results) {
            const QJsonObject r = value.toObject();
            const int index = r["ruleIndex"].toInt(-1);
            QVERIFY(index >= 0 && index < rules.size());
            QCOMPARE(rules[index].toObject()["id"].toString(), r["ruleId"].toString());
            QVERIFY(QStringList({"error", "warning", "note"}).contains(r["level"].toString()));
            QVERIFY(!r["message"].toObject()["text"].toString().isEmpty());
            const QJsonObject location = r["locations"].toArray().first().toObject();
            const QJsonObject physical = location["physicalLocation"].toObject();
            QVERIFY(physical["artifactLocation"].toObject()["uri"].toString().endsWith(
                "ecommerce-platform.json"));
            QVERIFY(physical["region"].toObject()["startLine"].toInt() > 1);
            QVERIFY(!location["logicalLocations"].toArray().isEmpty());
            QVERIFY(!r["partialFingerprints"].toObject().isEmpty());
        }
        QVERIFY(!sarifRun["artifacts"].toArray().isEmpty());
    }

    void sarifLineNumbersPointAtTheElement() {
        const QString file = dataPath(kError);
        const auto run = runPlumbline({"check", file, "--format", "sarif"});
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(in.readAll()).split('\n');
        for (const auto& value :
             parse(run.out)["runs"].toArray().first().toObject()["results"].toArray()) {
            const QJsonObject r = value.toObject();
            if (r["ruleId"].toString() != "sqlite-write-concurrency") continue;
            const int line = r["locations"]
                                 .toArray()
                                 .first()
                                 .toObject()["physicalLocation"]
                                 .toObject()["region"]
                                 .toObject()["startLine"]
                                 .toInt();
            QVERIFY(lines.value(line - 1).contains("\"db\""));
            return;
        }
        QFAIL("no sqlite-write-concurrency result");
    }

    void scaleFlagsMore() {
        const auto base = parse(runPlumbline({"check", dataPath(kClean), "--format", "json"}).out);
        const auto scaled = runPlumbline({"check", dataPath(kClean), "--format", "json", "--scale",
                                          "100", "--horizon-months", "24"});
        const auto j = parse(scaled.out);
        QCOMPARE(j["scale"].toDouble(), 100.0);
        QCOMPARE(j["horizonMonths"].toDouble(), 24.0);
        const auto count = [](const QJsonObject& o) {
            return o["summary"].toObject()["error"].toInt() +
                   o["summary"].toObject()["warning"].toInt();
        };
        QCOMPARE(count(base), 0);
        QVERIFY(count(j) > 0);
    }

    void textGroupsBySeverity() {
        const auto run = runPlumbline({"check", examplePath("iot-telemetry.json")});
        QVERIFY(run.out.contains("Errors (2)"));
        QVERIFY(run.out.contains("Warnings ("));
        QVERIFY(!run.out.contains("\x1b[")); // no colour when not a terminal
        QVERIFY(run.err.isEmpty());
    }

    void badUsageExitsTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        const QString f = dataPath(kClean);
        QTest::newRow("format") << QStringList{"check", f, "--format", "xml"} << "--format";
        QTest::newRow("scale text") << QStringList{"check", f, "--scale", "abc"} << "--scale";
        QTest::newRow("scale zero") << QStringList{"check", f, "--scale", "0"} << "--scale";
        QTest::newRow("horizon negative")
            << QStringList{"check", f, "--horizon-months", "-1"} << "--horizon-months";
        QTest::newRow("fail-on") << QStringList{"check", f, "--fail-on", "sometimes"}
                                 << "--fail-on";
        QTest::newRow("missing value") << QStringList{"check", f, "--scale"} << "--scale";
        QTest::newRow("unknown option") << QStringList{"check", f, "--colour"} << "--colour";
        QTest::newRow("no file") << QStringList{"check"} << "model file";
        QTest::newRow("two files") << QStringList{"check", f, f} << "one model file";
        QTest::newRow("missing file")
            << QStringList{"check", "/nonexistent/model.json"} << "model.json";
        QTest::newRow("missing rules dir")
            << QStringList{"check", f, "--rules", "/nonexistent/rules"} << "rules";
        QTest::newRow("invalid model")
            << QStringList{"check", dataPath("checker/invalid-model.json")}
            << "/elements/0/data/volumeGB";
    }
    void badUsageExitsTwoWithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto run = runPlumbline(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.crashed);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    }

    void findingsShowTheirThresholdsAndProvenance() {
        const auto json = parse(runPlumbline({"check", dataPath(kError), "--format", "json"}).out);
        QJsonObject finding;
        for (const auto& f : json["findings"].toArray())
            if (f.toObject()["rule"] == "sqlite-write-concurrency") finding = f.toObject();
        const auto thresholds = finding["thresholds"].toArray();
        QCOMPARE(thresholds.size(), 1);
        const auto t = thresholds[0].toObject();
        QCOMPARE(t["param"].toString(), QString("writesPerSecond"));
        QCOMPARE(t["value"].toDouble(), 100.0);
        QCOMPARE(t["unit"].toString(), QString("writes/s"));
        QCOMPARE(t["provenance"].toObject()["kind"].toString(), QString("assumption"));
        QVERIFY(!t["provenance"].toObject()["reason"].toString().isEmpty());

        const auto sarif =
            parse(runPlumbline({"check", dataPath(kError), "--format", "sarif"}).out);
        bool seen = false;
        for (const auto& r : sarif["runs"].toArray()[0].toObject()["results"].toArray())
            if (r.toObject()["ruleId"] == "sqlite-write-concurrency")
                seen = r.toObject()["properties"].toObject()["thresholds"].toArray().size() == 1;
        QVERIFY(seen);

        const auto text = runPlumbline({"check", dataPath(kError)}).out;
        QVERIFY2(text.contains("threshold 100 writes/s (writesPerSecond): Plumbline's assumption"),
                 qPrintable(text));
        QVERIFY(text.contains("tune it in ruleSettings"));
    }

    void teamSettingsChangeTheVerdictAndBadOnesExitTwo() {
        QTemporaryDir dir;
        QFile in(dataPath(kError));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        const qsizetype end = text.lastIndexOf('}');
        auto write = [&](const QString& extra) {
            const QString path = dir.filePath("m.json");
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) qFatal("cannot write");
            out.write((text.left(end) + "," + extra + "}").toUtf8());
            return path;
        };
        const QString raised = write(R"("ruleSettings": {"sqlite-write-concurrency": {"params":
            {"writesPerSecond": 5000}, "reason": "WAL, measured"}})");
        const auto run = runPlumbline({"check", raised, "--format", "json"});
        for (const auto& f : parse(run.out)["findings"].toArray())
            QVERIFY(f.toObject()["rule"] != "sqlite-write-concurrency");
        const QString bad = write(R"("ruleSettings": {"sqlite-write-concurrency": {"params":
            {"writes": 5000}}})");
        const auto refused = runPlumbline({"check", bad});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("/ruleSettings/sqlite-write-concurrency/params/writes"),
                 qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_cli_check.moc"

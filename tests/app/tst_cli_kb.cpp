// `plumbline kb` end to end: the built executable, its output and exit status.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCliKb : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QString out, err;
    };

    Run plumbline(const QStringList& args) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("XDG_CONFIG_HOME", configHome_.path()); // no personal rule packs
        env.insert("QT_QPA_PLATFORM", "offscreen");
        process.setProcessEnvironment(env);
        process.start(PLUMBLINE_EXECUTABLE, args);
        if (!process.waitForFinished(30000)) qFatal("plumbline did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString userPack() { return QString(PLUMBLINE_TEST_DATA) + "/knowledge/user-pack"; }

private slots:
    void listsEveryGroupWithHeadings() {
        const Run run = plumbline({"kb", "list"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY(run.out.contains("Stores and technologies ("));
        QVERIFY(run.out.contains("\nPatterns ("));
        QVERIFY(run.out.contains("\nRules ("));
        QVERIFY(run.out.contains(QRegularExpression("\npostgresql +PostgreSQL +relational\n")));
    }

    void listsOneGroupOneEntryPerLine_data() {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("expectedLine");
        QTest::newRow("stores") << "stores"
                                << "^sqlite +SQLite +relational$";
        QTest::newRow("patterns") << "patterns"
                                  << "^read-aside +\\S.* +caching$";
    }
    void listsOneGroupOneEntryPerLine() {
        QFETCH(QString, group);
        QFETCH(QString, expectedLine);
        const Run run = plumbline({"kb", "list", group});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.contains("Patterns (") && !run.out.contains("Stores and technologies ("));
        const QRegularExpression line(expectedLine, QRegularExpression::MultilineOption);
        QVERIFY2(line.match(run.out).hasMatch(), qPrintable(run.out.left(400)));
    }

    void listsUserRulesWithRulesOption() {
        const Run run = plumbline({"kb", "list", "rules", "--rules", userPack()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QRegularExpression("team-large-store-needs-shards +error")));
    }

    void showsATechnologyWithItsEnvelope() {
        const Run run = plumbline({"kb", "show", "sqlite"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("SQLite\n"));
        QVERIFY(run.out.contains("Capability envelope"));
        QVERIFY(run.out.contains(QRegularExpression("Writes per second +comfortable unknown")));
        QVERIFY(run.out.contains("Writers             single-writer"));
        QVERIFY(run.out.contains("https://"));
    }

    void showsAPatternWithRelatedIds() {
        const Run run = plumbline({"kb", "show", "read-aside"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("pattern read-aside, caching"));
        QVERIFY(run.out.contains(QRegularExpression("\nRelated: +\\S")));
        QVERIFY(run.out.contains("When to use"));
    }

    void showsARuleFromAUserPack() {
        const Run run =
            plumbline({"kb", "show", "team-large-store-needs-shards", "--rules", userPack()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Fires when          volumeGB > 500 and shardCount <= 1"));
        QVERIFY(run.out.contains("platform-team.json"));
    }

    void searchRanksAndShowsSnippets() {
        const Run run = plumbline({"kb", "search", "serverless", "connections"});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        QVERIFY2(lines[0].contains("connection-pooling"), qPrintable(run.out));
        QVERIFY(lines[1].startsWith("    "));
        QVERIFY(lines[1].contains('['));
    }

    void searchWithNoMatchSaysSo() {
        const Run run = plumbline({"kb", "search", "xylophonequartz"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Nothing in the knowledge base matches"));
    }

    void badUsageExitsTwoWithOneLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown id")
            << QStringList{"kb", "show", "postgres"}
            << "no technology, pattern or rule has the id 'postgres'; did you mean postgresql";
        QTest::newRow("no action") << QStringList{"kb"} << "expected list, show ID or search WORDS";
        QTest::newRow("unknown action") << QStringList{"kb", "frobnicate"} << "unknown action";
        QTest::newRow("unknown group")
            << QStringList{"kb", "list", "widgets"} << "unknown group 'widgets'";
        QTest::newRow("show without id") << QStringList{"kb", "show"} << "kb show takes one id";
        QTest::newRow("search without words") << QStringList{"kb", "search"} << "needs words";
        QTest::newRow("rules without folder")
            << QStringList{"kb", "list", "--rules"} << "--rules needs a folder";
        QTest::newRow("missing rules folder")
            << QStringList{"kb", "list", "--rules", "/nonexistent/rules"}
            << "rules folder not found";
        QTest::newRow("broken pack")
            << QStringList{"kb", "list", "--rules",
                           QString(PLUMBLINE_TEST_DATA) + "/knowledge/broken"}
            << "bad-condition-shape.json: /rules/0/when: expected a condition object";
    }
    void badUsageExitsTwoWithOneLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = plumbline(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.count('\n'), 1);
    }

private:
    QTemporaryDir configHome_;

    void jsonShowsRulesWithParametersAndTechnologiesWithProvenance() {
        const Run rule = plumbline({"kb", "show", "sqlite-write-concurrency", "--format", "json"});
        QCOMPARE(rule.exitCode, 0);
        const QJsonObject r = QJsonDocument::fromJson(rule.out.toUtf8()).object();
        QCOMPARE(r["id"].toString(), QString("sqlite-write-concurrency"));
        const QJsonObject param = r["parameters"].toArray()[0].toObject();
        QCOMPARE(param["name"].toString(), QString("writesPerSecond"));
        QCOMPARE(param["value"].toDouble(), 100.0);
        QCOMPARE(param["provenance"].toObject()["kind"].toString(), QString("assumption"));

        const Run tech = plumbline({"kb", "show", "sqlite", "--format", "json"});
        const QJsonObject t = QJsonDocument::fromJson(tech.out.toUtf8()).object();
        const QJsonObject max = t["envelope"].toObject()["volumeGB"].toObject()["max"].toObject();
        QCOMPARE(max["value"].toDouble(), 1000.0);
        QCOMPARE(max["provenance"].toObject()["kind"].toString(), QString("research"));

        const Run list = plumbline({"kb", "list", "rules", "--format", "json"});
        QVERIFY(QJsonDocument::fromJson(list.out.toUtf8()).array().size() > 50);
        const Run search = plumbline({"kb", "search", "time", "series", "--format", "json"});
        const QJsonObject hit = QJsonDocument::fromJson(search.out.toUtf8()).array()[0].toObject();
        QVERIFY(hit.contains("kind") && hit.contains("id") && hit.contains("title") &&
                hit.contains("score"));

        const Run text = plumbline({"kb", "show", "sqlite-write-concurrency"});
        QVERIFY2(text.out.contains("writesPerSecond = 100 writes/s"), qPrintable(text.out));
    }

    void storesListTheirAliases() {
        const Run stores = plumbline({"kb", "list", "stores", "--format", "json"});
        const QJsonArray all = QJsonDocument::fromJson(stores.out.toUtf8()).array();
        QVERIFY2(all.size() >= 57, qPrintable(QString::number(all.size())));
        for (const auto& value : all) {
            const QJsonObject t = value.toObject();
            QVERIFY2(!t["aliases"].toArray().isEmpty(), qPrintable(t["id"].toString()));
        }
        const Run postgres = plumbline({"kb", "show", "postgresql", "--format", "json"});
        const QJsonArray aliases =
            QJsonDocument::fromJson(postgres.out.toUtf8()).object()["aliases"].toArray();
        QVERIFY(aliases.contains(QJsonValue(QString("Postgres"))));
    }
};

QTEST_GUILESS_MAIN(TestCliKb)
#include "tst_cli_kb.moc"

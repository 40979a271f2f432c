// plumbline import / export and check / report on other tools' files (cli.md).
#include "app_helpers.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using testing::runPlumbline;

namespace {
const QString kSamples = QStringLiteral(PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/");
}

class TestCliImport : public QObject {
    Q_OBJECT
private slots:
    void importWritesJsonAndPrintsTheReport() {
        const QString out = dir_.filePath("aws.json");
        auto run = runPlumbline(
            {"import", kSamples + "drawio/startleft-aws.drawio", "-o", out, "--report"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("guessed store: icon 'dynamodb'"), qPrintable(run.out));
        QVERIFY(QFile::exists(out));
        auto check = runPlumbline({"check", out, "--fail-on", "never"});
        QCOMPARE(check.exitCode, 0);
    }
    void importToProjectFile() {
        const QString out = dir_.filePath("td.plumb");
        auto run = runPlumbline({"import", kSamples + "threat-dragon/iot-device.json", "-o", out});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(out));
    }
    void checkAndReportReadOtherFormatsDirectly_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("drawio") << kSamples + "drawio/C4.drawio";
        QTest::newRow("threat-dragon") << kSamples + "threat-dragon/online-game.json";
        QTest::newRow("otm") << kSamples + "otm/mobile-cloud.otm.json";
    }
    void checkAndReportReadOtherFormatsDirectly() {
        QFETCH(QString, file);
        auto check = runPlumbline({"check", file, "--fail-on", "never"});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        const QString html = dir_.filePath(QFileInfo(file).baseName() + ".html");
        auto report = runPlumbline({"report", file, "-o", html});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY(QFile::exists(html));
    }
    void exportDrawioThenImportIsTheSameModel() {
        const QString example = testing::examplePath("ecommerce-platform.json");
        const QString drawio = dir_.filePath("shop.drawio");
        auto run = runPlumbline({"export", example, "-o", drawio});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString back = dir_.filePath("shop-back.json");
        QCOMPARE(runPlumbline({"import", drawio, "-o", back}).exitCode, 0);
        // The example has no layout, so the first export lays it out; from then on it is stable.
        const QString again = dir_.filePath("shop-again.drawio");
        QCOMPARE(runPlumbline({"export", back, "-o", again}).exitCode, 0);
        const QString back2 = dir_.filePath("shop-back2.json");
        QCOMPARE(runPlumbline({"import", again, "-o", back2}).exitCode, 0);
        QFile a(back), b(back2);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(b.readAll(), a.readAll());
    }
    void exportDslImportsBackToTheSameModel() {
        const QString dsl = dir_.filePath("shop.dsl");
        QCOMPARE(
            runPlumbline({"export", testing::examplePath("ecommerce-platform.json"), "-o", dsl})
                .exitCode,
            0);
        const QString back = dir_.filePath("shop-from-dsl.json");
        QCOMPARE(runPlumbline({"import", dsl, "-o", back}).exitCode, 0);
        // The imported model checks exactly as the example does.
        auto original = runPlumbline(
            {"check", testing::examplePath("ecommerce-platform.json"), "--fail-on", "never"});
        auto imported = runPlumbline({"check", back, "--fail-on", "never"});
        QCOMPARE(imported.exitCode, 0);
        QCOMPARE(imported.out.section('\n', -2), original.out.section('\n', -2));
        // And `check` reads the DSL directly, as a Structurizr user's CI would.
        QCOMPARE(runPlumbline({"check", dsl, "--fail-on", "never"}).exitCode, 0);
    }
    void badInputExitsTwoWithOneLine() {
        QFile bad(dir_.filePath("bad.drawio"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("<mxfile><diagram name=\"p\">!!!</diagram></mxfile>");
        bad.close();
        auto run = runPlumbline({"import", bad.fileName(), "-o", dir_.filePath("x.json")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains("bad.drawio: line 1"), qPrintable(run.err));
        QVERIFY(!QFile::exists(dir_.filePath("x.json")));
        QFile nx(dir_.filePath("workspace.json"));
        QVERIFY(nx.open(QIODevice::WriteOnly));
        nx.write(R"({"version": 2, "projects": {}})");
        nx.close();
        auto refused = runPlumbline({"check", nx.fileName()});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("not a format Plumbline knows"), qPrintable(refused.err));
    }
    void usage() {
        QCOMPARE(runPlumbline({"import"}).exitCode, 2);
        QCOMPARE(
            runPlumbline({"import", kSamples + "otm/EXAMPLE.otm.json", "-o", "x.txt"}).exitCode, 2);
        QCOMPARE(runPlumbline({"export", testing::examplePath("saas-edge.json")}).exitCode, 2);
        QVERIFY(runPlumbline({"--help"}).out.contains("plumbline import IN -o OUT"));
    }

private:
    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"

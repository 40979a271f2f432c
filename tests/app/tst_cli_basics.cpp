// The command line skeleton of cli.md: help, version, convert, exit statuses, no display.
#include "app_helpers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using testing::runPlumbline;

class TestCliBasics : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersion();
    void unknownSubcommandIsUsageError();
    void convertRoundTripIsLossless_data();
    void convertRoundTripIsLossless();
    void convertBadInputExitsTwoAndWritesNothing_data();
    void convertBadInputExitsTwoAndWritesNothing();
    void convertNeedsTwoArguments();
    void noDisplaySaysWhatToDo();

private:
    QTemporaryDir dir_;
};

void TestCliBasics::helpAndVersion() {
    auto help = runPlumbline({"--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("plumbline check FILE"));
    QVERIFY(help.out.contains("convert IN OUT"));
    auto version = runPlumbline({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("plumbline "));
}

void TestCliBasics::unknownSubcommandIsUsageError() {
    auto run = runPlumbline({"--frobnicate"});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.contains("frobnicate"));
}

void TestCliBasics::convertRoundTripIsLossless_data() {
    QTest::addColumn<QString>("input");
    for (const QString& name : QDir(testing::examplePath("")).entryList({"*.json"}))
        QTest::newRow(qPrintable(name)) << testing::examplePath(name);
    QTest::newRow("unknown-fields") << testing::dataPath("model/unknown-fields.json");
}

void TestCliBasics::convertRoundTripIsLossless() {
    QFETCH(QString, input);
    const QString plumb = dir_.filePath("model.plumb"), back = dir_.filePath("back.json");
    QFile::remove(plumb);
    QCOMPARE(runPlumbline({"convert", input, plumb}).exitCode, 0);
    auto run = runPlumbline({"convert", plumb, back});
    QCOMPARE(run.exitCode, 0);
    QFile a(input), b(back);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(b.readAll()), QJsonDocument::fromJson(a.readAll()));
}

void TestCliBasics::convertBadInputExitsTwoAndWritesNothing_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << testing::dataPath("model/truncated.json") << "not valid JSON";
    QTest::newRow("empty") << testing::dataPath("model/empty.json") << "empty";
    QTest::newRow("deep") << testing::dataPath("model/deep-nesting.json") << "nesting deeper";
    QTest::newRow("missing") << dir_.filePath("nowhere.json") << "cannot open";
    QTest::newRow("negative volume") << testing::dataPath("model/negative-volume.json")
                                     << "/elements/0/data/volumeGB: expected a non-negative number";
    QTest::newRow("random bytes as project")
        << testing::dataPath("model/random-bytes.plumb") << "not a Plumbline project";
}

void TestCliBasics::convertBadInputExitsTwoAndWritesNothing() {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString out = dir_.filePath("never.plumb");
    auto run = runPlumbline({"convert", input, out});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.crashed);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(input) && run.err.contains(expected), qPrintable(run.err));
    QVERIFY(!QFile::exists(out));
}

void TestCliBasics::convertNeedsTwoArguments() {
    auto run = runPlumbline({"convert", "only-one.json"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("expected IN and OUT"));
}

void TestCliBasics::noDisplaySaysWhatToDo() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    auto run = runPlumbline({}, env);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY(run.err.contains("xvfb-run"));
}

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"

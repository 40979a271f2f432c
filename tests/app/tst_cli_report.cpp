// `plumbline report` end to end: every format for every example and for a hostile model, with
// no display at all; one-line errors and no output file for bad input.
#include "app_helpers.h"
#include "model/tst_report_checks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using testing::dataPath;
using testing::examplePath;
using testing::runPlumbline;

namespace {

// No display and no platform chosen: the command must pick the offscreen platform itself.
QProcessEnvironment headless() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    return env;
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QStringList models() {
    QStringList out;
    for (const auto& name : QDir(examplePath("")).entryList({"*.json"}, QDir::Files, QDir::Name))
        out << examplePath(name);
    out << dataPath("report/hostile.json");
    return out;
}

QString pdfText(const QString& pdf) {
    QProcess p;
    p.start("pdftotext", {"-layout", pdf, "-"});
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestCliReport : public QObject {
    Q_OBJECT

private slots:
    void everyFormat_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("extension");
        for (const auto& m : models())
            for (const char* ext : {"html", "md", "pdf", "svg", "png"})
                QTest::newRow(qPrintable(QFileInfo(m).baseName() + "." + ext)) << m << QString(ext);
    }
    void everyFormat() {
        QFETCH(QString, model);
        QFETCH(QString, extension);
        QTemporaryDir dir;
        const QString out = dir.filePath("report." + extension);
        const auto run = runPlumbline({"report", model, "-o", out}, headless());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no Qt noise on stderr
        QVERIFY(QFileInfo(out).size() > 100);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
        const QString text = extension == "png" || extension == "pdf" ? QString() : readAll(out);
        if (extension == "html") {
            const auto scan = reportchecks::scanHtml(text);
            QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
            QVERIFY(reportchecks::externalReference(scan, text).isEmpty());
        } else if (extension == "md") {
            QVERIFY(reportchecks::checkMermaid(reportchecks::mermaidBlock(text)).isEmpty());
            QVERIFY(reportchecks::checkMarkdownTables(text).isEmpty());
        } else if (extension == "svg") {
            QXmlStreamReader xml(text);
            while (!xml.atEnd())
                xml.readNext();
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        } else if (extension == "png") {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        } else if (extension == "pdf") {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(5) == "%PDF-");
        }
    }

    void pdfHoldsTheStoreNames() {
        if (QStandardPaths::findExecutable("pdftotext").isEmpty())
            QSKIP("pdftotext (poppler-utils) not installed");
        QTemporaryDir dir;
        const QString out = dir.filePath("ecommerce.pdf");
        QCOMPARE(runPlumbline({"report", examplePath("ecommerce-platform.json"), "-o", out,
                               "--page", "letter"},
                              headless())
                     .exitCode,
                 0);
        const QString text = pdfText(out);
        for (const char* store : {"Catalogue DB", "Orders DB", "Payments ledger",
                                  "Customer profiles", "Analytics warehouse", "Product cache"})
            QVERIFY2(text.contains(store), store);
        QVERIFY(text.contains("Page 1 of"));
    }

    void optionsAreApplied() {
        QTemporaryDir dir;
        const QString out = dir.filePath("r.md");
        QCOMPARE(
            runPlumbline({"report", examplePath("ecommerce-platform.json"), "-o", out, "--title",
                          "Review <board>", "--scale", "10", "--horizon-months", "12"})
                .exitCode,
            0);
        const QString md = readAll(out);
        QVERIFY(md.startsWith("# Review &lt;board&gt;\n"));
        QVERIFY(md.contains("scale ×10"));
        QVERIFY(md.contains("horizon 12 months"));
    }

    void badInputIsOneLineAndWritesNothing_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString ok = examplePath("ecommerce-platform.json");
        QTest::newRow("negative volume")
            << QStringList{"report", dataPath("model/negative-volume.json"), "-o", "OUT.html"}
            << "/elements/";
        QTest::newRow("truncated")
            << QStringList{"report", dataPath("model/truncated.json"), "-o", "OUT.pdf"}
            << "truncated.json";
        QTest::newRow("missing file")
            << QStringList{"report", "no-such-model.json", "-o", "OUT.md"} << "no-such-model.json";
        QTest::newRow("unknown extension")
            << QStringList{"report", ok, "-o", "OUT.docx"} << "OUT.docx";
        QTest::newRow("no output") << QStringList{"report", ok} << "-o OUT";
        QTest::newRow("bad page") << QStringList{"report", ok, "-o", "OUT.pdf", "--page", "a3"}
                                  << "--page";
        QTest::newRow("bad scale")
            << QStringList{"report", ok, "-o", "OUT.html", "--scale", "-1"} << "--scale";
        QTest::newRow("unknown option")
            << QStringList{"report", ok, "-o", "OUT.html", "--colour"} << "--colour";
        QTest::newRow("missing folder")
            << QStringList{"report", ok, "-o", "/no/such/folder/r.pdf"} << "/no/such/folder";
    }
    void badInputIsOneLineAndWritesNothing() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        for (auto& a : args)
            if (a.startsWith("OUT.")) a = dir.filePath(a);
        const auto run = runPlumbline(args, headless());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.crashed);
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"

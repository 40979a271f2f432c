// CI gates and reports: `check --baseline` (a model, a findings file, git:REV) fails only on new
// findings and marks SARIF results with baselineState; GitLab Code Quality and JUnit XML follow
// their published shapes; `report --baseline` opens with "Changes since".
#include "app_helpers.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using testing::examplePath;
using testing::runPlumbline;

namespace {

const QString kModel = "saas-edge.json"; // has an error and warnings

QJsonDocument parse(const QString& text) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) qWarning() << error.errorString();
    return doc;
}

void writeText(const QString& path, const std::string& text) {
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.data(), qint64(text.size()));
}

plumb::Model readModel(const QString& path) {
    auto loaded = plumb::loadProjectOrModel(path.toStdString());
    if (!loaded.project) qFatal("cannot read %s", qPrintable(path));
    return loaded.project->model;
}

// The model with new findings: its PostgreSQL store swapped to SQLite under the same load.
QString withOneNewFinding(const QTemporaryDir& dir, const QString& name = "new.json") {
    plumb::Model m = readModel(examplePath(kModel));
    for (auto& e : m.elements)
        if (e.kind == plumb::ElementKind::Store && e.technology == "postgresql") {
            e.technology = "sqlite";
            break;
        }
    const QString path = dir.filePath(name);
    writeText(path, plumb::writeModelJson(m));
    return path;
}

bool git(const QString& dir, const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start("git", QStringList{"-c", "user.email=t@example.com", "-c", "user.name=t"} + args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

} // namespace

class TestCliBaseline : public QObject {
    Q_OBJECT

private slots:
    void gatePassesOnAnUnchangedModelWithFindings() {
        const QString model = examplePath(kModel);
        QCOMPARE(runPlumbline({"check", model}).exitCode, 1); // it has errors...
        const auto run = runPlumbline({"check", model, "--baseline", model});
        QCOMPARE(run.exitCode, 0); // ...but none is new
        QVERIFY(run.out.contains("0 new, 0 changed severity, 0 fixed; only new findings fail."));
    }

    void gateFailsWhenOneNewFindingAppears() {
        QTemporaryDir dir;
        const QString now = withOneNewFinding(dir);
        const QString old = examplePath(kModel);
        QCOMPARE(runPlumbline({"check", now, "--baseline", old, "--fail-on", "warning"}).exitCode,
                 1);
        QCOMPARE(runPlumbline({"check", now, "--baseline", old, "--fail-on", "never"}).exitCode, 0);
        // The same from a findings file written by check --format json.
        const QString findings = dir.filePath("findings.json");
        writeText(findings, runPlumbline({"check", old, "--format", "json"}).out.toStdString());
        QCOMPARE(runPlumbline({"check", old, "--baseline", findings}).exitCode, 0);
        QCOMPARE(
            runPlumbline({"check", now, "--baseline", findings, "--fail-on", "warning"}).exitCode,
            1);
    }

    void sarifCarriesBaselineState() {
        QTemporaryDir dir;
        const QString now = withOneNewFinding(dir);
        const auto run =
            runPlumbline({"check", now, "--baseline", examplePath(kModel), "--format", "sarif"});
        const QJsonArray results = parse(run.out)["runs"][0]["results"].toArray();
        QMap<QString, int> states;
        for (const QJsonValue r : results) {
            const QString state = r["baselineState"].toString();
            QVERIFY2(QStringList({"new", "unchanged", "updated", "absent"}).contains(state),
                     qPrintable(state));
            QVERIFY(!r["partialFingerprints"]["plumblineFinding/v1"].toString().isEmpty());
            states[state]++;
        }
        QVERIFY(states["new"] >= 1);
        QVERIFY(states["unchanged"] >= 1);
        // Without --baseline there is no baselineState at all.
        const auto plain = runPlumbline({"check", now, "--format", "sarif"});
        QVERIFY(!plain.out.contains("baselineState"));
    }

    void fixedFindingsAreAbsentResults() {
        QTemporaryDir dir;
        const QString worse = withOneNewFinding(dir);
        const auto run =
            runPlumbline({"check", examplePath(kModel), "--baseline", worse, "--format", "sarif"});
        QCOMPARE(run.exitCode, 0);
        int absent = 0;
        for (const QJsonValue r : parse(run.out)["runs"][0]["results"].toArray())
            absent += r["baselineState"].toString() == "absent";
        QVERIFY(absent >= 1);
    }

    void baselineFromGit() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.json");
        QFile::copy(examplePath(kModel), path);
        QVERIFY(git(dir.path(), {"init", "-q"}));
        QVERIFY(git(dir.path(), {"add", "model.json"}));
        QVERIFY(git(dir.path(), {"commit", "-q", "-m", "v1"}));
        QCOMPARE(runPlumbline({"check", path, "--baseline", "git:HEAD"}).exitCode, 0);
        QFile::remove(path);
        withOneNewFinding(dir, "model.json");
        QCOMPARE(runPlumbline({"check", path, "--baseline", "git:HEAD", "--fail-on", "warning"})
                     .exitCode,
                 1);
    }

    void badBaselinesAreOneLineErrors() {
        QTemporaryDir dir;
        const QString model = examplePath(kModel);
        auto run = runPlumbline({"check", model, "--baseline", "/nonexistent/old.json"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("plumbline: /nonexistent/old.json: "));
        QCOMPARE(run.err.count('\n'), 1);
        const QString bad = dir.filePath("bad-findings.json");
        writeText(bad, R"({"tool":"plumbline","findings":[{"rule":"x","severity":"loud"}]})");
        run = runPlumbline({"check", model, "--baseline", bad});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err,
                 "plumbline: " + bad + ": /findings/0/severity: expected error, warning or info\n");
        run = runPlumbline(
            {"report", model, "-o", dir.filePath("r.html"), "--baseline", "/nonexistent/old.json"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("plumbline: /nonexistent/old.json: "));
        QVERIFY(!QFile::exists(dir.filePath("r.html"))); // no partial output
        run = runPlumbline({"check", model, "--format", "yaml"});
        QCOMPARE(run.err, QString("plumbline: check: --format expects text, json, sarif, gitlab "
                                  "or junit, got 'yaml'\n"));
    }

    // GitLab Code Quality: an array of issues with the fields GitLab's documentation lists.
    void gitlabCodeQualityShape() {
        const auto run = runPlumbline({"check", examplePath(kModel), "--format", "gitlab"});
        QCOMPARE(run.exitCode, 1);
        const QJsonDocument doc = parse(run.out);
        QVERIFY(doc.isArray());
        QVERIFY(!doc.array().isEmpty());
        QSet<QString> prints;
        for (const auto& v : doc.array()) {
            const QJsonObject issue = v.toObject();
            QVERIFY(!issue["description"].toString().isEmpty());
            QVERIFY(!issue["check_name"].toString().isEmpty());
            const QString print = issue["fingerprint"].toString();
            QVERIFY(!print.isEmpty() && !prints.contains(print)); // GitLab dedupes by it
            prints.insert(print);
            QVERIFY(QStringList({"info", "minor", "major", "critical", "blocker"})
                        .contains(issue["severity"].toString()));
            QCOMPARE(issue["location"]["path"].toString(), examplePath(kModel));
            QVERIFY(issue["location"]["lines"]["begin"].toInt() >= 1);
        }
    }

    // JUnit XML: well formed, counts that add up, a failure per finding at or above --fail-on,
    // names from the model escaped.
    void junitShapeAndEscaping() {
        QTemporaryDir dir;
        plumb::Model m = readModel(examplePath(kModel));
        m.name = "Shop <&> \"quoted\" 'single'";
        const QString path = dir.filePath("hostile.json");
        writeText(path, plumb::writeModelJson(m));
        for (const QString failOn : {"error", "warning", "never"}) {
            const auto run =
                runPlumbline({"check", path, "--format", "junit", "--fail-on", failOn});
            QXmlStreamReader xml(run.out);
            int cases = 0, failures = 0, declaredTests = -1, declaredFailures = -1;
            QString suiteName;
            while (!xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement()) continue;
                if (xml.name() == u"testsuite") {
                    suiteName = xml.attributes().value("name").toString();
                    declaredTests = xml.attributes().value("tests").toInt();
                    declaredFailures = xml.attributes().value("failures").toInt();
                } else if (xml.name() == u"testcase") {
                    ++cases;
                    QVERIFY(!xml.attributes().value("name").isEmpty());
                    QVERIFY(!xml.attributes().value("classname").isEmpty());
                } else if (xml.name() == u"failure") {
                    ++failures;
                    QVERIFY(!xml.attributes().value("message").isEmpty());
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QCOMPARE(suiteName, QString::fromStdString(*m.name));
            QCOMPARE(declaredTests, cases);
            QCOMPARE(declaredFailures, failures);
            QVERIFY(cases > failures);
            if (failOn == "never")
                QCOMPARE(failures, 0);
            else
                QVERIFY(failures > 0);
            QCOMPARE(run.exitCode, failOn == "never" ? 0 : 1);
        }
    }

    void reportOpensWithChangesSinceTheBaseline() {
        QTemporaryDir dir;
        const QString now = withOneNewFinding(dir);
        const QString old = examplePath(kModel);
        const QString html = dir.filePath("review.html"), md = dir.filePath("review.md");
        QCOMPARE(runPlumbline({"report", now, "-o", html, "--baseline", old}).exitCode, 0);
        QCOMPARE(runPlumbline({"report", now, "-o", md, "--baseline", old}).exitCode, 0);
        QFile h(html), m(md);
        QVERIFY(h.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
        const QString htmlText = QString::fromUtf8(h.readAll());
        const QString mdText = QString::fromUtf8(m.readAll());
        const QString heading = "Changes since " + old;
        QVERIFY(htmlText.contains("<h2>" + heading.toHtmlEscaped() + "</h2>"));
        QVERIFY(htmlText.indexOf("id=\"changes\"") < htmlText.indexOf("id=\"summary\""));
        QVERIFY(htmlText.contains("technology postgresql -&gt; sqlite"));
        QVERIFY(mdText.contains("## Changes since"));
        // Before the first numbered section ("## 1 Executive summary").
        const qsizetype summaryAt = mdText.indexOf(QRegularExpression(
            QStringLiteral("^## .*Executive summary"), QRegularExpression::MultilineOption));
        QVERIFY(summaryAt > 0);
        QVERIFY(mdText.indexOf("## Changes since") < summaryAt);
        QVERIFY(mdText.contains("| new |"));
        // The PDF says the same (its text as pdftotext reads it).
        const QString pdf = dir.filePath("review.pdf");
        QCOMPARE(runPlumbline({"report", now, "-o", pdf, "--baseline", old}).exitCode, 0);
        QProcess pdftotext;
        pdftotext.start("pdftotext", {"-layout", pdf, "-"});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString pdfText = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(pdfText.contains("Changes since"), qPrintable(pdfText.left(500)));
        QVERIFY(pdfText.contains("technology postgresql -> sqlite"));
        // Without a baseline, no such section.
        QCOMPARE(runPlumbline({"report", now, "-o", html}).exitCode, 0);
        QVERIFY(h.seek(0) || true);
        QFile again(html);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QVERIFY(!QString::fromUtf8(again.readAll()).contains("Changes since"));
    }
};

QTEST_GUILESS_MAIN(TestCliBaseline)
#include "tst_cli_baseline.moc"

// `plumbline diff OLD NEW` end to end: every example with one technology swapped, one rate x10
// and one element removed, in text, JSON and Markdown; git:REV; one-line errors for bad input.
#include "app_helpers.h"
#include "diff_fixture.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

using testing::examplePath;
using testing::runPlumbline;

namespace {

QJsonObject parse(const QString& text) {
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << text.left(300);
    return doc.object();
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

QStringList ids(const QJsonValue& array) {
    QStringList out;
    for (const auto& v : array.toArray())
        out << v.toString();
    return out;
}

// rule + "\n" + element of every unwaived-or-not finding in `check --format json` output.
std::set<QString> findingKeys(const QString& checkJson) {
    std::set<QString> out;
    for (const auto& f : parse(checkJson)["findings"].toArray())
        out.insert(f.toObject()["rule"].toString() + "\n" + f.toObject()["element"].toString());
    return out;
}

bool git(const QString& dir, const QStringList& args) {
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start("git", QStringList{"-c", "user.email=t@example.com", "-c", "user.name=t"} + args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

} // namespace

class TestCliDiff : public QObject {
    Q_OBJECT

private slots:
    void everyExampleInAllThreeFormats() {
        const QStringList examples = QDir(examplePath("")).entryList({"*.json"}, QDir::Files);
        QVERIFY(!examples.isEmpty());
        for (const QString& name : examples) {
            QTemporaryDir dir;
            const QString oldPath = examplePath(name), newPath = dir.filePath(name);
            const auto change = testing::changeExample(readModel(oldPath));
            writeText(newPath, plumb::writeModelJson(change.changed));

            const auto json =
                runPlumbline({"diff", oldPath, newPath, "--format", "json", "--fail-on", "never"});
            QCOMPARE(json.exitCode, 0);
            const QJsonObject d = parse(json.out);
            QCOMPARE(ids(d["elements"]["removed"]),
                     QStringList{QString::fromStdString(change.removed)});
            QVERIFY(ids(d["elements"]["added"]).isEmpty());
            const QJsonArray changed = d["elements"]["changed"].toArray();
            QCOMPARE(changed.size(), 1);
            QCOMPARE(changed[0]["id"].toString(), QString::fromStdString(change.store));
            QCOMPARE(changed[0]["fields"].toArray().size(), 1);
            QCOMPARE(changed[0]["fields"][0]["path"].toString(), QString("/technology"));
            QCOMPARE(changed[0]["fields"][0]["old"].toString(),
                     QString::fromStdString(change.oldTechnology));
            QCOMPARE(changed[0]["fields"][0]["new"].toString(),
                     QString::fromStdString(change.newTechnology));
            const QJsonArray flows = d["flows"]["changed"].toArray();
            QCOMPARE(flows.size(), 1);
            QCOMPARE(flows[0]["id"].toString(), QString::fromStdString(change.flow));
            QCOMPARE(flows[0]["fields"][0]["path"].toString(),
                     QString::fromStdString(change.rateField));
            QCOMPARE(flows[0]["fields"][0]["new"].toDouble(), change.oldRate * 10);
            QCOMPARE(d["flows"]["removed"].toArray().size(), int(change.removedFlows.size()));
            QCOMPARE(d["summary"]["removed"].toInt(), 1 + int(change.removedFlows.size()));
            QCOMPARE(d["summary"]["changed"].toInt(), 2);

            // The findings the change causes: what check says of NEW and not of OLD.
            const auto before =
                findingKeys(runPlumbline({"check", oldPath, "--format", "json"}).out);
            const auto after =
                findingKeys(runPlumbline({"check", newPath, "--format", "json"}).out);
            std::set<QString> appeared, gone, listedNew, listedFixed;
            for (const auto& k : after)
                if (!before.count(k)) appeared.insert(k);
            for (const auto& k : before)
                if (!after.count(k)) gone.insert(k);
            for (const QJsonValue f : d["findings"]["new"].toArray())
                listedNew.insert(f["rule"].toString() + "\n" + f["element"].toString());
            for (const QJsonValue f : d["findings"]["fixed"].toArray())
                listedFixed.insert(f["rule"].toString() + "\n" + f["element"].toString());
            QCOMPARE(listedNew, appeared);
            QCOMPARE(listedFixed, gone);
            QCOMPARE(d["summary"]["newFindings"].toInt(), int(appeared.size()));

            const auto text = runPlumbline({"diff", oldPath, newPath, "--fail-on", "never"});
            QCOMPARE(text.exitCode, 0);
            QVERIFY2(text.out.contains("technology " +
                                       QString::fromStdString(change.oldTechnology) + " -> " +
                                       QString::fromStdString(change.newTechnology)),
                     qPrintable(text.out));
            QVERIFY(text.out.contains("(x10)"));
            QVERIFY(text.out.contains(QString::fromStdString(change.removed) + " (removed)"));

            const auto md = runPlumbline(
                {"diff", oldPath, newPath, "--format", "markdown", "--fail-on", "never"});
            QCOMPARE(md.exitCode, 0);
            QVERIFY(md.out.startsWith("### Plumbline"));
            QVERIFY(md.out.contains(QString("**%1 new finding").arg(appeared.size())));
            QVERIFY(md.out.contains("| store | change (derived load) |"));
            for (const QJsonValue f : d["findings"]["new"].toArray())
                QVERIFY(md.out.contains("<code>" + f["rule"].toString() + "</code>"));
        }
    }

    void failsOnlyOnNewFindingsAtOrAboveFailOn() {
        QTemporaryDir dir;
        const QString oldPath = examplePath("ecommerce-platform.json");
        const QString newPath = dir.filePath("new.json");
        plumb::Model model = readModel(oldPath);
        QCOMPARE(runPlumbline({"diff", oldPath, oldPath}).exitCode, 0); // findings, none new
        for (auto& e : model.elements)
            if (e.kind == plumb::ElementKind::Store) e.technology = "sqlite";
        writeText(newPath, plumb::writeModelJson(model));
        QCOMPARE(runPlumbline({"diff", oldPath, newPath, "--fail-on", "warning"}).exitCode, 1);
        QCOMPARE(runPlumbline({"diff", oldPath, newPath, "--fail-on", "never"}).exitCode, 0);
    }

    void readsTheOldVersionFromGit() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.json");
        QFile::copy(examplePath("iot-telemetry.json"), path);
        QVERIFY(git(dir.path(), {"init", "-q"}));
        QVERIFY(git(dir.path(), {"add", "model.json"}));
        QVERIFY(git(dir.path(), {"commit", "-q", "-m", "v1"}));
        const auto change = testing::changeExample(readModel(path));
        QFile::remove(path);
        writeText(path, plumb::writeModelJson(change.changed));

        const auto run =
            runPlumbline({"diff", "git:HEAD", path, "--format", "json", "--fail-on", "never"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject d = parse(run.out);
        QCOMPARE(d["old"].toString(), QString("git:HEAD"));
        QCOMPARE(ids(d["elements"]["removed"]),
                 QStringList{QString::fromStdString(change.removed)});

        const auto unknown = runPlumbline({"diff", "git:no-such-rev", path});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.startsWith("plumbline: git:no-such-rev: " + path +
                                        " cannot be read at that revision"),
                 qPrintable(unknown.err));
        QCOMPARE(unknown.err.count('\n'), 1);
    }

    void gitRevisionOutsideAWorkTreeIsOneClearError() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.json");
        QFile::copy(examplePath("iot-telemetry.json"), path);
        const auto run = runPlumbline({"diff", "git:HEAD", path});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err, "plumbline: git:HEAD: " + path + " is not in a git work tree\n");
        QCOMPARE(
            runPlumbline({"diff", "git:-p", path}).err,
            QString("plumbline: git:-p: expected a git revision after git: (e.g. git:HEAD~1)\n"));
    }

    void badUsageIsOneLineAndExitTwo() {
        const QString model = examplePath("iot-telemetry.json");
        struct Case {
            QStringList args;
            QString err;
        };
        const QList<Case> cases{
            {{"diff", model},
             "plumbline: diff: expected two models, OLD and NEW (a file, or git:REV for OLD)\n"},
            {{"diff", model, model, "--format", "xml"},
             "plumbline: diff: --format expects text, json or markdown, got 'xml'\n"},
            {{"diff", model, model, "--fail-on", "all"},
             "plumbline: diff: --fail-on expects error, warning or never, got 'all'\n"},
            {{"diff", model, "git:HEAD"},
             "plumbline: diff: NEW must be a model file; git:REV names the revision of OLD\n"},
            {{"diff", "/nonexistent/old.json", model}, ""},
        };
        for (const auto& c : cases) {
            const auto run = runPlumbline(c.args);
            QCOMPARE(run.exitCode, 2);
            QCOMPARE(run.err.count('\n'), 1);
            if (!c.err.isEmpty()) QCOMPARE(run.err, c.err);
        }
        QVERIFY(runPlumbline({"diff", "/nonexistent/old.json", model})
                    .err.startsWith("plumbline: /nonexistent/old.json: "));
    }

    void aFindingsFileIsNoModelToDiff() {
        QTemporaryDir dir;
        const QString model = examplePath("iot-telemetry.json");
        const QString findings = dir.filePath("findings.json");
        writeText(findings, runPlumbline({"check", model, "--format", "json"}).out.toStdString());
        const auto run = runPlumbline({"diff", findings, model});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err,
                 "plumbline: " + findings +
                     ": is a findings file; diff needs two models (use check --baseline)\n");
    }

    void projectFilesDiffLikeJson() {
        QTemporaryDir dir;
        const QString json = examplePath("saas-edge.json");
        const QString plumb = dir.filePath("saas-edge.plumb");
        QCOMPARE(runPlumbline({"convert", json, plumb}).exitCode, 0);
        const auto run = runPlumbline({"diff", plumb, json, "--format", "json"});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject d = parse(run.out);
        QCOMPARE(d["summary"]["changed"].toInt(), 0);
        QCOMPARE(d["summary"]["newFindings"].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"

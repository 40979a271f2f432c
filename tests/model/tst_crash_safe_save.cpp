// Saving never leaves a half file: a child process saves over and over and is killed with
// SIGKILL at random moments; after every kill the file must open with the old or the new
// content, whole, and pass SQLite's integrity check.
#include "model_helpers.h"
#include "plumbline/model_files.h"

#include <QTemporaryDir>
#include <QTest>
#include <SQLiteCpp/SQLiteCpp.h>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace plumb;

namespace {

Model bigModel(const char* name, int elements) {
    Model m;
    m.name = name;
    for (int i = 0; i < elements; ++i) {
        Element e;
        e.id = "e" + std::to_string(i);
        e.kind = ElementKind::Store;
        e.description = std::string(200, 'x');
        m.elements.push_back(std::move(e));
    }
    return m;
}

// Kill points: how many times the saving child is killed. The goal of 1,000 runs in about
// 15 s; PLUMBLINE_KILL_POINTS lowers it for slow builds (sanitizers).
int killPoints() {
    if (const char* env = std::getenv("PLUMBLINE_KILL_POINTS")) return std::max(1, std::atoi(env));
    return 1000;
}

} // namespace

class TestCrashSafeSave : public QObject {
    Q_OBJECT
private slots:
    void killedProjectSaveLeavesOldOrNew();
    void killedJsonSaveLeavesOldOrNew();

private:
    template <typename Save, typename Check>
    void killRepeatedly(Save save, Check check, int rounds);
    QTemporaryDir dir_;
};

template <typename Save, typename Check>
void TestCrashSafeSave::killRepeatedly(Save save, Check check, int rounds) {
    std::mt19937 random(20261125);
    for (int round = 0; round < rounds; ++round) {
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            for (int i = 0;; ++i)
                save(i % 2 == 0);
        }
        ::usleep(static_cast<useconds_t>(random() % 12000));
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        check(round);
        if (QTest::currentTestFailed()) return;
    }
}

void TestCrashSafeSave::killedProjectSaveLeavesOldOrNew() {
    const Model older = bigModel("old", 2000), newer = bigModel("new", 1999);
    const std::string file = (dir_.path() + "/killed.plumb").toStdString();
    QVERIFY(!saveProject(file, Project{older, {}}));
    int bad = 0;
    killRepeatedly(
        [&](bool even) {
            saveProject(file, Project{even ? newer : older, {}});
        },
        [&](int round) {
            auto loaded = loadProject(file);
            if (!loaded.ok() ||
                !(loaded.project->model == older || loaded.project->model == newer)) {
                ++bad;
                QFAIL(qPrintable(QString("kill point %1 left a bad file").arg(round)));
            }
            SQLite::Database db(file, SQLite::OPEN_READONLY);
            QCOMPARE(db.execAndGet("PRAGMA integrity_check").getString(), std::string("ok"));
        },
        killPoints());
    QCOMPARE(bad, 0);
}

void TestCrashSafeSave::killedJsonSaveLeavesOldOrNew() {
    const Model older = bigModel("old", 2000), newer = bigModel("new", 1999);
    const std::string file = (dir_.path() + "/killed.json").toStdString();
    const std::string olderText = writeModelJson(older), newerText = writeModelJson(newer);
    QVERIFY(!writeFileAtomically(file, olderText));
    killRepeatedly([&](bool even) { writeFileAtomically(file, even ? newerText : olderText); },
                   [&](int round) {
                       const std::string now = testing::readText(file);
                       if (now != olderText && now != newerText)
                           QFAIL(qPrintable(
                               QString("kill point %1 left a half-written JSON file").arg(round)));
                   },
                   killPoints() / 4);
}

QTEST_GUILESS_MAIN(TestCrashSafeSave)
#include "tst_crash_safe_save.moc"

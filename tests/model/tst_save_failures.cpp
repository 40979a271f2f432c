// A save that fails half-way (disk full, file too large) reports a clear error naming the file,
// leaves the previous file exactly as it was, and leaves no side file behind. The failure is
// injected with RLIMIT_FSIZE in a forked child: every write past N bytes fails with EFBIG,
// as on a full disk, at a different point of the save for each N.
#include "model_helpers.h"
#include "plumbline/model_files.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <functional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace plumb;

namespace {

Model withNotes(const Model& base, const std::string& note) {
    Model m = base;
    m.description = note;
    for (auto& e : m.elements)
        e.description = std::string(300, 'n');
    return m;
}

// Runs `save` in a child limited to `limitBytes` per file; the child's exit status says whether
// the save reported an error (1) or claimed success (0).
int saveInLimitedChild(rlim_t limitBytes, const std::function<bool()>& saveReportsError) {
    const pid_t child = ::fork();
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN); // get EFBIG from write() instead of being killed
        rlimit limit{limitBytes, limitBytes};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        ::_exit(saveReportsError() ? 1 : 0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

class TestSaveFailures : public QObject {
    Q_OBJECT
private slots:
    void projectSaveFailsCleanly_data();
    void projectSaveFailsCleanly();
    void jsonSaveFailsCleanly_data();
    void jsonSaveFailsCleanly();

private:
    QTemporaryDir dir_;
};

void TestSaveFailures::projectSaveFailsCleanly_data() {
    QTest::addColumn<int>("limit");
    for (int kb : {1, 8, 40, 120})
        QTest::newRow(qPrintable(QString("%1 KB").arg(kb))) << kb * 1024;
}

void TestSaveFailures::projectSaveFailsCleanly() {
    QFETCH(int, limit);
    const Model original = testing::readModelOrFail(testing::examplePath("iot-telemetry.json"));
    const std::string file = (dir_.path() + "/full.plumb").toStdString();
    QVERIFY(!saveProject(file, Project{original, {}}));
    const std::string before = testing::readText(file);
    const Model bigger = withNotes(original, std::string(200 * 1024, 'x'));

    std::string message;
    const int status = saveInLimitedChild(static_cast<rlim_t>(limit), [&] {
        auto err = saveProject(file, Project{bigger, {}});
        return err && err->file == file &&
               err->message.find("previous file is unchanged") != std::string::npos;
    });
    QCOMPARE(status, 1); // the error was reported, naming the file
    QCOMPARE(testing::readText(file), before);
    auto loaded = loadProject(file);
    QVERIFY(loaded.ok() && loaded.project->model == original);
    QCOMPARE(QDir(dir_.path()).entryList({"*.saving-*"}).size(), 0);
}

void TestSaveFailures::jsonSaveFailsCleanly_data() {
    QTest::addColumn<int>("limit");
    for (int kb : {0, 4, 64})
        QTest::newRow(qPrintable(QString("%1 KB").arg(kb))) << kb * 1024;
}

void TestSaveFailures::jsonSaveFailsCleanly() {
    QFETCH(int, limit);
    const Model original =
        testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
    const std::string file = (dir_.path() + "/full.json").toStdString();
    QVERIFY(!writeFileAtomically(file, writeModelJson(original)));
    const std::string before = testing::readText(file);
    const std::string bigger = writeModelJson(withNotes(original, std::string(300 * 1024, 'x')));
    const int status = saveInLimitedChild(static_cast<rlim_t>(limit), [&] {
        auto err = writeFileAtomically(file, bigger);
        return err && err->file == file &&
               err->message.find("previous file is unchanged") != std::string::npos;
    });
    QCOMPARE(status, 1);
    QCOMPARE(testing::readText(file), before);
    QCOMPARE(QDir(dir_.path()).entryList({"*.saving-*"}).size(), 0);
}

QTEST_GUILESS_MAIN(TestSaveFailures)
#include "tst_save_failures.moc"

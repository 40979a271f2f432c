// Autosave and crash recovery, with a real crash: a child process (this executable, in child
// mode) opens a project, edits it, autosaves and is killed with SIGKILL; the test then starts
// a workbench over the same data directory, recovers, and gets the edit back. The child's
// project lock is left behind by the kill and must be taken over as stale.
#include "plumbline/project_file.h"
#include "plumbline/ui/commands.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/recovery.h"
#include "ui_test_helpers.h"

#include <QApplication>
#include <QDir>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

using namespace plumb::ui;

namespace {

const char* kChildVariable = "PLUMBLINE_TEST_AUTOSAVE_CHILD";
const QString kEditedName = QStringLiteral("Edited before the crash");

void useApplicationNames() {
    QCoreApplication::setOrganizationName(QStringLiteral("PlumblineTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_autosave_recovery"));
}

// Child mode: open the project, rename the model, autosave, say so, then wait to be killed.
int runChild(const QString& project) {
    useApplicationNames();
    MainWindow window(std::make_unique<test::FakeDialogs>());
    window.autosaver()->setInterval(100);
    if (!window.openFile(project)) return 3;
    window.document()->undoStack()->push(new SetModelPropertiesCommand(
        window.document(), {kEditedName.toStdString(), std::nullopt}));
    QObject::connect(window.autosaver(), &Autosaver::saved, [](const QString& file) {
        std::printf("AUTOSAVED %s\n", qPrintable(file));
        std::fflush(stdout);
    });
    return QApplication::exec();
}

plumb::Project smallProject() {
    plumb::Project project;
    project.model.name = "Original";
    plumb::Element store;
    store.id = "orders-db";
    store.kind = plumb::ElementKind::Store;
    store.technology = "postgresql";
    project.model.elements.push_back(store);
    return project;
}

QStringList recoveryFiles() {
    return QDir(recoveryDirectory()).entryList({QStringLiteral("*.plumb")}, QDir::Files);
}

} // namespace

class TestAutosaveRecovery : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private slots:
    void initTestCase() {
        // Settings and recovery files under a scratch HOME shared with the child process.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath("data").toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toLocal8Bit());
        useApplicationNames();
        QVERIFY(recoveryDirectory().startsWith(m_home.path()));
    }

    void init() {
        for (const QString& name : QDir(recoveryDirectory()).entryList(QDir::Files))
            QFile::remove(QDir(recoveryDirectory()).filePath(name));
    }

    void killedWithUnsavedEditsRecoversThem() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("shop.plumb"));
        QVERIFY(!plumb::saveProject(project.toStdString(), smallProject()));

        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(kChildVariable), project);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray output;
        const auto autosaved = [&] {
            output += child.readAllStandardOutput();
            return output.contains("AUTOSAVED") || child.state() == QProcess::NotRunning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(autosaved(), 20000);
        QCOMPARE(child.state(), QProcess::Running);
        QVERIFY(QFile::exists(project + ".lock")); // the child holds the project
        child.kill();                              // SIGKILL: no destructor, no cleanup
        QVERIFY(child.waitForFinished());
        QCOMPARE(recoveryFiles().size(), 1);

        auto fake = std::make_unique<test::FakeDialogs>();
        test::FakeDialogs* dialogs = fake.get();
        dialogs->recoveryChoice = RecoveryChoice::Recover;
        MainWindow window(std::move(fake));
        QVERIFY(window.openStartupDocument({}));
        QCOMPARE(dialogs->recoveryPrompts.size(), 1);
        QVERIFY2(dialogs->recoveryPrompts.first().first().contains("shop.plumb"),
                 qPrintable(dialogs->recoveryPrompts.first().join(", ")));
        QCOMPARE(QString::fromStdString(window.document()->model().name.value_or("")), kEditedName);
        QVERIFY(window.document()->isModified());
        QCOMPARE(window.document()->filePath(), QFileInfo(project).absoluteFilePath());
        // The dead child's lock was stale and is ours now; no read-only prompt.
        QVERIFY(dialogs->lockedFilePrompts.isEmpty());
        QVERIFY(!window.isReadOnly());
        QVERIFY(window.projectLock() && window.projectLock()->isLocked());

        // Saving writes the original file and the recovery file goes.
        QVERIFY(window.save());
        QVERIFY(recoveryFiles().isEmpty());
        const auto saved = plumb::loadProject(project.toStdString());
        QVERIFY(saved.ok());
        QCOMPARE(QString::fromStdString(saved.project->model.name.value_or("")), kEditedName);
        window.close();
        QVERIFY(!QFile::exists(project + ".lock"));
    }

    void modifiedDocumentsAreAutosavedAndCleanedUp() {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("a.plumb"));
        QVERIFY(!plumb::saveProject(project.toStdString(), smallProject()));
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QCOMPARE(window.autosaver()->interval(), 60000);
        QVERIFY(window.openFile(project));
        QVERIFY(!window.autosaver()->saveNow()); // nothing unsaved
        window.document()->undoStack()->push(
            new SetModelPropertiesCommand(window.document(), {std::string("x"), std::nullopt}));
        QVERIFY(window.autosaver()->saveNow());
        QCOMPARE(recoveryFiles().size(), 1);
        // Our own recovery file is not an orphan while we run.
        QVERIFY(orphanedRecoveries().empty());
        window.document()->undoStack()->undo(); // back to the saved state
        QVERIFY(recoveryFiles().isEmpty());
        window.document()->undoStack()->redo();
        QVERIFY(window.autosaver()->saveNow());
        QVERIFY(window.save());
        QVERIFY(recoveryFiles().isEmpty());
    }

    void timerWritesWithoutBeingAsked() {
        auto fake = std::make_unique<test::FakeDialogs>();
        fake->unsavedChoice = UnsavedChoice::Discard;
        MainWindow window(std::move(fake));
        window.autosaver()->setInterval(50);
        window.document()->undoStack()->push(
            new SetModelPropertiesCommand(window.document(), {std::string("y"), std::nullopt}));
        QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles().size(), 1, 5000);
        window.close();
        QVERIFY(recoveryFiles().isEmpty());
    }

    void discardAndLaterAreHonoured() {
        {
            // Leave an orphan: write it, then forget it the way a crash would.
            auto fake = std::make_unique<test::FakeDialogs>();
            fake->unsavedChoice = UnsavedChoice::Discard;
            MainWindow window(std::move(fake));
            window.document()->undoStack()->push(
                new SetModelPropertiesCommand(window.document(), {std::string("z"), std::nullopt}));
            QVERIFY(window.autosaver()->saveNow());
            const QString file = window.autosaver()->recoveryFile();
            const QString lock =
                QFileInfo(file).path() + '/' + QFileInfo(file).completeBaseName() + ".lock";
            QFile::copy(file, file + ".keep");
            QFile::copy(QFileInfo(file).path() + '/' + QFileInfo(file).completeBaseName() + ".json",
                        file + ".json.keep");
            window.close();
            QFile::rename(file + ".keep", file);
            QFile::rename(file + ".json.keep", QFileInfo(file).path() + '/' +
                                                   QFileInfo(file).completeBaseName() + ".json");
            QVERIFY(!QFile::exists(lock));
        }
        QCOMPARE(recoveryFiles().size(), 1);
        auto later = std::make_unique<test::FakeDialogs>();
        later->recoveryChoice = RecoveryChoice::Later;
        MainWindow first(std::move(later));
        QVERIFY(!first.offerRecovery());
        QCOMPARE(recoveryFiles().size(), 1);

        auto discard = std::make_unique<test::FakeDialogs>();
        discard->recoveryChoice = RecoveryChoice::Discard;
        MainWindow second(std::move(discard));
        QVERIFY(!second.offerRecovery());
        QVERIFY(recoveryFiles().isEmpty());
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(kChildVariable))
        return runChild(qEnvironmentVariable(kChildVariable));
    TestAutosaveRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_autosave_recovery.moc"

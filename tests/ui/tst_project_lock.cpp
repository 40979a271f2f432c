// Project file locks: a .plumb open in one workbench is locked (`<file>.lock`); another one
// offers read-only or cancel, never silently overwrites; a lock left by a dead process is
// taken over; the lock goes with the document.
#include "plumbline/project_file.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QLockFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>
#include <limits>

using namespace plumb::ui;

namespace {

QString writeProject(const QTemporaryDir& dir, const QString& name) {
    plumb::Project project;
    project.model.name = name.toStdString();
    const QString path = dir.filePath(name);
    return plumb::saveProject(path.toStdString(), project) ? QString() : path;
}

struct Window {
    test::FakeDialogs* dialogs;
    std::unique_ptr<MainWindow> window;
};

Window makeWindow(LockedFileChoice choice = LockedFileChoice::Cancel) {
    auto fake = std::make_unique<test::FakeDialogs>();
    fake->lockedFileChoice = choice;
    fake->unsavedChoice = UnsavedChoice::Discard;
    Window made{fake.get(), nullptr};
    made.window = std::make_unique<MainWindow>(std::move(fake));
    return made;
}

} // namespace

class TestProjectLock : public QObject {
    Q_OBJECT

private slots:
    void init() { test::useScratchSettings(); }

    void secondWorkbenchIsToldAndCanCancel() {
        QTemporaryDir dir;
        const QString path = writeProject(dir, "shared.plumb");
        auto first = makeWindow();
        QVERIFY(first.window->openFile(path));
        QVERIFY(QFile::exists(path + ".lock"));
        QVERIFY(!first.window->isReadOnly());

        auto second = makeWindow(LockedFileChoice::Cancel);
        QVERIFY(!second.window->openFile(path));
        QCOMPARE(second.dialogs->lockedFilePrompts.size(), 1);
        QVERIFY2(second.dialogs->lockedFilePrompts.first().startsWith("shared.plumb|process "),
                 qPrintable(second.dialogs->lockedFilePrompts.first()));
        QVERIFY(second.window->document()->isUntitled()); // unchanged
    }

    void readOnlyNeverOverwritesTheLockedFile() {
        QTemporaryDir dir;
        const QString path = writeProject(dir, "shared.plumb");
        auto first = makeWindow();
        QVERIFY(first.window->openFile(path));
        auto second = makeWindow(LockedFileChoice::OpenReadOnly);
        QVERIFY(second.window->openFile(path));
        QVERIFY(second.window->isReadOnly());
        QVERIFY(second.window->windowTitle().contains("read-only"));
        QVERIFY(!second.window->projectLock());
        // Save asks for another name (cancelled here), and Save As onto the file is refused.
        QVERIFY(!second.window->save());
        QCOMPARE(second.dialogs->suggestedSavePaths.size(), 1);
        QVERIFY(!second.window->saveAs(path));
        QCOMPARE(second.dialogs->errors.size(), 1);
        // Saved elsewhere, it is an ordinary, locked, writable project.
        const QString copy = dir.filePath("copy.plumb");
        QVERIFY(second.window->saveAs(copy));
        QVERIFY(!second.window->isReadOnly());
        QVERIFY(second.window->projectLock() && second.window->projectLock()->isLocked());
        QVERIFY(QFile::exists(copy + ".lock"));
    }

    void lockIsReleasedWithTheDocument() {
        QTemporaryDir dir;
        const QString a = writeProject(dir, "a.plumb");
        const QString b = writeProject(dir, "b.plumb");
        auto first = makeWindow();
        QVERIFY(first.window->openFile(a));
        QVERIFY(first.window->openFile(a)); // reopening keeps our own lock, no prompt
        QVERIFY(first.dialogs->lockedFilePrompts.isEmpty());
        QVERIFY(first.window->openFile(b));
        QVERIFY(!QFile::exists(a + ".lock"));
        QVERIFY(QFile::exists(b + ".lock"));
        QVERIFY(first.window->newDocument());
        QVERIFY(!QFile::exists(b + ".lock"));

        auto second = makeWindow();
        QVERIFY(second.window->openFile(a));
        QVERIFY(second.dialogs->lockedFilePrompts.isEmpty());
        QVERIFY(second.window->close());
        QVERIFY(!QFile::exists(a + ".lock"));
    }

    void staleLockOfADeadProcessIsTakenOver() {
        QTemporaryDir dir;
        const QString path = writeProject(dir, "crashed.plumb");
        // QLockFile's format: pid, application, host. A pid that cannot be running.
        QFile lock(path + ".lock");
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(std::numeric_limits<int>::max() - 1) + "\nplumbline\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
        lock.close();
        auto window = makeWindow();
        QVERIFY(window.window->openFile(path));
        QVERIFY(window.dialogs->lockedFilePrompts.isEmpty());
        QVERIFY(!window.window->isReadOnly());
        QVERIFY(window.window->projectLock() && window.window->projectLock()->isLocked());
    }
};

QTEST_MAIN(TestProjectLock)
#include "tst_project_lock.moc"

// MainWindow's crash safety: autosave to recovery files, recovery at startup, and the lock
// that keeps two Plumblines from overwriting each other's project. Kept out of mainwindow.cpp
// so the window's own file stays about the document life cycle.
#include "plumbline/model_files.h"
#include "plumbline/project_file.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/recovery.h"

#include <QFileInfo>
#include <QLockFile>
#include <QStatusBar>

namespace plumb::ui {

void MainWindow::createAutosave() {
    m_autosaver = new Autosaver(this);
    connect(m_autosaver, &Autosaver::failed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000);
    });
}

bool MainWindow::lockProject(const QString& path, std::unique_ptr<QLockFile>& lock,
                             bool& readOnly) {
    lock.reset();
    readOnly = false;
    if (path.isEmpty() || !plumb::isProjectFileName(path.toStdString())) return true;
    const QString lockPath = QFileInfo(path).absoluteFilePath() + ".lock";
    // This window holds it already (reopening the same file): setDocument keeps that lock.
    if (m_projectLock && m_projectLock->fileName() == lockPath) return true;
    auto candidate = std::make_unique<QLockFile>(lockPath);
    // A lock is stale only when its process is gone (tryLock then takes it over): a session
    // may keep a project open for days, so age means nothing.
    candidate->setStaleLockTime(0);
    if (candidate->tryLock(0)) {
        lock = std::move(candidate);
        return true;
    }
    // No permission to write beside the file: no other Plumbline could lock it either.
    if (candidate->error() != QLockFile::LockFailedError) return true;
    qint64 pid = 0;
    QString host, application;
    QString holder;
    if (candidate->getLockInfo(&pid, &host, &application))
        holder = tr("process %1 on %2").arg(pid).arg(host);
    if (m_dialogs->askOpenLockedFile(this, QFileInfo(path).fileName(), holder) ==
        LockedFileChoice::Cancel)
        return false;
    readOnly = true;
    return true;
}

bool MainWindow::offerRecovery() {
    std::vector<RecoveryEntry> entries = orphanedRecoveries();
    if (entries.empty()) return false;
    QStringList names;
    for (const RecoveryEntry& entry : entries)
        names << entry.displayName();
    switch (m_dialogs->askRecoverDocuments(this, names)) {
    case RecoveryChoice::Discard:
        for (const RecoveryEntry& entry : entries)
            removeRecovery(entry);
        return false;
    case RecoveryChoice::Later:
        return false; // the locks go with `entries`; the files wait for the next start
    case RecoveryChoice::Recover:
        break;
    }
    // One document per window: the newest; any others are offered again next time.
    RecoveryEntry& newest = entries.front();
    auto loaded = plumb::loadProject(newest.projectFile.toStdString());
    if (!loaded.ok()) {
        m_dialogs->showError(this, tr("Recovery failed"),
                             tr("The recovery file of %1 could not be read; it stays in %2.")
                                 .arg(newest.displayName(), recoveryDirectory()),
                             describeErrors(loaded.errors));
        return false;
    }
    std::unique_ptr<QLockFile> lock;
    bool readOnly = false;
    if (!lockProject(newest.originalPath, lock, readOnly)) return false;
    if (!maybeSave()) return false;
    auto document = std::make_unique<Document>(std::move(*loaded.project), newest.originalPath,
                                               newest.untitledName);
    // Unsaved by definition: the changes exist nowhere but in the recovery file.
    document->undoStack()->resetClean();
    Document* recovered = document.get();
    setDocument(std::move(document), std::move(lock), readOnly);
    // Keep writing to the same recovery file: a second crash before the next autosave still
    // leaves the recovered work behind.
    m_autosaver->adopt(recovered, std::move(newest));
    updateTitle();
    statusBar()->showMessage(
        tr("Recovered %1 — save it to keep the changes").arg(recovered->displayName()), 8000);
    return true;
}

} // namespace plumb::ui

#include "plumbline/ui/recovery.h"

#include "plumbline/project_file.h"
#include "plumbline/ui/document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <algorithm>

namespace plumb::ui {

namespace {

constexpr int kDefaultIntervalMs = 60 * 1000;

QString pathFor(const QString& id, const QString& suffix) {
    return QDir(recoveryDirectory()).filePath(id + suffix);
}

std::shared_ptr<QLockFile> tryLock(const QString& path) {
    auto lock = std::make_shared<QLockFile>(path);
    // Only a dead owner makes a lock stale: a Plumbline may hold its lock for days.
    lock->setStaleLockTime(0);
    return lock->tryLock(0) ? lock : nullptr;
}

} // namespace

QString RecoveryEntry::displayName() const {
    const QString name = originalPath.isEmpty() ? untitledName : QFileInfo(originalPath).fileName();
    return QObject::tr("%1 (autosaved %2)")
        .arg(name.isEmpty() ? QObject::tr("Untitled") : name,
             QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat));
}

QString recoveryDirectory() {
    const QString dir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                            .filePath("recovery");
    QDir().mkpath(dir);
    return dir;
}

std::vector<RecoveryEntry> orphanedRecoveries() {
    std::vector<RecoveryEntry> entries;
    const QDir dir(recoveryDirectory());
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        RecoveryEntry entry;
        entry.id = info.completeBaseName();
        entry.projectFile = pathFor(entry.id, QStringLiteral(".plumb"));
        if (!QFileInfo::exists(entry.projectFile)) continue;
        entry.lock = tryLock(pathFor(entry.id, QStringLiteral(".lock")));
        if (!entry.lock) continue; // a running Plumbline's, or one dealing with it right now
        QFile file(info.filePath());
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QJsonObject meta = QJsonDocument::fromJson(file.readAll()).object();
        entry.originalPath = meta.value(QStringLiteral("originalPath")).toString();
        entry.untitledName = meta.value(QStringLiteral("untitledName")).toString();
        entry.savedAt = QFileInfo(entry.projectFile).lastModified();
        entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return entries;
}

void removeRecovery(const RecoveryEntry& entry) {
    if (entry.id.isEmpty()) return;
    QFile::remove(pathFor(entry.id, QStringLiteral(".plumb")));
    QFile::remove(pathFor(entry.id, QStringLiteral(".json")));
    if (entry.lock) entry.lock->unlock(); // removes the lock file
}

// --- Autosaver ------------------------------------------------------------------------------

Autosaver::Autosaver(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("PLUMBLINE_AUTOSAVE_MS", &ok);
    m_timer->setInterval(ok && fromEnvironment > 0 ? fromEnvironment : kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    m_timer->start();
}

Autosaver::~Autosaver() {
    discard();
}

void Autosaver::setDocument(Document* document) {
    discard();
    watch(document);
}

void Autosaver::adopt(Document* document, RecoveryEntry entry) {
    discard();
    m_entry = std::move(entry);
    watch(document);
}

void Autosaver::watch(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (!document) return;
    // Back to the saved state (a save, or undo all the way): nothing left to recover.
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified) discard();
    });
}

void Autosaver::setInterval(int milliseconds) {
    m_timer->setInterval(milliseconds);
}

int Autosaver::interval() const {
    return m_timer->interval();
}

QString Autosaver::recoveryFile() const {
    return m_entry.id.isEmpty() ? QString() : m_entry.projectFile;
}

bool Autosaver::ensureEntry() {
    if (!m_entry.id.isEmpty()) return true;
    RecoveryEntry entry;
    entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.projectFile = pathFor(entry.id, QStringLiteral(".plumb"));
    entry.lock = tryLock(pathFor(entry.id, QStringLiteral(".lock")));
    if (!entry.lock) return false;
    m_entry = std::move(entry);
    return true;
}

bool Autosaver::saveNow() {
    if (!m_document || !m_document->isModified()) return false;
    if (!ensureEntry()) {
        emit failed(tr("Could not create a recovery file in %1").arg(recoveryDirectory()));
        return false;
    }
    // The description first: a recovery file is only offered with one beside it.
    QSaveFile meta(pathFor(m_entry.id, QStringLiteral(".json")));
    const QJsonObject description{{QStringLiteral("originalPath"), m_document->filePath()},
                                  {QStringLiteral("untitledName"), m_document->displayName()}};
    if (!meta.open(QIODevice::WriteOnly) || meta.write(QJsonDocument(description).toJson()) < 0 ||
        !meta.commit()) {
        emit failed(tr("Could not write %1: %2").arg(meta.fileName(), meta.errorString()));
        return false;
    }
    if (const auto error =
            plumb::saveProject(m_entry.projectFile.toStdString(), m_document->project())) {
        emit failed(QString::fromStdString(error->toString()));
        return false;
    }
    emit saved(m_entry.projectFile);
    return true;
}

void Autosaver::discard() {
    removeRecovery(m_entry);
    m_entry = {};
}

} // namespace plumb::ui

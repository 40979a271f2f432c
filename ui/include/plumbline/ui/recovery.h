#pragma once
// Crash recovery: while a document has unsaved changes, an Autosaver writes it every minute to
// a recovery file in QStandardPaths::AppDataLocation/recovery/ (atomically, via
// plumb::saveProject). A clean save, closing the document or quitting removes it, so recovery
// files found at startup are the ones a crashed (or killed) Plumbline left behind.
//
// Each recovery file is `<id>.plumb` with `<id>.json` beside it (where the document came from)
// and `<id>.lock`, a QLockFile its Plumbline holds: a file whose lock can be taken belongs to
// no running Plumbline, so two workbenches running at once never recover each other's work.

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>
#include <vector>

class QLockFile;
class QTimer;

namespace plumb::ui {

class Document;

struct RecoveryEntry {
    QString id;
    QString projectFile;  // <dir>/<id>.plumb
    QString originalPath; // the document's own file; empty for an untitled document
    QString untitledName; // shown for an untitled document
    QDateTime savedAt;
    std::shared_ptr<QLockFile> lock; // held while this process deals with the entry

    QString displayName() const;
};

// Where recovery files live (created on demand).
QString recoveryDirectory();

// The recovery files no running Plumbline owns, newest first; their locks are held until the
// entries are destroyed or adopted.
std::vector<RecoveryEntry> orphanedRecoveries();

// Deletes an entry's files (recovery file, description, lock).
void removeRecovery(const RecoveryEntry& entry);

class Autosaver : public QObject {
    Q_OBJECT
public:
    // The interval: PLUMBLINE_AUTOSAVE_MS when set (tests and support), else 60 s.
    explicit Autosaver(QObject* parent = nullptr);
    ~Autosaver() override; // removes the recovery file: only a crash leaves one behind

    // Follows this document from now on; the previous one's recovery file goes.
    void setDocument(Document* document);
    // Follows `document`, writing to a recovered entry's file instead of a new one.
    void adopt(Document* document, RecoveryEntry entry);

    void setInterval(int milliseconds);
    int interval() const;

    // Writes the recovery file now if the document has unsaved changes; true when written.
    bool saveNow();
    // Removes the recovery file (a clean save, the document closed).
    void discard();
    // The current document's recovery file; empty until first written.
    QString recoveryFile() const;

signals:
    void saved(const QString& recoveryFile);
    void failed(const QString& message);

private:
    void watch(Document* document);
    bool ensureEntry();

    QTimer* m_timer;
    QPointer<Document> m_document;
    RecoveryEntry m_entry; // id empty until the first write
};

} // namespace plumb::ui

#pragma once
// Shared by the ui suites: scripted answers instead of modal dialogs, and settings that never
// touch the user's own recent files.

#include "plumbline/ui/user_dialogs.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::ui::test {

struct ShownMessage {
    QString title;
    QString text;
    QString details;
};

class FakeDialogs : public UserDialogs {
public:
    void showError(QWidget*, const QString& title, const QString& text,
                   const QString& details) override;
    void showInformation(QWidget*, const QString& title, const QString& text) override;
    UnsavedChoice askUnsavedChanges(QWidget*, const QString& documentName) override;
    QString askOpenFileName(QWidget*, const QString&, const QString&, const QString&) override;
    QString askSaveFileName(QWidget*, const QString& title, const QString& suggestedPath,
                            const QString&) override;
    std::optional<ModelProperties> askModelProperties(QWidget*, const ModelProperties&) override;
    std::optional<QString> askWaiverReason(QWidget*, const QString& findingTitle,
                                           const QString& elementName) override;
    RecoveryChoice askRecoverDocuments(QWidget*, const QStringList& documents) override;
    LockedFileChoice askOpenLockedFile(QWidget*, const QString& fileName,
                                       const QString& holder) override;

    // What the next questions answer.
    UnsavedChoice unsavedChoice = UnsavedChoice::Cancel;
    QString openFileName;
    QString saveFileName;
    std::optional<ModelProperties> modelProperties;
    std::optional<QString> waiverReason;
    RecoveryChoice recoveryChoice = RecoveryChoice::Later;
    LockedFileChoice lockedFileChoice = LockedFileChoice::Cancel;

    // What was shown or asked.
    QList<ShownMessage> errors;
    QList<ShownMessage> informations;
    QStringList unsavedPrompts; // document names
    QStringList suggestedSavePaths;
    QStringList waiverPrompts;          // "finding title @ element name"
    QList<QStringList> recoveryPrompts; // the documents offered, per prompt
    QStringList lockedFilePrompts;      // "file name|holder"
};

// Points QSettings at a scratch location and clears it; call from init().
void useScratchSettings();

// Writes `content` to `dir/name` and returns the path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& content);

// The bundled example's source file, for comparing what the window shows with the JSON.
QString exampleSourcePath(const QString& fileName);

// 1,000 elements for the large-model suites: 20 contexts of 25 services, 15 PostgreSQL stores
// and 10 Redis caches each, with three flows per service (1,500 flows).
plumb::Project thousandElementProject();

} // namespace plumb::ui::test

#pragma once
// Every question the workbench asks and every message it shows goes through this interface,
// so tests can answer without a modal dialog blocking the event loop.

#include "plumbline/diagnostics.h"
#include "plumbline/ui/document.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

class QWidget;

namespace plumb::ui {

enum class UnsavedChoice { Save, Discard, Cancel };
// Recovery files left by a crash: open the newest, delete them all, or ask again next time.
enum class RecoveryChoice { Recover, Discard, Later };
// A project another Plumbline has open.
enum class LockedFileChoice { OpenReadOnly, Cancel };
// What the waive dialog asks for: why, by whom, until when (a null date: no expiry).
struct WaiverFields {
    QString reason;
    QString author;
    QDate expires;
};

class UserDialogs {
public:
    virtual ~UserDialogs() = default;

    virtual void showError(QWidget* parent, const QString& title, const QString& text,
                           const QString& details = {}) = 0;
    virtual void showInformation(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual UnsavedChoice askUnsavedChanges(QWidget* parent, const QString& documentName) = 0;
    // Both return an empty string when the user cancels.
    virtual QString askOpenFileName(QWidget* parent, const QString& title, const QString& directory,
                                    const QString& filter) = 0;
    virtual QString askSaveFileName(QWidget* parent, const QString& title,
                                    const QString& suggestedPath, const QString& filter) = 0;
    virtual std::optional<ModelProperties> askModelProperties(QWidget* parent,
                                                              const ModelProperties& current) = 0;
    // Why a finding is acceptable, by whom and until when, before waiving it or when editing
    // its waiver (`initial` holds the current values); nullopt when the user cancels. The
    // reason comes back trimmed and never empty.
    virtual std::optional<WaiverFields> askWaiver(QWidget* parent, const QString& findingTitle,
                                                  const QString& elementName,
                                                  const WaiverFields& initial) = 0;
    // `documents`: what each recovery file holds ("shop.plumb (autosaved 12:03)"), newest first.
    virtual RecoveryChoice askRecoverDocuments(QWidget* parent, const QStringList& documents) = 0;
    // `holder` describes the other Plumbline ("process 1234 on host"), possibly empty.
    virtual LockedFileChoice askOpenLockedFile(QWidget* parent, const QString& fileName,
                                               const QString& holder) = 0;
};

// The real dialogs: QMessageBox, QFileDialog and the model properties dialog.
class QtUserDialogs : public UserDialogs {
public:
    void showError(QWidget* parent, const QString& title, const QString& text,
                   const QString& details = {}) override;
    void showInformation(QWidget* parent, const QString& title, const QString& text) override;
    UnsavedChoice askUnsavedChanges(QWidget* parent, const QString& documentName) override;
    QString askOpenFileName(QWidget* parent, const QString& title, const QString& directory,
                            const QString& filter) override;
    QString askSaveFileName(QWidget* parent, const QString& title, const QString& suggestedPath,
                            const QString& filter) override;
    std::optional<ModelProperties> askModelProperties(QWidget* parent,
                                                      const ModelProperties& current) override;
    std::optional<WaiverFields> askWaiver(QWidget* parent, const QString& findingTitle,
                                          const QString& elementName,
                                          const WaiverFields& initial) override;
    RecoveryChoice askRecoverDocuments(QWidget* parent, const QStringList& documents) override;
    LockedFileChoice askOpenLockedFile(QWidget* parent, const QString& fileName,
                                       const QString& holder) override;
};

// The first errors as CLI-style lines ("file: /json/path: message"), at most `limit` of them,
// with a note of how many more there are.
QString describeErrors(const std::vector<plumb::InputError>& errors, std::size_t limit = 5);

} // namespace plumb::ui

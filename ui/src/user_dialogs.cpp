#include "plumbline/ui/user_dialogs.h"

#include "plumbline/ui/findings/waiver_dialog.h"
#include "plumbline/ui/model_properties_dialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace plumb::ui {

void QtUserDialogs::showError(QWidget* parent, const QString& title, const QString& text,
                              const QString& details) {
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    if (!details.isEmpty()) box.setInformativeText(details);
    // The CLI-style lines are long; let the box grow instead of wrapping paths mid-pointer.
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
}

void QtUserDialogs::showInformation(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::information(parent, title, text);
}

UnsavedChoice QtUserDialogs::askUnsavedChanges(QWidget* parent, const QString& documentName) {
    QMessageBox box(QMessageBox::Warning, QObject::tr("Unsaved changes"),
                    QObject::tr("Save the changes to \"%1\" before closing it?").arg(documentName),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(QObject::tr("Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedChoice::Save;
    case QMessageBox::Discard:
        return UnsavedChoice::Discard;
    default:
        return UnsavedChoice::Cancel;
    }
}

RecoveryChoice QtUserDialogs::askRecoverDocuments(QWidget* parent, const QStringList& documents) {
    QMessageBox box(QMessageBox::Question, QObject::tr("Recover unsaved work"),
                    documents.size() == 1
                        ? QObject::tr("Plumbline did not close normally. Recover your unsaved "
                                      "changes to %1?")
                              .arg(documents.first())
                        : QObject::tr("Plumbline did not close normally and left %1 documents "
                                      "with unsaved changes. Recover the most recent one, %2?")
                              .arg(documents.size())
                              .arg(documents.first()),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(QObject::tr("The recovered document opens with its changes unsaved; "
                                       "save it to keep them."));
    if (documents.size() > 1) box.setDetailedText(documents.join('\n'));
    QPushButton* recover = box.addButton(QObject::tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton* discard = box.addButton(QObject::tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(QObject::tr("Ask &Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == recover) return RecoveryChoice::Recover;
    if (box.clickedButton() == discard) return RecoveryChoice::Discard;
    return RecoveryChoice::Later;
}

LockedFileChoice QtUserDialogs::askOpenLockedFile(QWidget* parent, const QString& fileName,
                                                  const QString& holder) {
    QMessageBox box(
        QMessageBox::Warning, QObject::tr("Project in use"),
        QObject::tr("\"%1\" is open in another Plumbline%2.")
            .arg(fileName, holder.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(holder)),
        QMessageBox::NoButton, parent);
    box.setInformativeText(QObject::tr("Open it read-only? You can still save your changes "
                                       "under another name."));
    QPushButton* readOnly = box.addButton(QObject::tr("Open &Read-Only"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.exec();
    return box.clickedButton() == readOnly ? LockedFileChoice::OpenReadOnly
                                           : LockedFileChoice::Cancel;
}

QString QtUserDialogs::askOpenFileName(QWidget* parent, const QString& title,
                                       const QString& directory, const QString& filter) {
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

QString QtUserDialogs::askSaveFileName(QWidget* parent, const QString& title,
                                       const QString& suggestedPath, const QString& filter) {
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

std::optional<ModelProperties> QtUserDialogs::askModelProperties(QWidget* parent,
                                                                 const ModelProperties& current) {
    ModelPropertiesDialog dialog(current, parent);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.properties();
}

std::optional<WaiverFields> QtUserDialogs::askWaiver(QWidget* parent, const QString& findingTitle,
                                                     const QString& elementName,
                                                     const WaiverFields& initial) {
    return WaiverDialog::ask(parent, findingTitle, elementName, initial);
}

QString describeErrors(const std::vector<plumb::InputError>& errors, std::size_t limit) {
    QStringList lines;
    for (std::size_t i = 0; i < errors.size() && i < limit; ++i)
        lines << QString::fromStdString(errors[i].toString());
    if (errors.size() > limit)
        lines << QObject::tr("… and %n more problem(s)", nullptr, int(errors.size() - limit));
    return lines.join('\n');
}

} // namespace plumb::ui

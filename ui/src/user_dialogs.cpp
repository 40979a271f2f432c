#include "plumbline/ui/user_dialogs.h"

#include "plumbline/ui/model_properties_dialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

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

std::optional<QString> QtUserDialogs::askWaiverReason(QWidget* parent,
                                                     const QString& findingTitle,
                                                     const QString& elementName) {
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(
        parent, QObject::tr("Waive finding"),
        QObject::tr("<b>%1</b> on %2<br><br>Why is this acceptable? The reason is stored in the "
                    "project with your name and today's date.")
            .arg(findingTitle.toHtmlEscaped(), elementName.toHtmlEscaped()),
        {}, &ok);
    if (!ok || reason.trimmed().isEmpty()) return std::nullopt;
    return reason.trimmed();
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

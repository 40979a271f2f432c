#include "ui_test_helpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace plumb::ui::test {

void FakeDialogs::showError(QWidget*, const QString& title, const QString& text,
                            const QString& details) {
    errors << ShownMessage{title, text, details};
}

void FakeDialogs::showInformation(QWidget*, const QString& title, const QString& text) {
    informations << ShownMessage{title, text, {}};
}

UnsavedChoice FakeDialogs::askUnsavedChanges(QWidget*, const QString& documentName) {
    unsavedPrompts << documentName;
    return unsavedChoice;
}

QString FakeDialogs::askOpenFileName(QWidget*, const QString&, const QString&, const QString&) {
    return openFileName;
}

QString FakeDialogs::askSaveFileName(QWidget*, const QString&, const QString& suggestedPath,
                                     const QString&) {
    suggestedSavePaths << suggestedPath;
    return saveFileName;
}

std::optional<ModelProperties> FakeDialogs::askModelProperties(QWidget*, const ModelProperties&) {
    return modelProperties;
}

std::optional<QString> FakeDialogs::askWaiverReason(QWidget*, const QString& findingTitle,
                                                    const QString& elementName) {
    waiverPrompts << findingTitle + QStringLiteral(" @ ") + elementName;
    return waiverReason;
}

RecoveryChoice FakeDialogs::askRecoverDocuments(QWidget*, const QStringList& documents) {
    recoveryPrompts << documents;
    return recoveryChoice;
}

LockedFileChoice FakeDialogs::askOpenLockedFile(QWidget*, const QString& fileName,
                                                const QString& holder) {
    lockedFilePrompts << fileName + QLatin1Char('|') + holder;
    return lockedFileChoice;
}

void useScratchSettings() {
    // Test mode sends QSettings to ~/.qttest; a distinct organisation keeps even that apart.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PlumblineTests"));
    // One settings file per suite executable, so suites running in parallel never share one.
    QCoreApplication::setApplicationName(
        QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName());
    QSettings().clear();
}

QString writeFile(const QString& dir, const QString& name, const QByteArray& content) {
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    file.write(content);
    return path;
}

QString exampleSourcePath(const QString& fileName) {
    return QStringLiteral(PLUMBLINE_SOURCE_DIR "/resources/examples/") + fileName;
}

} // namespace plumb::ui::test

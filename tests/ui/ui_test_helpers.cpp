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

plumb::Project thousandElementProject() {
    plumb::Project project;
    plumb::Model& model = project.model;
    model.name = "generated";
    for (int c = 0; c < 20; ++c) {
        const std::string context = "context-" + std::to_string(c);
        model.contexts.push_back({});
        model.contexts.back().id = context;
        const auto add = [&](const std::string& id, plumb::ElementKind kind, const char* tech) {
            plumb::Element element;
            element.id = id;
            element.kind = kind;
            element.context = context;
            if (tech) element.technology = tech;
            model.elements.push_back(element);
        };
        for (int i = 0; i < 25; ++i)
            add(context + "-svc-" + std::to_string(i), plumb::ElementKind::Service, nullptr);
        for (int i = 0; i < 15; ++i)
            add(context + "-db-" + std::to_string(i), plumb::ElementKind::Store, "postgresql");
        for (int i = 0; i < 10; ++i)
            add(context + "-cache-" + std::to_string(i), plumb::ElementKind::Cache, "redis");
        for (int i = 0; i < 25; ++i) {
            const std::string service = context + "-svc-" + std::to_string(i);
            const auto flow = [&](const std::string& to, double reads, double writes) {
                plumb::Flow f;
                f.id = service + "->" + to;
                f.from = service;
                f.to = to;
                f.style = plumb::FlowStyle::Sync;
                f.readsPerSecond = reads;
                f.writesPerSecond = writes;
                f.payloadKB = 2;
                model.flows.push_back(f);
            };
            flow(context + "-db-" + std::to_string(i % 15), 200 + i, 20 + i);
            flow(context + "-db-" + std::to_string((i + 7) % 15), 50, 5);
            flow(context + "-cache-" + std::to_string(i % 10), 900, 30);
        }
    }
    return project;
}

} // namespace plumb::ui::test

#include "ui_test_helpers.h"

#include "plumbline/ui/examples.h"

#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

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

std::optional<WaiverFields> FakeDialogs::askWaiver(QWidget*, const QString& findingTitle,
                                                   const QString& elementName,
                                                   const WaiverFields& initial) {
    waiverPrompts << findingTitle + QStringLiteral(" @ ") + elementName;
    waiverInitial << initial;
    if (!waiverReason || waiverReason->trimmed().isEmpty()) return std::nullopt;
    WaiverFields answer = initial;
    answer.reason = waiverReason->trimmed();
    if (!waiverAuthor.isEmpty()) answer.author = waiverAuthor;
    if (waiverExpires) answer.expires = *waiverExpires;
    return answer;
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

plumb::LayoutBox box(const std::string& id, double x, double y, double width, double height) {
    return plumb::LayoutBox{id, x, y, width, height, plumb::Json::object()};
}

plumb::Model ordersModel() {
    plumb::Model model;
    model.contexts.push_back({"orders", std::string("Orders"), {}, {}, plumb::Json::object()});
    plumb::Element api;
    api.id = "api";
    api.context = "orders";
    plumb::Element worker;
    worker.id = "worker";
    worker.context = "orders";
    plumb::Element db;
    db.id = "db";
    db.kind = plumb::ElementKind::Store;
    model.elements = {api, worker, db};
    model.layout = {box("orders", 0, 0, 600, 300), box("api", 40, 60), box("worker", 320, 60),
                    box("db", 800, 400)};
    model.present.layout = true;
    return model;
}

namespace {

// The scene must show the document before the view is built on it, as in the application.
diagram::DiagramScene* showing(diagram::DiagramScene& scene, Document& document) {
    scene.setDocument(&document);
    return &scene;
}

plumb::Project projectOf(plumb::Model model) {
    plumb::Project project;
    project.model = std::move(model);
    return project;
}

} // namespace

plumb::Project withoutLayout(plumb::Model model) {
    model.layout.clear();
    model.present.layout = false;
    return projectOf(std::move(model));
}

DiagramFixture::DiagramFixture(plumb::Model model, QSize viewSize)
    : document(projectOf(std::move(model))), view(showing(scene, document)) {
    view.resize(viewSize);
}

void DiagramSuite::openDiagram(plumb::Model model) {
    m_document = std::make_unique<Document>(projectOf(std::move(model)));
    m_scene = std::make_unique<diagram::DiagramScene>();
    m_scene->setDocument(m_document.get());
    m_view = std::make_unique<diagram::DiagramView>(m_scene.get());
}

void DiagramSuite::closeDiagram() {
    m_view.reset();
    m_scene.reset();
    m_document.reset();
}

bool showAtFullZoom(diagram::DiagramView& view, QSize size, QPointF centre) {
    view.resize(size);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view)) return false;
    view.setZoom(1.0);
    view.centerOn(centre);
    return true;
}

bool PropertyEditorSuite::openEditorOnExample(int height) {
    m_load = loadBundledExample("ecommerce-platform.json");
    if (!m_load.document) return false;
    m_editor = std::make_unique<PropertyEditor>();
    m_editor->setDocument(m_load.document.get());
    m_editor->resize(360, height);
    m_editor->show();
    return QTest::qWaitForWindowExposed(m_editor.get());
}

void PropertyEditorSuite::closeEditor() {
    m_editor.reset();
    m_load = {};
}

void typeInto(QWidget* widget, const QString& text) {
    widget->setFocus();
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) spin->selectAll();
    if (auto* line = qobject_cast<QLineEdit*>(widget)) line->selectAll();
    QTest::keyClick(widget, Qt::Key_Delete);
    QTest::keyClicks(widget, text);
    QTest::keyClick(widget, Qt::Key_Return);
}

} // namespace plumb::ui::test

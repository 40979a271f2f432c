#pragma once
// Shared by the ui suites: scripted answers instead of modal dialogs, settings that never
// touch the user's own recent files, and the small models and diagram set-ups several suites
// start from.

#include "plumbline/model.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/properties/property_editor.h"
#include "plumbline/ui/user_dialogs.h"

#include <QPointF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>

class QWidget;

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
    std::optional<WaiverFields> askWaiver(QWidget*, const QString& findingTitle,
                                          const QString& elementName,
                                          const WaiverFields& initial) override;
    RecoveryChoice askRecoverDocuments(QWidget*, const QStringList& documents) override;
    LockedFileChoice askOpenLockedFile(QWidget*, const QString& fileName,
                                       const QString& holder) override;

    // What the next questions answer.
    UnsavedChoice unsavedChoice = UnsavedChoice::Cancel;
    QString openFileName;
    QString saveFileName;
    std::optional<ModelProperties> modelProperties;
    std::optional<QString> waiverReason; // nullopt: cancel
    std::optional<QDate> waiverExpires;  // nullopt: keep what the dialog showed
    QString waiverAuthor;                // empty: keep what the dialog showed
    RecoveryChoice recoveryChoice = RecoveryChoice::Later;
    LockedFileChoice lockedFileChoice = LockedFileChoice::Cancel;

    // What was shown or asked.
    QList<ShownMessage> errors;
    QList<ShownMessage> informations;
    QStringList unsavedPrompts; // document names
    QStringList suggestedSavePaths;
    QStringList waiverPrompts;          // "finding title @ element name"
    QList<WaiverFields> waiverInitial;  // what the dialog showed, per prompt
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

// A layout box with every coordinate set (an element's default size unless given).
plumb::LayoutBox box(const std::string& id, double x, double y, double width = 200,
                     double height = 72);

// The "orders" model the diagram-editing suites start from, positioned: context "orders" (named
// "Orders", box 0,0 600x300) holding services "api" (40,60) and "worker" (320,60), and store
// "db" (no technology) outside it at 800,400; elements 200x72, no flows, no waivers. Suites
// that need more add it to the returned model.
plumb::Model ordersModel();

// A project of `model` without its layout, as read from a file that has none (the editor then
// lays it out provisionally).
plumb::Project withoutLayout(plumb::Model model);

// A document of `model`, a scene showing it and a view of the scene resized to `viewSize` but
// not shown. Members are destroyed view first, then scene, then document.
struct DiagramFixture {
    DiagramFixture(plumb::Model model, QSize viewSize);

    Document document;
    diagram::DiagramScene scene;
    diagram::DiagramView view;
};

// Base for suites that edit one diagram per test: openDiagram() in init(), closeDiagram() in
// cleanup(). Derive after QObject: `class TestX : public QObject, test::DiagramSuite`.
class DiagramSuite {
protected:
    // A document of `model`, a scene showing it and a view of the scene (neither sized nor
    // shown).
    void openDiagram(plumb::Model model);
    // Destroys the view, the scene and the document, in that order.
    void closeDiagram();

    std::unique_ptr<Document> m_document;
    std::unique_ptr<diagram::DiagramScene> m_scene;
    std::unique_ptr<diagram::DiagramView> m_view;
};

// Resizes `view` to `size`, shows it, waits until it is on screen and puts it at 100% centred
// on `centre`; false when the window never appeared (use in QVERIFY).
bool showAtFullZoom(diagram::DiagramView& view, QSize size, QPointF centre);

// Base for suites that edit the bundled e-commerce example in a Properties dock:
// openEditorOnExample() in init(), closeEditor() in cleanup(). Derive after QObject.
class PropertyEditorSuite {
protected:
    // Loads "ecommerce-platform.json" and shows a 360 x `height` dock on it; false when the
    // example did not load or the dock never appeared (use in QVERIFY).
    bool openEditorOnExample(int height);
    // Destroys the dock, then the document.
    void closeEditor();

    DocumentLoad m_load;
    std::unique_ptr<PropertyEditor> m_editor;
};

// Replaces the text of a line or number edit (or a spin box) with `text` and presses Return,
// as a user would.
void typeInto(QWidget* widget, const QString& text);

} // namespace plumb::ui::test

#pragma once
// The open document: one project (model + workbench state), where it lives on disk, its undo
// history and its selection. Views listen to its signals; every edit goes through a command on
// its undo stack, so the model itself stays plain C++ (see house-style.md).

#include "plumbline/project_file.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace plumb::ui {

// What an edit touched, so listeners can refresh only what they show.
struct ChangeEvent {
    enum Part : unsigned {
        ModelProperties = 1u << 0, // name, description
        Contexts = 1u << 1,
        Elements = 1u << 2,
        Flows = 1u << 3,
        Waivers = 1u << 4,
        Layout = 1u << 5, // positions and sizes on the diagram
        Everything = 0xffu,
    };
    unsigned parts = Everything;
    QStringList ids; // the contexts, elements or flows concerned; empty = not specific
};

// The model-level properties edited together in Edit > Model Properties. Kept as the model's
// optional values (absent is not "") so undo restores the model exactly.
struct ModelProperties {
    plumb::Text name;
    plumb::Text description;
    bool operator==(const ModelProperties&) const = default;
};

class Document;
struct DocumentLoad {
    std::unique_ptr<Document> document;    // set on success
    std::vector<plumb::InputError> errors; // every problem found otherwise
};

class Document : public QObject {
    Q_OBJECT
public:
    // `filePath` empty = untitled; `untitledName` is then shown instead of a file name.
    explicit Document(plumb::Project project, QString filePath = {}, QString untitledName = {},
                      QObject* parent = nullptr);
    ~Document() override;

    // Loads a `.plumb` project or a `.json` model from disk.
    static DocumentLoad load(const QString& filePath);
    // Reads model JSON already in memory (a bundled example, an import) as an untitled document.
    static DocumentLoad fromJson(const QByteArray& json, const QString& sourceName,
                                 const QString& untitledName);

    const plumb::Project& project() const { return m_project; }
    const plumb::Model& model() const { return m_project.model; }
    // The snapshots the project holds (its file's history table), kept so that saving the
    // project writes them back. Changing them is not an edit: they live in the file already.
    void setHistory(std::vector<plumb::Snapshot> history) {
        m_project.history = std::move(history);
    }

    QString filePath() const { return m_filePath; }
    bool isUntitled() const { return m_filePath.isEmpty(); }
    // True when saving in place would write a project file; a JSON file holds the model only,
    // so Save on a document opened from JSON asks where to write the project instead.
    bool canSaveInPlace() const;
    // The file name, or the untitled name ("ecommerce-platform", "Untitled").
    QString displayName() const;

    QUndoStack* undoStack() const { return m_undoStack; }
    bool isModified() const { return !m_undoStack->isClean(); }

    // Writes the project to `path` (.plumb, or model JSON for any other name), then makes
    // `path` the document's file and marks the current state clean.
    std::optional<plumb::InputError> saveAs(const QString& path);
    // Writes the model JSON atomically without changing the document's file or clean state.
    std::optional<plumb::InputError> exportJson(const QString& path) const;

    // The ids of the selected contexts, elements or flows, in selection order.
    QStringList selection() const { return m_selection; }
    void setSelection(const QStringList& ids);

    // Mutators for commands only: they change the model and announce it, nothing else.
    ModelProperties modelProperties() const;
    void applyModelProperties(const ModelProperties& properties);
    // The model for commands to change in place; they must call notifyChanged() afterwards.
    plumb::Model& editableModel() { return m_project.model; }
    // Announces an edit. In debug builds and under the tests (PLUMBLINE_VERIFY_MODEL set), a
    // document that opened whole is checked with plumb::validateModel first, and a command
    // that broke it stops the program with the problems (modelinglib's verifyModelIntegrity).
    void notifyChanged(const ChangeEvent& event);
    // Whether notifyChanged() checks this document's integrity.
    bool verifiesIntegrity() const { return m_verifyIntegrity; }

signals:
    void changed(const plumb::ui::ChangeEvent& event);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& filePath);
    void selectionChanged(const QStringList& ids);

private:
    plumb::Project m_project;
    bool m_verifyIntegrity = false;
    QString m_filePath;
    QString m_untitledName;
    QUndoStack* m_undoStack; // owned through QObject parenting
    QStringList m_selection;
};

} // namespace plumb::ui

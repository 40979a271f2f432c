#include "plumbline/ui/document.h"

#include "plumbline/model_edits.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"

#include <QFileInfo>

namespace plumb::ui {

Document::Document(plumb::Project project, QString filePath, QString untitledName, QObject* parent)
    : QObject(parent), m_project(std::move(project)), m_filePath(std::move(filePath)),
      m_untitledName(std::move(untitledName)), m_undoStack(new QUndoStack(this)) {
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { emit modifiedChanged(!clean); });
#ifdef NDEBUG
    const bool verify = qEnvironmentVariableIsSet("PLUMBLINE_VERIFY_MODEL");
#else
    const bool verify = true;
#endif
    // Only a model that starts whole can be held to it (tests build partial ones on purpose).
    m_verifyIntegrity = verify && plumb::validateModel(m_project.model, 1).empty();
}

void Document::notifyChanged(const ChangeEvent& event) {
    if (m_verifyIntegrity) {
        const auto problems = plumb::validateModel(m_project.model, 5);
        if (!problems.empty()) {
            std::string text;
            for (const auto& p : problems)
                text += "\n  " + p.path + ": " + p.message;
            qFatal("plumbline: an edit left the model broken:%s", text.c_str());
        }
    }
    emit changed(event);
}

Document::~Document() = default;

DocumentLoad Document::load(const QString& filePath) {
    // Canonical paths keep one entry per file in the recent list, however it was reached.
    const QFileInfo info(filePath);
    const QString absolute = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    auto result = plumb::loadProjectOrModel(absolute.toStdString());
    DocumentLoad load;
    if (!result.ok()) {
        load.errors = std::move(result.errors);
        if (load.errors.empty()) // never leave the caller without a reason
            load.errors.push_back({absolute.toStdString(), "", "could not be read", {}, {}});
        return load;
    }
    load.document = std::make_unique<Document>(std::move(*result.project), absolute);
    return load;
}

DocumentLoad Document::fromJson(const QByteArray& json, const QString& sourceName,
                                const QString& untitledName) {
    auto result = plumb::readModelJson(std::string_view(json.constData(), json.size()),
                                       sourceName.toStdString());
    DocumentLoad load;
    if (!result.ok()) {
        load.errors = std::move(result.errors);
        return load;
    }
    plumb::Project project;
    project.model = std::move(*result.model);
    load.document = std::make_unique<Document>(std::move(project), QString(), untitledName);
    return load;
}

bool Document::canSaveInPlace() const {
    return !isUntitled() && plumb::isProjectFileName(m_filePath.toStdString());
}

QString Document::displayName() const {
    if (isUntitled()) return m_untitledName.isEmpty() ? tr("Untitled") : m_untitledName;
    return QFileInfo(m_filePath).fileName();
}

std::optional<plumb::InputError> Document::saveAs(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (auto error = plumb::saveProjectOrModel(absolute.toStdString(), m_project)) return error;
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit filePathChanged(m_filePath);
    }
    m_undoStack->setClean();
    return std::nullopt;
}

std::optional<plumb::InputError> Document::exportJson(const QString& path) const {
    return plumb::writeFileAtomically(QFileInfo(path).absoluteFilePath().toStdString(),
                                      plumb::writeModelJson(m_project.model));
}

void Document::setSelection(const QStringList& ids) {
    if (ids == m_selection) return; // views echo selections back; stop the ping-pong here
    m_selection = ids;
    emit selectionChanged(m_selection);
}

ModelProperties Document::modelProperties() const {
    return {m_project.model.name, m_project.model.description};
}

void Document::applyModelProperties(const ModelProperties& properties) {
    m_project.model.name = properties.name;
    m_project.model.description = properties.description;
    emit changed({ChangeEvent::ModelProperties, {}});
}

} // namespace plumb::ui

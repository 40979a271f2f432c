#include "plumbline/ui/commands.h"

namespace plumb::ui {

SetModelPropertiesCommand::SetModelPropertiesCommand(Document* document, ModelProperties after,
                                                     QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_before(document->modelProperties()),
      m_after(std::move(after)) {
    if (m_after.name != m_before.name && m_after.description == m_before.description)
        setText(QObject::tr("Rename model to \"%1\"")
                    .arg(QString::fromStdString(m_after.name.value_or(std::string()))));
    else
        setText(QObject::tr("Change model properties"));
    // Pushing a command that changes nothing would only add a confusing undo step.
    setObsolete(m_before == m_after);
}

void SetModelPropertiesCommand::undo() {
    m_document->applyModelProperties(m_before);
}

void SetModelPropertiesCommand::redo() {
    m_document->applyModelProperties(m_after);
}

ReplaceModelCommand::ReplaceModelCommand(Document* document, plumb::Model after,
                                         const QString& text, QStringList selectAfter,
                                         QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_before(document->model()),
      m_after(std::move(after)), m_selectBefore(document->selection()),
      m_selectAfter(std::move(selectAfter)) {
    setObsolete(m_before == m_after);
}

void ReplaceModelCommand::undo() {
    m_document->editableModel() = m_before;
    m_document->notifyChanged(ChangeEvent{});
    m_document->setSelection(m_selectBefore);
}

void ReplaceModelCommand::redo() {
    m_document->editableModel() = m_after;
    m_document->notifyChanged(ChangeEvent{});
    m_document->setSelection(m_selectAfter);
}

} // namespace plumb::ui

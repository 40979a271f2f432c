#pragma once
// Undoable edits of a Document. Commands hold values and ids, never pointers into the model,
// so they stay valid whatever other commands did in between.

#include "plumbline/ui/document.h"

#include <QUndoCommand>

namespace plumb::ui {

// Edit > Model Properties: the model's name and description. Each confirmed dialog is one
// undo step (no merging: the user expects to undo exactly what they confirmed).
class SetModelPropertiesCommand : public QUndoCommand {
public:
    SetModelPropertiesCommand(Document* document, ModelProperties after,
                              QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document; // the stack holding this command belongs to the document
    ModelProperties m_before;
    ModelProperties m_after;
};

// Replaces the whole model with an edited copy computed by the model library: a pattern
// template that adds elements and rewires flows in one step. Undo restores the exact model.
// Holding two models costs memory, so it is meant for structural edits, not for typing.
class ReplaceModelCommand : public QUndoCommand {
public:
    ReplaceModelCommand(Document* document, plumb::Model after, const QString& text,
                        QStringList selectAfter = {}, QUndoCommand* parent = nullptr);

    void undo() override;
    void redo() override;

private:
    Document* m_document;
    plumb::Model m_before;
    plumb::Model m_after;
    QStringList m_selectBefore;
    QStringList m_selectAfter;
};

} // namespace plumb::ui

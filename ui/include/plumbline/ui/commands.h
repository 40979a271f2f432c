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

} // namespace plumb::ui

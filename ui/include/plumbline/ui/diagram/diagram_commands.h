#pragma once
// Undoable edits made on the diagram and in the property editor. Like commands.h, they hold
// ids and values, never pointers into the model, and undo restores the model exactly
// (plumb::Model compares equal), including the order of every list.

#include "plumbline/model_edits.h"
#include "plumbline/model_fragment.h"
#include "plumbline/ui/document.h"

#include <QUndoCommand>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace plumb::ui::diagram {

enum MergeId { NudgeMergeId = 0x504c0001 };

// Moves or resizes: sets the layout boxes of some elements and contexts, adding the boxes
// that did not exist. Keyboard nudges of the same selection merge into one step.
class SetLayoutBoxesCommand : public QUndoCommand {
public:
    SetLayoutBoxesCommand(Document* document, std::vector<plumb::LayoutBox> boxes,
                          const QString& text, bool mergeable = false,
                          QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeable ? NudgeMergeId : -1; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    std::vector<std::pair<std::string, std::optional<plumb::LayoutBox>>> m_before;
    std::vector<plumb::LayoutBox> m_after;
    bool m_layoutWasPresent;
    bool m_mergeable;
};

// Arrange > Auto-layout: replaces the whole layout.
class ReplaceLayoutCommand : public QUndoCommand {
public:
    ReplaceLayoutCommand(Document* document, std::vector<plumb::LayoutBox> layout,
                         QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::vector<plumb::LayoutBox> m_before, m_after;
    bool m_layoutWasPresent;
};

class AddElementCommand : public QUndoCommand {
public:
    AddElementCommand(Document* document, plumb::Element element, plumb::LayoutBox box,
                      QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    plumb::Element m_element;
    plumb::LayoutBox m_box;
    bool m_layoutWasPresent;
};

class AddContextCommand : public QUndoCommand {
public:
    AddContextCommand(Document* document, plumb::Context context, plumb::LayoutBox box,
                      QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    plumb::Context m_context;
    plumb::LayoutBox m_box;
    bool m_layoutWasPresent;
};

class AddFlowCommand : public QUndoCommand {
public:
    AddFlowCommand(Document* document, plumb::Flow flow, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    plumb::Flow m_flow;
};

// Paste and Duplicate: appends a fragment made ready by plumb::prepareFragment (fresh ids,
// rewired references) and selects `select`. Undo truncates every list back to its size before,
// so the model compares equal, and restores the selection.
class AddFragmentCommand : public QUndoCommand {
public:
    AddFragmentCommand(Document* document, plumb::Model prepared, const QString& text,
                       QStringList select, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    plumb::Model m_fragment;
    plumb::ModelListSizes m_before; // taken at each redo: earlier steps of a macro add boxes
    QStringList m_select;
    QStringList m_selectionBefore;
};

// Deletes elements, contexts and flows by id with plumb::removeItems (model_edits.h: an
// element takes its flows, waivers and layout box; a context leaves its elements without a
// context). Undo is plumb::restore: every removed item back at its original index.
class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(Document* document, const QStringList& ids, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    bool isEmpty() const;

private:
    Document* m_document;
    std::vector<std::string> m_ids; // those naming something when the command was made
    plumb::RemovedItems m_removed;  // recomputed at each redo
    QStringList m_selectAfterUndo;
};

// Replaces one element, flow or context (found by id) with an edited copy: a property edit,
// or an element moved into or out of a context.
template <typename T> class ReplaceCommand : public QUndoCommand {
public:
    ReplaceCommand(Document* document, T after, const QString& text,
                   QUndoCommand* parent = nullptr);
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }

private:
    void apply(const T& value);
    Document* m_document;
    T m_before, m_after;
};
// Several edited copies at once (one field set on a multi-selection): one undo step and one
// change notice for all of them, however many there are.
template <typename T> class ReplaceAllCommand : public QUndoCommand {
public:
    ReplaceAllCommand(Document* document, std::vector<T> after, const QString& text,
                      QUndoCommand* parent = nullptr);
    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }

private:
    void apply(const std::vector<T>& values);
    Document* m_document;
    std::vector<T> m_before, m_after;
};

using SetElementCommand = ReplaceCommand<plumb::Element>;
using SetFlowCommand = ReplaceCommand<plumb::Flow>;
using SetContextCommand = ReplaceCommand<plumb::Context>;

// Renames an element, context or flow and every reference to it (plumb::renameId). The caller
// checks that `newId` is valid and unused (idProblem).
class RenameIdCommand : public QUndoCommand {
public:
    RenameIdCommand(Document* document, QString oldId, QString newId,
                    QUndoCommand* parent = nullptr);
    void undo() override { rename(m_newId, m_oldId); }
    void redo() override { rename(m_oldId, m_newId); }

private:
    void rename(const std::string& from, const std::string& to);
    Document* m_document;
    std::string m_oldId, m_newId;
};

// Why `id` cannot be used for the object now called `currentId`; empty when it can
// (plumb::idProblem). New ids come from plumb::newId (model_fragment.h).
QString idProblem(const plumb::Model& model, const QString& id, const QString& currentId);

} // namespace plumb::ui::diagram

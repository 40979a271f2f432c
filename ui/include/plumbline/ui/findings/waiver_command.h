#pragma once
// Waivers as undo steps: adding one (rule, element, reason, author, date, expiry), lifting one
// and editing one are each one step on the document's stack. A waiver is part of the model like
// any other field, so it is saved with the project and `plumbline check` honours it too.

#include "plumbline/model.h"
#include "plumbline/ui/document.h"

#include <QDate>
#include <QUndoCommand>
#include <cstddef>

namespace plumb::ui {

class AddWaiverCommand : public QUndoCommand {
public:
    AddWaiverCommand(Document* document, plumb::Waiver waiver, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document; // the stack holding this command belongs to the document
    plumb::Waiver m_waiver;
    bool m_waiversWerePresent;
};

// Lifts model.waivers[index]: the findings it waived count again. Undo puts it back in place.
class RemoveWaiverCommand : public QUndoCommand {
public:
    RemoveWaiverCommand(Document* document, std::size_t index, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    std::size_t m_index;
    plumb::Waiver m_waiver; // as it was, for undo
};

// Replaces model.waivers[index] (a new reason, author or expiry). Undo restores the old one.
class EditWaiverCommand : public QUndoCommand {
public:
    EditWaiverCommand(Document* document, std::size_t index, plumb::Waiver edited,
                      QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void apply(const plumb::Waiver& waiver);

    Document* m_document;
    std::size_t m_index;
    plumb::Waiver m_before, m_after;
};

// Who a new waiver is by: the "waivers/author" setting when the user gave one, else the system
// account ($USER, $USERNAME, the password database, the home folder's name). Never empty
// unless all of them are.
QString waiverAuthor();
inline constexpr const char* kWaiverAuthorSetting = "waivers/author";

// A waiver of `rule` on `element` for `reason`, by `author` (waiverAuthor() when empty) today
// (UTC), expiring on `expires` unless that is null.
plumb::Waiver makeWaiver(const std::string& rule, const std::string& element, const QString& reason,
                         const QDate& expires = {}, const QString& author = {});

} // namespace plumb::ui

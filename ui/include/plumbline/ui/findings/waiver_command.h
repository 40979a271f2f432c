#pragma once
// Waiving a finding: adds a plumb::Waiver (rule, element, reason, author, date) to the model
// as one undo step. The waiver is part of the model like any other field, so it is saved with
// the project and `plumbline check` honours it too.

#include "plumbline/model.h"
#include "plumbline/ui/document.h"

#include <QUndoCommand>

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

// A waiver of `rule` on `element` for `reason`, by $USER (or $USERNAME) today (UTC).
plumb::Waiver makeWaiver(const std::string& rule, const std::string& element,
                         const QString& reason);

} // namespace plumb::ui

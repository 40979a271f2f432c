#include "plumbline/ui/findings/waiver_command.h"

#include "plumbline/checker.h"

#include <QObject>

namespace plumb::ui {

AddWaiverCommand::AddWaiverCommand(Document* document, plumb::Waiver waiver, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_waiver(std::move(waiver)),
      m_waiversWerePresent(document->model().present.waivers) {
    setText(QObject::tr("Waive %1 on %2")
                .arg(QString::fromStdString(m_waiver.rule.value_or("")),
                     QString::fromStdString(m_waiver.element.value_or("the model"))));
}

void AddWaiverCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    model.waivers.push_back(m_waiver);
    model.present.waivers = true;
    m_document->notifyChanged(
        {ChangeEvent::Waivers, {QString::fromStdString(m_waiver.element.value_or(""))}});
}

void AddWaiverCommand::undo() {
    // Commands undo in reverse order, so ours is the last waiver.
    plumb::Model& model = m_document->editableModel();
    if (!model.waivers.empty()) model.waivers.pop_back();
    model.present.waivers = m_waiversWerePresent;
    m_document->notifyChanged(
        {ChangeEvent::Waivers, {QString::fromStdString(m_waiver.element.value_or(""))}});
}

plumb::Waiver makeWaiver(const std::string& rule, const std::string& element,
                         const QString& reason) {
    plumb::Waiver waiver;
    waiver.rule = rule;
    if (!element.empty()) waiver.element = element;
    waiver.reason = reason.trimmed().toStdString();
    QString author = qEnvironmentVariable("USER");
    if (author.isEmpty()) author = qEnvironmentVariable("USERNAME");
    if (!author.isEmpty()) waiver.author = author.toStdString();
    waiver.date = plumb::todayIso();
    return waiver;
}

} // namespace plumb::ui

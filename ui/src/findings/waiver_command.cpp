#include "plumbline/ui/findings/waiver_command.h"

#include "plumbline/checker.h"

#include <QDir>
#include <QObject>
#include <QSettings>
#include <algorithm>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>
#endif

namespace plumb::ui {

namespace {

QString q(const plumb::Text& text, const QString& fallback = {}) {
    return text ? QString::fromStdString(*text) : fallback;
}

void notifyWaivers(Document* document, const plumb::Waiver& waiver) {
    document->notifyChanged({ChangeEvent::Waivers, {q(waiver.element)}});
}

} // namespace

AddWaiverCommand::AddWaiverCommand(Document* document, plumb::Waiver waiver, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_waiver(std::move(waiver)),
      m_waiversWerePresent(document->model().present.waivers) {
    setText(QObject::tr("Waive %1 on %2")
                .arg(q(m_waiver.rule), q(m_waiver.element, QObject::tr("the model"))));
}

void AddWaiverCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    model.waivers.push_back(m_waiver);
    model.present.waivers = true;
    notifyWaivers(m_document, m_waiver);
}

void AddWaiverCommand::undo() {
    // Commands undo in reverse order, so ours is the last waiver.
    plumb::Model& model = m_document->editableModel();
    if (!model.waivers.empty()) model.waivers.pop_back();
    model.present.waivers = m_waiversWerePresent;
    notifyWaivers(m_document, m_waiver);
}

RemoveWaiverCommand::RemoveWaiverCommand(Document* document, std::size_t index,
                                         QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_index(index),
      m_waiver(document->model().waivers.at(index)) {
    setText(QObject::tr("Lift waiver of %1 on %2")
                .arg(q(m_waiver.rule), q(m_waiver.element, QObject::tr("every element"))));
}

void RemoveWaiverCommand::redo() {
    auto& waivers = m_document->editableModel().waivers;
    if (m_index < waivers.size()) waivers.erase(waivers.begin() + std::ptrdiff_t(m_index));
    notifyWaivers(m_document, m_waiver);
}

void RemoveWaiverCommand::undo() {
    auto& waivers = m_document->editableModel().waivers;
    waivers.insert(waivers.begin() + std::ptrdiff_t(std::min(m_index, waivers.size())), m_waiver);
    notifyWaivers(m_document, m_waiver);
}

EditWaiverCommand::EditWaiverCommand(Document* document, std::size_t index, plumb::Waiver edited,
                                     QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_index(index),
      m_before(document->model().waivers.at(index)), m_after(std::move(edited)) {
    setText(QObject::tr("Edit waiver of %1 on %2")
                .arg(q(m_after.rule), q(m_after.element, QObject::tr("every element"))));
}

void EditWaiverCommand::apply(const plumb::Waiver& waiver) {
    auto& waivers = m_document->editableModel().waivers;
    if (m_index < waivers.size()) waivers[m_index] = waiver;
    notifyWaivers(m_document, waiver);
}

void EditWaiverCommand::redo() {
    apply(m_after);
}

void EditWaiverCommand::undo() {
    apply(m_before);
}

QString waiverAuthor() {
    const QString configured = QSettings().value(kWaiverAuthorSetting).toString().trimmed();
    if (!configured.isEmpty()) return configured;
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"})
        if (QString name = qEnvironmentVariable(variable).trimmed(); !name.isEmpty()) return name;
#if defined(Q_OS_UNIX)
    // A desktop session started without a login shell may have no $USER at all.
    if (const passwd* entry = getpwuid(getuid()); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return QDir::home().dirName();
}

plumb::Waiver makeWaiver(const std::string& rule, const std::string& element, const QString& reason,
                         const QDate& expires, const QString& author) {
    plumb::Waiver waiver;
    waiver.rule = rule;
    if (!element.empty()) waiver.element = element;
    waiver.reason = reason.trimmed().toStdString();
    const QString by = author.trimmed().isEmpty() ? waiverAuthor() : author.trimmed();
    if (!by.isEmpty()) waiver.author = by.toStdString();
    waiver.date = plumb::todayIso();
    if (expires.isValid()) waiver.expires = expires.toString(Qt::ISODate).toStdString();
    return waiver;
}

} // namespace plumb::ui

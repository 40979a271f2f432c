#include "plumbline/ui/diagram/diagram_commands.h"

#include <QObject>
#include <QRegularExpression>
#include <algorithm>
#include <unordered_map>

namespace plumb::ui::diagram {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

std::vector<plumb::LayoutBox>::iterator findBox(plumb::Model& model, const std::string& id) {
    return std::find_if(model.layout.begin(), model.layout.end(),
                        [&](const plumb::LayoutBox& box) { return box.id == id; });
}

QStringList idList(const std::vector<plumb::LayoutBox>& boxes) {
    QStringList ids;
    for (const auto& box : boxes)
        ids << q(box.id);
    return ids;
}

std::vector<plumb::Element>& collection(plumb::Model& m, const plumb::Element*) {
    return m.elements;
}
std::vector<plumb::Flow>& collection(plumb::Model& m, const plumb::Flow*) {
    return m.flows;
}
std::vector<plumb::Context>& collection(plumb::Model& m, const plumb::Context*) {
    return m.contexts;
}
unsigned partOf(const plumb::Element*) {
    return ChangeEvent::Elements;
}
unsigned partOf(const plumb::Flow*) {
    return ChangeEvent::Flows;
}
unsigned partOf(const plumb::Context*) {
    return ChangeEvent::Contexts;
}

} // namespace

// --- SetLayoutBoxesCommand ---------------------------------------------------------------

SetLayoutBoxesCommand::SetLayoutBoxesCommand(Document* document,
                                             std::vector<plumb::LayoutBox> boxes,
                                             const QString& text, bool mergeable,
                                             QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_after(std::move(boxes)),
      m_layoutWasPresent(document->model().present.layout), m_mergeable(mergeable) {
    for (const auto& box : m_after) {
        const plumb::LayoutBox* before = document->model().findLayout(box.id);
        m_before.emplace_back(box.id, before ? std::optional(*before) : std::nullopt);
    }
}

void SetLayoutBoxesCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    for (const auto& box : m_after) {
        auto it = findBox(model, box.id);
        if (it != model.layout.end())
            *it = box;
        else
            model.layout.push_back(box);
    }
    model.present.layout = true;
    m_document->notifyChanged({ChangeEvent::Layout, idList(m_after)});
}

void SetLayoutBoxesCommand::undo() {
    plumb::Model& model = m_document->editableModel();
    // In reverse, so boxes appended by redo come off the end in the order they went on.
    for (auto it = m_before.rbegin(); it != m_before.rend(); ++it) {
        auto box = findBox(model, it->first);
        if (box == model.layout.end()) continue;
        if (it->second)
            *box = *it->second;
        else
            model.layout.erase(box);
    }
    model.present.layout = m_layoutWasPresent;
    m_document->notifyChanged({ChangeEvent::Layout, idList(m_after)});
}

bool SetLayoutBoxesCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SetLayoutBoxesCommand*>(other);
    if (!next || !next->m_mergeable || next->m_after.size() != m_after.size()) return false;
    for (std::size_t i = 0; i < m_after.size(); ++i)
        if (next->m_after[i].id != m_after[i].id) return false;
    m_after = next->m_after; // our `before` stays: undo goes back to where the nudging began
    return true;
}

// --- ReplaceLayoutCommand ----------------------------------------------------------------

ReplaceLayoutCommand::ReplaceLayoutCommand(Document* document, std::vector<plumb::LayoutBox> layout,
                                           QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Auto-layout"), parent), m_document(document),
      m_before(document->model().layout), m_after(std::move(layout)),
      m_layoutWasPresent(document->model().present.layout) {}

void ReplaceLayoutCommand::redo() {
    m_document->editableModel().layout = m_after;
    m_document->editableModel().present.layout = true;
    m_document->notifyChanged({ChangeEvent::Layout, {}});
}

void ReplaceLayoutCommand::undo() {
    m_document->editableModel().layout = m_before;
    m_document->editableModel().present.layout = m_layoutWasPresent;
    m_document->notifyChanged({ChangeEvent::Layout, {}});
}

// --- Add commands ------------------------------------------------------------------------

AddElementCommand::AddElementCommand(Document* document, plumb::Element element,
                                     plumb::LayoutBox box, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Add %1").arg(q(element.displayName())), parent),
      m_document(document), m_element(std::move(element)), m_box(std::move(box)),
      m_layoutWasPresent(document->model().present.layout) {}

void AddElementCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    model.elements.push_back(m_element);
    model.layout.push_back(m_box);
    model.present.layout = true;
    m_document->notifyChanged({ChangeEvent::Elements | ChangeEvent::Layout, {q(m_element.id)}});
}

void AddElementCommand::undo() {
    plumb::Model& model = m_document->editableModel();
    model.elements.pop_back(); // ours is last: later commands were undone first
    model.layout.pop_back();
    model.present.layout = m_layoutWasPresent;
    m_document->notifyChanged({ChangeEvent::Elements | ChangeEvent::Layout, {q(m_element.id)}});
}

AddContextCommand::AddContextCommand(Document* document, plumb::Context context,
                                     plumb::LayoutBox box, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Add context %1").arg(q(context.name.value_or(context.id))), parent),
      m_document(document), m_context(std::move(context)), m_box(std::move(box)),
      m_layoutWasPresent(document->model().present.layout) {}

void AddContextCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    model.contexts.push_back(m_context);
    model.layout.push_back(m_box);
    model.present.layout = true;
    m_document->notifyChanged({ChangeEvent::Contexts | ChangeEvent::Layout, {q(m_context.id)}});
}

void AddContextCommand::undo() {
    plumb::Model& model = m_document->editableModel();
    model.contexts.pop_back();
    model.layout.pop_back();
    model.present.layout = m_layoutWasPresent;
    m_document->notifyChanged({ChangeEvent::Contexts | ChangeEvent::Layout, {q(m_context.id)}});
}

AddFlowCommand::AddFlowCommand(Document* document, plumb::Flow flow, QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document), m_flow(std::move(flow)) {
    const auto* from = document->model().findElement(m_flow.from);
    const auto* to = document->model().findElement(m_flow.to);
    setText(QObject::tr("Connect %1 → %2")
                .arg(from ? q(from->displayName()) : q(m_flow.from),
                     to ? q(to->displayName()) : q(m_flow.to)));
}

void AddFlowCommand::redo() {
    m_document->editableModel().flows.push_back(m_flow);
    m_document->notifyChanged({ChangeEvent::Flows, {q(m_flow.id)}});
}

void AddFlowCommand::undo() {
    m_document->editableModel().flows.pop_back();
    m_document->notifyChanged({ChangeEvent::Flows, {q(m_flow.id)}});
}

// --- AddFragmentCommand ------------------------------------------------------------------

AddFragmentCommand::AddFragmentCommand(Document* document, plumb::Model prepared,
                                       const QString& text, QStringList select,
                                       QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_fragment(std::move(prepared)),
      m_select(std::move(select)), m_selectionBefore(document->selection()) {}

void AddFragmentCommand::redo() {
    plumb::Model& model = m_document->editableModel();
    m_before = plumb::listSizes(model);
    plumb::appendFragment(model, m_fragment);
    m_document->notifyChanged({ChangeEvent::Everything, {}});
    m_document->setSelection(m_select);
}

void AddFragmentCommand::undo() {
    plumb::truncateTo(m_document->editableModel(), m_before);
    m_document->notifyChanged({ChangeEvent::Everything, {}});
    m_document->setSelection(m_selectionBefore);
}

// --- RemoveItemsCommand ------------------------------------------------------------------

RemoveItemsCommand::RemoveItemsCommand(Document* document, const QStringList& ids,
                                       QUndoCommand* parent)
    : QUndoCommand(parent), m_document(document) {
    const plumb::Model& model = document->model();
    std::vector<std::string> wanted;
    for (const QString& id : ids)
        wanted.push_back(id.toStdString());
    m_ids = plumb::existingIds(model, wanted);
    // Undo selects them again: elements, then contexts, then flows.
    for (const auto& find :
         {+[](const plumb::Model&m, const std::string&id) { return m.findElement(id) != nullptr; },
          +[](const plumb::Model&m, const std::string&id) { return m.findContext(id) != nullptr; },
          +[](const plumb::Model&m, const std::string&id) { return m.findFlow(id) != nullptr; }})
        for (const auto& id : m_ids)
            if (find(model, id)) m_selectAfterUndo << q(id);
    const auto* element = m_ids.size() == 1 ? model.findElement(m_ids.front()) : nullptr;
    if (element)
        setText(QObject::tr("Delete %1").arg(q(element->displayName())));
    else
        setText(QObject::tr("Delete %n item(s)", nullptr, static_cast<int>(m_ids.size())));
}

bool RemoveItemsCommand::isEmpty() const {
    return m_ids.empty();
}

void RemoveItemsCommand::redo() {
    m_removed = plumb::removeItems(m_document->editableModel(), m_ids);
    QStringList selection = m_document->selection();
    selection.removeIf([&](const QString& id) {
        return std::binary_search(m_ids.begin(), m_ids.end(), id.toStdString());
    });
    m_document->setSelection(selection);
    m_document->notifyChanged({ChangeEvent::Everything, {}});
}

void RemoveItemsCommand::undo() {
    plumb::restore(m_document->editableModel(), m_removed);
    m_document->notifyChanged({ChangeEvent::Everything, {}});
    m_document->setSelection(m_selectAfterUndo);
}

// --- ReplaceCommand ----------------------------------------------------------------------

template <typename T>
ReplaceCommand<T>::ReplaceCommand(Document* document, T after, const QString& text,
                                  QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document), m_after(std::move(after)) {
    auto& list = collection(document->editableModel(), static_cast<const T*>(nullptr));
    auto it =
        std::find_if(list.begin(), list.end(), [&](const T& v) { return v.id == m_after.id; });
    if (it != list.end()) m_before = *it;
    setObsolete(it == list.end() || m_before == m_after);
}

template <typename T> void ReplaceCommand<T>::apply(const T& value) {
    auto& list = collection(m_document->editableModel(), static_cast<const T*>(nullptr));
    auto it = std::find_if(list.begin(), list.end(), [&](const T& v) { return v.id == value.id; });
    if (it == list.end()) return;
    *it = value;
    m_document->notifyChanged({partOf(static_cast<const T*>(nullptr)), {q(value.id)}});
}

template class ReplaceCommand<plumb::Element>;
template class ReplaceCommand<plumb::Flow>;
template class ReplaceCommand<plumb::Context>;

template <typename T>
ReplaceAllCommand<T>::ReplaceAllCommand(Document* document, std::vector<T> after,
                                        const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent), m_document(document) {
    const auto& list = collection(document->editableModel(), static_cast<const T*>(nullptr));
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < list.size(); ++i)
        index.emplace(list[i].id, i);
    for (T& value : after) {
        const auto it = index.find(value.id);
        if (it == index.end() || list[it->second] == value) continue;
        m_before.push_back(list[it->second]);
        m_after.push_back(std::move(value));
    }
    setObsolete(m_after.empty());
}

template <typename T> void ReplaceAllCommand<T>::apply(const std::vector<T>& values) {
    auto& list = collection(m_document->editableModel(), static_cast<const T*>(nullptr));
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < list.size(); ++i)
        index.emplace(list[i].id, i);
    QStringList ids;
    for (const T& value : values)
        if (const auto it = index.find(value.id); it != index.end()) {
            list[it->second] = value;
            ids << q(value.id);
        }
    m_document->notifyChanged({partOf(static_cast<const T*>(nullptr)), ids});
}

template class ReplaceAllCommand<plumb::Element>;
template class ReplaceAllCommand<plumb::Flow>;
template class ReplaceAllCommand<plumb::Context>;

// --- RenameIdCommand ---------------------------------------------------------------------

RenameIdCommand::RenameIdCommand(Document* document, QString oldId, QString newId,
                                 QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Rename %1 to %2").arg(oldId, newId), parent), m_document(document),
      m_oldId(oldId.toStdString()), m_newId(newId.toStdString()) {
    setObsolete(m_oldId == m_newId);
}

void RenameIdCommand::rename(const std::string& from, const std::string& to) {
    plumb::renameId(m_document->editableModel(), from, to);
    QStringList selection = m_document->selection();
    selection.replaceInStrings(
        QRegularExpression(QStringLiteral("^%1$").arg(QRegularExpression::escape(q(from)))), q(to));
    m_document->notifyChanged({ChangeEvent::Everything, {}});
    m_document->setSelection(selection);
}

// --- ids ---------------------------------------------------------------------------------

QString idProblem(const plumb::Model& model, const QString& id, const QString& currentId) {
    return q(plumb::idError(model, id.toStdString(), currentId.toStdString()));
}

} // namespace plumb::ui::diagram

// The scene's clipboard and Arrange edits: copy the selection as a fragment, paste or
// duplicate one, align and distribute. The domain work (which items a copy takes, fresh ids,
// the geometry) is Qt-free in model/ (model_fragment.h, arrange.h); this file turns it into
// one undo step each and keeps the canvas conventions (grid, contexts, provisional layout).

#include "plumbline/arrange.h"
#include "plumbline/model_fragment.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"

#include <map>

namespace plumb::ui::diagram {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

constexpr QSizeF kPastedContextSize(360, 220);
constexpr double kDuplicateOffset = 24;

// Every context and element of `fragment` gets a complete box: those it lacks (JSON from
// another tool) are put in a row to the right of the ones it has.
void completeBoxes(plumb::Model& fragment) {
    std::map<std::string, plumb::LayoutBox*> boxes;
    for (auto& box : fragment.layout)
        boxes[box.id] = &box;
    const auto bounds = plumb::boundsOf(fragment.layout);
    double x = bounds ? bounds->x + bounds->width + 40 : 0;
    const double y = bounds ? bounds->y : 0;
    const auto ensure = [&](const std::string& id, QSizeF size) {
        plumb::LayoutBox* box = boxes[id];
        if (!box) {
            plumb::LayoutBox added;
            added.id = id;
            added.x = x;
            added.y = y;
            x += size.width() + 40;
            fragment.layout.push_back(std::move(added));
            box = &fragment.layout.back();
            boxes.clear(); // push_back may have moved them all
            for (auto& b : fragment.layout)
                boxes[b.id] = &b;
        }
        if (!box->x) box->x = 0;
        if (!box->y) box->y = 0;
        if (!box->width || *box->width <= 0) box->width = size.width();
        if (!box->height || *box->height <= 0) box->height = size.height();
    };
    for (const auto& context : fragment.contexts)
        ensure(context.id, kPastedContextSize);
    for (const auto& element : fragment.elements)
        ensure(element.id, defaultElementSize(element.kind));
    fragment.present.layout = !fragment.layout.empty();
}

} // namespace

std::vector<plumb::LayoutBox> DiagramScene::drawnLayout() const {
    std::vector<plumb::LayoutBox> boxes;
    if (!m_document) return boxes;
    const plumb::Model& model = m_document->model();
    for (const auto& context : model.contexts)
        if (m_contexts.contains(q(context.id))) boxes.push_back(boxFromItem(q(context.id)));
    for (const auto& element : model.elements)
        if (m_elements.contains(q(element.id))) boxes.push_back(boxFromItem(q(element.id)));
    return boxes;
}

plumb::Model DiagramScene::selectionFragment() const {
    if (!m_document) return {};
    std::vector<std::string> ids;
    for (const QString& id : m_document->selection())
        ids.push_back(id.toStdString());
    plumb::Model fragment = plumb::extractFragment(m_document->model(), ids);
    // The boxes as shown: the provisional layout too, and sizes the model leaves out.
    fragment.layout.clear();
    for (const auto& context : fragment.contexts)
        fragment.layout.push_back(boxFromItem(q(context.id)));
    for (const auto& element : fragment.elements)
        fragment.layout.push_back(boxFromItem(q(element.id)));
    std::erase_if(fragment.layout,
                  [](const plumb::LayoutBox& box) { return !box.width || *box.width <= 0; });
    fragment.present.layout = !fragment.layout.empty();
    return fragment;
}

QStringList DiagramScene::pasteFragment(const plumb::Model& fragment,
                                        std::optional<QPointF> topLeft, QPointF offset,
                                        const QString& text) {
    if (!m_document || !plumb::fragmentProblem(fragment).empty()) return {};
    plumb::PreparedFragment prepared = plumb::prepareFragment(m_document->model(), fragment);
    plumb::Model& pasted = prepared.fragment;
    completeBoxes(pasted);
    const plumb::BoxBounds bounds = *plumb::boundsOf(pasted.layout);
    QPointF delta = offset;
    if (topLeft) {
        const QPointF target = m_snap ? snappedToGrid(*topLeft) : *topLeft;
        delta = target - QPointF(bounds.x, bounds.y);
    }
    plumb::offsetBoxes(pasted.layout, delta.x(), delta.y());

    // Like an element dropped there: one without a context joins the context it lands in.
    std::map<std::string, const plumb::LayoutBox*> boxes;
    for (const auto& box : pasted.layout)
        boxes[box.id] = &box;
    for (auto& element : pasted.elements) {
        if (element.context) continue;
        const plumb::LayoutBox& box = *boxes.at(element.id);
        if (ContextItem* context =
                contextContaining(QPointF(*box.x + *box.width / 2, *box.y + *box.height / 2)))
            element.context = context->id().toStdString();
    }

    QStringList select;
    for (const auto& id : prepared.contextIds)
        select << q(id);
    for (const auto& id : prepared.elementIds)
        select << q(id);
    const int count = static_cast<int>(select.size());
    pushWithLayout(new AddFragmentCommand(m_document, std::move(pasted),
                                          tr("%1 %n item(s)", nullptr, count).arg(text), select));
    return select;
}

QStringList DiagramScene::duplicateSelection() {
    const plumb::Model fragment = selectionFragment();
    return pasteFragment(fragment, std::nullopt, QPointF(kDuplicateOffset, kDuplicateOffset),
                         tr("Duplicate"));
}

void DiagramScene::pushWithLayout(QUndoCommand* command) {
    const auto unstored = unstoredBoxes();
    QUndoStack* stack = m_document->undoStack();
    if (unstored.empty()) {
        stack->push(command);
        return;
    }
    stack->beginMacro(command->text());
    stack->push(new SetLayoutBoxesCommand(m_document, unstored, tr("Store layout")));
    stack->push(command);
    stack->endMacro();
}

// --- Arrange ---------------------------------------------------------------------------------

QStringList DiagramScene::arrangeableSelection() const {
    QStringList ids;
    if (!m_document) return ids;
    for (const QString& id : m_document->selection())
        if (m_elements.contains(id) || m_contexts.contains(id)) ids << id;
    return ids;
}

void DiagramScene::alignSelection(plumb::Alignment alignment) {
    static const std::map<plumb::Alignment, const char*> names{
        {plumb::Alignment::Left, QT_TR_NOOP("Align left")},
        {plumb::Alignment::Centre, QT_TR_NOOP("Align centre")},
        {plumb::Alignment::Right, QT_TR_NOOP("Align right")},
        {plumb::Alignment::Top, QT_TR_NOOP("Align top")},
        {plumb::Alignment::Middle, QT_TR_NOOP("Align middle")},
        {plumb::Alignment::Bottom, QT_TR_NOOP("Align bottom")}};
    if (arrangeableSelection().size() < 2) return;
    arrangeSelection(
        [alignment](std::vector<plumb::LayoutBox> boxes) {
            return plumb::aligned(std::move(boxes), alignment);
        },
        tr(names.at(alignment)));
}

void DiagramScene::distributeSelection(plumb::Distribution distribution) {
    if (arrangeableSelection().size() < 3) return;
    arrangeSelection(
        [distribution](std::vector<plumb::LayoutBox> boxes) {
            return plumb::distributed(std::move(boxes), distribution);
        },
        distribution == plumb::Distribution::Horizontal ? tr("Distribute horizontally")
                                                        : tr("Distribute vertically"));
}

void DiagramScene::arrangeSelection(
    const std::function<std::vector<plumb::LayoutBox>(std::vector<plumb::LayoutBox>)>& arrange,
    const QString& text) {
    const QStringList ids = arrangeableSelection();
    std::vector<plumb::LayoutBox> before;
    for (const QString& id : ids)
        before.push_back(boxFromItem(id));
    const std::vector<plumb::LayoutBox> after = arrange(before);

    // What moves: the boxes arranged, and the members of a context arranged (unless they were
    // arranged themselves), which ride along as when the context is dragged.
    std::vector<plumb::LayoutBox> moved;
    QStringList movedIds;
    for (std::size_t i = 0; i < after.size(); ++i) {
        const double dx = *after[i].x - *before[i].x, dy = *after[i].y - *before[i].y;
        if (dx == 0 && dy == 0) continue;
        moved.push_back(after[i]);
        movedIds << q(after[i].id);
        if (!m_contexts.contains(q(after[i].id))) continue;
        for (const auto& element : m_document->model().elements) {
            if (element.context != after[i].id || ids.contains(q(element.id))) continue;
            plumb::LayoutBox member = boxFromItem(q(element.id));
            member.x = *member.x + dx;
            member.y = *member.y + dy;
            moved.push_back(member);
            movedIds << q(element.id);
        }
    }
    if (moved.empty()) return; // already arranged: no empty undo step
    std::vector<plumb::LayoutBox> boxes = unstoredBoxes();
    std::erase_if(boxes, [&](const plumb::LayoutBox& b) { return movedIds.contains(q(b.id)); });
    boxes.insert(boxes.end(), moved.begin(), moved.end());
    // Elements keep their contexts: a frame an aligned element left grows to hold it again.
    plumb::growContextsWith(m_document->model(), boxes);
    m_document->undoStack()->push(new SetLayoutBoxesCommand(m_document, std::move(boxes), text));
}

} // namespace plumb::ui::diagram

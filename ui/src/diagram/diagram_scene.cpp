#include "plumbline/ui/diagram/diagram_scene.h"

#include "plumbline/arrange.h"
#include "plumbline/ui/diagram/auto_layout.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/display_text.h"

#include <QCursor>
#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QSet>
#include <map>

namespace plumb::ui::diagram {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

template <typename T> T* itemAs(QGraphicsItem* item, int type) {
    return item && item->type() == type ? static_cast<T*>(item) : nullptr;
}

plumb::LayoutBox makeBox(const std::string& id, QRectF rect) {
    plumb::LayoutBox box;
    box.id = id;
    box.x = rect.x();
    box.y = rect.y();
    box.width = rect.width();
    box.height = rect.height();
    return box;
}

// The rectangle a stored box describes; missing sizes take `fallback`, missing positions 0.
QRectF rectOf(const plumb::LayoutBox& box, QSizeF fallback) {
    const auto positive = [](const plumb::Number& n, double otherwise) {
        return n && *n > 0 ? *n : otherwise;
    };
    return {box.x.value_or(0), box.y.value_or(0), positive(box.width, fallback.width()),
            positive(box.height, fallback.height())};
}

constexpr QSizeF kNewContextSize(360, 220);
constexpr QSizeF kMinContextSize(160, 80);

} // namespace

DiagramScene::DiagramScene(QObject* parent) : QGraphicsScene(parent) {
    connect(this, &QGraphicsScene::selectionChanged, this, &DiagramScene::publishSelection);
}

DiagramScene::~DiagramScene() {
    m_busy = true; // destroying items changes the selection; nobody needs to hear it
    clear();
}

void DiagramScene::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &Document::changed, this, &DiagramScene::sync);
        connect(document, &Document::selectionChanged, this, &DiagramScene::showSelection);
    }
    computeProvisionalLayout();
    rebuild();
}

void DiagramScene::computeProvisionalLayout() {
    m_provisional.clear();
    if (!m_document) return;
    const plumb::Model& model = m_document->model();
    if (model.elements.empty() && model.contexts.empty()) return;
    const bool none = model.layout.empty();
    // Opening must not hang on dot: a large model gets a short budget (what dot has not done
    // by then is a grid); Arrange > Auto-layout then lays it out fully on a worker thread.
    AutoLayoutOptions options;
    if (model.elements.size() >= 200) options.budget = std::chrono::milliseconds(250);
    const std::vector<plumb::LayoutBox> boxes =
        none ? autoLayout(model, options) : completeLayout(model);
    for (const auto& box : boxes)
        if (none || !model.findLayout(box.id)) m_provisional.emplace(box.id, box);
}

QRectF DiagramScene::boxOf(const QString& id) const {
    if (auto* element = elementItem(id)) return element->sceneBox();
    if (auto* context = contextItem(id)) return context->sceneBox();
    return {};
}

QRectF DiagramScene::contentBounds() const {
    QRectF bounds;
    for (auto* item : m_contexts)
        bounds |= item->sceneBox();
    for (auto* item : m_elements)
        bounds |= item->sceneBox();
    for (auto* item : m_flows)
        bounds |= item->sceneBoundingRect();
    return bounds;
}

// --- following the document ----------------------------------------------------------------

void DiagramScene::rebuild() {
    m_busy = true;
    clear(); // the scene deletes the items
    m_elements.clear();
    m_contexts.clear();
    m_flows.clear();
    m_busy = false;
    sync({ChangeEvent::Everything, {}});
}

void DiagramScene::sync(const ChangeEvent& event) {
    if (!m_document) return;
    const plumb::Model& model = m_document->model();
    const bool wasBusy = m_busy;
    m_busy = true;
    if (!event.ids.isEmpty() && event.parts != ChangeEvent::Everything) {
        for (const QString& id : event.ids) {
            const std::string key = id.toStdString();
            if (const auto* element = model.findElement(key)) {
                syncElement(*element);
            } else if (model.findContext(key)) {
                for (std::size_t i = 0; i < model.contexts.size(); ++i)
                    if (model.contexts[i].id == key)
                        syncContext(model.contexts[i], static_cast<int>(i));
            } else if (const auto* flow = model.findFlow(key)) {
                syncFlow(*flow);
            } else {
                removeItem(id);
            }
        }
        if (event.parts & ChangeEvent::Flows) updateParallelOffsets();
    } else {
        m_layoutIndex.clear();
        for (const auto& box : model.layout)
            m_layoutIndex.emplace(box.id, &box);
        QSet<QString> seen;
        for (std::size_t i = 0; i < model.contexts.size(); ++i) {
            syncContext(model.contexts[i], static_cast<int>(i));
            seen.insert(q(model.contexts[i].id));
        }
        for (const auto& element : model.elements) {
            syncElement(element);
            seen.insert(q(element.id));
        }
        for (const auto& flow : model.flows) {
            syncFlow(flow);
            seen.insert(q(flow.id));
        }
        QStringList gone;
        for (auto it = m_flows.cbegin(); it != m_flows.cend(); ++it)
            if (!seen.contains(it.key())) gone << it.key();
        for (auto it = m_elements.cbegin(); it != m_elements.cend(); ++it)
            if (!seen.contains(it.key())) gone << it.key();
        for (auto it = m_contexts.cbegin(); it != m_contexts.cend(); ++it)
            if (!seen.contains(it.key())) gone << it.key();
        for (const QString& id : gone)
            removeItem(id);
        updateParallelOffsets();
        m_layoutIndex.clear();
    }
    placeFlowLabels();
    showSelection(m_document->selection());
    m_busy = wasBusy;
}

void DiagramScene::syncContext(const plumb::Context& context, int index) {
    const QString id = q(context.id);
    QRectF rect(QPointF(0, 0), kNewContextSize);
    if (const auto* stored = storedBox(context.id))
        rect = rectOf(*stored, kNewContextSize);
    else if (auto it = m_provisional.find(context.id); it != m_provisional.end())
        rect = rectOf(it->second, kNewContextSize);
    ContextItem* item = m_contexts.value(id);
    if (!item) {
        item = new ContextItem(context, rect.size(), index);
        addItem(item);
        m_contexts.insert(id, item);
    } else {
        item->setContext(context);
        if (item->size() != rect.size()) item->setSize(rect.size());
    }
    if (item->pos() != rect.topLeft()) item->setPos(rect.topLeft());
}

void DiagramScene::syncElement(const plumb::Element& element) {
    const QString id = q(element.id);
    const QSizeF fallback = defaultElementSize(element.kind);
    QRectF rect(QPointF(0, 0), fallback);
    if (const auto* stored = storedBox(element.id))
        rect = rectOf(*stored, fallback);
    else if (auto it = m_provisional.find(element.id); it != m_provisional.end())
        rect = rectOf(it->second, fallback);
    ElementItem* item = m_elements.value(id);
    if (!item) {
        item = new ElementItem(element, rect.size());
        item->setPos(rect.topLeft());
        addItem(item);
        m_elements.insert(id, item);
        return;
    }
    item->setElement(element);
    if (item->size() != rect.size()) item->setSize(rect.size());
    if (item->pos() != rect.topLeft()) item->setPos(rect.topLeft());
}

void DiagramScene::syncFlow(const plumb::Flow& flow) {
    const QString id = q(flow.id);
    ElementItem* from = m_elements.value(q(flow.from));
    ElementItem* to = m_elements.value(q(flow.to));
    FlowItem* item = m_flows.value(id);
    if (item && (item->from() != from || item->to() != to)) {
        removeItem(id);
        item = nullptr;
    }
    if (!from || !to) return; // a dangling reference: nothing to draw it between
    if (item) {
        item->setFlow(flow, m_rateScale);
        return;
    }
    item = new FlowItem(flow, from, to);
    if (m_rateScale != 1) item->setFlow(flow, m_rateScale);
    addItem(item);
    from->addFlow(item);
    if (to != from) to->addFlow(item);
    m_flows.insert(id, item);
}

const plumb::LayoutBox* DiagramScene::storedBox(const std::string& id) const {
    if (!m_layoutIndex.empty()) {
        const auto it = m_layoutIndex.find(id);
        return it == m_layoutIndex.end() ? nullptr : it->second;
    }
    return m_document->model().findLayout(id);
}

void DiagramScene::removeItem(const QString& id) {
    if (FlowItem* flow = m_flows.take(id)) {
        flow->from()->removeFlow(flow);
        flow->to()->removeFlow(flow);
        delete flow;
    } else if (ElementItem* element = m_elements.take(id)) {
        const std::vector<FlowItem*> flows = element->flows();
        for (FlowItem* attached : flows)
            removeItem(attached->id());
        delete element;
    } else if (ContextItem* context = m_contexts.take(id)) {
        delete context;
    }
}

void DiagramScene::placeFlowLabels() {
    // Once every item is in place, in the model's order (placement is greedy, and the same
    // model must always look the same). Far beyond label-reading size a diagram is seen from
    // afar, where labels are not drawn, and placing them would only cost time.
    if (!m_document || m_document->model().flows.size() > kLabelAvoidanceMaxFlows) return;
    for (const auto& flow : m_document->model().flows)
        if (FlowItem* item = m_flows.value(q(flow.id))) item->placeLabel();
}

void DiagramScene::updateParallelOffsets() {
    std::map<std::pair<ElementItem*, ElementItem*>, std::vector<FlowItem*>> pairs;
    for (FlowItem* flow : m_flows)
        pairs[std::minmax(flow->from(), flow->to())].push_back(flow);
    for (auto& [ends, flows] : pairs) {
        std::sort(flows.begin(), flows.end(),
                  [](FlowItem* a, FlowItem* b) { return a->id() < b->id(); });
        const double n = static_cast<double>(flows.size());
        for (std::size_t i = 0; i < flows.size(); ++i) {
            const double offset = (static_cast<double>(i) - (n - 1) / 2) * 14.0;
            if (n > 1 || offset != 0) flows[i]->setParallelOffset(offset);
        }
    }
}

void DiagramScene::setOrthogonalFlows(bool orthogonal) {
    FlowItem::setOrthogonal(orthogonal);
    for (FlowItem* flow : m_flows)
        flow->updatePath();
}

void DiagramScene::showSelection(const QStringList& ids) {
    const bool wasBusy = m_busy;
    m_busy = true;
    const QSet<QString> wanted(ids.begin(), ids.end());
    for (QGraphicsItem* item : selectedItems())
        item->setSelected(false);
    for (const QString& id : wanted) {
        if (auto* element = m_elements.value(id))
            element->setSelected(true);
        else if (auto* context = m_contexts.value(id))
            context->setSelected(true);
        else if (auto* flow = m_flows.value(id))
            flow->setSelected(true);
    }
    m_busy = wasBusy;
}

void DiagramScene::publishSelection() {
    if (m_busy || !m_document) return;
    QStringList ids;
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* element = itemAs<ElementItem>(item, ElementItemType))
            ids << element->id();
        else if (auto* context = itemAs<ContextItem>(item, ContextItemType))
            ids << context->id();
        else if (auto* flow = itemAs<FlowItem>(item, FlowItemType))
            ids << flow->id();
    }
    m_document->setSelection(ids);
}

// --- edits -------------------------------------------------------------------------------

std::vector<plumb::LayoutBox> DiagramScene::unstoredBoxes() const {
    std::vector<plumb::LayoutBox> boxes;
    if (m_provisional.empty() || !m_document) return boxes;
    const plumb::Model& model = m_document->model();
    const auto add = [&](const std::string& id) {
        if (model.findLayout(id)) return;
        if (m_elements.contains(q(id)) || m_contexts.contains(q(id)))
            boxes.push_back(boxFromItem(q(id)));
    };
    for (const auto& context : model.contexts)
        add(context.id);
    for (const auto& element : model.elements)
        add(element.id);
    return boxes;
}

plumb::LayoutBox DiagramScene::boxFromItem(const QString& id) const {
    const std::string key = id.toStdString();
    plumb::LayoutBox box = makeBox(key, boxOf(id));
    if (const auto* stored = m_document->model().findLayout(key)) box.extra = stored->extra;
    return box;
}

QString DiagramScene::addElement(plumb::ElementKind kind, QPointF sceneCentre) {
    if (!m_document) return {};
    const plumb::Model& model = m_document->model();
    const auto spelled = plumb::spelling(kind);
    plumb::Element element;
    element.id = plumb::newId(model, std::string(spelled) + "-1");
    element.kind = kind;
    QString name = kindLabel(kind);
    name[0] = name[0].toUpper();
    element.name = (name + ' ' + q(element.id).section('-', -1)).toStdString();
    if (ContextItem* context = contextContaining(sceneCentre))
        element.context = context->id().toStdString();
    const QSizeF size = defaultElementSize(kind);
    QPointF topLeft = sceneCentre - QPointF(size.width() / 2, size.height() / 2);
    if (m_snap) topLeft = snappedToGrid(topLeft);
    pushWithLayout(
        new AddElementCommand(m_document, element, makeBox(element.id, QRectF(topLeft, size))));
    m_document->setSelection({q(element.id)});
    return q(element.id);
}

QString DiagramScene::addContext(QPointF sceneCentre) {
    if (!m_document) return {};
    const plumb::Model& model = m_document->model();
    plumb::Context context;
    context.id = plumb::newId(model, "context-1");
    context.name = tr("Context %1").arg(q(context.id).section('-', -1)).toStdString();
    QPointF topLeft =
        sceneCentre - QPointF(kNewContextSize.width() / 2, kNewContextSize.height() / 2);
    if (m_snap) topLeft = snappedToGrid(topLeft);
    pushWithLayout(new AddContextCommand(m_document, context,
                                         makeBox(context.id, QRectF(topLeft, kNewContextSize))));
    m_document->setSelection({q(context.id)});
    return q(context.id);
}

QString DiagramScene::addFlow(const QString& fromId, const QString& toId) {
    if (!m_document) return {};
    const plumb::Model& model = m_document->model();
    if (!model.findElement(fromId.toStdString()) || !model.findElement(toId.toStdString()))
        return {};
    plumb::Flow flow;
    // Named after its ends, cut to the contract's id length (two long element ids would
    // otherwise make an id the JSON reader refuses).
    flow.id = plumb::newId(model, fromId.toStdString() + "-" + toId.toStdString());
    flow.from = fromId.toStdString();
    flow.to = toId.toStdString();
    flow.style = plumb::FlowStyle::Sync;
    m_document->undoStack()->push(new AddFlowCommand(m_document, flow));
    m_document->setSelection({q(flow.id)});
    return q(flow.id);
}

void DiagramScene::deleteSelection(const QString& text) {
    if (!m_document || m_document->selection().isEmpty()) return;
    auto* command = new RemoveItemsCommand(m_document, m_document->selection());
    if (command->isEmpty()) {
        delete command;
        return;
    }
    if (!text.isEmpty()) command->setText(text);
    m_document->undoStack()->push(command);
}

void DiagramScene::moveItems(const QStringList& ids, QPointF delta, bool nudge) {
    if (!m_document || delta.isNull()) return;
    const plumb::Model& model = m_document->model();
    QStringList moving;
    for (const QString& id : ids) {
        if (m_contexts.contains(id)) {
            for (const auto& element : model.elements) // members move with their context
                if (element.context && q(*element.context) == id && !ids.contains(q(element.id)))
                    moving << q(element.id);
            moving << id;
        } else if (m_elements.contains(id)) {
            moving << id;
        }
    }
    if (moving.isEmpty()) return;
    std::vector<plumb::LayoutBox> boxes = unstoredBoxes();
    const bool mergeable = nudge && boxes.empty();
    boxes.erase(std::remove_if(boxes.begin(), boxes.end(),
                               [&](const plumb::LayoutBox& b) { return moving.contains(q(b.id)); }),
                boxes.end());
    for (const QString& id : moving) {
        plumb::LayoutBox box = boxFromItem(id);
        box.x = *box.x + delta.x();
        box.y = *box.y + delta.y();
        boxes.push_back(box);
    }
    plumb::growContextsWith(m_document->model(), boxes); // frames hold what they hold
    m_document->undoStack()->push(new SetLayoutBoxesCommand(
        m_document, std::move(boxes),
        tr("Move %n item(s)", nullptr, static_cast<int>(moving.size())), mergeable));
}

void DiagramScene::applyAutoLayout() {
    if (!m_document) return;
    m_document->undoStack()->push(
        new ReplaceLayoutCommand(m_document, autoLayout(m_document->model())));
}

// --- gestures ----------------------------------------------------------------------------

ElementItem* DiagramScene::elementAt(QPointF scenePos) const {
    for (QGraphicsItem* item : items(scenePos))
        if (auto* element = itemAs<ElementItem>(item, ElementItemType)) return element;
    return nullptr;
}

ContextItem* DiagramScene::contextContaining(QPointF scenePos) const {
    ContextItem* best = nullptr;
    for (ContextItem* context : m_contexts) {
        const QRectF box = context->sceneBox();
        if (!box.contains(scenePos)) continue;
        if (!best ||
            box.width() * box.height() < best->sceneBox().width() * best->sceneBox().height())
            best = context;
    }
    return best;
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_document) {
        QGraphicsScene::mousePressEvent(event);
        return;
    }
    const QPointF at = event->scenePos();
    QGraphicsItem* top = nullptr;
    for (QGraphicsItem* item : items(at))
        if (item->type() >= ElementItemType && item->type() <= FlowItemType) {
            top = item;
            break;
        }
    if (auto* element = itemAs<ElementItem>(top, ElementItemType);
        element && (m_connectMode || element->isConnectorHandle(element->mapFromScene(at)))) {
        m_gesture = Gesture::Connect;
        m_connectFrom = element;
        m_connectLine = new QGraphicsLineItem(QLineF(element->sceneBox().center(), at));
        QPen pen(selectionColor(), 1.6, Qt::DashLine);
        pen.setCosmetic(true);
        m_connectLine->setPen(pen);
        m_connectLine->setZValue(10);
        addItem(m_connectLine);
        event->accept();
        return;
    }
    if (auto* context = itemAs<ContextItem>(top, ContextItemType);
        context && context->isSelected() && context->isResizeHandle(context->mapFromScene(at))) {
        m_gesture = Gesture::Resize;
        m_resizing = context;
        m_resizeMinimum = kMinContextSize;
        event->accept();
        return;
    }
    if (auto* element = itemAs<ElementItem>(top, ElementItemType);
        element && element->isSelected() && element->isResizeHandle(element->mapFromScene(at))) {
        m_gesture = Gesture::Resize;
        m_resizing = element;
        // Never smaller than its text needs, unless it already was: a press alone never grows it.
        m_resizeMinimum = element->minimumSize().boundedTo(element->size());
        event->accept();
        return;
    }
    m_gesture = Gesture::Move;
    m_pressPositions.clear();
    for (ElementItem* element : m_elements)
        m_pressPositions.insert(element, element->pos());
    for (ContextItem* context : m_contexts)
        m_pressPositions.insert(context, context->pos());
    std::map<std::string, std::vector<ElementItem*>> members;
    for (const auto& element : m_document->model().elements)
        if (element.context)
            if (ElementItem* item = m_elements.value(q(element.id)))
                members[*element.context].push_back(item);
    for (ContextItem* context : m_contexts)
        context->setMembers(members[context->id().toStdString()]);
    setDragSnapping(m_snap);
    QGraphicsScene::mousePressEvent(event);
}

// The diagonal resize cursor over the grip of a selected element or context, so the grip can
// be found by feel. Kept by id: the item may be gone by the next move.
void DiagramScene::showGripCursor(QPointF at) {
    QString over;
    for (QGraphicsItem* item : items(at)) {
        if (item->type() < ElementItemType || item->type() > FlowItemType) continue;
        if (auto* element = itemAs<ElementItem>(item, ElementItemType);
            element && element->isSelected() && element->isResizeHandle(element->mapFromScene(at)))
            over = element->id();
        else if (auto* context = itemAs<ContextItem>(item, ContextItemType);
                 context && context->isSelected() &&
                 context->isResizeHandle(context->mapFromScene(at)))
            over = context->id();
        break;
    }
    if (over == m_gripCursorId) return;
    const auto itemOf = [this](const QString& id) -> QGraphicsItem* {
        if (auto* element = m_elements.value(id)) return element;
        return m_contexts.value(id);
    };
    if (QGraphicsItem* previous = itemOf(m_gripCursorId)) previous->unsetCursor();
    m_gripCursorId = over;
    if (QGraphicsItem* next = itemOf(over)) next->setCursor(QCursor(Qt::SizeFDiagCursor));
}

void DiagramScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (m_gesture == Gesture::None && event->buttons() == Qt::NoButton)
        showGripCursor(event->scenePos());
    if (m_gesture == Gesture::Connect && m_connectLine) {
        m_connectLine->setLine(QLineF(m_connectFrom->sceneBox().center(), event->scenePos()));
        return;
    }
    if (m_gesture == Gesture::Resize && m_resizing) {
        QPointF corner = event->scenePos();
        if (m_snap) corner = snappedToGrid(corner);
        const QPointF wanted = corner - m_resizing->pos();
        const QSizeF size(std::max(m_resizeMinimum.width(), wanted.x()),
                          std::max(m_resizeMinimum.height(), wanted.y()));
        if (auto* context = itemAs<ContextItem>(m_resizing, ContextItemType))
            context->setSize(size);
        else if (auto* element = itemAs<ElementItem>(m_resizing, ElementItemType))
            element->setSize(size);
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DiagramScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    const Gesture gesture = std::exchange(m_gesture, Gesture::None);
    if (gesture == Gesture::Connect) {
        delete std::exchange(m_connectLine, nullptr);
        ElementItem* from = std::exchange(m_connectFrom, nullptr);
        ElementItem* to = elementAt(event->scenePos());
        if (from && to && to != from) addFlow(from->id(), to->id());
        if (m_connectMode) {
            m_connectMode = false;
            emit connectModeFinished();
        }
        return;
    }
    if (gesture == Gesture::Resize) {
        commitResize();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    if (gesture == Gesture::Move) commitMoves();
}

void DiagramScene::commitResize() {
    QGraphicsItem* item = std::exchange(m_resizing, nullptr);
    auto* context = itemAs<ContextItem>(item, ContextItemType);
    auto* element = itemAs<ElementItem>(item, ElementItemType);
    if (!m_document || (!context && !element)) return;
    const QString id = context ? context->id() : element->id();
    std::vector<plumb::LayoutBox> boxes = unstoredBoxes();
    std::erase_if(boxes, [&](const plumb::LayoutBox& b) { return q(b.id) == id; });
    const plumb::LayoutBox box = boxFromItem(id);
    const plumb::LayoutBox* stored = m_document->model().findLayout(id.toStdString());
    if (boxes.empty() && stored && *stored == box) return; // released where it started
    boxes.push_back(box);
    plumb::growContextsWith(m_document->model(), boxes); // a frame never cuts its elements off
    m_document->undoStack()->push(new SetLayoutBoxesCommand(
        m_document, std::move(boxes), context ? tr("Resize context") : tr("Resize element")));
}

void DiagramScene::commitMoves() {
    setDragSnapping(false);
    for (ContextItem* context : m_contexts)
        context->setMembers({});
    QStringList moved;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        if (it.key()->pos() == it.value()) continue;
        if (auto* element = itemAs<ElementItem>(it.key(), ElementItemType))
            moved << element->id();
        else if (auto* context = itemAs<ContextItem>(it.key(), ContextItemType))
            moved << context->id();
    }
    m_pressPositions.clear();
    if (moved.isEmpty() || !m_document) return;
    moved.sort(); // a stable order, whatever the hash's

    std::vector<plumb::LayoutBox> boxes = unstoredBoxes();
    std::erase_if(boxes, [&](const plumb::LayoutBox& b) { return moved.contains(q(b.id)); });
    for (const QString& id : moved)
        boxes.push_back(boxFromItem(id));

    // Elements dragged themselves (not carried by their context) join the context they were
    // dropped in, or leave theirs when dropped outside.
    std::vector<plumb::Element> regrouped;
    for (const QString& id : moved) {
        ElementItem* item = m_elements.value(id);
        if (!item || !item->isSelected()) continue;
        const plumb::Element* element = m_document->model().findElement(id.toStdString());
        ContextItem* target = contextContaining(item->sceneBox().center());
        const plumb::Text context =
            target ? plumb::Text(target->id().toStdString()) : plumb::Text();
        if (element && element->context != context) {
            plumb::Element changed = *element;
            changed.context = context;
            regrouped.push_back(std::move(changed));
        }
    }
    // An element dropped near its frame's edge makes the frame grow, in the same undo step.
    plumb::growContextsWith(m_document->model(), boxes, regrouped);
    QUndoStack* stack = m_document->undoStack();
    const QString text = tr("Move %n item(s)", nullptr, static_cast<int>(moved.size()));
    if (regrouped.empty()) {
        stack->push(new SetLayoutBoxesCommand(m_document, std::move(boxes), text));
        return;
    }
    stack->beginMacro(text);
    stack->push(new SetLayoutBoxesCommand(m_document, std::move(boxes), text));
    for (const auto& element : regrouped) {
        const QString name = q(element.displayName());
        stack->push(new SetElementCommand(m_document, element,
                                          element.context
                                              ? tr("Move %1 into %2").arg(name, q(*element.context))
                                              : tr("Move %1 out of its context").arg(name)));
    }
    stack->endMacro();
}

} // namespace plumb::ui::diagram

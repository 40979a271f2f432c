#pragma once
// The scene adapter between a Document and its diagram: keeps one item per context, element
// and flow (id <-> item maps), follows the document's changes and selection, and turns what
// the user does on the canvas (moves, resizes, new elements and flows, deletes) into commands.
//
// A model without positions is laid out automatically. That layout stays provisional (the
// model is unchanged) until the first layout edit, which stores it along with the edit.

#include "plumbline/arrange.h"
#include "plumbline/ui/document.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <functional>
#include <optional>
#include <unordered_map>

class QGraphicsLineItem;

namespace plumb::ui::diagram {

class ContextItem;
class ElementItem;
class FlowItem;

class DiagramScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit DiagramScene(QObject* parent = nullptr);
    ~DiagramScene() override;

    void setDocument(Document* document);
    Document* document() const { return m_document; }

    ElementItem* elementItem(const QString& id) const { return m_elements.value(id); }
    ContextItem* contextItem(const QString& id) const { return m_contexts.value(id); }
    FlowItem* flowItem(const QString& id) const { return m_flows.value(id); }
    int elementCount() const { return static_cast<int>(m_elements.size()); }
    int flowCount() const { return static_cast<int>(m_flows.size()); }
    // The box an element or context is shown in: the model's, else the provisional one.
    QRectF boxOf(const QString& id) const;
    // The bounds of everything drawn (empty when nothing is).
    QRectF contentBounds() const;
    // A box per context and element as shown (the model's, else the provisional one): what
    // edits computed in model/ place against, e.g. pattern templates (diagram_scene_edits.cpp).
    std::vector<plumb::LayoutBox> drawnLayout() const;
    // The what-if multiplier the flow labels show their rates at (diagram_scene_what_if.cpp).
    void setRateScale(double scale);
    double rateScale() const { return m_rateScale; }

    // Edits; each is one undo step. The new item's id is returned and selected.
    QString addElement(plumb::ElementKind kind, QPointF sceneCentre);
    QString addContext(QPointF sceneCentre);
    QString addFlow(const QString& fromId, const QString& toId);
    // `text` names the undo step ("Cut"); empty: "Delete ...".
    void deleteSelection(const QString& text = {});
    void moveItems(const QStringList& ids, QPointF delta, bool nudge);
    void applyAutoLayout();

    // Clipboard and Arrange (diagram_scene_edits.cpp); each edit is one undo step.
    // The selection to copy: selected elements, selected contexts with their members, the
    // flows between them and their boxes as shown (plumb::extractFragment).
    plumb::Model selectionFragment() const;
    // Pastes `fragment` with fresh ids where taken, its boxes moved so that their top-left
    // corner lands on `topLeft` when given, else by `offset`. Elements without a context join
    // the context they land in. Selects and returns the pasted contexts and elements.
    QStringList pasteFragment(const plumb::Model& fragment, std::optional<QPointF> topLeft,
                              QPointF offset, const QString& text);
    // A copy of the selection 24 px down and right (the clipboard is left alone).
    QStringList duplicateSelection();
    // The selected elements and contexts: what Align (2 or more) and Distribute (3) work on.
    QStringList arrangeableSelection() const;
    void alignSelection(plumb::Alignment alignment);
    void distributeSelection(plumb::Distribution distribution);

    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap) { m_snap = snap; }
    // Routing of every connector: orthogonal (default) or straight.
    void setOrthogonalFlows(bool orthogonal);
    // When on, a press on an element starts a flow wherever it is (the palette's flow tool).
    void setConnectMode(bool on) { m_connectMode = on; }
    bool connectMode() const { return m_connectMode; }

signals:
    void connectModeFinished();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void rebuild();
    void sync(const ChangeEvent& event);
    void syncContext(const plumb::Context& context, int index);
    void syncElement(const plumb::Element& element);
    void syncFlow(const plumb::Flow& flow);
    void removeItem(const QString& id);
    const plumb::LayoutBox* storedBox(const std::string& id) const;
    void placeFlowLabels(); // flow_label_placement: labels off boxes, titles, each other
    void updateParallelOffsets();
    void computeProvisionalLayout();
    // The provisional boxes the model does not have yet, to store with the next layout edit.
    std::vector<plumb::LayoutBox> unstoredBoxes() const;
    plumb::LayoutBox boxFromItem(const QString& id) const;
    void showSelection(const QStringList& ids);
    void publishSelection();
    void commitMoves();
    void commitResize();
    void showGripCursor(QPointF scenePos);
    void arrangeSelection(
        const std::function<std::vector<plumb::LayoutBox>(std::vector<plumb::LayoutBox>)>& arrange,
        const QString& text);
    // Stores the provisional layout along with `command`, as one undo step.
    void pushWithLayout(QUndoCommand* command);
    ElementItem* elementAt(QPointF scenePos) const;
    ContextItem* contextContaining(QPointF scenePos) const;

    QPointer<Document> m_document;
    QHash<QString, ElementItem*> m_elements;
    QHash<QString, ContextItem*> m_contexts;
    QHash<QString, FlowItem*> m_flows;
    std::unordered_map<std::string, plumb::LayoutBox> m_provisional;
    // During a full sync: the model's layout boxes by id (findLayout is a linear search).
    std::unordered_map<std::string_view, const plumb::LayoutBox*> m_layoutIndex;
    bool m_busy = false; // set while following the document, to ignore our own echoes
    bool m_snap = true;
    double m_rateScale = 1;
    bool m_connectMode = false;

    // The gesture in progress.
    enum class Gesture { None, Move, Connect, Resize } m_gesture = Gesture::None;
    QHash<QGraphicsItem*, QPointF> m_pressPositions;
    ElementItem* m_connectFrom = nullptr;
    QGraphicsLineItem* m_connectLine = nullptr;
    QGraphicsItem* m_resizing = nullptr; // a ContextItem or an ElementItem
    QSizeF m_resizeMinimum;
    QString m_gripCursorId; // the item showing the resize cursor
};

} // namespace plumb::ui::diagram

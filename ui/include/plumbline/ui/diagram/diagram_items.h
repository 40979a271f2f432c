#pragma once
// The items of the diagram scene. They show one context, element or flow (found by id) and
// never change the model themselves: the scene turns what the user did into commands.
// Plain QGraphicsItems rather than QObjects: a 5,000-element model builds fast and light.

#include "plumbline/model.h"

#include <QGraphicsItem>
#include <QStaticText>
#include <QStringList>
#include <optional>
#include <vector>

class QFontMetricsF;

namespace plumb::ui::diagram {

class FlowItem;

enum ItemType { ElementItemType = QGraphicsItem::UserType + 1, ContextItemType, FlowItemType };

// While the user drags, positions snap to the grid; the scene turns it on around a drag
// only, so positions read from the model are shown exactly as stored.
void setDragSnapping(bool on);
bool dragSnapping();
QPointF snappedToGrid(QPointF point);

// Below a zoom of this much, items draw as plain shapes without their full text.
inline constexpr double kTextLevelOfDetail = 0.42;
// Flow labels: shown from this zoom on, and never smaller on screen than kLabelScreenPx (they
// grow in the scene when zoomed out that far). Below it they would be noise on the routes.
inline constexpr double kFlowLabelLevelOfDetail = 0.5;
inline constexpr double kLabelScreenPx = 7.5;
// Up to this many flows, labels look for a free spot (FlowItem::placeLabel).
inline constexpr std::size_t kLabelAvoidanceMaxFlows = 500;
// How much larger than at 100% a label is drawn at `lod` (1 from 75% up).
double flowLabelGrowth(double lod);

// Below this, elements are filled boxes (a dot in a crowd).
inline constexpr double kShapeLevelOfDetail = 0.2;

// Between the two, a card's own text would be a few pixels high: the element shows its name
// alone, at a size readable on screen (at least kFarNameScreenPx), in one or two lines that fit
// the box. Empty when even one line at that size would not fit, so nothing illegible is drawn.
inline constexpr double kFarNameScreenPx = 8.0;
struct FarName {
    double pixelSize = 0; // in scene units
    QStringList lines;    // one or two, the last elided if the name is longer
};
std::optional<FarName> farName(const QString& name, QSizeF box, double lod);
// `text` in at most `maxLines` lines of `width`: whole words, the last line elided.
QStringList wrappedLines(const QString& text, const QFontMetricsF& metrics, double width,
                         int maxLines);

class ElementItem : public QGraphicsItem {
public:
    explicit ElementItem(const plumb::Element& element, QSizeF size);

    int type() const override { return ElementItemType; }
    QString id() const { return m_id; }
    plumb::ElementKind kind() const { return m_kind; }
    QSizeF size() const { return m_size; }
    QRectF sceneBox() const { return QRectF(pos(), m_size); }

    // Refreshes the texts and shape from the model's element.
    void setElement(const plumb::Element& element);
    void setSize(QSizeF size);

    // The hook for live findings: the worst severity found for this element (nullopt or Off:
    // no badge) and the tooltip lines listing the findings.
    void setFindingSeverity(std::optional<plumb::Severity> severity,
                            const QStringList& findingTitles = {});
    std::optional<plumb::Severity> findingSeverity() const { return m_severity; }

    // Where a press starts drawing a flow instead of moving: the four handles on the sides.
    bool isConnectorHandle(QPointF itemPos) const;
    // The bottom-right grip that resizes a selected element, and the smallest size that still
    // shows its name and detail unelided.
    bool isResizeHandle(QPointF itemPos) const;
    QSizeF minimumSize() const;
    // Where flows attach: the border point towards `scenePoint`.
    QPointF connectionPoint(QPointF towardsScene) const;

    void addFlow(FlowItem* flow);
    void removeFlow(FlowItem* flow);
    const std::vector<FlowItem*>& flows() const { return m_flows; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void paintIcon(QPainter* painter, QRectF rect) const;
    void paintBadge(QPainter* painter, double lod) const;
    void paintFarName(QPainter* painter, double lod) const;
    void updateTexts() { m_textsReady = false; }
    void prepareTexts(); // lazily, at first paint: only items ever seen pay for text layout

    QString m_id;
    plumb::ElementKind m_kind;
    QString m_name, m_detail;
    QStaticText m_nameText, m_detailText;
    QSizeF m_size;
    QPainterPath m_shape, m_decoration;
    std::optional<plumb::Severity> m_severity;
    std::vector<FlowItem*> m_flows; // owned by the scene
    bool m_hovered = false;
    bool m_textsReady = false;
};

class ContextItem : public QGraphicsItem {
public:
    ContextItem(const plumb::Context& context, QSizeF size, int colourIndex);

    int type() const override { return ContextItemType; }
    QString id() const { return m_id; }
    QSizeF size() const { return m_size; }
    QRectF sceneBox() const { return QRectF(pos(), m_size); }

    void setContext(const plumb::Context& context);
    void setSize(QSizeF size);
    // The bottom-right grip that resizes the context.
    bool isResizeHandle(QPointF itemPos) const;
    // The elements that move along when the context is dragged (set by the scene on press).
    void setMembers(std::vector<ElementItem*> members) { m_members = std::move(members); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QString m_id;
    QString m_title, m_subtitle;
    QStaticText m_titleText, m_subtitleText;
    QSizeF m_size;
    int m_colourIndex;
    std::vector<ElementItem*> m_members;
};

class FlowItem : public QGraphicsItem {
public:
    FlowItem(const plumb::Flow& flow, ElementItem* from, ElementItem* to);

    int type() const override { return FlowItemType; }
    QString id() const { return m_id; }
    ElementItem* from() const { return m_from; }
    ElementItem* to() const { return m_to; }
    QString label() const { return m_label; }

    // `rateScale`: the what-if multiplier; the label shows the rates the findings quote.
    void setFlow(const plumb::Flow& flow, double rateScale = 1);
    // Parallel flows between the same two elements are spread apart by `offset` pixels.
    void setParallelOffset(double offset);
    static void setOrthogonal(bool orthogonal);
    static bool isOrthogonal();
    // Recomputes the route after an end moved.
    void updatePath();
    // The label looks for a free spot along the route (flow_label_placement.cpp): off element
    // boxes, context titles and other labels. updatePath() puts it back in the middle; the
    // scene places labels in one pass after its changes, and not at all in very large
    // diagrams, which are seen from far away, where labels are not drawn.
    void placeLabel();
    // Where the label sits, in scene coordinates (its size at 100%).
    QRectF labelRect() const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    // Routes that are not axis-parallel (straight connectors), with Qt's pen.
    void paintStroked(QPainter* painter, const QStyleOptionGraphicsItem* option, QPen pen,
                      double lod) const;
    void paintLabel(QPainter* painter, double lod, bool selected) const;

    QString m_id;
    std::optional<plumb::FlowStyle> m_style;
    QString m_label;
    QStaticText m_labelText;
    ElementItem* m_from;
    ElementItem* m_to;
    QPainterPath m_path;
    QPolygonF m_points; // the route as a polyline, for clipping long routes when painting
    QPolygonF m_arrow;
    QPointF m_labelAnchor;
    QPointF m_labelMiddle; // the route's middle: the label's first choice
    QRectF m_bounds;
    double m_offset = 0;
    void updateBounds();
};

} // namespace plumb::ui::diagram

// Where a flow's rate label goes (FlowItem::placeLabel). The middle of the route is the first
// choice; when that spot covers an element, a context's title or another flow's label, the
// label slides along the route to the candidate that covers the least of them. Greedy, one
// flow at a time: good enough for diagrams people draw, and cheap (the scene's index answers
// "what is here").
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_style.h"

#include <QGraphicsScene>
#include <QLineF>
#include <cmath>
#include <vector>

namespace plumb::ui::diagram {

namespace {

double overlap(const QRectF& a, const QRectF& b) {
    const QRectF common = a.intersected(b);
    return common.isValid() ? common.width() * common.height() : 0;
}

// Points along the route to try, the middle first: each segment's middle, and the quarter
// points of the longest segment.
std::vector<QPointF> candidates(const QPolygonF& route, QPointF middle) {
    std::vector<QPointF> points{middle};
    int longest = -1;
    double longestLength = 0;
    for (int i = 0; i + 1 < route.size(); ++i) {
        const QLineF segment(route[i], route[i + 1]);
        if (segment.length() < 1) continue;
        points.push_back(segment.pointAt(0.5));
        if (segment.length() > longestLength) {
            longestLength = segment.length();
            longest = i;
        }
    }
    if (longest >= 0) {
        const QLineF segment(route[longest], route[longest + 1]);
        for (double t : {0.25, 0.75, 0.15, 0.85})
            points.push_back(segment.pointAt(t));
    }
    return points;
}

} // namespace

QRectF FlowItem::labelRect() const {
    const QSizeF size = m_labelText.size() + QSizeF(12, 4);
    return QRectF(m_labelAnchor - QPointF(size.width() / 2, size.height() / 2), size);
}

void FlowItem::placeLabel() {
    const QSizeF size = m_labelText.size() + QSizeF(12, 4);
    if (!scene()) return;
    const QPointF middle = m_labelMiddle;
    const auto cost = [&](QPointF anchor) {
        const QRectF rect(anchor - QPointF(size.width() / 2, size.height() / 2), size);
        double covered = 0;
        for (QGraphicsItem* item : scene()->items(rect.adjusted(-2, -2, 2, 2))) {
            if (item == this) continue;
            if (item->type() == ElementItemType) {
                covered += 4 * overlap(rect, item->sceneBoundingRect());
            } else if (item->type() == ContextItemType) {
                const QRectF frame = static_cast<ContextItem*>(item)->sceneBox();
                covered += 3 * overlap(rect, QRectF(frame.topLeft(),
                                                    QSizeF(frame.width(), kContextHeaderHeight)));
            } else if (item->type() == FlowItemType) {
                covered += 2 * overlap(rect, static_cast<FlowItem*>(item)->labelRect());
            }
        }
        // A small pull towards the middle, so that among free spots the middle wins.
        return covered + 0.02 * QLineF(anchor, middle).length();
    };
    if (!m_label.isEmpty()) {
        QPointF best = middle;
        double bestCost = cost(middle);
        if (bestCost > 0) { // the middle is taken: try the other spots
            for (const QPointF& anchor : candidates(m_points, middle)) {
                const double c = cost(anchor);
                if (c < bestCost) {
                    bestCost = c;
                    best = anchor;
                }
            }
        }
        if (best != m_labelAnchor) {
            m_labelAnchor = best;
            update();
        }
    }
}

} // namespace plumb::ui::diagram

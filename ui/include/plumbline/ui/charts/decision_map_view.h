#pragma once
// The decision map: write rate (x) against volume or vector count (y), both logarithmic. Each
// technology's envelope is a shaded region (comfortable strongly, up to the maximum lightly);
// each store is a labelled point coloured by its worst finding. Hovering shows the numbers;
// clicking a point asks for that store to be selected.

#include "plumbline/chart_data.h"

#include <QChartView>
#include <QPointF>
#include <QString>
#include <vector>

class QGraphicsSimpleTextItem;
class QScatterSeries;

namespace plumb::ui::charts {

class DecisionMapView : public QChartView {
    Q_OBJECT
public:
    explicit DecisionMapView(QWidget* parent = nullptr);

    void setData(const plumb::DecisionMapData& data);
    const plumb::DecisionMapData& data() const { return m_data; }
    // Where the store is plotted (write rate, y), as the series hold it; nullopt: not plotted.
    std::optional<QPointF> plottedPoint(const QString& id) const;
    // Highlights the selected store's point (empty: none).
    void setHighlighted(const QString& id);
    // The stores' name labels, parallel to data().points; hidden where no free spot is left.
    const std::vector<QGraphicsSimpleTextItem*>& pointLabels() const { return m_labels; }

signals:
    void storeClicked(const QString& id);

private:
    void rebuild();
    void placeLabels();
    QString idNear(const QPointF& value) const;
    QString describe(const plumb::MapPoint& p) const;

    plumb::DecisionMapData m_data;
    QString m_highlighted;
    std::vector<QScatterSeries*> m_pointSeries;
    std::vector<QGraphicsSimpleTextItem*> m_labels; // parallel to m_data.points
};

} // namespace plumb::ui::charts

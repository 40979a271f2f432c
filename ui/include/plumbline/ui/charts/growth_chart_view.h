#pragma once
// Growth projection for one store: its volume over the coming months against its technology's
// comfortable and maximum volume, the month it crosses the practical limit marked and named in
// the title ("passes 1 TB in month 14").

#include "plumbline/chart_data.h"

#include <QChartView>
#include <optional>

namespace plumb::ui::charts {

class GrowthChartView : public QChartView {
    Q_OBJECT
public:
    explicit GrowthChartView(QWidget* parent = nullptr);

    // nullopt: nothing selected, or the selection has no volume; the chart says so.
    void setData(const std::optional<plumb::GrowthData>& data, const QString& emptyReason = {});
    const std::optional<plumb::GrowthData>& data() const { return m_data; }

private:
    std::optional<plumb::GrowthData> m_data;
};

} // namespace plumb::ui::charts

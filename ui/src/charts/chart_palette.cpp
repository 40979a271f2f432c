#include "plumbline/ui/charts/chart_palette.h"

#include "plumbline/ui/theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace plumb::ui::charts {

void applyChartPalette(QChart* chart) {
    const bool dark = Theme::instance()->isDark();
    const QColor background = dark ? QColor(0x26, 0x28, 0x2d) : QColor(Qt::white);
    const QColor plot = dark ? QColor(0x1e, 0x20, 0x24) : QColor(Qt::white);
    const QColor text = dark ? QColor(0xe6, 0xe8, 0xeb) : QColor(0x1f, 0x23, 0x28);
    const QColor grid = dark ? QColor(0x4a, 0x4e, 0x56) : QColor(0xd5, 0xd8, 0xdc);
    chart->setBackgroundBrush(background);
    chart->setPlotAreaBackgroundBrush(plot);
    chart->setPlotAreaBackgroundVisible(true);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid.lighter(dark ? 80 : 110));
        axis->setLinePenColor(grid);
    }
}

} // namespace plumb::ui::charts

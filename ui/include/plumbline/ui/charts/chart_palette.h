#pragma once
// The charts' frame in the workbench's theme: background, plot area, titles, axis labels, grid
// and legend follow light or dark (theme.h). Series keep their own colours (severities, bands),
// which QChart::setTheme would reset, so this sets the frame only. Call it after building axes.

class QChart;

namespace plumb::ui::charts {

void applyChartPalette(QChart* chart);

} // namespace plumb::ui::charts

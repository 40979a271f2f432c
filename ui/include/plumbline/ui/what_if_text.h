#pragma once
// How the what-if scale is named wherever it shows (the slider, the window title, the status
// bar): "x3", "x100"; while it is not x1 the title and status bar say so, so a scaled document
// is never mistaken for the estimates.

#include <QString>

namespace plumb::ui {

// "x1.5", "x3", "x100".
QString scaleText(double scale);
// " (what if x100)" for the window title; empty at x1.
QString whatIfTitleSuffix(double scale);
// "What if x100" for the status bar; empty at x1.
QString whatIfStatusText(double scale);

} // namespace plumb::ui

#pragma once
// How severities look in the findings dock and the status bar: the same colours as the badges
// on the canvas (red error, amber warning, blue info).

#include "plumbline/vocabulary.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace plumb::ui {

QColor severityColor(plumb::Severity severity);
// A round badge like the canvas's ("!" or "i" on the severity's colour).
QIcon severityIcon(plumb::Severity severity);
// "Error", "Warning", "Info".
QString severityName(plumb::Severity severity);

} // namespace plumb::ui

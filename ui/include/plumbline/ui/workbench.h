#pragma once

#include <QString>

class QApplication;

namespace plumb::ui {

// Shows the main window on `file` (or, when empty, the last file or the bundled example)
// and runs the event loop. Returns the application's exit status.
int runWorkbench(QApplication& app, const QString& file);

} // namespace plumb::ui

#include "plumbline/ui/workbench.h"

#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/mainwindow.h"

#include <QApplication>
#include <QTimer>

namespace plumb::ui {

int runWorkbench(QApplication& app, const QString& file) {
    initResources();
    QApplication::setWindowIcon(applicationIcon());
    MainWindow window;
    window.show();
    // Open once the event loop runs, so the window is painted before any load error's message
    // box appears on top of it.
    QTimer::singleShot(0, &window, [&window, file] { window.openStartupDocument(file); });
    return app.exec();
}

} // namespace plumb::ui

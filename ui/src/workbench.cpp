#include "plumbline/ui/workbench.h"

#include <QApplication>
#include <QMainWindow>

namespace plumb::ui {

// A bare window until the workbench window lands.
int runWorkbench(QApplication& app, const QString& file) {
    QMainWindow window;
    window.setWindowTitle(file.isEmpty() ? "Plumbline" : file);
    window.show();
    return app.exec();
}

} // namespace plumb::ui

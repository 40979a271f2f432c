// plumbline: the workbench when started without a sub-command, the headless CLI otherwise.
#include "cli.h"
#include "plumbline/ui/workbench.h"
#include "plumbline/version.h"

#include <QApplication>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace {

// Qt aborts with a long message when it finds no display; say what to do instead.
bool displayAvailable() {
    const char* platform = std::getenv("QT_QPA_PLATFORM");
    if (platform && *platform) return true; // offscreen, xcb, wayland: the user chose
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && plumb::cli::isCommandLine(argv[1])) {
        plumb::cli::Args args(argv + 1, argv + argc);
        return plumb::cli::run(args, {std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1});
    }
    if (argc > 2) {
        std::cerr << "plumbline: expected at most one FILE to open; see plumbline --help\n";
        return plumb::cli::kBadInput;
    }
    if (!displayAvailable()) {
        std::cerr
            << "plumbline: no display available to open the workbench; run it under "
               "`xvfb-run plumbline`, or use a headless sub-command (check, report, convert, kb; "
               "see plumbline --help)\n";
        return plumb::cli::kBadInput;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Plumbline");
    QApplication::setApplicationName("Plumbline");
    QApplication::setApplicationVersion(PLUMBLINE_VERSION);
    return plumb::ui::runWorkbench(app, argc == 2 ? QString::fromLocal8Bit(argv[1]) : QString());
}

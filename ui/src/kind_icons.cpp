#include "plumbline/ui/kind_icons.h"

#include <QString>

// Q_INIT_RESOURCE declares a function and so must be used outside any namespace.
static void initPlumblineResources() {
    Q_INIT_RESOURCE(resources);
}

namespace plumb::ui {

namespace {

QIcon resourceIcon(const QString& name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace

void initResources() {
    static const bool once = (initPlumblineResources(), true);
    (void)once;
}

QIcon kindIcon(plumb::ElementKind kind) {
    // The file names are the kinds' JSON spellings, so a new kind only needs a new SVG.
    const auto name = plumb::spelling(kind);
    return resourceIcon(QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
}

QIcon contextIcon() {
    return resourceIcon(QStringLiteral("context"));
}
QIcon noContextIcon() {
    return resourceIcon(QStringLiteral("no-context"));
}
QIcon flowIcon() {
    return resourceIcon(QStringLiteral("flow"));
}
QIcon waiverIcon() {
    return resourceIcon(QStringLiteral("waiver"));
}
QIcon applicationIcon() {
    return resourceIcon(QStringLiteral("app"));
}

} // namespace plumb::ui

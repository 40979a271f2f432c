#pragma once
// The small SVG icons of resources/icons: one per element kind, plus the tree's group nodes.

#include "plumbline/vocabulary.h"

#include <QIcon>

namespace plumb::ui {

QIcon kindIcon(plumb::ElementKind kind);
QIcon contextIcon();
QIcon noContextIcon();
QIcon flowIcon();
QIcon waiverIcon();
QIcon applicationIcon();

// Registers resources.qrc. Needed because plumbline_ui is a static library: nothing would
// otherwise reference the compiled resources and the linker would drop them.
void initResources();

} // namespace plumb::ui

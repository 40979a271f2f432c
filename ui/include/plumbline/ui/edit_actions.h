#pragma once
// Edit > Cut, Copy, Paste, Duplicate and Arrange > Align / Distribute for the diagram. Kept out
// of mainwindow.cpp: the actions act on whatever document the view's scene shows, and enable
// themselves as the selection and the clipboard change.

class QMenu;
class QStatusBar;

namespace plumb::ui {

namespace diagram {
class DiagramView;
}

// Appends Cut (Ctrl+X), Copy (Ctrl+C), Paste (Ctrl+V) and Duplicate (Ctrl+D) to `edit`.
// Paste puts the items at the mouse when it is over the canvas, else 24 px further down and
// right on each repeated paste; clipboard text that is no model is refused in `status`.
void installClipboardActions(QMenu* edit, diagram::DiagramView* view, QStatusBar* status);

// Appends Align Left / Centre / Right / Top / Middle / Bottom (two or more selected elements
// or contexts) and Distribute Horizontally / Vertically (three or more) to `arrange`.
void installArrangeActions(QMenu* arrange, diagram::DiagramView* view);

} // namespace plumb::ui

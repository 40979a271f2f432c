#include "plumbline/ui/edit_actions.h"

#include "plumbline/ui/diagram/clipboard.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"

#include <QAction>
#include <QClipboard>
#include <QCursor>
#include <QGuiApplication>
#include <QMenu>
#include <QMimeData>
#include <QStatusBar>
#include <memory>

namespace plumb::ui {

namespace {

constexpr double kPasteStep = 24;

QAction* addAction(QMenu* menu, const char* name, const QString& text, const QKeySequence& keys) {
    QAction* action = menu->addAction(text);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(keys);
    return action;
}

// The scene point under the mouse when the mouse is over the canvas.
std::optional<QPointF> mouseOnCanvas(diagram::DiagramView* view) {
    QWidget* viewport = view->viewport();
    if (!viewport->isVisible() || !viewport->underMouse()) return std::nullopt;
    const QPoint local = viewport->mapFromGlobal(QCursor::pos());
    if (!viewport->rect().contains(local)) return std::nullopt;
    return view->mapToScene(local);
}

// Repeated pastes of the same clipboard cascade instead of landing on top of each other.
struct PasteState {
    QByteArray source;
    std::optional<QPointF> anchor;
    int count = 0;
};

} // namespace

void installClipboardActions(QMenu* edit, diagram::DiagramView* view, QStatusBar* status) {
    diagram::DiagramScene* scene = view->diagramScene();
    auto state = std::make_shared<PasteState>();
    QAction* cut = addAction(edit, "actionCut", QObject::tr("Cu&t"), QKeySequence::Cut);
    QAction* copy = addAction(edit, "actionCopy", QObject::tr("&Copy"), QKeySequence::Copy);
    QAction* paste = addAction(edit, "actionPaste", QObject::tr("&Paste"), QKeySequence::Paste);
    QAction* duplicate = addAction(edit, "actionDuplicate", QObject::tr("D&uplicate"),
                                   QKeySequence(QObject::tr("Ctrl+D")));
    cut->setStatusTip(QObject::tr("Copy the selection to the clipboard and delete it"));
    copy->setStatusTip(
        QObject::tr("Copy the selected elements and contexts, with the flows between them"));
    paste->setStatusTip(
        QObject::tr("Paste elements copied here, in another window, or model JSON"));
    duplicate->setStatusTip(QObject::tr("Copy the selection beside itself"));

    const auto copySelection = [=]() -> bool {
        const plumb::Model fragment = scene->selectionFragment();
        if (fragment.elements.empty() && fragment.contexts.empty()) return false;
        QMimeData* data = diagram::fragmentMimeData(fragment);
        // The first paste of a fresh copy lands one step away from the original.
        *state = {data->data(QString::fromLatin1(diagram::kFragmentMimeType)), std::nullopt, 0};
        QGuiApplication::clipboard()->setMimeData(data);
        return true;
    };
    QObject::connect(copy, &QAction::triggered, view, [=] {
        if (copySelection())
            status->showMessage(QObject::tr("Copied %n item(s)", nullptr,
                                            static_cast<int>(scene->arrangeableSelection().size())),
                                3000);
    });
    QObject::connect(cut, &QAction::triggered, view, [=] {
        const int count = static_cast<int>(scene->arrangeableSelection().size());
        if (!copySelection()) return;
        scene->deleteSelection(QObject::tr("Cut %n item(s)", nullptr, count));
    });
    QObject::connect(paste, &QAction::triggered, view, [=] {
        if (!scene->document()) return;
        const diagram::ClipboardFragment read =
            diagram::fragmentFromMimeData(QGuiApplication::clipboard()->mimeData());
        if (!read.fragment) {
            status->showMessage(QObject::tr("Nothing pasted: %1.").arg(read.problem), 10000);
            return;
        }
        const std::optional<QPointF> mouse = mouseOnCanvas(view);
        const bool again = read.source == state->source && mouse == state->anchor;
        state->count = again ? state->count + 1 : (mouse ? 0 : 1);
        state->source = read.source;
        state->anchor = mouse;
        const QPointF step(kPasteStep * state->count, kPasteStep * state->count);
        const QStringList pasted = scene->pasteFragment(
            *read.fragment, mouse ? std::optional(*mouse + step) : std::nullopt, step,
            QObject::tr("Paste"));
        status->showMessage(
            QObject::tr("Pasted %n item(s)", nullptr, static_cast<int>(pasted.size())), 3000);
    });
    QObject::connect(duplicate, &QAction::triggered, view, [=] { scene->duplicateSelection(); });

    const auto updateSelection = [=] {
        const bool any = scene->document() && !scene->arrangeableSelection().isEmpty();
        cut->setEnabled(any);
        copy->setEnabled(any);
        duplicate->setEnabled(any);
    };
    // Not on every selection change: asking the system clipboard can be a round trip.
    const auto updatePaste = [=] {
        const QMimeData* data = QGuiApplication::clipboard()->mimeData();
        paste->setEnabled(
            scene->document() && data &&
            (data->hasText() || data->hasFormat(QString::fromLatin1(diagram::kFragmentMimeType))));
    };
    QObject::connect(scene, &QGraphicsScene::selectionChanged, edit, updateSelection);
    QObject::connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, edit, updatePaste);
    QObject::connect(edit, &QMenu::aboutToShow, edit, [=] {
        updateSelection();
        updatePaste();
    });
    updateSelection();
    updatePaste();
}

void installArrangeActions(QMenu* arrange, diagram::DiagramView* view) {
    diagram::DiagramScene* scene = view->diagramScene();
    struct Entry {
        const char* name;
        QString text;
        std::optional<plumb::Alignment> alignment;
        std::optional<plumb::Distribution> distribution;
    };
    using A = plumb::Alignment;
    using D = plumb::Distribution;
    const std::vector<Entry> entries{
        {"actionAlignLeft", QObject::tr("Align &Left"), A::Left, {}},
        {"actionAlignCentre", QObject::tr("Align &Centre"), A::Centre, {}},
        {"actionAlignRight", QObject::tr("Align &Right"), A::Right, {}},
        {nullptr, {}, {}, {}},
        {"actionAlignTop", QObject::tr("Align &Top"), A::Top, {}},
        {"actionAlignMiddle", QObject::tr("Align &Middle"), A::Middle, {}},
        {"actionAlignBottom", QObject::tr("Align &Bottom"), A::Bottom, {}},
        {nullptr, {}, {}, {}},
        {"actionDistributeHorizontally",
         QObject::tr("Distribute &Horizontally"),
         {},
         D::Horizontal},
        {"actionDistributeVertically", QObject::tr("Distribute &Vertically"), {}, D::Vertical},
    };
    std::vector<std::pair<QAction*, int>> actions; // with how many items each needs
    for (const Entry& entry : entries) {
        if (!entry.name) {
            arrange->addSeparator();
            continue;
        }
        QAction* action = addAction(arrange, entry.name, entry.text, {});
        if (entry.alignment) {
            const A alignment = *entry.alignment;
            QObject::connect(action, &QAction::triggered, view,
                             [=] { scene->alignSelection(alignment); });
            action->setStatusTip(QObject::tr("Needs two or more selected elements or contexts"));
            actions.emplace_back(action, 2);
        } else {
            const D distribution = *entry.distribution;
            QObject::connect(action, &QAction::triggered, view,
                             [=] { scene->distributeSelection(distribution); });
            action->setStatusTip(
                QObject::tr("Equal gaps between three or more selected elements or contexts"));
            actions.emplace_back(action, 3);
        }
    }
    const auto update = [=] {
        const auto selected = scene->document() ? scene->arrangeableSelection().size() : 0;
        for (const auto& [action, needs] : actions)
            action->setEnabled(selected >= needs);
    };
    QObject::connect(scene, &QGraphicsScene::selectionChanged, arrange, update);
    QObject::connect(arrange, &QMenu::aboutToShow, arrange, update);
    update();
}

} // namespace plumb::ui

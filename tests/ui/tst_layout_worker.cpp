// Auto-layout on a worker thread: the same result as the synchronous layout, cancellable,
// applied as one undo step, and dropped when the model changed while it ran.

#include "plumbline/ui/commands.h"
#include "plumbline/ui/diagram/auto_layout.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/diagram/layout_worker.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/examples.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;

namespace {

// `contexts` contexts of `perContext` elements, each a chain of flows, plus a flow from each
// context to the next.
Model generated(int contexts, int perContext) {
    Model model;
    for (int c = 0; c < contexts; ++c) {
        Context context;
        context.id = "c" + std::to_string(c);
        model.contexts.push_back(context);
        for (int i = 0; i < perContext; ++i) {
            Element element;
            element.id = "e" + std::to_string(c) + "-" + std::to_string(i);
            element.kind = static_cast<ElementKind>(i % 9);
            element.context = context.id;
            model.elements.push_back(element);
            if (i > 0) {
                Flow flow;
                flow.id = "f" + element.id;
                flow.from = "e" + std::to_string(c) + "-" + std::to_string(i - 1);
                flow.to = element.id;
                model.flows.push_back(flow);
            }
        }
        if (c > 0) {
            Flow flow;
            flow.id = "x" + std::to_string(c);
            flow.from = "e" + std::to_string(c - 1) + "-0";
            flow.to = "e" + std::to_string(c) + "-0";
            model.flows.push_back(flow);
        }
    }
    return model;
}

} // namespace

class TestLayoutWorker : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }
    void init() { test::useScratchSettings(); }

    void theWorkerGivesTheSynchronousLayout() {
        const Model model = generated(4, 8);
        const auto expected = autoLayout(model);
        diagram::LayoutWorker worker;
        QSignalSpy finished(&worker, &diagram::LayoutWorker::finished);
        QVERIFY(worker.start(model));
        QVERIFY(worker.isRunning());
        QVERIFY(!worker.start(model)); // one job at a time
        QVERIFY(finished.wait(20000));
        QVERIFY(!worker.isRunning());
        const auto boxes = finished.first().at(0).value<std::vector<LayoutBox>>();
        QCOMPARE(boxes.size(), expected.size());
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            QCOMPARE(boxes[i].id, expected[i].id);
            QCOMPARE(boxes[i].x, expected[i].x);
            QCOMPARE(boxes[i].y, expected[i].y);
        }
    }

    void aCancelledJobGivesNoResult() {
        diagram::LayoutWorker worker;
        QSignalSpy finished(&worker, &diagram::LayoutWorker::finished);
        QSignalSpy cancelled(&worker, &diagram::LayoutWorker::cancelled);
        QVERIFY(worker.start(generated(20, 25)));
        worker.cancel();
        QVERIFY(cancelled.wait(20000));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!worker.isRunning());
        QVERIFY(worker.start(generated(1, 3))); // and the next one runs
        QVERIFY(finished.wait(20000));
    }

    void aCancelFlagStopsTheSynchronousLayoutToo() {
        std::atomic<bool> cancel{true};
        AutoLayoutOptions options;
        options.cancel = &cancel;
        QVERIFY(autoLayout(generated(3, 3), options).empty());
    }

    void autoLayoutIsOneUndoStepAndLeavesTheWindowResponsive() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openExample(defaultExampleFileName()));
        auto* controller =
            window.findChild<diagram::LayoutController*>(QStringLiteral("autoLayoutController"));
        QVERIFY(controller);
        QUndoStack* stack = window.document()->undoStack();
        const int before = stack->count();
        QSignalSpy done(controller, &diagram::LayoutController::done);
        window.findChild<QAction*>(QStringLiteral("actionAutoLayout"))->trigger();
        QVERIFY(controller->isRunning()); // the action returned while Graphviz works
        auto* cancel = window.findChild<QAction*>(QStringLiteral("actionCancelAutoLayout"));
        QVERIFY(cancel && cancel->isEnabled());
        QCOMPARE(cancel->shortcut(), QKeySequence(Qt::Key_Escape));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QCOMPARE(stack->count(), before + 1);
        QCOMPARE(stack->text(stack->count() - 1), QStringLiteral("Auto-layout"));
        QVERIFY(!window.document()->model().layout.empty());
        QVERIFY(!cancel->isEnabled());
        stack->undo();
        QVERIFY(window.document()->model().layout.empty()); // the example had none
    }

    void anEditWhileItRunsDropsTheResult() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openExample(defaultExampleFileName()));
        auto* controller =
            window.findChild<diagram::LayoutController*>(QStringLiteral("autoLayoutController"));
        QUndoStack* stack = window.document()->undoStack();
        QSignalSpy done(controller, &diagram::LayoutController::done);
        controller->start();
        window.diagramScene()->addElement(ElementKind::Cache, QPointF(0, 0));
        const int afterEdit = stack->count();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QCOMPARE(stack->count(), afterEdit);
    }

    void cancellingFromTheWindowKeepsTheLayout() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openExample(defaultExampleFileName()));
        auto* controller =
            window.findChild<diagram::LayoutController*>(QStringLiteral("autoLayoutController"));
        QUndoStack* stack = window.document()->undoStack();
        const int before = stack->count();
        QSignalSpy done(controller, &diagram::LayoutController::done);
        controller->start();
        window.findChild<QAction*>(QStringLiteral("actionCancelAutoLayout"))->trigger();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QCOMPARE(stack->count(), before);
    }
};

QTEST_MAIN(TestLayoutWorker)
#include "tst_layout_worker.moc"

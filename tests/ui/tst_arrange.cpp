// Arrange > Align and Distribute on the diagram: the actions enable themselves for two (three)
// selected elements or contexts, each arrangement is one undo step that restores the model
// exactly, contexts carry their members, and an arrangement that changes nothing adds no step.

#include "plumbline/arrange.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/edit_actions.h"
#include "plumbline/ui/kind_icons.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QMenu>
#include <QtTest>
#include <memory>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::diagram;

namespace {

using test::box;

// a, b, c scattered; "ctx" holds m.
Model scattered() {
    Model model;
    model.contexts.push_back({"ctx", std::string("Context"), {}, {}, Json::object()});
    for (const char* id : {"a", "b", "c", "m"}) {
        Element e;
        e.id = id;
        model.elements.push_back(e);
    }
    model.elements[3].context = "ctx";
    model.layout = {box("a", 0, 0, 200, 72), box("b", 400, 100, 100, 40),
                    box("c", 160, 300, 200, 72), box("ctx", 800, 400, 400, 200),
                    box("m", 840, 460, 200, 72)};
    model.present.layout = true;
    return model;
}

} // namespace

class TestArrange : public QObject, test::DiagramSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() {
        openDiagram(scattered());
        m_menu = std::make_unique<QMenu>();
        installArrangeActions(m_menu.get(), m_view.get());
    }
    void cleanup() {
        m_menu.reset();
        closeDiagram();
    }

    void actionsNeedEnoughItems() {
        const QStringList aligns{"actionAlignLeft", "actionAlignCentre", "actionAlignRight",
                                 "actionAlignTop",  "actionAlignMiddle", "actionAlignBottom"};
        const QStringList distributes{"actionDistributeHorizontally", "actionDistributeVertically"};
        const auto enabled = [&](const QStringList& names) {
            int count = 0;
            for (const QString& name : names)
                count += action(name)->isEnabled() ? 1 : 0;
            return count;
        };
        QCOMPARE(enabled(aligns), 0);
        m_document->setSelection({"a"});
        QCOMPARE(enabled(aligns), 0);
        m_document->setSelection({"a", "b"});
        QCOMPARE(enabled(aligns), 6);
        QCOMPARE(enabled(distributes), 0);
        m_document->setSelection({"a", "b", "ctx"});
        QCOMPARE(enabled(distributes), 2);
    }

    void alignsLeftAsOneUndoStep() {
        const Model before = m_document->model();
        m_document->setSelection({"a", "b", "c"});
        action("actionAlignLeft")->trigger();
        QCOMPARE(m_document->undoStack()->count(), 1);
        for (const char* id : {"a", "b", "c"})
            QCOMPARE(m_scene->boxOf(id).left(), 0.0);
        QCOMPARE(m_scene->boxOf("b").top(), 100.0); // only x moved
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
        QCOMPARE(m_scene->boxOf("b").left(), 400.0);
    }

    void alignsCentresAndBottoms() {
        m_document->setSelection({"a", "b"});
        action("actionAlignCentre")->trigger();
        QCOMPARE(m_scene->boxOf("a").center().x(), m_scene->boxOf("b").center().x());
        action("actionAlignBottom")->trigger();
        QCOMPARE(m_scene->boxOf("a").bottom(), m_scene->boxOf("b").bottom());
        QCOMPARE(m_document->undoStack()->count(), 2);
    }

    void alreadyAlignedAddsNoStep() {
        m_document->setSelection({"a", "b"});
        action("actionAlignTop")->trigger();
        action("actionAlignTop")->trigger();
        QCOMPARE(m_document->undoStack()->count(), 1);
    }

    void distributesWithEqualGaps() {
        const Model before = m_document->model();
        m_document->setSelection({"c", "a", "b"});
        action("actionDistributeVertically")->trigger();
        // a 0..72, b, c ..372: heights 184 in 372, so gaps of 94.
        const QRectF a = m_scene->boxOf("a"), b = m_scene->boxOf("b"), c = m_scene->boxOf("c");
        QCOMPARE(a.top(), 0.0);
        QCOMPARE(b.top() - a.bottom(), c.top() - b.bottom());
        QCOMPARE(c.top(), 300.0);
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void aContextCarriesItsMembers() {
        const Model before = m_document->model();
        m_document->setSelection({"a", "ctx"});
        action("actionAlignTop")->trigger();
        QCOMPARE(m_scene->boxOf("ctx").top(), 0.0);
        QCOMPARE(m_scene->boxOf("m").top(), 60.0); // 60 below its context's top, as before
        QCOMPARE(m_scene->boxOf("m").left(), 840.0);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    // Align Top of an element in a context and one outside: the member keeps its context and
    // the frame grows to hold it where it went, one undo step for both.
    void aligningKeepsMembershipAndTheFrameHoldsItsElements() {
        const Model before = m_document->model();
        m_document->setSelection({"a", "m"});
        action("actionAlignTop")->trigger();
        QCOMPARE(m_scene->boxOf("m").top(), 0.0);
        QCOMPARE(*m_document->model().findElement("m")->context, std::string("ctx"));
        const QRectF frame = m_scene->boxOf("ctx");
        QVERIFY(frame.contains(m_scene->boxOf("m")));
        QCOMPARE(frame.top(), 0.0 - kContextTitleBand - kContextMargin);
        QCOMPARE(frame.bottom(), 600.0); // it only grows where it must
        QCOMPARE(m_document->undoStack()->count(), 1);
        m_document->undoStack()->undo();
        QCOMPARE(m_document->model(), before);
    }

    void nudgingAcrossTheEdgeGrowsTheFrame() {
        m_document->setSelection({"m"});
        m_scene->moveItems({"m"}, QPointF(200, 0), true);
        QCOMPARE(m_scene->boxOf("ctx").right(), 840 + 200 + 200 + kContextMargin);
    }

    void storesTheProvisionalLayoutWithTheFirstArrangement() {
        Document document(test::withoutLayout(scattered()));
        m_scene->setDocument(&document);
        const Model before = document.model();
        document.setSelection({"a", "b"});
        action("actionAlignLeft")->trigger();
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.model().layout.size(), std::size_t(5));
        QCOMPARE(*document.model().findLayout("a")->x, *document.model().findLayout("b")->x);
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        m_scene->setDocument(m_document.get());
    }

private:
    QAction* action(const QString& name) const {
        auto* found = m_menu->findChild<QAction*>(name);
        if (!found) qFatal("no action %s", qPrintable(name));
        return found;
    }

    std::unique_ptr<QMenu> m_menu;
};

QTEST_MAIN(TestArrange)
#include "tst_arrange.moc"

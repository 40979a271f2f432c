// Align and distribute on layout boxes: every alignment, equal gaps, the group's extent kept,
// fewer boxes than needed left alone, missing fields and unknown fields survive.
#include "model_helpers.h"
#include "plumbline/arrange.h"

#include <QtTest>

using namespace plumb;
using testing::box;

namespace {

// Three boxes of different sizes, scattered.
std::vector<LayoutBox> three() {
    return {box("a", 10, 100, 100, 40), box("b", 300, 20, 200, 80), box("c", 120, 300, 50, 60)};
}

// A context "ctx" at (0, 0) 400x200 holding "a" well inside; "b" belongs to no context, and a
// second context "other" holds "c".
Model framed() {
    Model model;
    for (const char* id : {"ctx", "other"}) {
        Context context;
        context.id = id;
        model.contexts.push_back(context);
    }
    for (auto [id, context] :
         {std::pair{"a", "ctx"}, std::pair{"b", ""}, std::pair{"c", "other"}}) {
        Element e;
        e.id = id;
        e.kind = ElementKind::Service;
        if (*context) e.context = std::string(context);
        model.elements.push_back(e);
    }
    model.layout = {box("ctx", 0, 0, 400, 200), box("other", 600, 0, 300, 200),
                    box("a", 50, 60, 200, 72), box("b", 450, 300, 200, 72),
                    box("c", 650, 60, 200, 72)};
    return model;
}

} // namespace

class TestArrange : public QObject {
    Q_OBJECT

private slots:
    void boundsCoverEveryBox() {
        QVERIFY(!boundsOf({}));
        QCOMPARE(*boundsOf(three()), (BoxBounds{10, 20, 490, 340}));
    }

    void alignsEdgesAndCentres_data() {
        QTest::addColumn<int>("alignment");
        QTest::addColumn<QList<double>>("expected"); // x or y of a, b, c
        QTest::newRow("left") << int(Alignment::Left) << QList<double>{10, 10, 10};
        QTest::newRow("centre") << int(Alignment::Centre) << QList<double>{205, 155, 230};
        QTest::newRow("right") << int(Alignment::Right) << QList<double>{400, 300, 450};
        QTest::newRow("top") << int(Alignment::Top) << QList<double>{20, 20, 20};
        QTest::newRow("middle") << int(Alignment::Middle) << QList<double>{170, 150, 160};
        QTest::newRow("bottom") << int(Alignment::Bottom) << QList<double>{320, 280, 300};
    }
    void alignsEdgesAndCentres() {
        QFETCH(int, alignment);
        QFETCH(QList<double>, expected);
        const auto a = static_cast<Alignment>(alignment);
        const bool horizontal =
            a == Alignment::Left || a == Alignment::Centre || a == Alignment::Right;
        const std::vector<LayoutBox> before = three();
        const std::vector<LayoutBox> after = aligned(before, a);
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].id, before[i].id); // same order
            QCOMPARE(horizontal ? *after[i].x : *after[i].y, expected[static_cast<qsizetype>(i)]);
            // the other axis and the size do not move
            QCOMPARE(horizontal ? after[i].y : after[i].x, horizontal ? before[i].y : before[i].x);
            QCOMPARE(after[i].width, before[i].width);
            QCOMPARE(after[i].height, before[i].height);
        }
    }

    void oneBoxIsNotAligned() {
        const std::vector<LayoutBox> one{box("a", 5, 6, 7, 8)};
        QCOMPARE(aligned(one, Alignment::Right), one);
    }

    void distributesWithEqualGaps() {
        // a: 10..110, c: 120..170, b: 300..500; widths 350, span 490: gaps of 70.
        const std::vector<LayoutBox> after = distributed(three(), Distribution::Horizontal);
        QCOMPARE(*after[0].x, 10.0);
        QCOMPARE(*after[2].x, 180.0);
        QCOMPARE(*after[1].x, 300.0);
        QCOMPARE(after[0].y, three()[0].y);
        const std::vector<LayoutBox> down = distributed(three(), Distribution::Vertical);
        // b: 20..100, a: 100..140, c: 300..360; heights 180, span 340: gaps of 80.
        QCOMPARE(*down[1].y, 20.0);
        QCOMPARE(*down[0].y, 180.0);
        QCOMPARE(*down[2].y, 300.0);
    }

    void distributingKeepsTheGroupsExtent() {
        // The widest box starts second but ends last.
        std::vector<LayoutBox> boxes{box("a", 0, 0, 10, 10), box("b", 20, 0, 500, 10),
                                     box("c", 100, 0, 10, 10), box("d", 200, 0, 10, 10)};
        const auto before = *boundsOf(boxes);
        const auto after = distributed(boxes, Distribution::Horizontal);
        QCOMPARE(*boundsOf(after), before);
    }

    void twoBoxesAreNotDistributed() {
        const std::vector<LayoutBox> two{box("a", 0, 0, 10, 10), box("b", 50, 0, 10, 10)};
        QCOMPARE(distributed(two, Distribution::Horizontal), two);
    }

    void missingFieldsCountAsZeroAndUnknownFieldsStay() {
        LayoutBox bare;
        bare.id = "bare";
        bare.extra = Json{{"colour", "red"}};
        std::vector<LayoutBox> boxes{box("a", 50, 50, 10, 10), bare};
        const auto after = aligned(boxes, Alignment::Left);
        QCOMPARE(*after[0].x, 0.0);
        QCOMPARE(after[1].extra, bare.extra);
        QVERIFY(!after[1].width); // sizes are never invented
        offsetBoxes(boxes, 24, 24);
        QCOMPARE(*boxes[1].x, 24.0);
        QCOMPARE(*boxes[0].y, 74.0);
    }

    // An element dropped near its frame's edge, or aligned out of it, makes the frame grow
    // just enough: the margin inside the edges and the title band above.
    void contextsGrowToHoldTheirElements() {
        const Model model = framed();
        QVERIFY(contextsGrownToFit(model, {box("a", 100, 60, 200, 72)}).empty()); // still inside
        auto grown = contextsGrownToFit(model, {box("a", 300, 150, 200, 72)});
        QCOMPARE(grown.size(), std::size_t(1));
        QCOMPARE(grown[0].id, std::string("ctx"));
        QCOMPARE(*grown[0].x, 0.0);
        QCOMPARE(*grown[0].y, 0.0);
        QCOMPARE(*grown[0].width, 300 + 200 + kContextMargin);
        QCOMPARE(*grown[0].height, 150 + 72 + kContextMargin);
        // Up and to the left: the frame's origin moves, its far edges stay.
        grown = contextsGrownToFit(model, {box("a", -40, 10, 200, 72)});
        QCOMPARE(grown.size(), std::size_t(1));
        QCOMPARE(*grown[0].x, -40 - kContextMargin);
        QCOMPARE(*grown[0].y, 10 - kContextTitleBand - kContextMargin);
        QCOMPARE(*grown[0].x + *grown[0].width, 400.0);
        QCOMPARE(*grown[0].y + *grown[0].height, 200.0);
    }

    // A frame resized smaller than what it holds comes back around its elements; an element
    // regrouped into another context makes that one grow; one leaving keeps its old frame as
    // it is; contexts no edit touches are never changed.
    void membershipAndResizeDecideWhichFramesGrow() {
        Model model = framed();
        auto grown = contextsGrownToFit(model, {box("ctx", 0, 0, 150, 100)});
        QCOMPARE(grown.size(), std::size_t(1));
        QCOMPARE(*grown[0].width, 50 + 200 + kContextMargin);
        QCOMPARE(*grown[0].height, 60 + 72 + kContextMargin);

        Element joined = *model.findElement("b");
        joined.context = std::string("other");
        grown = contextsGrownToFit(model, {}, {joined});
        QCOMPARE(grown.size(), std::size_t(1));
        QCOMPARE(grown[0].id, std::string("other"));
        QCOMPARE(*grown[0].y + *grown[0].height, 300 + 72 + kContextMargin);

        Element left = *model.findElement("a");
        left.context.reset();
        QVERIFY(contextsGrownToFit(model, {box("a", 900, 900, 200, 72)}, {left}).empty());

        // A frame that already leaves an element out is not touched by an unrelated edit.
        model.layout[4] = box("c", 850, 60, 200, 72); // sticks out of "other"
        QVERIFY(contextsGrownToFit(model, {box("a", 60, 60, 200, 72)}).empty());
        QVERIFY(contextsGrownToFit(model, {box("zzz", 0, 0, 1, 1)}).empty());
    }
};

QTEST_GUILESS_MAIN(TestArrange)
#include "tst_arrange.moc"

// The what-if scale belongs to the document (issue #19): x1 again on open and new, named in the
// window title and the status bar while it is not x1, and the canvas's flow labels show the
// same scaled rates the findings quote.
#include "plumbline/ui/charts/scale_slider.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_status.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QtTest>
#include <memory>

using namespace plumb::ui;

namespace {

std::unique_ptr<MainWindow> makeWindow() {
    return std::make_unique<MainWindow>(std::make_unique<test::FakeDialogs>());
}

QString statusText(const MainWindow& window) {
    auto* status = window.findChild<FindingsStatus*>(QStringLiteral("findingsStatus"));
    return status ? status->plainText() : QStringLiteral("(no status)");
}

QString labelOf(const MainWindow& window, const std::string& flowId) {
    auto* item = window.diagramScene()->flowItem(QString::fromStdString(flowId));
    return item ? item->label() : QStringLiteral("(no item)");
}

} // namespace

class TestWhatIfDocument : public QObject {
    Q_OBJECT

private slots:
    void init() { test::useScratchSettings(); }

    void theTitleAndStatusBarSayWhileScaled() {
        auto window = makeWindow();
        QVERIFY(window->openExample(QStringLiteral("ecommerce-platform.json")));
        QVERIFY(!window->windowTitle().contains(QStringLiteral("what if")));
        QVERIFY(!statusText(*window).startsWith(QStringLiteral("What if")));
        window->scaleSlider()->setScale(100);
        QVERIFY2(window->windowTitle().contains(QStringLiteral("(what if x100)")),
                 qPrintable(window->windowTitle()));
        QVERIFY2(statusText(*window).startsWith(QStringLiteral("What if x100 · ")),
                 qPrintable(statusText(*window)));
        window->scaleSlider()->setScale(1);
        QVERIFY(!window->windowTitle().contains(QStringLiteral("what if")));
        QVERIFY(!statusText(*window).startsWith(QStringLiteral("What if")));
    }

    void flowLabelsShowTheScaledRates() {
        auto window = makeWindow();
        QVERIFY(window->openExample(QStringLiteral("ecommerce-platform.json")));
        const plumb::Flow flow = *window->document()->model().findFlow("shop-browse");
        QCOMPARE(labelOf(*window, flow.id), formatRates(flow));
        window->scaleSlider()->setScale(100);
        QCOMPARE(labelOf(*window, flow.id), formatRates(flow, 100));
        QVERIFY2(labelOf(*window, flow.id).contains(QStringLiteral("240k r/s")),
                 qPrintable(labelOf(*window, flow.id)));
        window->scaleSlider()->setScale(1);
        QCOMPARE(labelOf(*window, flow.id), formatRates(flow));
    }

    void openingOrStartingAnotherDocumentResetsTheScale() {
        auto window = makeWindow();
        QVERIFY(window->openExample(QStringLiteral("ecommerce-platform.json")));
        window->scaleSlider()->setScale(100);
        QVERIFY(window->openExample(QStringLiteral("ecommerce-platform.json")));
        QCOMPARE(window->findings()->scale(), 1.0);
        QCOMPARE(window->scaleSlider()->scale(), 1.0);
        QCOMPARE(window->diagramScene()->rateScale(), 1.0);
        const plumb::Flow flow = *window->document()->model().findFlow("shop-browse");
        QCOMPARE(labelOf(*window, flow.id), formatRates(flow));
        QVERIFY(!window->windowTitle().contains(QStringLiteral("what if")));

        window->scaleSlider()->setScale(10);
        QVERIFY(window->newDocument());
        QCOMPARE(window->findings()->scale(), 1.0);
        QCOMPARE(window->scaleSlider()->scale(), 1.0);
        QVERIFY(!window->windowTitle().contains(QStringLiteral("what if")));
        QVERIFY(!statusText(*window).startsWith(QStringLiteral("What if")));
    }
};

QTEST_MAIN(TestWhatIfDocument)
#include "tst_what_if_document.moc"

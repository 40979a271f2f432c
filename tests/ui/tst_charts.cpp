// The tradeoff charts: the decision map holds the example's stores, follows the what-if scale
// and selects on click; growth and candidates follow the selection; the slider is logarithmic.
#include "plumbline/chart_data.h"
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/candidate_view.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/decision_map_view.h"
#include "plumbline/ui/charts/growth_chart_view.h"
#include "plumbline/ui/charts/scale_slider.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QChartView>
#include <QDockWidget>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace plumb::ui;

namespace {

std::unique_ptr<Document> loadExample(const QString& name) {
    auto load = Document::load(test::exampleSourcePath(name));
    return std::move(load.document);
}

// Saves a picture of the widget when PLUMBLINE_SCREENSHOT_DIR is set, to look at by hand.
void maybeScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("PLUMBLINE_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    widget.resize(1500, 650);
    widget.show();
    QTest::qWait(50);
    widget.grab().save(dir + QLatin1Char('/') + name);
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private slots:
    void decisionMapPlotsTheExamplesStores() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        QVERIFY(doc);
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setDocument(doc.get());
        const auto& data = panel.decisionMap()->data();
        QVERIFY(!data.points.empty());
        const auto orders = panel.decisionMap()->plottedPoint(QStringLiteral("orders-db"));
        QVERIFY(orders);
        QCOMPARE(orders->y(), 320.0);
        // Every plotted store is in a series, at its numbers.
        for (const auto& p : data.points) {
            const auto at = panel.decisionMap()->plottedPoint(QString::fromStdString(p.id));
            QVERIFY2(at, p.id.c_str());
            QCOMPARE(at->x(), p.x);
            QCOMPARE(at->y(), p.y);
        }
    }

    // Docked small (a side column at 1280x800), the map's labels never cover each other, a
    // point or the axes; the selected store's label is always shown.
    void mapLabelsNeverOverlap() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        QVERIFY(doc);
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setCompact(true);
        panel.resize(440, 420);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setDocument(doc.get());
        doc->setSelection({QStringLiteral("catalog-db")});
        QTest::qWait(50);
        auto* map = panel.decisionMap();
        const QRectF area = map->chart()->plotArea().adjusted(-2, -2, 2, 2);
        std::vector<QRectF> shown;
        for (std::size_t i = 0; i < map->pointLabels().size(); ++i) {
            const auto* label = map->pointLabels()[i];
            const QString id = QString::fromStdString(map->data().points[i].id);
            if (id == QStringLiteral("catalog-db")) QVERIFY(label->isVisible());
            if (!label->isVisible()) continue;
            const QRectF box = label->sceneBoundingRect();
            QVERIFY2(area.contains(box), qPrintable(label->text()));
            for (const QRectF& other : shown)
                QVERIFY2(!other.intersects(box), qPrintable(label->text()));
            shown.push_back(box);
        }
        QVERIFY(shown.size() >= 3); // and most of them still are shown
    }

    void scaleOfHundredMovesPointsHundredfold() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setDocument(doc.get());
        const auto before = panel.decisionMap()->data().points;
        charts::ScaleSlider slider;
        connect(&slider, &charts::ScaleSlider::scaleChanged, &panel,
                &charts::ChartsPanel::setScale);
        slider.setScale(100);
        QCOMPARE(panel.scale(), 100.0);
        const auto after = panel.decisionMap()->data().points;
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            const auto at = panel.decisionMap()->plottedPoint(QString::fromStdString(before[i].id));
            QVERIFY(at);
            QCOMPARE(at->x(), before[i].x * 100);
            QCOMPARE(at->y(), before[i].y * 100);
        }
        // The charts flag what `plumbline check --scale 100` flags.
        plumb::CheckOptions options;
        options.analysis.scale = 100;
        const auto cli = plumb::check(doc->model(), plumb::builtinKnowledge(), options);
        QCOMPARE(panel.checkResult().findings.size(), cli.findings.size());
    }

    void clickingAPointSelectsTheStore() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setDocument(doc.get());
        QSignalSpy clicked(panel.decisionMap(), &charts::DecisionMapView::storeClicked);
        QSignalSpy selected(doc.get(), &Document::selectionChanged);
        const auto at = panel.decisionMap()->plottedPoint(QStringLiteral("payments-db"));
        QVERIFY(at);
        // The series' clicked signal carries the value under the mouse.
        auto* series = panel.decisionMap()->chart()->series().last();
        for (auto* s : panel.decisionMap()->chart()->series())
            if (auto* scatter = qobject_cast<QScatterSeries*>(s);
                scatter && scatter->points().contains(*at))
                series = scatter;
        QVERIFY(QMetaObject::invokeMethod(series, "clicked", Q_ARG(QPointF, *at * 1.01)));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(doc->selection(), QStringList{QStringLiteral("payments-db")});
        QCOMPARE(panel.currentStore(), QStringLiteral("payments-db"));
        QVERIFY(panel.growthChart()->data());
        QCOMPARE(panel.growthChart()->data()->id, std::string("payments-db"));
    }

    // Docked in a side column the comparison table goes under the radar and keeps readable
    // columns (they were 3 characters wide), and candidates that tie on every spoke stay
    // visible as bands of different widths.
    void candidatesStayReadableWhenDocked() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setCompact(true);
        panel.resize(500, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setDocument(doc.get());
        doc->setSelection({QStringLiteral("catalog-db")});
        panel.showCandidates();
        QTest::qWait(50);
        auto* candidates = panel.candidates();
        QCOMPARE(candidates->splitter()->orientation(), Qt::Vertical);
        QVERIFY(candidates->chartView()->height() >= 250); // neither part is squeezed away
        QVERIFY(candidates->table()->height() >= 90);
        auto* table = candidates->table();
        QVERIFY(table->columnCount() >= 2);
        for (int c = 0; c < table->columnCount(); ++c)
            QVERIFY2(table->columnWidth(c) >= 120,
                     qPrintable(QString::number(table->columnWidth(c))));
        QSet<double> widths;
        const auto series = candidates->chartView()->chart()->series();
        for (auto* s : series)
            widths.insert(static_cast<QLineSeries*>(s)->pen().widthF());
        QCOMPARE(widths.size(), series.size());
        candidates->resize(900, 400);
        QCOMPARE(candidates->splitter()->orientation(), Qt::Horizontal);
    }

    void selectionDrivesGrowthAndCandidates() {
        auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setDocument(doc.get());
        QVERIFY(!panel.growthChart()->data());
        doc->setSelection({QStringLiteral("orders-db")});
        QCOMPARE(panel.currentStore(), QStringLiteral("orders-db"));
        QCOMPARE(panel.growthChart()->data()->volume.size(), std::size_t(37));
        const auto& comparison = panel.candidates()->data();
        QCOMPARE(comparison.entries.front().technology, std::string("postgresql"));
        auto* table = panel.candidates()->table();
        QCOMPARE(table->columnCount(), static_cast<int>(comparison.entries.size()));
        QCOMPARE(table->rowCount(), static_cast<int>(comparison.dimensions.size()) + 1);
        QVERIFY(table->horizontalHeaderItem(0)->text().contains(QStringLiteral("current")));
        // x2: orders-db passes PostgreSQL's comfortable 1 TB within the horizon.
        panel.setScale(2);
        QCOMPARE(panel.growthChart()->data()->caption, std::string("passes 1 TB in month 10"));
        QVERIFY(panel.growthChart()->chart()->title().contains(QStringLiteral("month 10")));
        // Selecting a service keeps the last store on show.
        doc->setSelection({QStringLiteral("storefront")});
        QCOMPARE(panel.currentStore(), QStringLiteral("orders-db"));
        maybeScreenshot(panel, QStringLiteral("charts-panel.png"));
        if (auto* tabs = panel.findChild<QTabWidget*>()) {
            tabs->setCurrentIndex(1);
            maybeScreenshot(panel, QStringLiteral("charts-candidates.png"));
        }
    }

    void vectorVariantShowsVectorStores() {
        auto doc = loadExample(QStringLiteral("rag-assistant.json"));
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        panel.setDocument(doc.get());
        panel.setVectorVariant(true);
        const auto& data = panel.decisionMap()->data();
        QCOMPARE(data.variant, plumb::MapVariant::Vectors);
        for (const auto& p : data.points)
            QCOMPARE(p.y, 42000000.0);
        maybeScreenshot(panel, QStringLiteral("charts-vectors.png"));
    }

    void documentGoingAwayEmptiesTheCharts() {
        charts::ChartsPanel panel(plumb::builtinKnowledge());
        {
            auto doc = loadExample(QStringLiteral("ecommerce-platform.json"));
            panel.setDocument(doc.get());
            doc->setSelection({QStringLiteral("orders-db")});
        }
        panel.setScale(3); // the document is gone: no crash, empty charts
        QVERIFY(panel.decisionMap()->data().points.empty());
        panel.setDocument(nullptr);
        QVERIFY(!panel.growthChart()->data());
    }

    void workbenchSliderDrivesTheChartsAndCatalogueOpensEntries() {
        test::useScratchSettings();
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openExample(QStringLiteral("ecommerce-platform.json")));
        QVERIFY(window.chartsPanel() && window.scaleSlider() && window.catalogueBrowser());
        QSignalSpy scaled(window.scaleSlider(), &charts::ScaleSlider::scaleChanged);
        const auto before =
            window.chartsPanel()->decisionMap()->plottedPoint(QStringLiteral("orders-db"));
        QVERIFY(before);
        window.scaleSlider()->setScale(100);
        QCOMPARE(scaled.count(), 1);
        QCOMPARE(window.chartsPanel()->scale(), 100.0);
        const auto after =
            window.chartsPanel()->decisionMap()->plottedPoint(QStringLiteral("orders-db"));
        QCOMPARE(after->x(), before->x() * 100);
        QCOMPARE(after->y(), before->y() * 100);
        window.document()->setSelection({QStringLiteral("orders-db")});
        QCOMPARE(window.chartsPanel()->currentStore(), QStringLiteral("orders-db"));
        window.showInCatalogue(QStringLiteral("read-aside"));
        QCOMPARE(window.catalogueBrowser()->currentEntry(), QStringLiteral("read-aside"));
        if (const QString dir = qEnvironmentVariable("PLUMBLINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            window.scaleSlider()->setScale(3);
            window.resize(1600, 1000);
            window.show();
            auto* dock = window.findChild<QDockWidget*>(QStringLiteral("chartsDock"));
            dock->raise();
            QTest::qWait(50);
            window.resizeDocks({dock}, {480}, Qt::Vertical);
            QTest::qWait(100);
            window.grab().save(dir + QStringLiteral("/charts.png"));
            window.showInCatalogue(QStringLiteral("connection-pooling"));
            window.catalogueBrowser()->setSearchText(QStringLiteral("serverless conn"));
            QTest::qWait(100);
            window.grab().save(dir + QStringLiteral("/catalogue-in-window.png"));
        }
    }

    void sliderIsLogarithmicAndClamped() {
        charts::ScaleSlider slider;
        QSignalSpy changed(&slider, &charts::ScaleSlider::scaleChanged);
        slider.slider()->setValue(slider.slider()->maximum());
        QCOMPARE(slider.scale(), 1000.0);
        slider.slider()->setValue(slider.slider()->maximum() / 3);
        QCOMPARE(slider.scale(), 10.0);
        slider.setScale(5000);
        QCOMPARE(slider.scale(), 1000.0);
        slider.setScale(0.001);
        QCOMPARE(slider.scale(), 1.0);
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.last().first().toDouble(), 1.0);
        slider.setScale(1); // unchanged: no signal
        QCOMPARE(changed.count(), 4);
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

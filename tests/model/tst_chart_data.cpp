// Chart data for the workbench: the decision map, growth projection and candidate comparison
// hold the right points for the bundled examples, and the what-if scale moves them.
#include "model_helpers.h"
#include "plumbline/chart_data.h"
#include "plumbline/report.h"

#include <QTest>
#include <algorithm>

namespace {

plumb::CheckResult checkExample(const plumb::Model& model, double scale = 1.0) {
    plumb::CheckOptions options;
    options.analysis.scale = scale;
    options.today = "2026-01-01";
    return plumb::check(model, plumb::builtinKnowledge(), options);
}

const plumb::MapPoint* point(const plumb::DecisionMapData& data, const std::string& id) {
    for (const auto& p : data.points)
        if (p.id == id) return &p;
    return nullptr;
}

} // namespace

class TestChartData : public QObject {
    Q_OBJECT
private slots:
    void decisionMapPlotsEveryStoreWithRateAndVolume() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto result = checkExample(model);
        const auto data = plumb::decisionMapData(model, plumb::builtinKnowledge(), result,
                                                 plumb::MapVariant::Volume);
        const auto* orders = point(data, "orders-db");
        QVERIFY(orders);
        QCOMPARE(orders->y, 320.0);
        QCOMPARE(orders->x, *result.analysis.facts("orders-db")->number("writesPerSecond"));
        QCOMPARE(orders->technologyName, std::string("PostgreSQL"));
        // Every data-holding element is either plotted or listed as unplotted, never both.
        int holders = 0;
        for (const auto& e : model.elements)
            holders += plumb::holdsData(e.kind);
        QCOMPARE(static_cast<int>(data.points.size() + data.unplotted.size()), holders);
        // PostgreSQL is the most used technology: its envelope comes first.
        QVERIFY(!data.regions.empty());
        QCOMPARE(data.regions.front().technology, std::string("postgresql"));
        QCOMPARE(data.regions.front().comfortableY, 1000.0);
        QCOMPARE(data.regions.front().comfortableX, 1000.0);
        QVERIFY(!data.regions.front().maxY); // the research names no hard ceiling
    }

    void pointsCarryTheWorstFinding() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto result = checkExample(model);
        const auto data = plumb::decisionMapData(model, plumb::builtinKnowledge(), result,
                                                 plumb::MapVariant::Volume);
        for (const auto& p : data.points) {
            std::optional<plumb::Severity> worst;
            for (const auto& f : result.findings)
                if (f.element == p.id && !f.waived && (!worst || f.severity > *worst))
                    worst = f.severity;
            QCOMPARE(p.worst, worst);
        }
    }

    void scaleMovesEveryPointByTheFactor() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto& kb = plumb::builtinKnowledge();
        const auto one =
            plumb::decisionMapData(model, kb, checkExample(model), plumb::MapVariant::Volume);
        const auto hundred =
            plumb::decisionMapData(model, kb, checkExample(model, 100), plumb::MapVariant::Volume);
        QCOMPARE(one.points.size(), hundred.points.size());
        for (std::size_t i = 0; i < one.points.size(); ++i) {
            QCOMPARE(hundred.points[i].x, one.points[i].x * 100);
            QCOMPARE(hundred.points[i].y, one.points[i].y * 100);
        }
    }

    void vectorVariantListsOnlyVectorStores() {
        const auto model = testing::readModelOrFail(testing::examplePath("rag-assistant.json"));
        const auto result = checkExample(model);
        const auto data = plumb::decisionMapData(model, plumb::builtinKnowledge(), result,
                                                 plumb::MapVariant::Vectors);
        QCOMPARE(data.points.size() + data.unplotted.size(), std::size_t(1));
        for (const auto& p : data.points)
            QCOMPARE(p.y, 42000000.0);
        for (const auto& r : data.regions)
            QVERIFY(plumb::builtinKnowledge().technology(r.technology)->envelope.vectors);
    }

    void growthMarksTheCrossingMonth() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto& kb = plumb::builtinKnowledge();
        // 320 GB + 18 GB/month stays under PostgreSQL's 1 TB for 36 months...
        auto g = plumb::growthData(model, kb, checkExample(model).analysis, "orders-db");
        QVERIFY(g);
        QCOMPARE(g->volume.size(), std::size_t(37));
        QCOMPARE(g->volume.front().second, 320.0);
        QCOMPARE(g->volume.back().second, 320.0 + 18 * 36);
        QVERIFY(!g->comfortableMonth);
        QCOMPARE(g->caption, std::string("stays under 1 TB for 36 months"));
        // ...at x2 it starts at 640 GB growing 36 GB/month: past 1 TB in month 10.
        g = plumb::growthData(model, kb, checkExample(model, 2).analysis, "orders-db");
        QCOMPARE(g->comfortableMonth, std::optional<int>(10));
        QCOMPARE(g->caption, std::string("passes 1 TB in month 10"));
        // ...and at x10 it is already past.
        g = plumb::growthData(model, kb, checkExample(model, 10).analysis, "orders-db");
        QCOMPARE(g->comfortableMonth, std::optional<int>(0));
        QCOMPARE(g->caption, std::string("already past 1 TB"));
    }

    void growthRefusesWhatHasNoVolume() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto analysis = checkExample(model).analysis;
        const auto& kb = plumb::builtinKnowledge();
        QVERIFY(!plumb::growthData(model, kb, analysis, "no-such-element"));
        for (const auto& e : model.elements)
            if (!plumb::holdsData(e.kind)) QVERIFY(!plumb::growthData(model, kb, analysis, e.id));
    }

    void comparisonPutsTheCurrentTechnologyFirst() {
        const auto model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const auto analysis = checkExample(model).analysis;
        const auto c =
            plumb::candidateComparison(model, plumb::builtinKnowledge(), analysis, "orders-db");
        QVERIFY(c.currentIncluded);
        QCOMPARE(c.entries.front().technology, std::string("postgresql"));
        QVERIFY(c.entries.size() <= 4 && c.entries.size() >= 2);
        QVERIFY(!c.dimensions.empty());
        for (std::size_t i = 1; i < c.entries.size(); ++i)
            QVERIFY(c.entries[i].technology != "postgresql");
        // Others in ranking order.
        for (std::size_t i = 2; i < c.entries.size(); ++i)
            QVERIFY(c.entries[i - 1].score >= c.entries[i].score);
        for (const auto& name : c.dimensions) {
            const auto* d = plumb::dimensionOf(c.entries.front(), name);
            if (d) QVERIFY(!d->reason.empty());
        }
        QVERIFY(plumb::candidateComparison(model, plumb::builtinKnowledge(), analysis, "nope")
                    .entries.empty());
    }

    // The report's decision map and growth projection are the workbench's: same points, same
    // crossing months, at any scale.
    // Issue #19 item 5: one ranking. SQLite under two writers: the finding's "consider" list,
    // the candidate chart and the report's candidates lead with the same technologies, and
    // the finding's own suggestions (PostgreSQL first, as the rule lists it) win the ties.
    void findingsCandidatesAndReportsAgreeOnTheAlternatives() {
        using plumb::ElementKind;
        plumb::Model model;
        model.elements = {testing::element("api", ElementKind::Service),
                          testing::element("worker", ElementKind::Service),
                          testing::element("db", ElementKind::Store)};
        model.elements[2].technology = std::string("sqlite");
        model.flows = {testing::flow("a", "api", "db", {}, 200.0),
                       testing::flow("b", "worker", "db", {}, 200.0)};
        const auto result = checkExample(model);
        const plumb::Finding* sqlite = nullptr;
        for (const auto& f : result.findings)
            if (f.rule == "sqlite-write-concurrency") sqlite = &f;
        QVERIFY(sqlite);
        QVERIFY(!sqlite->alternatives.empty());
        QCOMPARE(sqlite->alternatives.front(), std::string("postgresql"));

        const auto chart =
            plumb::candidateComparison(model, plumb::builtinKnowledge(), result.analysis, "db", 3,
                                       plumb::recommendedAlternatives(result, "db"));
        std::vector<std::string> shown;
        for (const auto& fit : chart.entries)
            if (!fit.current) shown.push_back(fit.technology);
        QVERIFY(shown.size() >= sqlite->alternatives.size());
        QVERIFY(
            std::equal(sqlite->alternatives.begin(), sqlite->alternatives.end(), shown.begin()));
        // "Try it" beyond the chart: stores only, by name whatever the case.
        for (const auto& id : chart.otherCandidates) {
            const auto* tech = plumb::builtinKnowledge().technology(id);
            QVERIFY(tech);
            QVERIFY2(id != "pgbouncer" && id != "kafka" && id != "redis", id.c_str());
        }

        const plumb::Report report = plumb::buildReport(model, plumb::builtinKnowledge());
        const auto store = std::find_if(report.stores.begin(), report.stores.end(),
                                        [](const plumb::ReportStore& s) { return s.id == "db"; });
        QVERIFY(store != report.stores.end());
        std::vector<std::string> reported;
        for (const auto& fit : store->fit)
            if (!fit.current) reported.push_back(fit.technology);
        const auto list = [](const std::vector<std::string>& ids) {
            std::string out;
            for (const auto& id : ids)
                out += id + " ";
            return out;
        };
        QVERIFY2(reported == shown, (list(reported) + "vs " + list(shown)).c_str());
    }

    void theReportPlotsTheWorkbenchsPoints_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<double>("scale");
        for (const auto& file : testing::exampleFiles())
            for (const double scale : {1.0, 10.0})
                QTest::newRow((file + " x" + std::to_string(int(scale))).c_str())
                    << QString::fromStdString(file) << scale;
    }
    void theReportPlotsTheWorkbenchsPoints() {
        QFETCH(QString, path);
        QFETCH(double, scale);
        const auto model = testing::readModelOrFail(path.toStdString());
        const auto result = checkExample(model, scale);
        plumb::ReportOptions options;
        options.analysis.scale = scale;
        options.today = "2026-01-01";
        const plumb::Report report = plumb::buildReport(model, plumb::builtinKnowledge(), options);
        const auto map = plumb::decisionMapData(model, plumb::builtinKnowledge(), result,
                                                plumb::MapVariant::Volume);
        QCOMPARE(report.decisionMap.points.size(), map.points.size());
        for (std::size_t i = 0; i < map.points.size(); ++i) {
            const auto &a = report.decisionMap.points[i], &b = map.points[i];
            QCOMPARE(a.id, b.id);
            QCOMPARE(a.x, b.x);
            QCOMPARE(a.y, b.y);
            QCOMPARE(a.worst, b.worst);
        }
        QCOMPARE(report.decisionMap.unplotted, map.unplotted);
        QCOMPARE(report.decisionMap.regions.size(), map.regions.size());
        QVERIFY(!map.points.empty());
        for (const auto& row : report.growth) {
            const auto g = plumb::growthData(model, plumb::builtinKnowledge(), result.analysis,
                                             row.store, plumb::Report::kGrowthMonths);
            QVERIFY(g);
            QCOMPARE(row.todayGB, g->volume[0].second);
            QCOMPARE(row.in12GB, g->volume[12].second);
            QCOMPARE(row.in24GB, g->volume[24].second);
            QCOMPARE(row.comfortableMonth, g->comfortableMonth);
        }
    }
};

QTEST_MAIN(TestChartData)
#include "tst_chart_data.moc"

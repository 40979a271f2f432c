// How numbers and model facts read in the tree and the summary.
#include "plumbline/ui/display_text.h"

#include <QTest>

using namespace plumb;
using namespace plumb::ui;

class TestDisplayText : public QObject {
    Q_OBJECT
private slots:
    void quantities_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("fraction") << 0.5 << "0.5";
        QTest::newRow("small") << 2.0 << "2";
        QTest::newRow("hundreds") << 800.0 << "800";
        QTest::newRow("thousands exact") << 1200.0 << "1200";
        QTest::newRow("ten thousands") << 12500.0 << "12.5k";
        QTest::newRow("hundred thousands") << 250000.0 << "250k";
        QTest::newRow("millions") << 3400000.0 << "3.4M";
        QTest::newRow("billions") << 2e9 << "2G";
        QTest::newRow("decimals") << 1.234 << "1.23";
    }
    void quantities() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(formatQuantity(value), text);
    }

    void flowRatesShowOnlyWhatWasEstimated() {
        Flow flow;
        flow.id = "f1";
        QCOMPARE(formatRates(flow), QString());
        flow.readsPerSecond = 800;
        flow.writesPerSecond = 120;
        QCOMPARE(formatRates(flow), QStringLiteral("800 r/s · 120 w/s"));
        flow.style = FlowStyle::Sync;
        flow.peakFactor = 3;
        QCOMPARE(flowDetails(flow), QStringLiteral("sync · 800 r/s · 120 w/s · peak ×3"));
    }

    void elementDetailsFollowTheKind() {
        Element service;
        service.kind = ElementKind::Service;
        service.instances = 6;
        service.connectionsPerInstance = 20;
        QCOMPARE(elementDetails(service), QStringLiteral("6 instances · 20 conn/instance"));

        Element store;
        store.kind = ElementKind::Store;
        store.data = DataProfile{};
        store.data->volumeGB = 40;
        store.data->structure = Structure::Relational;
        store.data->durability = Durability::Critical;
        QCOMPARE(elementDetails(store), QStringLiteral("40 GB · relational · critical"));
    }

    void countsNameEveryCollection() {
        Model model;
        model.elements.emplace_back();
        QCOMPARE(modelCounts(model), QStringLiteral("0 contexts · 1 element · 0 flows"));
        model.waivers.emplace_back();
        QVERIFY(modelCounts(model).endsWith(QStringLiteral("1 waiver")));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_display_text.moc"

// Numbers and units (units.h): one convention for every view and format.
#include "plumbline/units.h"

#include <QTest>
#include <limits>

using namespace plumb;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void numbersHaveSeparatorsAndNoTrailingZeros() {
        QCOMPARE(units::number(2400), std::string("2,400"));
        QCOMPARE(units::number(1234567.5, 1), std::string("1,234,567.5"));
        QCOMPARE(units::number(1.50), std::string("1.5"));
        QCOMPARE(units::number(0.25, 2), std::string("0.25"));
        QCOMPARE(units::number(-0.01, 1), std::string("0"));
        QCOMPARE(units::number(-2400), std::string("-2,400"));
        QCOMPARE(units::number(std::numeric_limits<double>::infinity()), std::string("—"));
    }

    // The canvas and the exported diagram show the same label: 1250 r/s is "1250" in both.
    void compactHasThreeSignificantDigits() {
        QCOMPARE(units::compact(800), std::string("800"));
        QCOMPARE(units::compact(1250), std::string("1250"));
        QCOMPARE(units::compact(9999), std::string("9999"));
        QCOMPARE(units::compact(12500), std::string("12.5k"));
        QCOMPARE(units::compact(125000), std::string("125k"));
        QCOMPARE(units::compact(3400000), std::string("3.4M"));
        QCOMPARE(units::compact(1.2e9), std::string("1.2G"));
        QCOMPARE(units::compact(0.5), std::string("0.5"));
        QCOMPARE(units::compact(12.345), std::string("12.3"));
        QCOMPARE(units::compact(0), std::string("0"));
        QCOMPARE(units::compact(0.004), std::string("0.004"));
        QCOMPARE(units::compact(-20000), std::string("-20k"));
        QCOMPARE(units::compact(std::numeric_limits<double>::quiet_NaN()), std::string("?"));
    }

    // One TB convention: decimal, as the research states its limits (1 TB = 1,000 GB).
    void sizesAreDecimal() {
        QCOMPARE(units::gigabytes(320), std::string("320 GB"));
        QCOMPARE(units::gigabytes(999), std::string("999 GB"));
        QCOMPARE(units::gigabytes(1000), std::string("1 TB"));
        QCOMPARE(units::gigabytes(1024), std::string("1 TB"));
        QCOMPARE(units::gigabytes(1500), std::string("1.5 TB"));
        QCOMPARE(units::gigabytes(2.5e6), std::string("2.5 PB"));
        QCOMPARE(units::gigabytes(0.512), std::string("512 MB"));
        QCOMPARE(units::gigabytes(std::nullopt), std::string("—"));
    }

    void ratesAndFlowLabels() {
        QCOMPARE(units::perSecond(2400), std::string("2,400/s"));
        QCOMPARE(units::perSecond(std::nullopt), std::string("—"));
        Flow f;
        QCOMPARE(units::flowRates(f), std::string());
        QCOMPARE(units::flowLabel(f), std::string());
        f.readsPerSecond = 1250;
        QCOMPARE(units::flowRates(f), std::string("1250 r/s"));
        f.writesPerSecond = 12500;
        QCOMPARE(units::flowRates(f), std::string("1250 r/s · 12.5k w/s"));
        f.style = FlowStyle::Sync;
        QCOMPARE(units::flowLabel(f), std::string("1250 r/s · 12.5k w/s"));
        f.style = FlowStyle::Async;
        QCOMPARE(units::flowLabel(f), std::string("1250 r/s · 12.5k w/s · async"));
        f.readsPerSecond.reset();
        f.writesPerSecond.reset();
        QCOMPARE(units::flowLabel(f), std::string("async"));
    }

    // The element's own TTL and retention win over its data profile's.
    void ttlAndRetentionFallBackToTheDataProfile() {
        Element e;
        QVERIFY(!e.effectiveTtlSeconds());
        e.data.emplace();
        e.data->ttlSeconds = 60;
        e.data->retentionDays = 7;
        QCOMPARE(e.effectiveTtlSeconds(), Number(60));
        QCOMPARE(e.effectiveRetentionDays(), Number(7));
        e.ttlSeconds = 300;
        e.retentionDays = 30;
        QCOMPARE(e.effectiveTtlSeconds(), Number(300));
        QCOMPARE(e.effectiveRetentionDays(), Number(30));
    }
};

QTEST_APPLESS_MAIN(TestUnits)
#include "tst_units.moc"

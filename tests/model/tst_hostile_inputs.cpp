// The hostile-input catalogue: inputs written to break a loader. Each must give a clear error
// naming the file and location, or load correctly, and never crash, hang or corrupt a round trip.
#include "model_helpers.h"
#include "plumbline/model_json.h"

#include <QTest>
#include <chrono>

using namespace plumb;

namespace {

std::string model(const std::string& elements) {
    return R"({"format":"plumbline-model","version":1,"elements":)" + elements + "}";
}

} // namespace

class TestHostileInputs : public QObject {
    Q_OBJECT
private slots:
    void refusedWithFileAndPath_data();
    void refusedWithFileAndPath();
    void hugeStringSurvivesRoundTrip();
    void controlCharactersSurviveRoundTrip();
    void manyElementsLoadInBoundedTime();
    void selfLoopsAndCyclesAreValidModels();
    void deepNestingInsideUnknownFieldsIsRefused();
};

void TestHostileInputs::refusedWithFileAndPath_data() {
    // Bytes, not QString: a QString would repair invalid UTF-8 before the reader saw it.
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const std::string& json, const char* path,
                  const char* expected) {
        QTest::newRow(name) << QByteArray::fromStdString(json) << QString(path)
                            << QString(expected);
    };
    row("NaN literal", model(R"([{"id":"a","kind":"store","data":{"volumeGB":NaN}}])"),
        "/elements/0/data/volumeGB", "not valid JSON");
    row("Infinity literal", model(R"([{"id":"a","kind":"store","data":{"volumeGB":Infinity}}])"),
        "/elements/0/data/volumeGB", "not valid JSON");
    row("1e400", model(R"([{"id":"a","kind":"store","data":{"volumeGB":1e400}}])"),
        "/elements/0/data/volumeGB", "finite number");
    row("-1e400", model(R"([{"id":"a","kind":"store","data":{"volumeGB":-1e400}}])"),
        "/elements/0/data/volumeGB", "finite number");
    row("number as string", model(R"([{"id":"a","kind":"service","instances":"3"}])"),
        "/elements/0/instances", "expected a number");
    row("null for object", model(R"([{"id":"a","kind":"store","data":null}])"), "/elements/0/data",
        "got null");
    row("null element", model("[null]"), "/elements/0", "got null");
    row("null elements", model("null"), "/elements", "expected an array");
    row("id of 5,000 characters",
        model(R"([{"id":")" + std::string(5000, 'i') + R"(","kind":"store"}])"), "/elements/0/id",
        "at most 128");
    row("id as number", model(R"([{"id":7,"kind":"store"}])"), "/elements/0/id", "got 7");
    row("unknown kind", model(R"([{"id":"a","kind":"mainframe"}])"), "/elements/0/kind",
        "expected one of");
    row("unknown enum in list", model(R"([{"id":"a","kind":"store","data":{"queries":["sql"]}}])"),
        "/elements/0/data/queries/0", "expected one of");
    row("invalid UTF-8",
        std::string(R"({"format":"plumbline-model","version":1,"name":"a)") + "\xC3\x28" + R"("})",
        "/name", "not valid JSON");
    row("lone surrogate escape", R"({"format":"plumbline-model","version":1,"name":"\uD800"})",
        "/name", "not valid JSON");
    row("raw control character",
        std::string(R"({"format":"plumbline-model","version":1,"name":"a)") + "\x01" + R"("})",
        "/name", "not valid JSON");
    row("trailing garbage", R"({"format":"plumbline-model","version":1} {"again":1})", "",
        "not valid JSON");
    row("duplicate across context and element",
        R"({"format":"plumbline-model","version":1,"contexts":[{"id":"x"}],"elements":[{"id":"x","kind":"store"}]})",
        "/elements/0/id", "already used at /contexts/0");
    row("duplicate flow id",
        model(R"([{"id":"a","kind":"store"}],"flows":[{"id":"a","from":"a","to":"a"}])"),
        "/flows/0/id", "already used");
    row("200,000-deep nesting", std::string(200000, '[') + std::string(200000, ']'), "",
        "nesting deeper than");
}

void TestHostileInputs::refusedWithFileAndPath() {
    QFETCH(QByteArray, json);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    auto result = readModelJson(json.toStdString(), "hostile.json");
    QVERIFY(!result.ok());
    QVERIFY(!result.errors.empty());
    QCOMPARE(QString::fromStdString(result.errors[0].file), QString("hostile.json"));
    QCOMPARE(QString::fromStdString(result.errors[0].path), path);
    QVERIFY2(QString::fromStdString(result.errors[0].message).contains(expected),
             result.errors[0].toString().c_str());
}

void TestHostileInputs::hugeStringSurvivesRoundTrip() {
    const std::string description(100 * 1000 * 1000, 'd');
    const std::string json =
        R"({"format":"plumbline-model","version":1,"description":")" + description + R"("})";
    auto result = readModelJson(json, "big.json");
    QVERIFY(result.ok());
    QCOMPARE(result.model->description->size(), description.size());
    auto again = readModelJson(writeModelJson(*result.model), "again.json");
    QVERIFY(again.ok() && *again.model == *result.model);
}

void TestHostileInputs::controlCharactersSurviveRoundTrip() {
    auto result = readModelJson(
        model(
            R"([{"id":"a\u0000b","name":"tab\there\u001b[31m red \u2028 \ud83d\ude00","kind":"store"}])"),
        "ctl.json");
    QVERIFY2(result.ok(), result.ok() ? "" : result.errors[0].toString().c_str());
    QCOMPARE(result.model->elements[0].id, std::string("a\0b", 3));
    auto again = readModelJson(writeModelJson(*result.model), "again.json");
    QVERIFY(again.ok() && *again.model == *result.model);
}

void TestHostileInputs::manyElementsLoadInBoundedTime() {
    std::string json = R"({"format":"plumbline-model","version":1,"elements":[)";
    const int count = 200000;
    for (int i = 0; i < count; ++i) {
        if (i) json += ',';
        json += R"({"id":"e)" + std::to_string(i) + R"(","kind":"store","data":{"volumeGB":)" +
                std::to_string(i % 97) + "}}";
    }
    json += "]}";
    const auto start = std::chrono::steady_clock::now();
    auto result = readModelJson(json, "many.json");
    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    QVERIFY(result.ok());
    QCOMPARE(result.model->elements.size(), std::size_t(count));
    qInfo("200,000 elements read in %.2f s", seconds);
    // Not asserted: a hang is caught by CTest's timeout, and speed is the benchmarks' business.
}

void TestHostileInputs::selfLoopsAndCyclesAreValidModels() {
    auto result = readModelJson(model(R"([{"id":"a","kind":"service"},{"id":"b","kind":"service"}],
        "flows":[{"id":"loop","from":"a","to":"a"},{"id":"ab","from":"a","to":"b"},{"id":"ba","from":"b","to":"a"}])"),
                                "cycle.json");
    QVERIFY(result.ok());
    QCOMPARE(result.model->flows.size(), std::size_t{3});
}

void TestHostileInputs::deepNestingInsideUnknownFieldsIsRefused() {
    std::string nested;
    for (int i = 0; i < 1000; ++i)
        nested += R"({"x":)";
    nested += "1" + std::string(1000, '}');
    auto result = readModelJson(
        R"({"format":"plumbline-model","version":1,"x-extra":)" + nested + "}", "nested.json");
    QVERIFY(!result.ok());
    QVERIFY(result.errors[0].line.has_value());
    QVERIFY(QString::fromStdString(result.errors[0].message).contains("nesting deeper"));
}

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostile_inputs.moc"

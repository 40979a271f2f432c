// The JSON interchange format: lossless round trips and a clear error for every bad input.
#include "model_helpers.h"
#include "plumbline/json_parse.h"
#include "plumbline/model_json.h"

#include <QTest>

using namespace plumb;

class TestModelJson : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsIdentical_data();
    void roundTripIsIdentical();
    void unknownFieldsSurviveAtEveryLevel();
    void readsTheContractFields();
    void inputErrorsNameFileAndPath_data();
    void inputErrorsNameFileAndPath();
    void hostileFilesGiveClearErrors_data();
    void hostileFilesGiveClearErrors();
    void collectsEveryError();
    void olderVersionsAreMigrated();
    void missingMigrationIsAnError();
    void wholeNumbersStayWhole();
};

void TestModelJson::roundTripIsIdentical_data() {
    QTest::addColumn<QString>("path");
    for (const auto& file : testing::exampleFiles())
        QTest::newRow(file.c_str()) << QString::fromStdString(file);
    QTest::newRow("unknown-fields")
        << QString::fromStdString(testing::dataPath("model/unknown-fields.json"));
}

void TestModelJson::roundTripIsIdentical() {
    QFETCH(QString, path);
    const std::string original = testing::readText(path.toStdString());
    auto first = readModelJson(original, path.toStdString());
    QVERIFY2(first.ok(), first.ok() ? "" : first.errors.front().toString().c_str());
    const std::string written = writeModelJson(*first.model);
    QVERIFY(testing::sameJson(original, written));
    auto second = readModelJson(written, "again");
    QVERIFY(second.ok());
    QVERIFY(*second.model == *first.model);
    QCOMPARE(writeModelJson(*second.model), written); // stable, byte for byte
}

void TestModelJson::unknownFieldsSurviveAtEveryLevel() {
    const Model m = testing::readModelOrFail(testing::dataPath("model/unknown-fields.json"));
    QCOMPARE(m.extra["x-generator"]["build"].get<int>(), 42);
    QCOMPARE(m.contexts.at(0).extra["x-owner"].get<std::string>(), std::string("ana"));
    QCOMPARE(m.elements.at(0).extra["x-runtime"].get<std::string>(), std::string("jvm"));
    QCOMPARE(m.elements.at(1).data->extra["x-backup"].get<std::string>(), std::string("daily"));
    QCOMPARE(m.flows.at(0).extra["x-latency-ms"].get<int>(), 12);
    QCOMPARE(m.waivers.at(0).extra["x-ticket"].get<std::string>(), std::string("ARCH-12"));
    QCOMPARE(m.layout.at(0).extra["x-colour"].get<std::string>(), std::string("#aabbcc"));
    // An empty name and an empty list are kept as such, not dropped as "missing".
    QVERIFY(m.elements.at(1).name.has_value());
    QVERIFY(m.elements.at(1).tags.has_value() && m.elements.at(1).tags->empty());
}

void TestModelJson::readsTheContractFields() {
    const Model m = testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
    const Element* db = m.findElement("orders-db");
    QVERIFY(db && db->data);
    QCOMPARE(db->kind, ElementKind::Store);
    QCOMPARE(*db->technology, std::string("postgresql"));
    QCOMPARE(*db->data->volumeGB, 320.0);
    QCOMPARE(*db->data->durability, Durability::Critical);
    QCOMPARE(db->data->queries->size(), std::size_t{4});
    const Flow* f = m.findFlow("orders-rw");
    QVERIFY(f);
    QCOMPARE(*f->style, FlowStyle::Sync);
    QCOMPARE(*f->peakFactor, 3.0);
    const Element* stream = m.findElement("order-events");
    QCOMPARE(*stream->partitions, 12.0);
    QCOMPARE(*stream->keyed, true);
    QVERIFY(!m.findElement("shoppers")->data); // not estimated is not zero
}

namespace {
// A minimal valid model with one replacement spliced in, so each case changes one thing.
QString withElements(const std::string& elements, const std::string& rest = "") {
    return QString::fromStdString(
        R"({"format":"plumbline-model","version":1,"contexts":[{"id":"c1"}],"elements":)" +
        elements + rest + "}");
}
const std::string kTwo = R"([{"id":"a","kind":"service"},{"id":"b","kind":"store"}])";
} // namespace

void TestModelJson::inputErrorsNameFileAndPath_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, const QString& json, const QString& path,
                  const QString& expected) { QTest::newRow(name) << json << path << expected; };
    row("not an object", "[1,2]", "", "expected a Plumbline model");
    row("wrong format", R"({"format":"drawio","version":1})", "/format",
        "expected \"plumbline-model\"");
    row("newer version", R"({"format":"plumbline-model","version":7})", "/version",
        "newer than this Plumbline");
    row("version as text", R"({"format":"plumbline-model","version":"1"})", "/version", "integer");
    row("elements not array", withElements("{}"), "/elements", "expected an array");
    row("element not object", withElements("[3]"), "/elements/0", "an object");
    row("missing id", withElements(R"([{"kind":"store"}])"), "/elements/0", "missing \"id\"");
    row("missing kind", withElements(R"([{"id":"a"}])"), "/elements/0", "missing \"kind\"");
    row("unknown kind", withElements(R"([{"id":"a","kind":"database"}])"), "/elements/0/kind",
        "expected one of actor, service");
    row("negative volume", withElements(R"([{"id":"a","kind":"store","data":{"volumeGB":-5}}])"),
        "/elements/0/data/volumeGB", "non-negative number, got -5");
    row("infinite number", withElements(R"([{"id":"a","kind":"store","data":{"volumeGB":1e400}}])"),
        "/elements/0/data/volumeGB", "finite number");
    row("number as string", withElements(R"([{"id":"a","kind":"store","data":{"volumeGB":"12"}}])"),
        "/elements/0/data/volumeGB", "expected a number, got the string \"12\"");
    row("null for number", withElements(R"([{"id":"a","kind":"service","instances":null}])"),
        "/elements/0/instances", "got null");
    row("fractional instances", withElements(R"([{"id":"a","kind":"service","instances":2.5}])"),
        "/elements/0/instances", "whole number");
    row("unknown structure",
        withElements(R"([{"id":"a","kind":"store","data":{"structure":"tabular"}}])"),
        "/elements/0/data/structure", "relational, document");
    row("unknown query kind",
        withElements(R"([{"id":"a","kind":"store","data":{"queries":["key","fuzzy"]}}])"),
        "/elements/0/data/queries/1", "expected one of key");
    row("unknown hosting",
        withElements(R"([{"id":"a","kind":"store","data":{"hosting":"cloud"}}])"),
        "/elements/0/data/hosting", "network-filesystem");
    row("data not object", withElements(R"([{"id":"a","kind":"store","data":[]}])"),
        "/elements/0/data", "an object");
    row("tags not strings", withElements(R"([{"id":"a","kind":"store","tags":["x",1]}])"),
        "/elements/0/tags/1", "expected a string");
    row("keyed not bool", withElements(R"([{"id":"a","kind":"stream","keyed":"yes"}])"),
        "/elements/0/keyed", "true or false");
    row("duplicate id", withElements(R"([{"id":"a","kind":"store"},{"id":"a","kind":"cache"}])"),
        "/elements/1/id", "already used at /elements/0");
    row("id shared with context", withElements(R"([{"id":"c1","kind":"store"}])"), "/elements/0/id",
        "already used at /contexts/0");
    row("empty id", withElements(R"([{"id":"","kind":"store"}])"), "/elements/0/id",
        "non-empty id");
    row("id too long",
        withElements(R"([{"id":")" + std::string(129, 'x') + R"(","kind":"store"}])"),
        "/elements/0/id", "at most 128 characters");
    row("unknown context", withElements(R"([{"id":"a","kind":"store","context":"nowhere"}])"),
        "/elements/0/context", "no context \"nowhere\"");
    row("flow from unknown", withElements(kTwo, R"(,"flows":[{"id":"f","from":"zz","to":"b"}])"),
        "/flows/0/from", "no element \"zz\"");
    row("flow to unknown", withElements(kTwo, R"(,"flows":[{"id":"f","from":"a","to":"zz"}])"),
        "/flows/0/to", "no element \"zz\"");
    row("flow without to", withElements(kTwo, R"(,"flows":[{"id":"f","from":"a"}])"), "/flows/0",
        "missing \"to\"");
    row("flow style",
        withElements(kTwo, R"(,"flows":[{"id":"f","from":"a","to":"b","style":"rpc"}])"),
        "/flows/0/style", "sync, async, replication, cdc, batch");
    row("negative rate",
        withElements(kTwo, R"(,"flows":[{"id":"f","from":"a","to":"b","writesPerSecond":-1}])"),
        "/flows/0/writesPerSecond", "non-negative");
    row("waiver unknown element", withElements(kTwo, R"(,"waivers":[{"rule":"r","element":"zz"}])"),
        "/waivers/0/element", "none called \"zz\"");
    row("waiver bad date",
        withElements(kTwo, R"(,"waivers":[{"rule":"r","element":"a","expires":"next year"}])"),
        "/waivers/0/expires", "YYYY-MM-DD");
    row("rule setting value", withElements(kTwo, R"(,"ruleSettings":{"x/y":"loud"})"),
        "/ruleSettings/x~1y", "off, info, warning, error");
    row("layout unknown id", withElements(kTwo, R"(,"layout":{"ghost":{"x":1,"y":2}})"),
        "/layout/ghost", "none called \"ghost\"");
    row("layout negative size", withElements(kTwo, R"(,"layout":{"a":{"x":-10,"y":2,"width":-3}})"),
        "/layout/a/width", "non-negative");
}

void TestModelJson::inputErrorsNameFileAndPath() {
    QFETCH(QString, json);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    auto result = readModelJson(json.toStdString(), "bad.json");
    QVERIFY(!result.ok());
    const InputError& e = result.errors.front();
    QCOMPARE(QString::fromStdString(e.file), QString("bad.json"));
    QCOMPARE(QString::fromStdString(e.path), path);
    QVERIFY2(QString::fromStdString(e.message).contains(expected), e.toString().c_str());
    QVERIFY(QString::fromStdString(e.toString()).startsWith("bad.json: "));
}

void TestModelJson::hostileFilesGiveClearErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << QString("model/truncated.json") << QString("not valid JSON");
    QTest::newRow("empty") << QString("model/empty.json") << QString("the file is empty");
    QTest::newRow("not json") << QString("model/not-json.txt") << QString("not valid JSON");
    QTest::newRow("100,000 deep") << QString("model/deep-nesting.json")
                                  << QString("nesting deeper than");
    QTest::newRow("invalid utf-8")
        << QString("model/invalid-utf8.json") << QString("not valid JSON");
}

void TestModelJson::hostileFilesGiveClearErrors() {
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const std::string path = testing::dataPath(file.toStdString());
    auto result = readModelJson(testing::readText(path), path);
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), std::size_t{1});
    QVERIFY2(QString::fromStdString(result.errors[0].message).contains(expected),
             result.errors[0].toString().c_str());
    if (file != "model/empty.json")
        QVERIFY(result.errors[0].line.has_value()); // syntax errors say where
}

void TestModelJson::collectsEveryError() {
    auto result = readModelJson(
        withElements(R"([{"id":"a","kind":"x"},{"id":"b","kind":"store","data":{"volumeGB":-1}}])")
            .toStdString(),
        "m.json");
    QCOMPARE(result.errors.size(), std::size_t{2});
    QCOMPARE(result.errors[0].path, std::string("/elements/0/kind"));
    QCOMPARE(result.errors[1].path, std::string("/elements/1/data/volumeGB"));
}

void TestModelJson::olderVersionsAreMigrated() {
    ModelReadOptions options;
    // A hypothetical version 0 called elements "nodes": the migration renames them.
    options.migrations[0] = [](Json& doc) {
        doc["elements"] = doc["nodes"];
        doc.erase("nodes");
    };
    auto result = readModelJson(
        R"({"format":"plumbline-model","version":0,"nodes":[{"id":"a","kind":"store"}]})",
        "old.json", options);
    QVERIFY2(result.ok(), result.ok() ? "" : result.errors.front().toString().c_str());
    QCOMPARE(result.model->elements.size(), std::size_t{1});
    QVERIFY(result.model->extra.empty());
}

void TestModelJson::missingMigrationIsAnError() {
    auto result = readModelJson(R"({"format":"plumbline-model","version":0})", "old.json");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors[0].path, std::string("/version"));
}

void TestModelJson::wholeNumbersStayWhole() {
    auto result = readModelJson(
        withElements(
            R"([{"id":"a","kind":"service","instances":4},{"id":"b","kind":"store","data":{"volumeGB":0.25}}])")
            .toStdString(),
        "m.json");
    QVERIFY(result.ok());
    const std::string out = writeModelJson(*result.model, -1);
    QVERIFY(out.find("\"instances\":4,") != std::string::npos ||
            out.find("\"instances\":4}") != std::string::npos);
    QVERIFY(out.find("\"volumeGB\":0.25") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestModelJson)
#include "tst_model_json.moc"

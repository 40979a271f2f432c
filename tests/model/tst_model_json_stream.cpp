// The model reader reads a valid model straight from SAX events and hands anything unusual to
// the whole-document reader (#16): both must give the same models and the same errors.
#include "model_helpers.h"
#include "plumbline/json_parse.h"
#include "plumbline/model_files.h"
#include "plumbline/model_json.h"

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>

using namespace plumb;

namespace {

ModelReadResult read(const std::string& text) {
    return readModelJson(text, "m.json");
}

std::string errorsOf(const ModelReadResult& result) {
    std::string out;
    for (const auto& e : result.errors)
        out += e.toString() + "\n";
    return out;
}

// Every model file the tests know: examples, test data, fuzz seeds and fuzz regressions.
std::vector<std::string> modelFiles() {
    namespace fs = std::filesystem;
    std::vector<std::string> files = testing::exampleFiles();
    const fs::path root(PLUMBLINE_SOURCE_DIR);
    for (const fs::path& dir :
         {root / "tests/data/model", root / "tests/data/report",
          root / "tests/fuzz/corpus/model_json", root / "tests/fuzz/regressions/model_json"}) {
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(dir, error))
            if (entry.is_regular_file()) files.push_back(entry.path().string());
    }
    return files;
}

} // namespace

class TestModelJsonStream : public QObject {
    Q_OBJECT
private slots:
    void sameResultAsTheWholeDocumentReader_data();
    void sameResultAsTheWholeDocumentReader();
    void keepsUnknownFieldsAtEveryLevelInOrder();
    void repeatedTopLevelKeyTakesTheLastValue();
    void repeatedLayoutKeyTakesTheLastValue();
    void listsInAnyOrderAndLayoutBeforeElements();
    void errorsAfterValidItemsAreReported();
    void wrongTopLevelShapesAreReported_data();
    void wrongTopLevelShapesAreReported();
    void readsFilesWhole();
    void declaredModelSkipsFormatDetection();
};

void TestModelJsonStream::sameResultAsTheWholeDocumentReader_data() {
    QTest::addColumn<QString>("path");
    for (const auto& file : modelFiles())
        QTest::newRow(file.c_str()) << QString::fromStdString(file);
    QVERIFY(modelFiles().size() > 10);
}

void TestModelJsonStream::sameResultAsTheWholeDocumentReader() {
    QFETCH(QString, path);
    const std::string text = testing::readText(path.toStdString());
    ModelReadOptions dom;
    dom.streamed = false;
    const auto streamed = readModelJson(text, "m.json");
    const auto whole = readModelJson(text, "m.json", dom);
    QCOMPARE(errorsOf(streamed), errorsOf(whole));
    QCOMPARE(streamed.ok(), whole.ok());
    if (streamed.ok()) QVERIFY(*streamed.model == *whole.model);
}

void TestModelJsonStream::keepsUnknownFieldsAtEveryLevelInOrder() {
    const std::string text = R"({"format": "plumbline-model", "x-b": {"n": [1, {"deep": null}]},
        "elements": [{"id": "a", "kind": "store", "x-z": 1, "data": {"volumeGB": 2, "x-d": "d"},
                      "x-a": [true]}],
        "x-a": "top", "layout": {"a": {"x": 1, "y": 2, "x-l": {}}}, "version": 1})";
    auto result = read(text);
    QVERIFY2(result.ok(), errorsOf(result).c_str());
    const Model& m = *result.model;
    QCOMPARE(m.extra.dump(), std::string(R"({"x-b":{"n":[1,{"deep":null}]},"x-a":"top"})"));
    QCOMPARE(m.elements.at(0).extra.dump(), std::string(R"({"x-z":1,"x-a":[true]})"));
    QCOMPARE(m.elements.at(0).data->extra.dump(), std::string(R"({"x-d":"d"})"));
    QCOMPARE(m.layout.at(0).extra.dump(), std::string(R"({"x-l":{}})"));
    QVERIFY(m.present.elements && m.present.layout && !m.present.flows);
}

void TestModelJsonStream::repeatedTopLevelKeyTakesTheLastValue() {
    auto result = read(R"({"elements": [{"id": "a", "kind": "store"}], "name": "n",
                           "elements": [{"id": "b", "kind": "queue"}]})");
    QVERIFY2(result.ok(), errorsOf(result).c_str());
    QCOMPARE(result.model->elements.size(), std::size_t{1});
    QCOMPARE(result.model->elements[0].id, std::string("b"));
}

void TestModelJsonStream::repeatedLayoutKeyTakesTheLastValue() {
    auto result = read(R"({"elements": [{"id": "a", "kind": "store"}, {"id": "b", "kind": "store"}],
                           "layout": {"a": {"x": 1}, "b": {"x": 2}, "a": {"x": 3}}})");
    QVERIFY2(result.ok(), errorsOf(result).c_str());
    QCOMPARE(result.model->layout.size(), std::size_t{2});
    QCOMPARE(result.model->layout[0].id, std::string("a"));
    QCOMPARE(*result.model->layout[0].x, 3.0);
}

void TestModelJsonStream::listsInAnyOrderAndLayoutBeforeElements() {
    auto result = read(R"({"layout": {"s": {"x": 0, "y": 0}}, "flows": [{"id": "f", "from": "s",
                           "to": "s"}], "elements": [{"id": "s", "kind": "service",
                           "context": "c"}], "contexts": [{"id": "c"}]})");
    QVERIFY2(result.ok(), errorsOf(result).c_str());
    QCOMPARE(result.model->flows.at(0).to, std::string("s"));
    QCOMPARE(result.model->contexts.at(0).id, std::string("c"));
    QCOMPARE(writeModelJson(*result.model),
             writeModelJson(*read(writeModelJson(*result.model)).model));
}

void TestModelJsonStream::errorsAfterValidItemsAreReported() {
    // Valid items first, then problems in two lists (flows first in the file): every error,
    // in the reader's order (elements before flows), each with its path.
    auto result = read(R"({"flows": [{"id": "f", "from": "a", "to": "a", "payloadKB": -1}],
                           "elements": [{"id": "a", "kind": "store"}, {"id": "b", "kind": 5}]})");
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), std::size_t{2});
    QCOMPARE(result.errors[0].path, std::string("/elements/1/kind"));
    QVERIFY(result.errors[0].message.starts_with("expected one of "));
    QVERIFY(result.errors[0].message.ends_with(", got 5"));
    QCOMPARE(result.errors[1].toString(),
             std::string("m.json: /flows/0/payloadKB: expected a non-negative number, got -1"));
}

void TestModelJsonStream::wrongTopLevelShapesAreReported_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("array root") << "[1]"
                                << "m.json: expected a Plumbline model (an object), got an array";
    QTest::newRow("elements not an array") << R"({"elements": {"a": 1}})"
                                           << "m.json: /elements: expected an array, got an object";
    QTest::newRow("layout an array")
        << R"({"layout": []})"
        << "m.json: /layout: expected the layout (an object), got an array";
    QTest::newRow("name a number") << R"({"name": 3})"
                                   << "m.json: /name: expected a string, got 3";
    QTest::newRow("newer version")
        << R"({"elements": [], "version": 99})"
        << "m.json: /version: this model is format version 99, newer than this Plumbline "
           "understands (up to 1); update Plumbline to open it";
    QTest::newRow("other format last")
        << R"({"elements": [], "format": "other"})"
        << "m.json: /format: expected \"plumbline-model\", got the string \"other\"";
}

void TestModelJsonStream::wrongTopLevelShapesAreReported() {
    QFETCH(QString, text);
    QFETCH(QString, error);
    auto result = read(text.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(errorsOf(result)), error + "\n");
}

void TestModelJsonStream::readsFilesWhole() {
    // Regular files are read into a string of their size; other files are streamed.
    QTemporaryDir dir;
    const std::string path = dir.filePath("bytes.json").toStdString();
    std::string bytes(100000, 'x');
    bytes[5] = '\0';
    bytes.back() = '\n';
    std::ofstream(path, std::ios::binary) << bytes;
    std::string read;
    QVERIFY(!readFileBytes(path, read));
    QVERIFY(read == bytes);
    QVERIFY(!readFileBytes("/dev/null", read));
    QVERIFY(read.empty());
    const auto missing = readFileBytes(dir.filePath("missing.json").toStdString(), read);
    QVERIFY(missing);
    QCOMPARE(missing->message, std::string("cannot open the file for reading"));
}

void TestModelJsonStream::declaredModelSkipsFormatDetection() {
    // Opening with "format": "plumbline-model" goes straight to the model reader (#16: the
    // other formats' detection scanned the whole file); without it, detection decides.
    QTemporaryDir dir;
    const std::string body = R"("otmVersion": "0.2.0", "elements": [{"id": "a", "kind": "store"}])";
    const std::string declared = dir.filePath("declared.json").toStdString();
    std::ofstream(declared) << "\xEF\xBB\xBF {\n  \"format\" : \"plumbline-model\", " << body
                            << "}";
    auto loaded = loadAnyModel(declared, nullptr);
    QVERIFY2(loaded.ok(), loaded.errors.empty() ? "" : loaded.errors.front().toString().c_str());
    QVERIFY(!loaded.import);
    QCOMPARE(loaded.project->model.elements.at(0).id, std::string("a"));
    const std::string otm = dir.filePath("otm.json").toStdString();
    std::ofstream(otm) << "{" << body << R"(, "format": "plumbline-model"})";
    loaded = loadAnyModel(otm, nullptr);
    QVERIFY(loaded.import || !loaded.errors.empty()); // read as OTM, not as a model
}

QTEST_GUILESS_MAIN(TestModelJsonStream)
#include "tst_model_json_stream.moc"

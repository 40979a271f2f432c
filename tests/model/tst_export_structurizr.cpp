// Export to Structurizr DSL: every bundled example written as workspace.dsl and read back is the
// same model (ignoring the `source` note the import adds and the order of elements, which the
// DSL groups by context); the file carries the workload numbers as plumbline.* properties.
#include "model_helpers.h"
#include "plumbline/interop/structurizr.h"
#include "plumbline/interop/structurizr_dsl_writer.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <QtTest>
#include <algorithm>

using namespace plumb;
using namespace plumb::interop;

namespace {

Model normalised(Model m) {
    for (Context& c : m.contexts)
        c.extra.erase("source");
    for (Element& e : m.elements)
        e.extra.erase("source");
    for (Flow& f : m.flows)
        f.extra.erase("source");
    std::stable_sort(m.elements.begin(), m.elements.end(),
                     [](const Element& a, const Element& b) { return a.id < b.id; });
    return m;
}

void expectRoundTrip(const Model& model, const KnowledgeBase* knowledge) {
    const std::string dsl = writeStructurizrDsl(model);
    QVERIFY(isStructurizrDsl(dsl));
    const ImportResult back = readStructurizrDsl({"export.dsl", dsl, knowledge});
    QVERIFY2(
        back.ok(),
        (back.errors.empty() ? std::string() : back.errors[0].toString() + "\n" + dsl).c_str());
    const Model a = normalised(model);
    const Model b = normalised(*back.model);
    if (!(a == b)) {
        const std::string left = writeModelJson(a), right = writeModelJson(b);
        QCOMPARE(QString::fromStdString(right), QString::fromStdString(left));
    }
    QVERIFY(a == b);
}

} // namespace

class TestExportStructurizr : public QObject {
    Q_OBJECT

private slots:
    void everyExampleRoundTrips_data() {
        QTest::addColumn<QString>("file");
        for (const std::string& file : testing::exampleFiles())
            QTest::newRow(file.substr(file.rfind('/') + 1).c_str()) << QString::fromStdString(file);
    }

    void everyExampleRoundTrips() {
        QFETCH(QString, file);
        const Model model = testing::readModelOrFail(file.toStdString());
        expectRoundTrip(model, &builtinKnowledge());
        expectRoundTrip(model, nullptr);
    }

    void exportCarriesNumbersTagsAndStyles() {
        const Model model =
            testing::readModelOrFail(testing::examplePath("ecommerce-platform.json"));
        const std::string dsl = writeStructurizrDsl(model);
        QVERIFY(dsl.find("\"plumbline.volumeGB\"") != std::string::npos);
        QVERIFY(dsl.find("\"plumbline.readsPerSecond\"") != std::string::npos);
        QVERIFY(dsl.find("\"plumbline.style\" \"async\"") != std::string::npos);
        QVERIFY(dsl.find("\"Database\"") != std::string::npos);
        QVERIFY(dsl.find("= softwareSystem") != std::string::npos);
        QVERIFY(dsl.find("= person") != std::string::npos);
    }

    void awkwardIdsAndFieldsRoundTrip() {
        const std::string json =
            testing::readText(testing::dataPath("structurizr/awkward-model.json"));
        const ModelReadResult read = readModelJson(json, "odd.json");
        QVERIFY2(read.ok(), read.errors.empty() ? "" : read.errors[0].toString().c_str());
        expectRoundTrip(*read.model, &builtinKnowledge());
    }
};

QTEST_GUILESS_MAIN(TestExportStructurizr)
#include "tst_export_structurizr.moc"

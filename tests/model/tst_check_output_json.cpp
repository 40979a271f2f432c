// `check --format json` is written one finding at a time by its own writer (#16); it must give
// the very bytes dump(2) gives for the whole document, escapes and numbers included.
#include "model_helpers.h"
#include "plumbline/check_output.h"
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"

#include <QTest>
#include <sstream>

using namespace plumb;

namespace {

std::string streamed(const CheckReport& report) {
    std::ostringstream out;
    writeCheckJson(out, report);
    return out.str();
}

} // namespace

class TestCheckOutputJson : public QObject {
    Q_OBJECT
private slots:
    void examplesAreWrittenAsDumpWouldWriteThem_data();
    void examplesAreWrittenAsDumpWouldWriteThem();
    void escapesAndNumbersAreWrittenAsDumpWouldWriteThem();
    void invalidUtf8IsRefusedAsDumpRefusesIt();
};

void TestCheckOutputJson::examplesAreWrittenAsDumpWouldWriteThem_data() {
    QTest::addColumn<QString>("path");
    for (const auto& file : testing::exampleFiles())
        QTest::newRow(file.c_str()) << QString::fromStdString(file);
}

void TestCheckOutputJson::examplesAreWrittenAsDumpWouldWriteThem() {
    QFETCH(QString, path);
    auto read = readModelJson(testing::readText(path.toStdString()), path.toStdString());
    QVERIFY(read.ok());
    const KnowledgeBase& kb = builtinKnowledge();
    for (double horizon : {0.0, 24.0}) { // with a horizon, stores show volumeAtHorizonGB
        CheckOptions options;
        options.analysis.horizonMonths = horizon;
        const CheckResult result = check(*read.model, kb, options);
        QVERIFY(!result.findings.empty());
        const CheckReport report{*read.model, kb, result, options.analysis, "m.json", "", "1.0"};
        const std::string written = streamed(report);
        QCOMPARE(written, checkToJson(report).dump(2));
        QVERIFY(written.find("\"fit\"") != std::string::npos);
        QVERIFY(horizon == 0 || written.find("\"volumeAtHorizonGB\"") != std::string::npos);
    }
}

void TestCheckOutputJson::escapesAndNumbersAreWrittenAsDumpWouldWriteThem() {
    Model model;
    model.name = "quote \" backslash \\ tab \t newline \n bell \x07 unit \x1f del \x7f";
    CheckResult result;
    Finding f;
    f.rule = "r\b\f\r";
    f.element = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xA6"; // café — 📦
    f.title = "\"quoted\"";
    f.message = "mixed \xC3\xBC and \x01 control";
    f.rationale = "";
    f.evidence = {{"tenth", FactValue(0.1)},
                  {"big", FactValue(1e20)},
                  {"negative", FactValue(-3.5)},
                  {"tiny", FactValue(1e-7)},
                  {"whole", FactValue(12.0)},
                  {"flag", FactValue(true)},
                  {"list", FactValue(std::vector<std::string>{"a\"b", "\xC3\xA9"})},
                  {"empty list", FactValue(std::vector<std::string>{})},
                  {"text", FactValue(std::string("\\"))}};
    f.alternatives = {"x"};
    f.missing = {"volumeGB"};
    f.thresholds = {{"p\"", -1.25, "ms", {}}};
    f.waived = true;
    f.waiverExpired = true;
    f.waiverReason = "until \xE2\x82\xAC";
    result.findings = {f, Finding{}};
    const CheckReport report{model, builtinKnowledge(), result, {}, "m.json", "", "1.0"};
    QCOMPARE(streamed(report), checkToJson(report).dump(2));
}

void TestCheckOutputJson::invalidUtf8IsRefusedAsDumpRefusesIt() {
    Model model;
    CheckResult result;
    Finding f;
    f.message = "cut \xC3";
    result.findings = {f};
    const CheckReport report{model, builtinKnowledge(), result, {}, "m.json", "", "1.0"};
    QVERIFY_THROWS_EXCEPTION(Json::type_error, (void)checkToJson(report).dump(2));
    QVERIFY_THROWS_EXCEPTION(Json::type_error, (void)streamed(report));
}

QTEST_GUILESS_MAIN(TestCheckOutputJson)
#include "tst_check_output_json.moc"

// The rule condition language: what parses, what is refused (and where), and the
// three-valued evaluation table.
#include "plumbline/conditions.h"

#include <QtTest>

using namespace plumb;

namespace {

Condition parsed(const char* text) {
    std::vector<InputError> errors;
    auto condition = parseCondition(Json::parse(text), "rules.json", "/rules/0/when", errors);
    if (!condition) qFatal("did not parse: %s: %s", text, errors.front().toString().c_str());
    return *condition;
}

Facts sampleFacts() {
    Facts facts;
    facts.set("writesPerSecond", 2000.0);
    facts.set("writers", 20.0);
    facts.set("envelope.writesPerSecond.max", 1000.0);
    facts.set("envelope.volumeGB.max", 100.0);
    facts.set("volumeGB", 85.0);
    facts.set("technology", std::string("sqlite"));
    facts.set("hosting", std::string("serverless"));
    facts.set("queries", std::vector<std::string>{"key", "full-text"});
    facts.set("envelope.queries", std::vector<std::string>{"key", "range", "join"});
    facts.set("pooled", false);
    return facts;
}

} // namespace

class TestConditions : public QObject {
    Q_OBJECT

private slots:
    void evaluates_data() {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("expected"); // Truth as int
        QTest::addColumn<QString>("missing");
        const int T = int(Truth::True), F = int(Truth::False), U = int(Truth::Unknown);
        QTest::newRow("gt true") << R"({"fact":"writesPerSecond","gt":1000})" << T << "";
        QTest::newRow("gt false") << R"({"fact":"writesPerSecond","gt":5000})" << F << "";
        QTest::newRow("gte equal") << R"({"fact":"writers","gte":20})" << T << "";
        QTest::newRow("lt") << R"({"fact":"writers","lt":20})" << F << "";
        QTest::newRow("lte") << R"({"fact":"writers","lte":20})" << T << "";
        QTest::newRow("unknown fact")
            << R"({"fact":"readsPerSecond","gt":10})" << U << "readsPerSecond";
        QTest::newRow("above the envelope's write band")
            << R"({"fact":"writesPerSecond","gt":{"envelope":"writesPerSecond.max"}})" << T << "";
        QTest::newRow("times scales the reference")
            << R"({"fact":"volumeGB","gt":{"envelope":"volumeGB.max","times":0.8}})" << T << "";
        QTest::newRow("times below")
            << R"({"fact":"volumeGB","gt":{"envelope":"volumeGB.max","times":0.9}})" << F << "";
        QTest::newRow("unknown reference")
            << R"({"fact":"volumeGB","gt":{"envelope":"vectors.max"}})" << U
            << "envelope.vectors.max";
        QTest::newRow("fact reference")
            << R"({"fact":"writesPerSecond","gt":{"fact":"writers"}})" << T << "";
        QTest::newRow("eq string") << R"({"fact":"technology","eq":"sqlite"})" << T << "";
        QTest::newRow("ne string") << R"({"fact":"technology","ne":"sqlite"})" << F << "";
        QTest::newRow("eq bool") << R"({"fact":"pooled","eq":false})" << T << "";
        QTest::newRow("eq number") << R"({"fact":"writers","eq":20})" << T << "";
        QTest::newRow("in") << R"({"fact":"hosting","in":["serverless","edge"]})" << T << "";
        QTest::newRow("notIn") << R"({"fact":"hosting","notIn":["serverless","edge"]})" << F << "";
        QTest::newRow("list notIn envelope list: a query the store lacks")
            << R"({"fact":"queries","notIn":{"envelope":"queries"}})" << T << "";
        QTest::newRow("contains") << R"({"fact":"queries","contains":"full-text"})" << T << "";
        QTest::newRow("notContains") << R"({"fact":"queries","notContains":"join"})" << T << "";
        QTest::newRow("containsAny")
            << R"({"fact":"queries","containsAny":["vector","full-text"]})" << T << "";
        QTest::newRow("known true") << R"({"fact":"writers","known":true})" << T << "";
        QTest::newRow("known of a missing fact")
            << R"({"fact":"replicas","known":true})" << F << "";
        QTest::newRow("unknown asked") << R"({"fact":"replicas","known":false})" << T << "";
        QTest::newRow("all true")
            << R"({"all":[{"fact":"writers","gt":1},{"fact":"technology","eq":"sqlite"}]})" << T
            << "";
        QTest::newRow("all false beats unknown")
            << R"({"all":[{"fact":"writers","gt":100},{"fact":"replicas","gt":1}]})" << F << "";
        QTest::newRow("all unknown")
            << R"({"all":[{"fact":"writers","gt":1},{"fact":"replicas","gt":1}]})" << U
            << "replicas";
        QTest::newRow("any true beats unknown")
            << R"({"any":[{"fact":"replicas","gt":1},{"fact":"writers","gt":1}]})" << T << "";
        QTest::newRow("any unknown")
            << R"({"any":[{"fact":"replicas","gt":1},{"fact":"writers","gt":100}]})" << U
            << "replicas";
        QTest::newRow("any false") << R"({"any":[{"fact":"writers","gt":100}]})" << F << "";
        QTest::newRow("not true") << R"({"not":{"fact":"writers","gt":100}})" << T << "";
        QTest::newRow("not keeps unknown")
            << R"({"not":{"fact":"shards","gt":1}})" << U << "shards";
        QTest::newRow("nested")
            << R"({"all":[{"fact":"technology","eq":"sqlite"},{"any":[{"fact":"writers","gt":1},{"not":{"fact":"pooled","eq":true}}]}]})"
            << T << "";
    }
    void evaluates() {
        QFETCH(QString, condition);
        QFETCH(int, expected);
        QFETCH(QString, missing);
        std::set<std::string> unknowns;
        const Truth truth =
            evaluate(parsed(condition.toUtf8().constData()), sampleFacts(), &unknowns);
        QCOMPARE(int(truth), expected);
        QStringList names;
        for (const auto& name : unknowns)
            names << QString::fromStdString(name);
        QCOMPARE(names.join(","), missing);
    }

    void refuses_data() {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        const QString base = "/rules/0/when";
        QTest::newRow("not an object") << "42" << base << "expected a condition object";
        QTest::newRow("empty object") << "{}" << base << "empty condition";
        QTest::newRow("unknown operator")
            << R"({"fact":"writers","greaterThan":3})" << base + "/greaterThan"
            << "unknown operator 'greaterThan'";
        QTest::newRow("two operators in a comparison")
            << R"({"fact":"writers","gt":3,"lt":9})" << base + "/lt"
            << "two operators";
        QTest::newRow("two combinators")
            << R"({"all":[{"fact":"writers","gt":3}],"any":[{"fact":"writers","gt":3}]})" << base
            << "two operators in one object";
        QTest::newRow("unknown fact") << R"({"fact":"writes","gt":3})" << base + "/fact"
                                      << "unknown fact 'writes'";
        QTest::newRow("no operator") << R"({"fact":"writers"})" << base << "has no operator";
        QTest::newRow("operator without fact") << R"({"gt":3})" << base << "missing \"fact\"";
        QTest::newRow("gt takes a number") << R"({"fact":"writers","gt":"many"})" << base + "/gt"
                                           << "'gt' compares numbers";
        QTest::newRow("in takes strings") << R"({"fact":"hosting","in":[1,2]})" << base + "/in"
                                          << "array of strings";
        QTest::newRow("known takes a boolean")
            << R"({"fact":"writers","known":"yes"})" << base + "/known"
            << "true or false";
        QTest::newRow("empty all") << R"({"all":[]})" << base + "/all"
                                   << "at least one condition";
        QTest::newRow("empty any") << R"({"any":[]})" << base + "/any"
                                   << "at least one condition";
        QTest::newRow("all not a list") << R"({"all":{"fact":"writers","gt":1}})" << base + "/all"
                                        << "takes an array";
        QTest::newRow("deep error path")
            << R"({"all":[{"fact":"writers","gt":1},{"not":{"fact":"nope","gt":1}}]})"
            << base + "/all/1/not/fact"
            << "unknown fact 'nope'";
        QTest::newRow("reference to an unknown fact")
            << R"({"fact":"writers","gt":{"fact":"nope"}})" << base + "/gt/fact"
            << "unknown fact 'nope'";
        QTest::newRow("reference with both")
            << R"({"fact":"writers","gt":{"fact":"writers","envelope":"x"}})" << base + "/gt"
            << "not both";
        QTest::newRow("reference with junk")
            << R"({"fact":"writers","gt":{"envelope":"volumeGB.max","scale":2}})"
            << base + "/gt/scale"
            << "unknown field 'scale'";
        QTest::newRow("times not a number")
            << R"({"fact":"writers","gt":{"envelope":"volumeGB.max","times":"2"}})"
            << base + "/gt/times"
            << "expected a number";
        QTest::newRow("times on a list operator")
            << R"({"fact":"queries","notIn":{"envelope":"queries","times":2}})"
            << base + "/notIn/times"
            << "numeric comparisons";
        QTest::newRow("junk next to all")
            << R"({"all":[{"fact":"writers","gt":1}],"fact":"writers"})" << base + "/fact"
            << "exactly one operator";
    }
    void refuses() {
        QFETCH(QString, condition);
        QFETCH(QString, path);
        QFETCH(QString, message);
        std::vector<InputError> errors;
        auto result = parseCondition(Json::parse(condition.toStdString()), "rules.json",
                                     "/rules/0/when", errors);
        QVERIFY(!result);
        QVERIFY(!errors.empty());
        QCOMPARE(QString::fromStdString(errors.front().file), QString("rules.json"));
        QCOMPARE(QString::fromStdString(errors.front().path), path);
        QVERIFY2(QString::fromStdString(errors.front().message).contains(message),
                 errors.front().message.c_str());
    }

    void collectsEveryFactItReads() {
        std::set<std::string> facts;
        parsed(
            R"({"all":[{"fact":"writers","gt":1},{"fact":"volumeGB","gt":{"envelope":"volumeGB.max"}}]})")
            .collectFacts(facts);
        QCOMPARE(facts, (std::set<std::string>{"envelope.volumeGB.max", "volumeGB", "writers"}));
    }

    void readsAsText() {
        QCOMPARE(
            toText(parsed(
                R"({"all":[{"fact":"writesPerSecond","gt":{"envelope":"writesPerSecond.max","times":0.8}},{"fact":"writers","known":true}]})")),
            std::string(
                "writesPerSecond > envelope.writesPerSecond.max x 0.8 and writers is known"));
        QCOMPARE(operatorFromName("notIn"), std::optional<CompareOp>(CompareOp::NotIn));
        QCOMPARE(std::string(operatorName(CompareOp::ContainsAny)), std::string("containsAny"));
        QVERIFY(!operatorFromName("between"));
    }
};

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_conditions.moc"

// A catalogue of broken knowledge files (tests/data/knowledge/broken/): each is refused with
// one clear error naming the file and the JSON path, never a crash or a half-loaded base.
#include "plumbline/json_parse.h"
#include "plumbline/knowledge.h"

#include <QtTest>
#include <fstream>
#include <sstream>

using namespace plumb;

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string brokenPath(const QString& name) {
    return std::string(PLUMBLINE_TEST_DATA) + "/knowledge/broken/" + name.toStdString();
}

// Loads the broken file in the role its name gives it: a catalogue replacing the built-in one
// ("patterns-*", "technologies-*") or a user rule pack (everything else).
std::vector<InputError> load(const QString& name) {
    const std::string path = brokenPath(name);
    const std::string text = readText(path);
    if (name.startsWith("patterns-") || name.startsWith("technologies-")) {
        KnowledgeTexts texts;
        texts.technologies = readText(PLUMBLINE_SOURCE_DIR "/knowledge/technologies.json");
        texts.patterns = readText(PLUMBLINE_SOURCE_DIR "/knowledge/patterns.json");
        if (name.startsWith("patterns-"))
            texts.patterns = text, texts.patternsFile = path;
        else
            texts.technologies = text, texts.technologiesFile = path;
        auto result = loadKnowledgeFrom(texts);
        if (result.ok()) return {};
        return result.errors;
    }
    KnowledgeBase knowledge = builtinKnowledge();
    const std::size_t ruleCount = knowledge.rules.size();
    auto errors = addRulePack(knowledge, text, path);
    if (!errors.empty() && knowledge.rules.size() != ruleCount)
        qFatal("a refused pack changed the knowledge base");
    return errors;
}

} // namespace

class TestKnowledgeErrors : public QObject {
    Q_OBJECT

private slots:
    void refused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        auto row = [](const char* file, const char* path, const char* message) {
            QTest::newRow(file) << QString(file) << QString(path) << QString(message);
        };
        row("unknown-field.json", "/rules/0/owner", "unknown field \"owner\"");
        row("unknown-top-level-field.json", "/author", "unknown field \"author\"");
        row("unknown-operator.json", "/rules/0/when/greaterThan", "unknown operator 'greaterThan'");
        row("two-operators.json", "/rules/0/when/lt", "two operators");
        row("missing-id.json", "/rules/0", "missing required field \"id\"");
        row("duplicate-id.json", "/rules/1/id", "duplicate rule id 'my-rule' (first at /rules/0)");
        row("unknown-technology.json", "/rules/0/alternatives/0",
            "unknown technology 'postgres' (did you mean 'postgresql'?)");
        row("unknown-applies-to-technology.json", "/rules/0/appliesTo/technologies/0",
            "unknown technology 'sqlite3'");
        row("unknown-superseded-rule.json", "/rules/0/supersedes/0",
            "unknown rule 'single-writer-write-rates'; supersedes lists rule ids");
        row("unknown-pattern.json", "/rules/0/patterns/0", "unknown pattern 'sharding-magic'");
        row("unknown-kind.json", "/rules/0/appliesTo/kinds/0", "unknown value \"database\"");
        row("bad-severity.json", "/rules/0/severity",
            "unknown value \"fatal\"; expected one of error, warning, info");
        row("bad-condition-shape.json", "/rules/0/when", "expected a condition object");
        row("empty-all.json", "/rules/0/when/all", "at least one condition");
        row("wrong-operand-type.json", "/rules/0/when/any/0/gt", "'gt' compares numbers");
        row("unknown-fact.json", "/rules/0/when/all/1/fact", "unknown fact 'writeRate'");
        row("envelope-typo.json", "/rules/0/when/all/1/gt/envelope",
            "unknown fact 'envelope.volumeGb.max'");
        row("unknown-evidence-fact.json", "/rules/0/evidence/0", "unknown fact 'writeRate'");
        row("bad-placeholder.json", "/rules/0/message", "{writeRate} is not a fact name");
        row("bad-id.json", "/rules/0/id", "expected an id of lower-case letters");
        row("bad-source-url.json", "/rules/0/sources/0", "expected an http(s) URL");
        row("rules-not-a-list.json", "/rules", "expected an array");
        row("deep-nesting.json", "", "nesting deeper than");
        row("not-json.json", "/rules/0/id", "not valid JSON"); // where the parser stopped
        row("empty.json", "", "the file is empty");
        row("wrong-format.json", "/format",
            "expected \"plumbline-rules\", got \"plumbline-technologies\"");
        row("missing-format.json", "", "missing required field \"format\"");
        row("newer-version.json", "/version", "newer than this Plumbline reads");
        row("not-an-object.json", "", "expected a JSON object");
        row("patterns-related-self.json", "/patterns/0/related/0", "lists itself as related");
        row("patterns-related-missing.json", "/patterns/0/related/0", "unknown pattern 'beta'");
        row("patterns-duplicate-id.json", "/patterns/1/id", "duplicate pattern id 'alpha'");
        row("technologies-unknown-envelope-field.json", "/technologies/0/envelope/writesPerSec",
            "did you mean \"writesPerSecond\"?");
        row("technologies-bad-number.json", "/technologies/0/envelope/volumeGB/max",
            "expected a number >= 0 or \"unknown\", got \"lots\"");
        row("technologies-bad-enum.json", "/technologies/0/envelope/transactions",
            "unknown value \"sometimes\"");
        row("technologies-missing-provenance.json", "/technologies/0/envelope/provenance",
            "missing the provenance of 'volumeGB.comfortable'");
        row("param-without-provenance.json", "/rules/0/params/writesPerSecond",
            "missing required field \"provenance\"");
        row("research-without-section.json", "/rules/0/params/writesPerSecond/provenance",
            "missing required field \"section\"");
        row("undeclared-param.json", "/rules/0/when/gt/param",
            "the rule has no parameter 'writeRate'");
    }
    void refused() {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto errors = load(file);
        QVERIFY2(!errors.empty(), "the broken file was accepted");
        const InputError& first = errors.front();
        QVERIFY2(QString::fromStdString(first.file).endsWith(file), first.toString().c_str());
        QCOMPARE(QString::fromStdString(first.path), path);
        QVERIFY2(QString::fromStdString(first.message).contains(message), first.toString().c_str());
        // The one-line CLI form names the file and the path.
        const QString line = QString::fromStdString(first.toString());
        QVERIFY(!line.contains('\n'));
        QVERIFY(line.contains(file));
    }

    void everyBrokenFileIsRefused() {
        const QDir dir(QString(PLUMBLINE_TEST_DATA) + "/knowledge/broken");
        const auto files = dir.entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 30);
        for (const auto& file : files) {
            const auto errors = load(file);
            QVERIFY2(!errors.empty(), qPrintable(file + " was accepted"));
        }
    }

    void aFolderWithABrokenPackRefusesTheWholeLoad() {
        QTemporaryDir dir;
        QVERIFY(
            QFile::copy(QString(PLUMBLINE_TEST_DATA) + "/knowledge/user-pack/platform-team.json",
                        dir.filePath("a-good.json")));
        QVERIFY(QFile::copy(QString::fromStdString(brokenPath("bad-severity.json")),
                            dir.filePath("b-bad.json")));
        const auto result = loadKnowledge({dir.path().toStdString()}, false);
        QVERIFY(!result.ok());
        QCOMPARE(result.errors.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(result.errors.front().file).endsWith("b-bad.json"));
    }

    void aMissingRulesFolderIsAnError() {
        const auto result = loadKnowledge({"/nonexistent/plumbline-rules"}, false);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.errors.front().message),
                 QString("rules folder not found"));
    }

    void twoUserPacksMayNotDefineTheSameRule() {
        QTemporaryDir dir;
        const QString pack =
            QString(PLUMBLINE_TEST_DATA) + "/knowledge/user-pack/platform-team.json";
        QVERIFY(QFile::copy(pack, dir.filePath("one.json")));
        QVERIFY(QFile::copy(pack, dir.filePath("two.json")));
        const auto result = loadKnowledge({dir.path().toStdString()}, false);
        QVERIFY(!result.ok());
        QVERIFY2(
            QString::fromStdString(result.errors.front().message).contains("already defined by"),
            result.errors.front().toString().c_str());
        QCOMPARE(QString::fromStdString(result.errors.front().path), QString("/rules/0/id"));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeErrors)
#include "tst_knowledge_errors.moc"

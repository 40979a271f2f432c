// The Structurizr DSL parser against the reference parser's own test inputs
// (../shared/interop-samples/structurizr/dsl-parser-tests) and hostile input: every file imports
// or is refused with one error at a line and column; nothing crashes or hangs.
#include "../fuzz/fuzz_structurizr_entries.h"
#include "model_helpers.h"
#include "plumbline/interop/structurizr.h"
#include "plumbline/knowledge.h"

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <set>

using namespace plumb;
using namespace plumb::interop;

namespace {

const std::string kTests =
    PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/structurizr/dsl-parser-tests";

// The files of EXPECTED-TO-FAIL.txt that are wrong within the model part of the language (or
// use a feature this importer refuses): they must be refused. The others fail in the reference
// parser for views, plugins, documentation, implied relationships or its restricted mode (reading
// files at all), which are outside a model import.
const std::set<std::string> kModelFailures = {
    "constant.dsl",
    "enterprise.dsl",
    "extend/extend-workspace-from-dsl-url.dsl",
    "extend/extend-workspace-from-json-file.dsl",
    "group-url.dsl",
    "group-without-brace.dsl",
    "multi-line-with-error.dsl",
    "multiple-model-tokens.dsl",
    "multiple-view-tokens.dsl",
    "multiple-workspace-tokens.dsl",
    "unexpected-tokens-after-workspace.dsl",
    "unexpected-tokens-before-workspace.dsl",
    "unexpected-tokens-in-workspace.dsl",
};

ImportResult importText(const std::string& text, const std::string& path = "test.dsl") {
    return readStructurizrDsl({path, text, &builtinKnowledge()});
}

// Exactly one error, with a line and a column, whose message contains `words`.
void expectOneError(const ImportResult& result, const std::string& words, int line = 0) {
    QVERIFY(!result.ok());
    QCOMPARE(result.errors.size(), std::size_t(1));
    const InputError& e = result.errors[0];
    QVERIFY2(e.line && *e.line > 0 && e.column && *e.column > 0, e.toString().c_str());
    QVERIFY2(e.message.find(words) != std::string::npos, e.toString().c_str());
    if (line) QCOMPARE(*e.line, line);
}

void writeFile(const QString& path, const std::string& text) {
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}

} // namespace

class TestStructurizrDslParser : public QObject {
    Q_OBJECT

private slots:
    void referenceTestInputs() {
        const std::string expected = testing::readText(kTests + "/EXPECTED-TO-FAIL.txt");
        std::set<std::string> expectedToFail;
        std::istringstream lines(expected);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty()) expectedToFail.insert(line);
        int imported = 0, refused = 0, expectedRefused = 0, expectedImported = 0;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(kTests))
            if (entry.is_regular_file() && entry.path().extension() == ".dsl")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        QVERIFY(files.size() > 80);
        for (const auto& path : files) {
            const std::string relative = std::filesystem::relative(path, kTests).string();
            const std::string text = testing::readText(path.string());
            const ImportResult result = importText(text, path.string());
            const bool failing = expectedToFail.count(relative) > 0;
            if (result.ok()) {
                ++imported;
                if (failing) ++expectedImported;
                QVERIFY2(!kModelFailures.count(relative), ("imported: " + relative).c_str());
                qInfo().noquote() << "imported" << relative.c_str() << "-"
                                  << result.model->elements.size() << "elements";
            } else {
                ++refused;
                if (failing) ++expectedRefused;
                QCOMPARE(result.errors.size(), std::size_t(1));
                const InputError& e = result.errors[0];
                QVERIFY2(e.line && e.column, e.toString().c_str());
                qInfo().noquote() << "refused " << relative.c_str() << "-" << e.toString().c_str();
            }
        }
        for (const std::string& name : kModelFailures)
            QVERIFY2(expectedToFail.count(name), name.c_str());
        qInfo().noquote() << "dsl-parser-tests:" << files.size() << "files," << imported
                          << "imported," << refused << "refused;" << expectedToFail.size()
                          << "expected to fail:" << expectedRefused << "refused,"
                          << expectedImported << "imported (outside the model part)";
    }

    void errorsHaveLineAndColumn_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("line");
        QTest::newRow("unclosed string") << "workspace {\n model {\n  a = person \"A\n }\n}"
                                         << "not closed" << 3;
        QTest::newRow("unclosed block") << "workspace {\n model {\n  a = person \"A\"\n"
                                        << "not closed with '}'" << 2;
        QTest::newRow("unknown identifier") << "workspace {\n model {\n  a = person \"A\"\n"
                                               "  a -> b \"Uses\"\n }\n}"
                                            << "unknown identifier 'b'" << 4;
        QTest::newRow("duplicate identifier")
            << "workspace {\n model {\n  a = person \"A\"\n  a = person \"B\"\n }\n}"
            << "already used" << 4;
        QTest::newRow("too many tokens")
            << "workspace {\n model {\n  a = person \"A\" \"d\" \"t\" \"x\"\n }\n}"
            << "too many tokens" << 3;
        QTest::newRow("container at model level")
            << "workspace {\n model {\n  c = container \"C\"\n }\n}"
            << "not allowed" << 3;
        QTest::newRow("bad number") << "workspace {\n model {\n  s = softwareSystem \"S\" {\n"
                                       "   db = container \"DB\" {\n    properties {\n"
                                       "     plumbline.volumeGB lots\n    }\n   }\n  }\n }\n}"
                                    << "expected a non-negative number, got 'lots'" << 6;
        QTest::newRow("bad enum") << "workspace {\n model {\n  a = person \"A\"\n"
                                     "  b = softwareSystem \"B\"\n  a -> b {\n   properties {\n"
                                     "    plumbline.style \"sometimes\"\n   }\n  }\n }\n}"
                                  << "expected one of sync" << 7;
        QTest::newRow("include url")
            << "workspace {\n model {\n  !include https://example.com/model.dsl\n }\n}"
            << "URL" << 3;
        QTest::newRow("missing include")
            << "workspace {\n model {\n  !include no-such-file.dsl\n }\n}"
            << "no such file" << 3;
        QTest::newRow("lone brace") << "workspace {\n model {\n  {\n }\n}"
                                    << "unexpected" << 3;
        QTest::newRow("nothing") << ""
                                 << "no workspace" << 1;
        QTest::newRow("this outside") << "workspace {\n model {\n  this -> this\n }\n}"
                                      << "'this'" << 3;
    }

    void errorsHaveLineAndColumn() {
        QFETCH(QString, text);
        QFETCH(QString, words);
        QFETCH(int, line);
        expectOneError(importText(text.toStdString()), words.toStdString(), line);
    }

    // The fuzz target's seeds and every input it ever broke on keep their promise here too.
    void fuzzCorpusAndRegressionsKeepThePromise() {
        int replayed = 0;
        for (const char* folder :
             {"/tests/fuzz/corpus/structurizr_dsl", "/tests/fuzz/regressions/structurizr_dsl"}) {
            const std::string dir = std::string(PLUMBLINE_SOURCE_DIR) + folder;
            if (!std::filesystem::is_directory(dir)) continue;
            for (const auto& entry : std::filesystem::directory_iterator(dir)) {
                const std::string broken =
                    fuzz::structurizrDsl(testing::readText(entry.path().string()));
                QVERIFY2(broken.empty(), (entry.path().string() + ": " + broken).c_str());
                ++replayed;
            }
        }
        QVERIFY(replayed >= 3);
    }

    // Without clang at hand, a deterministic mutation run over two workspaces: bytes deleted,
    // duplicated or replaced by DSL punctuation, each result held to the fuzz target's promise.
    void mutatedWorkspacesKeepThePromise() {
        const std::vector<std::string> seeds = {
            testing::readText(testing::dataPath("structurizr/features.dsl")),
            testing::readText(PLUMBLINE_SOURCE_DIR
                              "/../shared/interop-samples/structurizr/big-bank-plc-workspace.dsl")};
        const std::string alphabet = "{}\"\\=->\n #/*.$!\t\xff";
        std::uint64_t state = 0x9E3779B97F4A7C15u;
        auto next = [&state] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        int runs = 0;
        for (const std::string& seed : seeds)
            for (int i = 0; i < 1000; ++i) {
                std::string text = seed;
                for (int edits = 1 + int(next() % 4); edits > 0 && !text.empty(); --edits) {
                    const std::size_t at = next() % text.size();
                    switch (next() % 3) {
                    case 0:
                        text.erase(at, 1 + next() % 8);
                        break;
                    case 1:
                        text.insert(at, text.substr(at, 1 + next() % 40));
                        break;
                    default:
                        text[at] = alphabet[next() % alphabet.size()];
                    }
                }
                const std::string broken = fuzz::structurizrDsl(text);
                if (!broken.empty()) qWarning().noquote() << text.c_str();
                QVERIFY2(broken.empty(), broken.c_str());
                ++runs;
            }
        QCOMPARE(runs, 2000);
    }

    void invalidUtf8IsRefused() {
        expectOneError(importText("workspace {\n model {\n  a = person \"A\xff\"\n }\n}"),
                       "not UTF-8", 3);
        expectOneError(importText("workspace {\n model {\n  a = person \"\xed\xa0\x80\"\n }\n}"),
                       "not UTF-8", 3);
    }

    void truncatedFilesAreRefusedOrImported() {
        const std::string whole =
            testing::readText(PLUMBLINE_SOURCE_DIR
                              "/../shared/interop-samples/structurizr/big-bank-plc-workspace.dsl");
        for (std::size_t cut = 0; cut < whole.size(); cut += 97) {
            const ImportResult result = importText(whole.substr(0, cut));
            QVERIFY(!result.ok()); // the workspace block is never closed
            QCOMPARE(result.errors.size(), std::size_t(1));
            QVERIFY(result.errors[0].line);
        }
    }

    void deepNestingIsRefusedWithoutOverflow() {
        std::string text = "workspace {\n model {\n";
        for (int i = 0; i < 100000; ++i)
            text += "group \"g\" {\n";
        expectOneError(importText(text), "nested deeper than 64");
        std::string braces = "workspace {\n";
        for (int i = 0; i < 100000; ++i)
            braces += "{\n";
        expectOneError(importText(braces), "unexpected");
        std::string views = "workspace {\n views {\n"; // skipped blocks are counted, not recursed
        for (int i = 0; i < 100000; ++i)
            views += "x {\n";
        expectOneError(importText(views), "not closed");
    }

    void constantsCannotExplode() {
        std::string text = "workspace {\n !const A \"" + std::string(1000, 'x') + "\"\n";
        char previous = 'A';
        for (char name = 'B'; name <= 'Z'; ++name, ++previous)
            text +=
                std::string(" !const ") + name + " \"${" + previous + "}${" + previous + "}\"\n";
        text += " model {\n }\n}\n";
        expectOneError(importText(text), "once its constants are substituted");
    }

    void hugeFilesAreRefused() {
        std::string text = "workspace {\n model {\n";
        text.append(std::size_t{65} << 20, ' ');
        text += "\n }\n}\n";
        expectOneError(importText(text), "larger than 64 MB", 1);
    }

    void includesAreRelativeAndCyclesRefused() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir("parts");
        writeFile(dir.filePath("workspace.dsl"),
                  "workspace {\n model {\n  !include parts/people.dsl\n  u -> s \"Uses\"\n }\n}\n");
        writeFile(dir.filePath("parts/people.dsl"), "u = person \"User\"\n!include systems.dsl\n");
        writeFile(dir.filePath("parts/systems.dsl"), "s = softwareSystem \"S\"\n");
        const std::string main = testing::readText(dir.filePath("workspace.dsl").toStdString());
        const ImportResult ok = importText(main, dir.filePath("workspace.dsl").toStdString());
        QVERIFY2(ok.ok(), ok.errors.empty() ? "" : ok.errors[0].toString().c_str());
        QCOMPARE(ok.model->elements.size(), std::size_t(2));
        QCOMPARE(ok.model->flows.size(), std::size_t(1));

        writeFile(dir.filePath("parts/systems.dsl"), "!include people.dsl\n");
        const ImportResult cycle = importText(main, dir.filePath("workspace.dsl").toStdString());
        expectOneError(cycle, "include cycle", 1);
        QVERIFY(cycle.errors[0].file.ends_with("systems.dsl"));

        writeFile(dir.filePath("parts/outside.dsl"),
                  "workspace {\n model {\n  !include ../../../../../../etc/hostname\n }\n}\n");
        expectOneError(
            importText(testing::readText(dir.filePath("parts/outside.dsl").toStdString()),
                       dir.filePath("parts/outside.dsl").toStdString()),
            "outside the workspace's folder", 3);
        writeFile(dir.filePath("parts/up.dsl"),
                  "workspace {\n model {\n  !include ../workspace.dsl\n }\n}\n");
        expectOneError(importText(testing::readText(dir.filePath("parts/up.dsl").toStdString()),
                                  dir.filePath("parts/up.dsl").toStdString()),
                       "outside the workspace's folder", 3);

        writeFile(dir.filePath("base.dsl"), "workspace {\n !identifiers hierarchical\n model {\n  "
                                            "s = softwareSystem \"S\"\n }\n}\n");
        writeFile(dir.filePath("child.dsl"),
                  "workspace extends base.dsl {\n model {\n"
                  "  !element s {\n   c = container \"C\"\n  }\n }\n}\n");
        const ImportResult extended =
            importText(testing::readText(dir.filePath("child.dsl").toStdString()),
                       dir.filePath("child.dsl").toStdString());
        QVERIFY2(extended.ok(),
                 extended.errors.empty() ? "" : extended.errors[0].toString().c_str());
        QCOMPARE(extended.model->elements.size(), std::size_t(1));
        QCOMPARE(extended.model->contexts.size(), std::size_t(1));
        writeFile(dir.filePath("base.dsl"), "workspace extends child.dsl {\n}\n");
        expectOneError(importText(testing::readText(dir.filePath("child.dsl").toStdString()),
                                  dir.filePath("child.dsl").toStdString()),
                       "include cycle", 1);

        writeFile(dir.filePath("self.dsl"), "workspace {\n model {\n  !include self.dsl\n }\n}\n");
        expectOneError(importText(testing::readText(dir.filePath("self.dsl").toStdString()),
                                  dir.filePath("self.dsl").toStdString()),
                       "include cycle", 3);
    }

    void languageFeatures() {
        const std::string text = testing::readText(testing::dataPath("structurizr/features.dsl"));
        const ImportResult result = importText(text);
        QVERIFY2(result.ok(), result.errors.empty() ? "" : result.errors[0].toString().c_str());
        const Model& m = *result.model;
        QCOMPARE(m.name.value_or(""), std::string("W"));
        const Element* db = m.findElement("db");
        QVERIFY(db);
        QCOMPARE(db->kind, ElementKind::Store);
        QCOMPARE(db->technology.value_or(""), std::string("postgresql"));
        QCOMPARE(db->context.value_or(""), std::string("s"));
        QCOMPARE(db->data->volumeGB, Number(250));
        QCOMPARE(db->data->retentionDays, Number(30));
        QCOMPARE(db->data->queries->size(), std::size_t(2));
        QCOMPARE(db->instances, Number(2));
        QCOMPARE(m.findElement("q")->kind, ElementKind::Queue);
        QCOMPARE(m.findElement("u")->name.value_or(""), std::string("User \"quoted\""));
        QCOMPARE(m.findElement("u")->description.value_or(""), std::string("A user"));
        bool sawRead = false, sawAsync = false;
        for (const Flow& f : m.flows) {
            if (f.to == "db") {
                sawRead = true;
                QCOMPARE(f.readsPerSecond, Number(800));
                QCOMPARE(f.writesPerSecond, Number(120));
                QCOMPARE(f.style, std::optional(FlowStyle::Sync));
                QCOMPARE(f.extra.value("technology", ""), std::string("SQL"));
            }
            if (f.to == "q") {
                sawAsync = true;
                QCOMPARE(f.style, std::optional(FlowStyle::Async));
                QCOMPARE(f.extra.value("technology", ""), std::string("AMQP"));
            }
        }
        QVERIFY(sawRead && sawAsync);
        bool droppedViews = false;
        for (const ImportNote& n : result.report.notes)
            droppedViews = droppedViews || (n.kind == ImportNote::Kind::Dropped &&
                                            n.text.starts_with("views: views are not modelled"));
        QVERIFY(droppedViews);
    }
};

QTEST_GUILESS_MAIN(TestStructurizrDslParser)
#include "tst_structurizr_dsl_parser.moc"

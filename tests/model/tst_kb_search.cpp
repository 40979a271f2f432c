// Knowledge search: the first hits an architect expects for everyday questions, safe input.
#include "plumbline/kb_search.h"

#include <QtTest>

using namespace plumb;

class TestKbSearch : public QObject {
    Q_OBJECT

    static bool inTop(const std::vector<SearchHit>& hits, const QStringList& ids, int n) {
        for (int i = 0; i < n && i < static_cast<int>(hits.size()); ++i)
            if (ids.contains(QString::fromStdString(hits[i].id))) return true;
        return false;
    }
    static QString listed(const std::vector<SearchHit>& hits) {
        QStringList out;
        for (const auto& hit : hits)
            out << QString::fromStdString(hit.id);
        return out.join(", ");
    }

private slots:
    void expectedFirstHits_data() {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QStringList>("anyOf");
        QTest::newRow("time series")
            << "time series" << QStringList{"bucket", "influxdb", "timescaledb"};
        QTest::newRow("unbounded array")
            << "unbounded array"
            << QStringList{"bucket", "embedding-vs-referencing", "referencing"};
        QTest::newRow("cache invalidation") << "cache invalidation" << QStringList{"read-aside"};
        QTest::newRow("serverless connections")
            << "serverless connections" << QStringList{"connection-pooling"};
        QTest::newRow("typing a prefix") << "connection pool" << QStringList{"connection-pooling"};
        QTest::newRow("an id") << "pgbouncer" << QStringList{"pgbouncer"};
        QTest::newRow("a name") << "PostgreSQL" << QStringList{"postgresql"};
    }
    void expectedFirstHits() {
        QFETCH(QString, words);
        QFETCH(QStringList, anyOf);
        KnowledgeSearch search(builtinKnowledge());
        const auto hits = search.search(words.toStdString());
        QVERIFY2(inTop(hits, anyOf, 3), qPrintable("got: " + listed(hits)));
    }

    void hitsCarryKindNameAndHighlightedSnippet() {
        KnowledgeSearch search(builtinKnowledge());
        const auto hits = search.search("cache invalidation", 5);
        QVERIFY(!hits.empty());
        QVERIFY(hits.size() <= 5);
        for (const auto& hit : hits) {
            QVERIFY(hit.kind == "pattern" || hit.kind == "technology");
            QVERIFY(!hit.name.empty());
            QVERIFY(!hit.snippet.empty());
        }
        QVERIFY(hits.front().score >= hits.back().score);
        const std::string marked = highlightSnippet(hits.front().snippet, "[", "]");
        QVERIFY2(marked.find('[') != std::string::npos, marked.c_str());
    }

    void userTextNeverBreaksTheQuery_data() {
        QTest::addColumn<QString>("words");
        for (const char* text : {"\"", "AND OR NOT", "a:b", "(((", "*", "NEAR(a b)", "-x", "^",
                                 "col:value \"unterminated", "{}[]", "   ", ""})
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void userTextNeverBreaksTheQuery() {
        QFETCH(QString, words);
        KnowledgeSearch search(builtinKnowledge());
        const auto hits = search.search(words.toStdString()); // must not throw
        QVERIFY(hits.size() <= 20);
    }

    void queryQuotesEveryWordAndPrefixesTheLast() {
        QCOMPARE(ftsQuery("time ser"), std::string("\"time\" \"ser\"*"));
        QCOMPARE(ftsQuery("time series "), std::string("\"time\" \"series\""));
        QCOMPARE(ftsQuery("a\"b OR c"), std::string("\"a\" \"b\" \"OR\" \"c\"*"));
        QCOMPARE(ftsQuery("x y", " OR "), std::string("\"x\" OR \"y\"*"));
        QCOMPARE(ftsQuery("!!"), std::string());
    }
    // Speed: tests/bench/bench_kb_search.cpp (a timed test would flake on a loaded machine).
};

QTEST_GUILESS_MAIN(TestKbSearch)
#include "tst_kb_search.moc"

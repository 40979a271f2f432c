// The pattern catalogue browser: search as you type, entry pages, links and history.
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/catalogue/catalogue_html.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using plumb::ui::catalogue::CatalogueBrowser;

class TestCatalogue : public QObject {
    Q_OBJECT
private slots:
    void searchFindsTheExpectedFirstHit_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("first");
        QTest::newRow("cache invalidation") << "cache invalidation"
                                            << "read-aside";
        QTest::newRow("serverless connections") << "serverless connections"
                                                << "connection-pooling";
    }
    void searchFindsTheExpectedFirstHit() {
        QFETCH(QString, query);
        QFETCH(QString, first);
        CatalogueBrowser browser(plumb::builtinKnowledge());
        browser.setSearchText(query);
        QVERIFY(!browser.resultIds().isEmpty());
        QCOMPARE(browser.resultIds().first(), first);
    }

    void hitsHighlightTheMatchedWords() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        browser.setSearchText(QStringLiteral("invalidation"));
        QVERIFY(!browser.resultTexts().isEmpty());
        QVERIFY(browser.resultTexts().first().contains(QStringLiteral("<b>"), Qt::CaseInsensitive));
        QVERIFY(!browser.resultTexts().first().contains(QChar(1)));
    }

    // Typing letter by letter answers at every prefix (the speed is measured in
    // tests/bench/bench_catalogue.cpp, not asserted here).
    void everyPrefixOfTypingAnswers() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        const QString text = QStringLiteral("serverless connections");
        for (qsizetype i = 1; i <= text.size(); ++i)
            browser.setSearchText(text.left(i));
        QCOMPARE(browser.resultIds().first(), QStringLiteral("connection-pooling"));
    }

    void clearingTheSearchShowsNoHits() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        browser.setSearchText(QStringLiteral("cache"));
        browser.setSearchText(QString());
        QVERIFY(browser.resultIds().isEmpty());
        browser.setSearchText(QStringLiteral("\"*(:^"));
        QVERIFY(browser.resultIds().isEmpty());
    }

    void treeListsEveryPatternAndTechnology() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        auto* tree = browser.findChild<QTreeWidget*>();
        QVERIFY(tree);
        int leaves = 0;
        std::function<void(QTreeWidgetItem*)> count = [&](QTreeWidgetItem* item) {
            if (item->childCount() == 0) ++leaves;
            for (int i = 0; i < item->childCount(); ++i)
                count(item->child(i));
        };
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            count(tree->topLevelItem(i));
        const auto& kb = plumb::builtinKnowledge();
        QCOMPARE(leaves, static_cast<int>(kb.patterns.size() + kb.technologies.size()));
    }

    void showEntryRendersThePage() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        QSignalSpy shown(&browser, &CatalogueBrowser::entryShown);
        QVERIFY(browser.showEntry(QStringLiteral("read-aside")));
        QCOMPARE(browser.currentEntry(), QStringLiteral("read-aside"));
        QCOMPARE(shown.count(), 1);
        const QString html = browser.detailHtml();
        QVERIFY(html.contains(QStringLiteral("When to use")));
        QVERIFY(html.contains(QStringLiteral("plumbline-pattern:")));
        QVERIFY(html.contains(QStringLiteral("https://")));
        QVERIFY(!browser.showEntry(QStringLiteral("no-such-entry")));
        if (const QString dir = qEnvironmentVariable("PLUMBLINE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            browser.setSearchText(QStringLiteral("cache inv"));
            browser.resize(1100, 700);
            browser.show();
            QTest::qWait(50);
            browser.grab().save(dir + QStringLiteral("/catalogue.png"));
            browser.setSearchText(QString());
        }
        QCOMPARE(browser.currentEntry(), QStringLiteral("read-aside"));
        QVERIFY(browser.showEntry(QStringLiteral("postgresql")));
        QVERIFY(browser.detailHtml().contains(QStringLiteral("Envelope")));
    }

    void linksNavigateAndBackReturns() {
        const auto& kb = plumb::builtinKnowledge();
        CatalogueBrowser browser(kb);
        QList<QUrl> opened;
        browser.setExternalLinkHandler([&](const QUrl& url) { opened << url; });
        QVERIFY(browser.showEntry(QStringLiteral("read-aside")));
        const auto* pattern = kb.pattern("read-aside");
        QVERIFY(pattern && !pattern->related.empty());
        const std::string related = pattern->related.front();
        browser.openLink(plumb::ui::catalogue::entryLink(kb, related));
        QCOMPARE(browser.currentEntry(), QString::fromStdString(related));
        QVERIFY(browser.canGoBack());
        QVERIFY(!browser.canGoForward());
        browser.back();
        QCOMPARE(browser.currentEntry(), QStringLiteral("read-aside"));
        QVERIFY(browser.canGoForward());
        browser.forward();
        QCOMPARE(browser.currentEntry(), QString::fromStdString(related));
        // A technology link, then a source: the source goes out, the page stays.
        browser.openLink(plumb::ui::catalogue::entryLink(kb, "redis"));
        QCOMPARE(browser.currentEntry(), QStringLiteral("redis"));
        browser.openLink(QUrl(QStringLiteral("https://redis.io/docs/")));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(browser.currentEntry(), QStringLiteral("redis"));
        // Going back then somewhere new drops the forward history.
        browser.back();
        browser.showEntry(QStringLiteral("connection-pooling"));
        QVERIFY(!browser.canGoForward());
    }

    void unknownLinksDoNothing() {
        CatalogueBrowser browser(plumb::builtinKnowledge());
        int opened = 0;
        browser.setExternalLinkHandler([&](const QUrl&) { ++opened; });
        browser.openLink(QUrl(QStringLiteral("file:///etc/passwd")));
        browser.openLink(QUrl(QStringLiteral("plumbline-pattern:nope")));
        QCOMPARE(opened, 0);
        QVERIFY(browser.currentEntry().isEmpty());
        browser.back(); // nothing to go back to: no crash
    }
};

QTEST_MAIN(TestCatalogue)
#include "tst_catalogue.moc"

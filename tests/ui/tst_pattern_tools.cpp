// Pattern templates and "try it" in the workbench: inserting a template from the menu or the
// catalogue rewires the model in one undoable step; trying another technology shows findings
// before and after side by side, and keeping it is one undoable edit while discarding changes
// nothing.
#include "plumbline/knowledge.h"
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/candidate_view.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/swap_preview_dialog.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QUndoStack>

using namespace plumb::ui;

namespace {

const QString kShop = QStringLiteral(PLUMBLINE_TEST_DATA "/templates/shop.json");

std::unique_ptr<MainWindow> openShop() {
    auto window = std::make_unique<MainWindow>(std::make_unique<test::FakeDialogs>());
    if (!window->openFile(kShop)) return nullptr;
    return window;
}

QStringList itemTexts(const QListWidget* list) {
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

} // namespace

class TestPatternTools : public QObject {
    Q_OBJECT
private slots:
    void init() { test::useScratchSettings(); }

    void templateFromTheMenuIsOneUndoableStep() {
        auto window = openShop();
        QVERIFY(window);
        Document* doc = window->document();
        const plumb::Model original = doc->model();
        const int steps = doc->undoStack()->count();
        doc->setSelection({QStringLiteral("orders-db")});
        QMenu* menu = window->patternMenu();
        QVERIFY(menu);
        emit menu->aboutToShow();
        QAction* cache = window->findChild<QAction*>(QStringLiteral("actionTemplate-read-aside"));
        QVERIFY(cache && cache->isEnabled());
        cache->trigger();
        QVERIFY(doc->model().findElement("orders-db-cache"));
        QCOMPARE(doc->selection(), QStringList{QStringLiteral("orders-db-cache")});
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("orders-db-cache")));
        const plumb::Model applied = doc->model();
        doc->undoStack()->undo();
        QCOMPARE(doc->model(), original);
        QCOMPARE(doc->selection(), QStringList{QStringLiteral("orders-db")});
        doc->undoStack()->redo();
        QCOMPARE(doc->model(), applied);
    }

    void menuSaysWhyATemplateDoesNotApply() {
        auto window = openShop();
        QVERIFY(window);
        Document* doc = window->document();
        doc->setSelection({QStringLiteral("orders-api")});
        emit window->patternMenu()->aboutToShow();
        for (QAction* action : window->patternMenu()->actions()) {
            QVERIFY(!action->isEnabled());
            QVERIFY2(action->toolTip().contains(QStringLiteral("is a service")),
                     qPrintable(action->toolTip()));
        }
        const plumb::Model before = doc->model();
        QVERIFY(!window->applyPatternTemplate(QStringLiteral("connection-pooler")));
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("is a service")));
        QCOMPARE(doc->model(), before);
        QVERIFY(!doc->isModified());
    }

    void catalogueLinkAppliesTheTemplate() {
        auto window = openShop();
        QVERIFY(window);
        Document* doc = window->document();
        auto* catalogue = window->catalogueBrowser();
        QVERIFY(catalogue->showEntry(QStringLiteral("connection-pooling")));
        QVERIFY(catalogue->detailHtml().contains(QStringLiteral("plumbline-template:")));
        QVERIFY(catalogue->showEntry(QStringLiteral("hash-sharding")));
        QVERIFY(!catalogue->detailHtml().contains(QStringLiteral("plumbline-template:")));
        doc->setSelection({QStringLiteral("orders-db")});
        catalogue->openLink(QUrl(QStringLiteral("plumbline-template:connection-pooler")));
        const plumb::Element* pooler = doc->model().findElement("orders-db-pooler");
        QVERIFY(pooler);
        QCOMPARE(pooler->technology.value_or(""), std::string("pgbouncer"));
        QCOMPARE(doc->model().findFlow("checkout-writes")->to, std::string("orders-db-pooler"));
        // The findings follow: the functions no longer reach the database directly.
        QVERIFY(!window->chartsPanel()->checkResult().findings.empty());
        for (const auto& f : window->chartsPanel()->checkResult().findings)
            QVERIFY(f.rule != "serverless-without-pooler");
    }

    void tryItKeepsOrDiscardsTheSwap() {
        auto window = openShop();
        QVERIFY(window);
        Document* doc = window->document();
        doc->setSelection({QStringLiteral("sessions")});
        auto* panel = window->chartsPanel();
        QCOMPARE(panel->currentStore(), QStringLiteral("sessions"));
        const plumb::Model original = doc->model();

        auto* dialog = panel->tryTechnology(QStringLiteral("postgresql"));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QStringList before = itemTexts(dialog->beforeList());
        QVERIFY2(before.filter(QStringLiteral("fixed: sessions")).size() >= 1,
                 qPrintable(before.join('\n')));
        QVERIFY(itemTexts(dialog->afterList()).filter(QStringLiteral("new: sessions")).size() >= 1);
        QVERIFY(dialog->summary().contains(QStringLiteral("fix")));
        dialog->discardButton()->click();
        QCOMPARE(doc->model(), original);
        QVERIFY(!doc->isModified());

        dialog = panel->tryTechnology(QStringLiteral("postgresql"));
        QVERIFY(dialog);
        dialog->keepButton()->click();
        QCOMPARE(doc->model().findElement("sessions")->technology.value_or(""),
                 std::string("postgresql"));
        QVERIFY(doc->undoStack()->undoText().contains(QStringLiteral("sessions")));
        doc->undoStack()->undo();
        QCOMPARE(doc->model(), original);
    }

    void tryItRefusesWhatCannotBeTried() {
        auto window = openShop();
        QVERIFY(window);
        window->document()->setSelection({QStringLiteral("sessions")});
        QSignalSpy messages(window->chartsPanel(), &charts::ChartsPanel::message);
        QVERIFY(!window->chartsPanel()->tryTechnology(QStringLiteral("sqlite")));
        QVERIFY(!window->chartsPanel()->tryTechnology(QStringLiteral("no-such-db")));
        QCOMPARE(messages.count(), 2);
        QVERIFY(messages.at(0).at(0).toString().contains(QStringLiteral("already runs on")));
    }

    void candidateViewOffersTheRankedCandidatesThenEveryTechnology() {
        auto window = openShop();
        QVERIFY(window);
        window->document()->setSelection({QStringLiteral("sessions")});
        auto* view = window->chartsPanel()->candidates();
        QComboBox* choice = view->tryChoice();
        QVERIFY(choice->count() > 4);
        const auto& ranked = view->data().entries;
        QVERIFY(ranked.size() >= 2);
        QCOMPARE(choice->itemData(0).toString(), QString::fromStdString(ranked[1].technology));
        QVERIFY(choice->findData(QStringLiteral("sqlite")) < 0); // the current one is not offered
        QVERIFY(choice->findData(QStringLiteral("neo4j")) >= 0);
        QSignalSpy requested(view, &charts::CandidateView::tryRequested);
        choice->setCurrentIndex(0);
        // The click opens the dialog through the panel; close it so nothing is left open.
        view->tryButton()->click();
        QCOMPARE(requested.count(), 1);
        for (auto* dialog : window->chartsPanel()->findChildren<charts::SwapPreviewDialog*>())
            dialog->reject();
    }

    void contextMenuOffersWhatFitsTheItem() {
        auto window = openShop();
        QVERIFY(window);
        auto texts = [](QMenu* menu) {
            QStringList out;
            for (QAction* a : menu->actions())
                out << (a->menu() ? a->menu()->title() : a->text()).remove(QLatin1Char('&'));
            return out;
        };
        std::unique_ptr<QMenu> store(window->buildDiagramContextMenu(QStringLiteral("orders-db")));
        QCOMPARE(window->document()->selection(), QStringList{QStringLiteral("orders-db")});
        const QStringList storeItems = texts(store.get());
        for (const char* expected :
             {"Properties", "Compare Technologies", "About PostgreSQL in the Catalogue",
              "Insert Pattern", "Delete"})
            QVERIFY2(storeItems.contains(QLatin1String(expected)),
                     qPrintable(storeItems.join('|')));
        std::unique_ptr<QMenu> service(
            window->buildDiagramContextMenu(QStringLiteral("orders-api")));
        QVERIFY(!texts(service.get()).contains(QStringLiteral("Insert Pattern")));
        std::unique_ptr<QMenu> canvas(window->buildDiagramContextMenu({}));
        QVERIFY(texts(canvas.get()).contains(QStringLiteral("Select All")));

        // A real right-click on the canvas opens the menu.
        QWidget* viewport = window->diagramView()->viewport();
        QSignalSpy requested(window->diagramView(), &QWidget::customContextMenuRequested);
        QContextMenuEvent click(QContextMenuEvent::Mouse, QPoint(5, 5),
                                viewport->mapToGlobal(QPoint(5, 5)));
        QApplication::sendEvent(viewport, &click);
        QCOMPARE(requested.count(), 1);
        QMenu* popup = window->findChild<QMenu*>(QStringLiteral("diagramContextMenu"));
        QVERIFY(popup);
        popup->close();

        // "Compare Technologies" brings the candidates of that store to the front.
        for (QAction* a : store->actions())
            if (a->text().remove(QLatin1Char('&')) == QLatin1String("Compare Technologies"))
                a->trigger();
        QVERIFY(window->chartsPanel()->candidates()->isVisibleTo(window->chartsPanel()));
        QCOMPARE(window->chartsPanel()->currentStore(), QStringLiteral("orders-db"));
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("PLUMBLINE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set PLUMBLINE_SCREENSHOT_DIR to save screenshots");
        auto window = openShop();
        QVERIFY(window);
        window->resize(1600, 1000);
        window->show();
        window->document()->setSelection({QStringLiteral("sessions")});
        auto* dialog = window->chartsPanel()->tryTechnology(QStringLiteral("postgresql"));
        QVERIFY(dialog);
        QTest::qWait(100);
        dialog->grab().save(dir + QStringLiteral("/try-it.png"));
        dialog->reject();
        window->document()->setSelection({QStringLiteral("orders-db")});
        window->applyPatternTemplate(QStringLiteral("cqrs-read-model"));
        QTest::qWait(100);
        window->grab().save(dir + QStringLiteral("/template-cqrs.png"));
        QMenu* menu = window->buildDiagramContextMenu(QStringLiteral("orders-db"));
        menu->popup(window->mapToGlobal(QPoint(400, 300)));
        QTest::qWait(100);
        menu->grab().save(dir + QStringLiteral("/context-menu.png"));
        menu->close();
        delete menu;
        window->catalogueBrowser()->showEntry(QStringLiteral("read-aside"));
        window->showInCatalogue(QStringLiteral("read-aside"));
        QTest::qWait(100);
        window->grab().save(dir + QStringLiteral("/catalogue-template-link.png"));
    }
};

QTEST_MAIN(TestPatternTools)
#include "tst_pattern_tools.moc"

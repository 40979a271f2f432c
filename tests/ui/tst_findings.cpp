// Live findings in the workbench: the checker's verdict follows every edit (badges, the
// Findings dock, the status bar), waiving is an undoable model edit, and File > Export Report
// writes the same report as `plumbline report`.
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/findings/findings_status.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/model_overview.h"
#include "plumbline/ui/model_tree.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>
#include <memory>

using namespace plumb::ui;
using plumb::Severity;

namespace {

struct Window {
    test::FakeDialogs* dialogs;
    std::unique_ptr<MainWindow> window;
};

Window openEcommerce() {
    auto dialogs = std::make_unique<test::FakeDialogs>();
    Window w{dialogs.get(), std::make_unique<MainWindow>(std::move(dialogs))};
    w.window->openExample(QStringLiteral("ecommerce-platform.json"));
    return w;
}

// Sets one flow's writes per second as the property editor would: one undo step.
void setFlowWrites(Document* document, const std::string& flowId, double writes) {
    plumb::Flow flow = *document->model().findFlow(flowId);
    flow.writesPerSecond = writes;
    document->undoStack()->push(
        new diagram::SetFlowCommand(document, flow, QStringLiteral("Edit writes")));
}

// The live findings equal a full check of the same model: incremental never drifts.
void compareWithFullCheck(const MainWindow& window) {
    const auto full = plumb::check(window.document()->model(), plumb::builtinKnowledge());
    QCOMPARE(window.findings()->findings().size(), full.findings.size());
    QVERIFY(window.findings()->findings() == full.findings);
    QVERIFY(window.findings()->analysis() == full.analysis);
}

QStringList rulesOn(const FindingsModel& findings, const std::string& element) {
    QStringList rules;
    for (const auto* finding : findings.findingsFor(element))
        rules << QString::fromStdString(finding->rule);
    return rules;
}

// The row of the open list showing this rule on this element, or an invalid index.
QModelIndex openRow(const FindingsPanel& panel, const QString& rule, const QString& element) {
    const auto* model = panel.openList()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(FindingsTableModel::RuleRole).toString() == rule &&
            index.data(FindingsTableModel::ElementIdRole).toString() == element)
            return index;
    }
    return {};
}

} // namespace

class TestFindings : public QObject {
    Q_OBJECT

private slots:
    void init() { test::useScratchSettings(); }

    void ecommerceShowsItsThreeWarnings() {
        auto w = openEcommerce();
        const FindingsModel& findings = *w.window->findings();
        QCOMPARE(findings.count(Severity::Error), 0);
        QCOMPARE(findings.count(Severity::Warning), 3);
        QCOMPARE(findings.count(Severity::Info), 1);
        compareWithFullCheck(*w.window);
        QCOMPARE(rulesOn(findings, "catalog-db"),
                 QStringList({"serverless-without-pooler", "shared-store-across-contexts"}));

        auto* catalog = w.window->diagramScene()->elementItem(QStringLiteral("catalog-db"));
        QVERIFY(catalog);
        QCOMPARE(catalog->findingSeverity(), std::optional(Severity::Warning));
        QVERIFY(catalog->toolTip().contains(QStringLiteral("share"), Qt::CaseInsensitive));
        auto* payments = w.window->diagramScene()->elementItem(QStringLiteral("payments-db"));
        QCOMPARE(payments->findingSeverity(), std::nullopt);
        auto* warehouse = w.window->diagramScene()->elementItem(QStringLiteral("warehouse"));
        QCOMPARE(warehouse->findingSeverity(), std::optional(Severity::Info));

        // The dock lists the four open findings, none waived.
        QCOMPARE(w.window->findingsPanel()->openList()->model()->rowCount(), 4);
        QCOMPARE(w.window->findingsPanel()->waivedList()->model()->rowCount(), 0);
    }

    void editingWritesUpdatesFindingsAndBadges() {
        auto w = openEcommerce();
        Document* document = w.window->document();
        auto* payments = w.window->diagramScene()->elementItem(QStringLiteral("payments-db"));
        const QString plainTip = payments->toolTip();
        QSignalSpy changed(w.window->findings(), &FindingsModel::findingsChanged);

        // Far past what one PostgreSQL primary writes: a rule fires, the badge shows.
        setFlowWrites(document, "payments-rw", 250000);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!rulesOn(*w.window->findings(), "payments-db").isEmpty());
        QVERIFY(payments->findingSeverity().has_value());
        QVERIFY(payments->toolTip() != plainTip);
        compareWithFullCheck(*w.window);

        // Undo: the finding and the badge go, the tooltip is the element's own again.
        document->undoStack()->undo();
        QVERIFY(rulesOn(*w.window->findings(), "payments-db").isEmpty());
        QCOMPARE(payments->findingSeverity(), std::nullopt);
        QCOMPARE(payments->toolTip(), plainTip);
        compareWithFullCheck(*w.window);

        document->undoStack()->redo();
        QVERIFY(payments->findingSeverity().has_value());
        compareWithFullCheck(*w.window);
    }

    void structuralEditsStayEqualToAFullCheck() {
        auto w = openEcommerce();
        Document* document = w.window->document();
        auto* scene = w.window->diagramScene();
        // Delete the function behind the pooler warning, add a store and a flow, rename.
        document->setSelection({QStringLiteral("recommendations")});
        scene->deleteSelection();
        compareWithFullCheck(*w.window);
        QVERIFY(!rulesOn(*w.window->findings(), "catalog-db")
                     .contains(QStringLiteral("serverless-without-pooler")));
        const QString store = scene->addElement(plumb::ElementKind::Store, {900, 900});
        compareWithFullCheck(*w.window);
        scene->addFlow(QStringLiteral("order-service"), store);
        compareWithFullCheck(*w.window);
        while (document->undoStack()->canUndo()) {
            document->undoStack()->undo();
            compareWithFullCheck(*w.window);
        }
        QCOMPARE(w.window->findings()->count(Severity::Warning), 3);
    }

    void movesDoNotRecheckOrRebuildTheTree() {
        auto w = openEcommerce();
        QSignalSpy findings(w.window->findings(), &FindingsModel::findingsChanged);
        QSignalSpy tree(w.window->treeModel(), &QAbstractItemModel::modelReset);
        w.window->diagramScene()->moveItems({QStringLiteral("catalog-db")}, {16, 8}, false);
        QCOMPARE(w.window->document()->undoStack()->count(), 1);
        QCOMPARE(findings.count(), 0);
        QCOMPARE(tree.count(), 0);
    }

    void waivingFromTheDockIsUndoable() {
        auto w = openEcommerce();
        FindingsPanel* panel = w.window->findingsPanel();
        Document* document = w.window->document();
        const QModelIndex row = openRow(*panel, QStringLiteral("shared-store-across-contexts"),
                                        QStringLiteral("orders-db"));
        QVERIFY(row.isValid());
        panel->openList()->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
        QVERIFY(panel->waiveAction()->isEnabled());

        // Cancelling the reason changes nothing.
        w.dialogs->waiverReason.reset();
        panel->waiveAction()->trigger();
        QCOMPARE(w.dialogs->waiverPrompts.size(), 1);
        QVERIFY(document->model().waivers.empty());
        QVERIFY(!document->isModified());

        w.dialogs->waiverReason = QStringLiteral("Reporting moves to the warehouse in Q3");
        panel->waiveAction()->trigger();
        QCOMPARE(document->model().waivers.size(), std::size_t(1));
        const plumb::Waiver& waiver = document->model().waivers.front();
        QCOMPARE(waiver.rule, plumb::Text("shared-store-across-contexts"));
        QCOMPARE(waiver.element, plumb::Text("orders-db"));
        QCOMPARE(waiver.reason, plumb::Text("Reporting moves to the warehouse in Q3"));
        QCOMPARE(waiver.date, plumb::Text(plumb::todayIso()));
        if (!qEnvironmentVariable("USER").isEmpty())
            QCOMPARE(waiver.author, plumb::Text(qEnvironmentVariable("USER").toStdString()));

        QCOMPARE(w.window->findings()->count(Severity::Warning), 2);
        QCOMPARE(w.window->findings()->waivedCount(), 1);
        QCOMPARE(panel->waivedList()->model()->rowCount(), 1);
        const QModelIndex waived = panel->waivedList()->model()->index(0, 0);
        QCOMPARE(waived.siblingAtColumn(FindingsTableModel::ReasonColumn).data().toString(),
                 QStringLiteral("Reporting moves to the warehouse in Q3"));
        QVERIFY(panel->waivedToggle()->text().contains(QStringLiteral("(1)")));
        QCOMPARE(w.window->diagramScene()->elementItem("orders-db")->findingSeverity(),
                 std::nullopt);
        compareWithFullCheck(*w.window);

        document->undoStack()->undo();
        QVERIFY(document->model().waivers.empty());
        QCOMPARE(w.window->findings()->count(Severity::Warning), 3);
        QCOMPARE(panel->waivedList()->model()->rowCount(), 0);
        QCOMPARE(w.window->diagramScene()->elementItem("orders-db")->findingSeverity(),
                 std::optional(Severity::Warning));
        QVERIFY(!document->isModified());
    }

    void filtersNarrowTheList() {
        auto w = openEcommerce();
        FindingsPanel* panel = w.window->findingsPanel();
        QAbstractItemModel* open = panel->openList()->model();
        panel->filterEdit()->setText(QStringLiteral("catalog"));
        QCOMPARE(open->rowCount(), 2);
        panel->filterEdit()->clear();
        panel->severityFilter()->setCurrentIndex(
            panel->severityFilter()->findData(int(Severity::Info)));
        QCOMPARE(open->rowCount(), 1);
        QCOMPARE(open->index(0, 0).data(FindingsTableModel::ElementIdRole).toString(),
                 QStringLiteral("warehouse"));
        panel->severityFilter()->setCurrentIndex(0);
        QCOMPARE(open->rowCount(), 4);
    }

    void clickingAFindingSelectsAndCentresItsElement() {
        auto w = openEcommerce();
        w.window->resize(1400, 900);
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        FindingsPanel* panel = w.window->findingsPanel();
        auto* view = w.window->diagramView();
        view->setZoom(2.0);
        const QModelIndex row =
            openRow(*panel, QStringLiteral("estimates-missing"), QStringLiteral("warehouse"));
        QVERIFY(row.isValid());
        panel->openList()->scrollTo(row);
        const QRect rect = panel->openList()->visualRect(row);
        QVERIFY2(panel->openList()->viewport()->rect().contains(rect.center()),
                 qPrintable(QStringLiteral("row at %1,%2 in a %3x%4 list")
                                .arg(rect.center().x())
                                .arg(rect.center().y())
                                .arg(panel->openList()->viewport()->width())
                                .arg(panel->openList()->viewport()->height())));
        QTest::mouseClick(panel->openList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(w.window->document()->selection(), QStringList{QStringLiteral("warehouse")});
        const QPointF centre = w.window->diagramScene()->boxOf("warehouse").center();
        const QPointF shown = view->mapToScene(view->viewport()->rect().center());
        QVERIFY2(QLineF(centre, shown).length() < 40,
                 qPrintable(QStringLiteral("centre %1,%2 shown %3,%4")
                                .arg(centre.x())
                                .arg(centre.y())
                                .arg(shown.x())
                                .arg(shown.y())));
    }

    void statusBarCountsLive() {
        auto w = openEcommerce();
        auto* status = w.window->statusBar()->findChild<FindingsStatus*>();
        QVERIFY(status);
        QCOMPARE(status->plainText(), QStringLiteral("0 errors · 3 warnings"));
        QVERIFY(status->text().contains(QStringLiteral("#d97706"), Qt::CaseInsensitive));
        setFlowWrites(w.window->document(), "payments-rw", 250000);
        QVERIFY(status->plainText() != QStringLiteral("0 errors · 3 warnings"));
        w.window->document()->undoStack()->undo();
        QCOMPARE(status->plainText(), QStringLiteral("0 errors · 3 warnings"));
        w.window->newDocument();
        QCOMPARE(status->plainText(), QStringLiteral("0 errors · 0 warnings"));
    }

    void exportReportWritesEachFormat_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("html") << "report.html" << QByteArray("<!DOCTYPE html");
        QTest::newRow("markdown") << "report.md" << QByteArray("#");
        QTest::newRow("pdf") << "report.pdf" << QByteArray("%PDF");
        QTest::newRow("no suffix is html") << "report" << QByteArray("<!DOCTYPE html");
    }

    void exportReportWritesEachFormat() {
        QFETCH(QString, name);
        QFETCH(QByteArray, start);
        QTemporaryDir dir;
        auto w = openEcommerce();
        w.dialogs->saveFileName = dir.filePath(name);
        QVERIFY(w.window->exportReport());
        QVERIFY(w.dialogs->errors.isEmpty());
        QVERIFY(w.dialogs->suggestedSavePaths.value(0).endsWith(
            QStringLiteral("ecommerce-platform.html")));
        const QString written =
            QFileInfo(name).suffix().isEmpty() ? dir.filePath(name + ".html") : dir.filePath(name);
        QFile file(written);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(written));
        const QByteArray content = file.readAll();
        QVERIFY2(content.trimmed().startsWith(start), content.left(80).constData());
        if (!name.endsWith(QStringLiteral(".pdf")))
            QVERIFY(content.contains("shared-store-across-contexts") ||
                    content.contains("Shared") || content.contains("shared"));
    }

    void exportReportRefusesAnUnknownFormat() {
        QTemporaryDir dir;
        auto w = openEcommerce();
        QVERIFY(!w.window->exportReport(dir.filePath(QStringLiteral("report.docx"))));
        QCOMPARE(w.dialogs->errors.size(), 1);
        QVERIFY(w.dialogs->errors[0].details.contains(QStringLiteral("report.docx")));
        QVERIFY(w.dialogs->errors[0].details.contains(QStringLiteral(".html")));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("report.docx"))));
        // Cancelling the file dialog does nothing.
        w.dialogs->saveFileName.clear();
        QVERIFY(!w.window->exportReport());
        QCOMPARE(w.dialogs->errors.size(), 1);
    }
};

QTEST_MAIN(TestFindings)
#include "tst_findings.moc"

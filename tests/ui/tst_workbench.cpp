// The workbench window end to end: what it opens, what it shows, and that files, undo and the
// recent list behave. Dialogs are answered by FakeDialogs, so nothing blocks.
#include "plumbline/model_files.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/model_overview.h"
#include "plumbline/ui/model_tree.h"
#include "plumbline/ui/recent_files.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>

using namespace plumb;
using namespace plumb::ui;
using namespace plumb::ui::test;

namespace {

Model readSourceModel(const QString& path) {
    auto result = loadProjectOrModel(path.toStdString());
    if (!result.ok()) qFatal("cannot read %s", qPrintable(path));
    return result.project->model;
}

// The children's names under the top-level node called `title`.
QStringList childNames(const ModelTreeModel* model, const QString& title) {
    const auto found =
        model->match(model->index(0, 0), Qt::DisplayRole, title, 1, Qt::MatchExactly);
    QStringList names;
    if (found.isEmpty()) return names;
    for (int row = 0; row < model->rowCount(found.first()); ++row)
        names << model->index(row, 0, found.first()).data().toString();
    return names;
}

const QByteArray kSmallModel = R"({"format": "plumbline-model", "version": 1, "name": "Small",
  "contexts": [{"id": "orders", "name": "Orders"}],
  "elements": [{"id": "api", "kind": "service", "context": "orders"},
               {"id": "db", "kind": "store", "context": "orders", "technology": "postgresql"}],
  "flows": [{"id": "f1", "from": "api", "to": "db", "readsPerSecond": 800, "writesPerSecond": 120}]})";

} // namespace

class TestWorkbench : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeDialogs* m_dialogs = nullptr; // owned by m_window
    std::unique_ptr<MainWindow> m_window;

private slots:
    void init() {
        useScratchSettings();
        auto dialogs = std::make_unique<FakeDialogs>();
        m_dialogs = dialogs.get();
        m_window = std::make_unique<MainWindow>(std::move(dialogs));
    }
    void cleanup() { m_window.reset(); }

    // At first start the example opens with its cards' text readable, not as blank boxes.
    void opensWithReadableText() {
        m_window->resize(1440, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openStartupDocument({}));
        QTest::qWait(50); // the zoom is set again once the window has its size
        QVERIFY2(m_window->diagramView()->zoom() >= diagram::kTextLevelOfDetail,
                 qPrintable(QString::number(m_window->diagramView()->zoom())));
        // Ctrl+0 still shows all of it (since the canvas has the window's full height, at a
        // zoom where the text stays readable too).
        auto* view = m_window->diagramView();
        view->zoomToFit();
        const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
        const QRectF all = view->scene()->itemsBoundingRect();
        QVERIFY2(shown.adjusted(-1, -1, 1, 1).contains(all),
                 qPrintable(QStringLiteral("%1 %2").arg(shown.height()).arg(all.height())));
    }

    void opensTheBundledExampleAndShowsItsTree() {
        QVERIFY(m_window->openStartupDocument({}));
        const Document* document = m_window->document();
        QCOMPARE(document->displayName(), QStringLiteral("ecommerce-platform"));
        QVERIFY(document->isUntitled());
        QVERIFY(!document->isModified());
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("ecommerce-platform[*]")));

        const Model expected = readSourceModel(exampleSourcePath("ecommerce-platform.json"));
        QCOMPARE(document->model(), expected);

        // Every context is a top-level node holding exactly its elements.
        const ModelTreeModel* tree = m_window->treeModel();
        for (const Context& context : expected.contexts) {
            QStringList elements;
            for (const Element& element : expected.elements)
                if (element.context == context.id)
                    elements << QString::fromStdString(element.displayName());
            QCOMPARE(childNames(tree, QString::fromStdString(*context.name)), elements);
        }
        QVERIFY(childNames(tree, "No context").contains("Shoppers"));
        QCOMPARE(childNames(tree, "Flows").size(), int(expected.flows.size()));
        QVERIFY(!m_window->overview()->isShowingEmptyState());
    }

    void flowRowsShowDirectionAndRates() {
        const QString path = writeFile(m_dir.path(), "small.json", kSmallModel);
        QVERIFY(m_window->openFile(path));
        const ModelTreeModel* tree = m_window->treeModel();
        const QModelIndex flow = tree->indexForId("f1");
        QVERIFY(flow.isValid());
        QCOMPARE(flow.data().toString(), QStringLiteral("api  →  db"));
        QVERIFY(flow.siblingAtColumn(ModelTreeModel::DetailsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("800 r/s · 120 w/s")));
        const QModelIndex db = tree->indexForId("db");
        QCOMPARE(db.parent().data().toString(), QStringLiteral("Orders"));
        QCOMPARE(db.siblingAtColumn(ModelTreeModel::KindColumn).data().toString(),
                 QStringLiteral("store"));
        QCOMPARE(db.siblingAtColumn(ModelTreeModel::TechnologyColumn).data().toString(),
                 QStringLiteral("postgresql"));
        QVERIFY(!db.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    void badFileLeavesTheDocumentUntouched_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedInMessage");
        QTest::newRow("syntax") << "syntax.json" << QByteArray("{\"format\": ") << "syntax.json";
        QTest::newRow("unknown reference")
            << "reference.json"
            << QByteArray(R"({"format": "plumbline-model", "version": 1, "elements":
                 [{"id": "a", "kind": "service"}], "flows": [{"id": "f", "from": "a", "to": "nope"}]})")
            << "/flows/0/to";
        QTest::newRow("bad kind")
            << "kind.json"
            << QByteArray(
                   R"({"format": "plumbline-model", "version": 1, "elements": [{"id": "a", "kind": "blob"}]})")
            << "/elements/0/kind";
        QTest::newRow("not a project")
            << "garbage.plumb" << QByteArray("not sqlite at all") << "garbage.plumb";
        QTest::newRow("missing") << "missing.json" << QByteArray() << "missing.json";
    }
    void badFileLeavesTheDocumentUntouched() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedInMessage);
        QVERIFY(m_window->openStartupDocument({}));
        const Document* before = m_window->document();
        const Model model = before->model();

        const QString path =
            content.isEmpty() ? m_dir.filePath(name) : writeFile(m_dir.path(), name, content);
        QVERIFY(!m_window->openFile(path));

        QCOMPARE(m_window->document(), before);
        QCOMPARE(m_window->document()->model(), model);
        QCOMPARE(m_dialogs->errors.size(), 1);
        const ShownMessage& error = m_dialogs->errors.first();
        QVERIFY2(error.details.contains(expectedInMessage), qPrintable(error.details));
        QVERIFY(error.text.contains(name));
        QVERIFY(m_dialogs->unsavedPrompts.isEmpty()); // never asked to save for nothing
        QVERIFY(!recentFiles().contains(path));
    }

    void undoAndRedoOfRenameRestoreTheExactModel() {
        QVERIFY(m_window->openStartupDocument({}));
        Document* document = m_window->document();
        const Model original = document->model();
        m_dialogs->modelProperties = ModelProperties{"Renamed shop", std::nullopt};
        QVERIFY(m_window->editModelProperties());
        QCOMPARE(*document->model().name, std::string("Renamed shop"));
        QVERIFY(!document->model().description);
        QCOMPARE(m_window->findChild<QLabel*>("modelTitle")->text(),
                 QStringLiteral("Renamed shop"));

        auto* undo = m_window->findChild<QAction*>("actionUndo");
        auto* redo = m_window->findChild<QAction*>("actionRedo");
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(document->model(), original);
        QVERIFY(!document->isModified());
        redo->trigger();
        QCOMPARE(*document->model().name, std::string("Renamed shop"));
        undo->trigger();
        QCOMPARE(document->model(), original);
    }

    void redoAnswersCtrlYAndCtrlShiftZ() {
        auto* redo = m_window->findChild<QAction*>("actionRedo");
        QVERIFY(redo);
        const auto keys = redo->shortcuts();
        QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)));
        QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    }

    void undoKeepsAnAbsentNameAbsent() {
        QVERIFY(m_window->newDocument());
        Document* document = m_window->document();
        QVERIFY(!document->model().name);
        m_dialogs->modelProperties = ModelProperties{"Named", std::nullopt};
        QVERIFY(m_window->editModelProperties());
        document->undoStack()->undo();
        QVERIFY(!document->model().name); // absent again, not ""
        // Confirming the dialog without a change adds no undo step.
        m_dialogs->modelProperties = document->modelProperties();
        QVERIFY(!m_window->editModelProperties());
        QCOMPARE(document->undoStack()->index(), 0);
    }

    void modifiedAfterEditAndCleanAfterSave() {
        QVERIFY(m_window->openStartupDocument({}));
        m_dialogs->modelProperties = ModelProperties{"Shop", std::nullopt};
        QVERIFY(m_window->editModelProperties());
        QVERIFY(m_window->document()->isModified());
        QVERIFY(m_window->isWindowModified());

        // An untitled example has nowhere to go yet: Save asks, suggesting a project file.
        m_dialogs->saveFileName = m_dir.filePath("shop"); // no suffix typed
        QVERIFY(m_window->save());
        QCOMPARE(m_dialogs->suggestedSavePaths.size(), 1);
        QVERIFY(m_dialogs->suggestedSavePaths.first().endsWith("ecommerce-platform.plumb"));
        QCOMPARE(m_window->document()->filePath(), m_dir.filePath("shop.plumb"));
        QVERIFY(!m_window->document()->isModified());
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().startsWith("shop.plumb[*]"));

        // Undo past the save point makes it modified again.
        m_window->document()->undoStack()->undo();
        QVERIFY(m_window->document()->isModified());
    }

    void saveAsProjectThenReopenGivesAnEqualModel() {
        QVERIFY(m_window->openStartupDocument({}));
        const Model model = m_window->document()->model();
        const QString path = m_dir.filePath("roundtrip.plumb");
        QVERIFY(m_window->saveAs(path));
        QVERIFY(m_window->newDocument());
        QVERIFY(m_window->openFile(path));
        QCOMPARE(m_window->document()->model(), model);
        QCOMPARE(m_window->document()->filePath(), QFileInfo(path).canonicalFilePath());
    }

    void saveOfAJsonDocumentAsksForAProjectFile() {
        const QString json = writeFile(m_dir.path(), "small.json", kSmallModel);
        QVERIFY(m_window->openFile(json));
        m_dialogs->modelProperties = ModelProperties{"Edited", std::nullopt};
        QVERIFY(m_window->editModelProperties());
        m_dialogs->saveFileName.clear(); // the user cancels the Save As
        QVERIFY(!m_window->save());
        QCOMPARE(m_dialogs->suggestedSavePaths.size(), 1);
        QVERIFY(m_dialogs->suggestedSavePaths.first().endsWith("small.plumb"));
        QVERIFY(m_window->document()->isModified());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), kSmallModel); // the JSON was not overwritten
    }

    void exportJsonWritesTheModel() {
        QVERIFY(m_window->openStartupDocument({}));
        const QString path = m_dir.filePath("export.json");
        QVERIFY(m_window->exportJson(path));
        QCOMPARE(readSourceModel(path), m_window->document()->model());
        QVERIFY(m_window->document()->isUntitled()); // exporting does not change the document
    }

    void importJsonMakesAnUntitledDocument() {
        const QString json = writeFile(m_dir.path(), "small.json", kSmallModel);
        QVERIFY(m_window->importJson(json));
        QVERIFY(m_window->document()->isUntitled());
        QCOMPARE(m_window->document()->displayName(), QStringLiteral("small"));
        QVERIFY(!m_window->importJson(writeFile(m_dir.path(), "bad.json", "[1, 2")));
        QCOMPARE(m_dialogs->errors.size(), 1);
        QCOMPARE(m_window->document()->displayName(), QStringLiteral("small"));
    }

    void recentFilesListUpdates() {
        QStringList paths;
        for (int i = 0; i < 12; ++i) {
            paths << QFileInfo(writeFile(m_dir.path(), QString("m%1.json").arg(i), kSmallModel))
                         .canonicalFilePath();
            QVERIFY(m_window->openFile(paths.last()));
        }
        QStringList recent = recentFiles();
        QCOMPARE(recent.size(), kMaximumRecentFiles);
        QCOMPARE(recent.first(), paths.last());
        QVERIFY(!recent.contains(paths.first())); // the oldest fell off

        QVERIFY(m_window->openFile(paths[5])); // reopening moves it to the front, once
        recent = recentFiles();
        QCOMPARE(recent.first(), paths[5]);
        QCOMPARE(recent.count(paths[5]), 1);

        // The menu lists them; choosing one that has disappeared removes it with a message.
        auto* menu = m_window->findChild<QMenu*>("menuRecent");
        QCOMPARE(menu->actions().size(), kMaximumRecentFiles);
        QVERIFY(QFile::remove(paths[11]));
        QAction* gone = nullptr;
        for (QAction* action : menu->actions())
            if (action->toolTip() == paths[11]) gone = action;
        QVERIFY(gone);
        gone->trigger();
        QCOMPARE(m_dialogs->informations.size(), 1);
        QVERIFY(m_dialogs->informations.first().text.contains("m11.json"));
        QVERIFY(!recentFiles().contains(paths[11]));
        QCOMPARE(menu->actions().size(), kMaximumRecentFiles - 1);
    }

    void startupOpensTheLastFileWhenItExists() {
        const QString path = writeFile(m_dir.path(), "last.json", kSmallModel);
        addRecentFile(path);
        QVERIFY(m_window->openStartupDocument({}));
        QCOMPARE(m_window->document()->displayName(), QStringLiteral("last.json"));
        QVERIFY(QFile::remove(path));
        QVERIFY(m_window->openStartupDocument({}));
        QCOMPARE(m_window->document()->displayName(), QStringLiteral("ecommerce-platform"));
    }

    void unsavedChangesPromptCanCancelOrDiscard() {
        QVERIFY(m_window->openStartupDocument({}));
        m_dialogs->modelProperties = ModelProperties{"Edited", std::nullopt};
        QVERIFY(m_window->editModelProperties());
        Document* edited = m_window->document();

        m_dialogs->unsavedChoice = UnsavedChoice::Cancel;
        QVERIFY(!m_window->newDocument());
        QCOMPARE(m_window->document(), edited);
        QVERIFY(!m_window->close()); // closing is refused too
        QCOMPARE(m_dialogs->unsavedPrompts,
                 QStringList({"ecommerce-platform", "ecommerce-platform"}));

        m_dialogs->unsavedChoice = UnsavedChoice::Discard;
        QVERIFY(m_window->newDocument());
        QVERIFY(!m_window->document()->isModified());
        QVERIFY(m_window->overview()->isShowingEmptyState()); // a new model has nothing yet
    }

    void everyBundledExampleLoads_data() {
        QTest::addColumn<QString>("fileName");
        const QStringList expected = {"ecommerce-platform.json", "iot-telemetry.json",
                                      "rag-assistant.json", "saas-edge.json"};
        for (const QString& name : expected)
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyBundledExampleLoads() {
        QFETCH(QString, fileName);
        QVERIFY(m_window->openExample(fileName));
        QVERIFY2(m_dialogs->errors.isEmpty(), qPrintable(m_dialogs->errors.value(0).details));
        QCOMPARE(m_window->document()->model(), readSourceModel(exampleSourcePath(fileName)));
        QVERIFY(!m_window->overview()->isShowingEmptyState());
    }

    void examplesMenuListsTheBundledExamples() {
        auto* menu = m_window->findChild<QMenu*>("menuExamples");
        QStringList titles;
        for (QAction* action : menu->actions())
            titles << action->text();
        QVERIFY2(titles.contains("E-commerce platform"), qPrintable(titles.join(", ")));
        QVERIFY(titles.contains("IoT telemetry pipeline"));
        menu->actions().last()->trigger();
        QVERIFY(m_window->document()->isUntitled());
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"

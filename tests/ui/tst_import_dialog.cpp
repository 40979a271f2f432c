// File > Import…: the preview shows the import report; the model opens as an untitled document
// with the draw.io positions kept.
#include "plumbline/interop/import_report_text.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/import_dialog.h"
#include "plumbline/ui/user_dialogs.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QTest>

using namespace plumb::ui;

namespace {
const QString kSamples = QStringLiteral(PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/");
}

class TestImportDialog : public QObject {
    Q_OBJECT
private slots:
    void importOpensAnUntitledDocumentWithPositions() {
        auto dialogs = std::make_unique<QtUserDialogs>();
        auto doc = importOtherFormat(nullptr, *dialogs, {},
                                     kSamples + "drawio/startleft-aws.drawio", false);
        QVERIFY(doc);
        QVERIFY(doc->isUntitled());
        QCOMPARE(doc->displayName(), QStringLiteral("startleft-aws"));
        QVERIFY(!doc->project().model.layout.empty());
    }
    void openRecognisesOtherToolsFilesByContent() {
        // File > Open and `plumbline FILE` import these instead of refusing them.
        QVERIFY(isOtherToolsFile(kSamples + "drawio/startleft-aws.drawio"));
        QVERIFY(isOtherToolsFile(kSamples + "structurizr/big-bank-plc-workspace.dsl"));
        QVERIFY(isOtherToolsFile(kSamples + "otm/EXAMPLE.otm.json"));
        QVERIFY(!isOtherToolsFile(
            QStringLiteral(PLUMBLINE_SOURCE_DIR "/resources/examples/ecommerce-platform.json")));
        QVERIFY(!isOtherToolsFile(QStringLiteral("/nonexistent/file.drawio")));
    }
    void previewShowsTheReport() {
        const std::string file = (kSamples + "threat-dragon/v2-threat-model.json").toStdString();
        auto loaded = plumb::loadAnyModel(file, &plumb::builtinKnowledge());
        QVERIFY(loaded.ok() && loaded.import);
        ImportPreviewDialog dialog(QStringLiteral("v2-threat-model.json"),
                                   QString::fromStdString(plumb::interop::importReportText(
                                       *loaded.import, &loaded.project->model)));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("importReport"));
        QVERIFY(text);
        QVERIFY(text->toPlainText().contains("guessed queue"));
        if (const QByteArray dir = qgetenv("PLUMBLINE_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath("import-preview.png"));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_import_dialog.moc"

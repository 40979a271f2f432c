#include "plumbline/ui/import_dialog.h"

#include "plumbline/interop/import_report_text.h"
#include "plumbline/interop/importer.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_files.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/user_dialogs.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plumb::ui {

ImportPreviewDialog::ImportPreviewDialog(const QString& title, const QString& report,
                                         QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("importPreviewDialog"));
    setWindowTitle(tr("Import %1").arg(title));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What Plumbline read, and what it guessed. Check the guesses "
                                "before trusting the findings; the model opens as a new, unsaved "
                                "document."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_text = new QPlainTextEdit(report, this);
    m_text->setObjectName(QStringLiteral("importReport"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 560);
}

std::unique_ptr<Document> importOtherFormat(QWidget* parent, UserDialogs& dialogs,
                                            const QString& startDirectory, QString path,
                                            bool preview) {
    if (path.isEmpty())
        path = dialogs.askOpenFileName(
            parent, QObject::tr("Import"), startDirectory,
            QObject::tr("Architecture files (*.drawio *.xml *.json *.dsl);;All files (*)"));
    if (path.isEmpty()) return nullptr;
    const QFileInfo info(path);
    AnyModelLoadResult loaded =
        loadAnyModel(info.absoluteFilePath().toStdString(), &builtinKnowledge());
    if (!loaded.ok()) {
        const QString why = loaded.errors.empty()
                                ? QObject::tr("cannot be read")
                                : QString::fromStdString(loaded.errors.front().toString());
        QMessageBox::warning(parent, QObject::tr("Import"), why);
        return nullptr;
    }
    QString report =
        loaded.import
            ? QString::fromStdString(
                  interop::importReportText(*loaded.import, &loaded.project->model))
            : QObject::tr("%1 is a Plumbline model; nothing was guessed.").arg(info.fileName());
    if (preview) {
        ImportPreviewDialog dialog(info.fileName(), report, parent);
        if (dialog.exec() != QDialog::Accepted) return nullptr;
    }
    // An import becomes a new untitled project: saving it never overwrites the source.
    return std::make_unique<Document>(std::move(*loaded.project), QString(),
                                      info.completeBaseName());
}

bool isOtherToolsFile(const QString& path) {
    if (isProjectFileName(path.toStdString())) return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return false; // the loader says why
    const QByteArray bytes = file.readAll();
    return interop::detectImporter(std::string_view(bytes.constData(), bytes.size())) != nullptr;
}

} // namespace plumb::ui

#pragma once
// File > Import…: another tool's file (draw.io, Threat Dragon, OTM, Structurizr) read by the
// model's importers, with a preview of the import report before the model opens as an untitled
// document (draw.io and threat-model positions kept; models without any are auto-laid out).

#include <QDialog>
#include <memory>

class QPlainTextEdit;

namespace plumb::ui {

class Document;
class UserDialogs;

class ImportPreviewDialog : public QDialog {
    Q_OBJECT
public:
    ImportPreviewDialog(const QString& title, const QString& report, QWidget* parent = nullptr);

private:
    QPlainTextEdit* m_text = nullptr;
};

// Asks for the file, reads it, shows the preview; the document to open, or null (cancelled or
// refused: the reason was shown). `preview` false skips the dialog (tests).
std::unique_ptr<Document> importOtherFormat(QWidget* parent, UserDialogs& dialogs,
                                            const QString& startDirectory, QString path = {},
                                            bool preview = true);

// True when `path` is another tool's file (found by content, as loadAnyModel does): File > Open
// and the command line then import it, so that saving never overwrites the original.
bool isOtherToolsFile(const QString& path);

} // namespace plumb::ui

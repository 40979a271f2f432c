#include "plumbline/ui/report/report_file.h"

#include "plumbline/report.h"
#include "plumbline/ui/report/report_export.h"
#include "plumbline/version.h"

#include <QFileInfo>
#include <QObject>

namespace plumb::ui {

QString writeDocumentReport(const Document& document, const plumb::KnowledgeBase& knowledge,
                            const QString& path) {
    const std::string target = path.toStdString();
    if (!plumb::reportFormatFor(target))
        return QObject::tr("%1: expected a file ending in .html, .md, .pdf, .svg or .png")
            .arg(QFileInfo(path).fileName());
    plumb::ReportOptions options;
    // As the command line does (cmd_report.cpp), so both produce the same report.
    options.toolVersion = std::string("Plumbline ") + PLUMBLINE_VERSION;
    options.sourceFile = document.isUntitled() ? document.displayName().toStdString()
                                               : document.filePath().toStdString();
    const plumb::Report report = plumb::buildReport(document.model(), knowledge, options);
    if (auto error = exportReport(report, target)) return QString::fromStdString(*error);
    return {};
}

} // namespace plumb::ui

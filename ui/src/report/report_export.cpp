// Format dispatch for report export, and the diagram as PNG (report_export.h).
#include "plumbline/ui/report/report_export.h"

#include "plumbline/model_files.h"

#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <algorithm>

namespace plumb::ui {

std::optional<std::string> writeSvgAsPng(const std::string& svg, const std::string& path,
                                         double scale) {
    QSvgRenderer renderer(QByteArray::fromStdString(svg));
    if (!renderer.isValid()) return path + ": the diagram could not be rendered";
    const QSizeF natural = renderer.defaultSize();
    // Keep huge diagrams within what an image viewer (and memory) can take.
    const double s = std::min(scale, 16000.0 / std::max(natural.width(), natural.height()));
    QImage image((natural * s).toSize().expandedTo(QSize(1, 1)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        renderer.render(&painter, QRectF(QPointF(0, 0), natural * s));
    }
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return path + ": cannot be written (" + file.errorString().toStdString() + ")";
    return std::nullopt;
}

std::optional<std::string> exportReport(const Report& report, const std::string& path,
                                        const ReportExportOptions& options) {
    const auto format = reportFormatFor(path);
    if (!format) return path + ": expected an output file ending in .html, .md, .pdf, .svg or .png";
    auto text = [&](const std::string& content) -> std::optional<std::string> {
        if (auto error = writeFileAtomically(path, content)) return error->toString();
        return std::nullopt;
    };
    switch (*format) {
    case ReportFormat::Html:
        return text(writeReportHtml(report));
    case ReportFormat::Markdown:
        return text(writeReportMarkdown(report));
    case ReportFormat::Svg:
        return text(report.diagramSvg);
    case ReportFormat::Png:
        return writeSvgAsPng(report.diagramSvg, path, options.pngScale);
    case ReportFormat::Pdf:
        return writeReportPdf(report, path, options);
    }
    return std::nullopt;
}

} // namespace plumb::ui

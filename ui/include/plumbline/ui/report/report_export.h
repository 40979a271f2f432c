#pragma once
// Writing the architecture report in every format, through Qt where the format needs it: the
// PDF (QPdfWriter, paginated, vector diagram) and the diagram as PNG (QSvgRenderer onto an
// image). HTML, Markdown and SVG come from the Qt-free writers in plumbline_model.
//
// The PDF and PNG writers need a QGuiApplication (offscreen is fine); the command line creates
// one only for those formats. Every writer writes a temporary file and renames it, so a failed
// export never leaves a partial file behind.

#include "plumbline/report.h"

#include <optional>
#include <string>

namespace plumb::ui {

enum class PageSize { A4, Letter };

struct ReportExportOptions {
    PageSize page = PageSize::A4;
    double pngScale = 2.0; // device pixels per diagram unit for PNG
};

// Writes `report` as a PDF to `path`. Returns an error message, or nullopt when done.
std::optional<std::string> writeReportPdf(const Report& report, const std::string& path,
                                          const ReportExportOptions& options = {});

// Renders `svg` to a PNG file at `path`.
std::optional<std::string> writeSvgAsPng(const std::string& svg, const std::string& path,
                                         double scale = 2.0);

// Writes the report in the format `path` names (report.h: reportFormatFor).
std::optional<std::string> exportReport(const Report& report, const std::string& path,
                                        const ReportExportOptions& options = {});

} // namespace plumb::ui

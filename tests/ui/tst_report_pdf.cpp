// The PDF report through Qt: renders with poppler (pdftoppm), holds the store names as text
// (pdftotext) including the diagram's labels, honours A4 and Letter, and draws hostile names
// as plain text.
#include "plumbline/knowledge.h"
#include "plumbline/model_json.h"
#include "plumbline/ui/report/report_export.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <sstream>

using namespace plumb;

namespace {

Report reportFor(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto loaded = readModelJson(text.str(), path.toStdString());
    if (!loaded.ok()) qFatal("%s", loaded.errors.front().toString().c_str());
    ReportOptions options;
    options.date = "2025-01-15";
    options.toolVersion = "Plumbline test";
    return buildReport(*loaded.model, builtinKnowledge(), options);
}

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// Each page's size in points, from pdfinfo.
QList<QSizeF> sizesOfPages(const QString& pdf) {
    QList<QSizeF> sizes;
    for (const QString& line : run("pdfinfo", {"-f", "1", "-l", "9999", pdf}).split('\n')) {
        static const QRegularExpression size(R"(^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts)");
        const auto match = size.match(line);
        if (match.hasMatch())
            sizes << QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble());
    }
    return sizes;
}

// The lines of one page's text without the running header and footer.
QStringList bodyLines(const QString& pdf, int page, const Report& report) {
    const QString n = QString::number(page);
    QStringList lines;
    for (const QString& raw :
         run("pdftotext", {"-f", n, "-l", n, "-layout", pdf, "-"}).split('\n')) {
        const QString line = raw.simplified();
        if (line.isEmpty() || line.startsWith(QString::fromStdString(report.title)) ||
            line.contains(QStringLiteral("generated ")))
            continue;
        lines << line;
    }
    return lines;
}

bool havePoppler() {
    return !QStandardPaths::findExecutable("pdftotext").isEmpty() &&
           !QStandardPaths::findExecutable("pdftoppm").isEmpty() &&
           !QStandardPaths::findExecutable("pdfinfo").isEmpty();
}

} // namespace

class TestReportPdf : public QObject {
    Q_OBJECT
private slots:
    void rendersEveryExample_data() {
        QTest::addColumn<QString>("path");
        const QString examples = QString(PLUMBLINE_SOURCE_DIR) + "/resources/examples/";
        for (const auto& name : QDir(examples).entryList({"*.json"}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << examples + name;
        QTest::newRow("hostile.json") << QString(PLUMBLINE_TEST_DATA) + "/report/hostile.json";
    }
    void rendersEveryExample() {
        if (!havePoppler()) QSKIP("poppler-utils (pdftoppm, pdftotext) not installed");
        QFETCH(QString, path);
        const Report report = reportFor(path);
        QTemporaryDir dir;
        const QString pdf = dir.filePath("report.pdf");
        const auto error = ui::writeReportPdf(report, pdf.toStdString());
        QVERIFY2(!error, error ? error->c_str() : "");
        // Every page renders.
        run("pdftoppm", {"-png", "-r", "30", pdf, dir.filePath("page")});
        const int pages =
            run("pdfinfo", {pdf}).section("Pages:", 1).section('\n', 0, 0).trimmed().toInt();
        QVERIFY(pages >= 3);
        QCOMPARE(QDir(dir.path()).entryList({"page*.png"}).size(), pages);
        // The text is real text.
        const QString text = run("pdftotext", {pdf, "-"});
        for (const auto& s : report.stores)
            QVERIFY2(text.contains(QString::fromStdString(s.name).left(20)), s.name.c_str());
        QVERIFY(text.contains(QString("Page %1 of %1").arg(pages)));
        QVERIFY(text.contains("Executive summary"));
    }

    void pageSizes() {
        if (!havePoppler()) QSKIP("pdfinfo (poppler-utils) not installed");
        const Report report =
            reportFor(QString(PLUMBLINE_SOURCE_DIR) + "/resources/examples/saas-edge.json");
        QTemporaryDir dir;
        ui::ReportExportOptions letter;
        letter.page = ui::PageSize::Letter;
        QVERIFY(!ui::writeReportPdf(report, dir.filePath("a4.pdf").toStdString()));
        QVERIFY(!ui::writeReportPdf(report, dir.filePath("letter.pdf").toStdString(), letter));
        QVERIFY(run("pdfinfo", {dir.filePath("a4.pdf")}).contains("(A4)"));
        QVERIFY(run("pdfinfo", {dir.filePath("letter.pdf")}).contains("(letter)"));
    }

    // The diagram is painted from its scene, so every element's name is text on the diagram
    // page (searchable), the page renders, and the file stays small, on A4 and Letter alike.
    void diagramLabelsAreSearchableText_data() {
        QTest::addColumn<int>("page");
        QTest::newRow("A4") << int(ui::PageSize::A4);
        QTest::newRow("Letter") << int(ui::PageSize::Letter);
    }
    void diagramLabelsAreSearchableText() {
        if (!havePoppler()) QSKIP("poppler-utils (pdftoppm, pdftotext) not installed");
        QFETCH(int, page);
        const Report report = reportFor(QString(PLUMBLINE_SOURCE_DIR) +
                                        "/resources/examples/ecommerce-platform.json");
        QTemporaryDir dir;
        const QString pdf = dir.filePath("ecommerce.pdf");
        ui::ReportExportOptions options;
        options.page = static_cast<ui::PageSize>(page);
        QVERIFY(!ui::writeReportPdf(report, pdf.toStdString(), options));
        const QString info = run("pdfinfo", {pdf});
        QVERIFY(info.contains(page == int(ui::PageSize::A4) ? "(A4)" : "(letter)"));
        const int pages = info.section("Pages:", 1).section('\n', 0, 0).trimmed().toInt();
        int diagramPage = 0;
        QString text;
        for (int i = 1; i <= pages && !diagramPage; ++i) {
            text = run("pdftotext", {"-f", QString::number(i), "-l", QString::number(i), pdf, "-"});
            if (text.contains("Architecture diagram") && !text.contains("Contents"))
                diagramPage = i;
        }
        QVERIFY(diagramPage > 0);
        for (const auto& e : report.model.elements)
            QVERIFY2(text.contains(QString::fromStdString(e.displayName()).left(14)),
                     e.displayName().c_str());
        QVERIFY(text.contains("team checkout")); // context team labels too
        QVERIFY(text.contains("r/s"));           // and flow rates
        const QString n = QString::number(diagramPage);
        run("pdftoppm", {"-png", "-r", "40", "-f", n, "-l", n, pdf, dir.filePath("diagram")});
        const QStringList pngs = QDir(dir.path()).entryList({"diagram*.png"});
        QCOMPARE(pngs.size(), 1);
        const QImage image(dir.filePath(pngs.front()));
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > image.height()); // landscape
        // Glyph outlines made this file 1.2 MB; as text it is well under 300 KB.
        QVERIFY2(QFileInfo(pdf).size() < 300 * 1024,
                 qPrintable(QString::number(QFileInfo(pdf).size())));
    }

    // Issue 19: a tall saved layout got a landscape page holding only the heading, and the
    // drawing on the page after it. The drawing's shape picks the orientation, and the drawing
    // shares its page with its heading.
    void tallLayoutKeepsThePortraitPage_data() {
        QTest::addColumn<int>("page");
        QTest::newRow("A4") << int(ui::PageSize::A4);
        QTest::newRow("Letter") << int(ui::PageSize::Letter);
    }
    void tallLayoutKeepsThePortraitPage() {
        if (!havePoppler()) QSKIP("poppler-utils (pdftoppm, pdftotext, pdfinfo) not installed");
        QFETCH(int, page);
        const Report report = reportFor(QString(PLUMBLINE_TEST_DATA) + "/report/tall-layout.json");
        QVERIFY(!report.model.layout.empty());
        QTemporaryDir dir;
        const QString pdf = dir.filePath("tall.pdf");
        ui::ReportExportOptions options;
        options.page = static_cast<ui::PageSize>(page);
        QVERIFY(!ui::writeReportPdf(report, pdf.toStdString(), options));
        const QList<QSizeF> sizes = sizesOfPages(pdf);
        QCOMPARE(sizes.size(), 8); // cover, diagram, contexts, workloads, charts, findings, ...
        for (int i = 0; i < sizes.size(); ++i) {
            QVERIFY2(sizes[i].width() < sizes[i].height(), qPrintable(QString::number(i + 1)));
            // No page holds only a heading (and its running header and footer).
            QVERIFY2(bodyLines(pdf, i + 1, report).size() >= 2,
                     qPrintable(QString("page %1 holds only: ").arg(i + 1) +
                                bodyLines(pdf, i + 1, report).join('|')));
        }
        const QStringList diagram = bodyLines(pdf, 2, report);
        QVERIFY2(diagram.join(' ').contains("Architecture diagram"), qPrintable(diagram.join('|')));
        for (const auto& e : report.model.elements)
            QVERIFY2(diagram.join(' ').contains(QString::fromStdString(e.displayName())),
                     e.displayName().c_str());
        QVERIFY(diagram.join(' ').contains("Boxes are elements")); // the caption too
        // The same page rendered: portrait, with ink down to the drawing's foot.
        run("pdftoppm", {"-png", "-r", "50", "-f", "2", "-l", "2", pdf, dir.filePath("diagram")});
        const QStringList pngs = QDir(dir.path()).entryList({"diagram*.png"});
        QCOMPARE(pngs.size(), 1);
        const QImage image(dir.filePath(pngs.front()));
        QVERIFY(image.height() > image.width());
        int lowestInk = 0;
        for (int y = 0; y < image.height() * 9 / 10; ++y)
            for (int x = 0; x < image.width(); ++x)
                if (qGray(image.pixel(x, y)) < 200) lowestInk = y;
        QVERIFY2(lowestInk > image.height() * 3 / 4, qPrintable(QString::number(lowestInk)));
    }

    // A wide drawing still turns its page, and a wide saved layout too.
    void wideLayoutTurnsThePage() {
        if (!havePoppler()) QSKIP("poppler-utils (pdfinfo) not installed");
        Report report = reportFor(QString(PLUMBLINE_TEST_DATA) + "/report/tall-layout.json");
        for (LayoutBox& box : report.model.layout)
            std::swap(box.x, box.y), std::swap(box.width, box.height);
        QTemporaryDir dir;
        const QString pdf = dir.filePath("wide.pdf");
        QVERIFY(!ui::writeReportPdf(report, pdf.toStdString()));
        const QList<QSizeF> sizes = sizesOfPages(pdf);
        QVERIFY(sizes.size() >= 3);
        QVERIFY(sizes[1].width() > sizes[1].height());
        for (int i = 0; i < sizes.size(); ++i)
            if (i != 1) QVERIFY(sizes[i].width() < sizes[i].height());
        for (int i = 0; i < sizes.size(); ++i)
            QVERIFY2(bodyLines(pdf, i + 1, report).size() >= 2, qPrintable(QString::number(i + 1)));
    }

    void hostileNamesAreDrawnAsText() {
        if (!havePoppler()) QSKIP("pdftotext (poppler-utils) not installed");
        const Report report = reportFor(QString(PLUMBLINE_TEST_DATA) + "/report/hostile.json");
        QTemporaryDir dir;
        const QString pdf = dir.filePath("hostile.pdf");
        QVERIFY(!ui::writeReportPdf(report, pdf.toStdString()));
        const QString text = run("pdftotext", {pdf, "-"});
        QVERIFY(text.contains("<script>alert(1)</script>"));
    }

    void unwritablePathIsAnError() {
        const Report report =
            reportFor(QString(PLUMBLINE_SOURCE_DIR) + "/resources/examples/saas-edge.json");
        const auto error = ui::writeReportPdf(report, "/no/such/folder/r.pdf");
        QVERIFY(error);
        QVERIFY(error->find("/no/such/folder/r.pdf") != std::string::npos);
        QVERIFY(!QFile::exists("/no/such/folder/r.pdf"));
    }

    void pngOfTheDiagram() {
        const Report report =
            reportFor(QString(PLUMBLINE_SOURCE_DIR) + "/resources/examples/iot-telemetry.json");
        QTemporaryDir dir;
        const QString png = dir.filePath("d.png");
        QVERIFY(!ui::exportReport(report, png.toStdString()));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 800);
    }
};

QTEST_MAIN(TestReportPdf)
#include "tst_report_pdf.moc"

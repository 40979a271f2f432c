// The report content and its Qt-free writers (HTML, Markdown, SVG) on every example and on a
// hostile model: well-formed, complete, self-contained, and safe.
#include "model/tst_report_checks.h"
#include "model_helpers.h"
#include "plumbline/knowledge.h"
#include "plumbline/report.h"
#include "plumbline/report_escape.h"
#include "plumbline/svg_diagram.h"

#include <QTest>
#include <filesystem>

using namespace plumb;

namespace {

Report reportFor(const std::string& path) {
    const Model model = testing::readModelOrFail(path);
    ReportOptions options;
    options.date = "2025-01-15";
    options.today = "2025-01-15";
    options.toolVersion = "Plumbline test";
    return buildReport(model, builtinKnowledge(), options);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

void addModelRows() {
    QTest::addColumn<QString>("path");
    for (const auto& file : testing::exampleFiles())
        QTest::newRow(std::filesystem::path(file).filename().string().c_str()) << qs(file);
    QTest::newRow("hostile.json") << qs(testing::dataPath("report/hostile.json"));
}

bool overlaps(const DiagramRect& a, const DiagramRect& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
           b.y < a.y + a.height;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void html_data() { addModelRows(); }
    void html() {
        QFETCH(QString, path);
        const Report report = reportFor(path.toStdString());
        const QString html = qs(writeReportHtml(report));
        const auto scan = reportchecks::scanHtml(html);
        QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
        const QString external = reportchecks::externalReference(scan, html);
        QVERIFY2(external.isEmpty(), qPrintable(external));
        for (const auto& e : report.model.elements)
            QVERIFY2(scan.text.contains(qs(cleanText(e.displayName()))), e.id.c_str());
        for (const auto& f : report.findings)
            QVERIFY2(scan.text.contains(qs(cleanText(f.title))), f.title.c_str());
        for (const char* heading :
             {"Executive summary", "Architecture diagram", "Bounded contexts",
              "Workloads and technology fit", "Findings", "Waivers", "Appendix: patterns"})
            QVERIFY2(scan.text.contains(heading), heading);
        for (const auto& p : report.patterns)
            QVERIFY(scan.text.contains(qs(p.name)));
        QVERIFY(html.contains("@media print"));
    }

    // One outline: every format shows the same numbered sections, in the same order.
    void everyFormatRendersTheOneOutline() {
        const Report report = reportFor(testing::examplePath("ecommerce-platform.json"));
        QCOMPARE(report.outline.size(), std::size_t(8));
        const std::string html = writeReportHtml(report), md = writeReportMarkdown(report);
        std::size_t htmlAt = 0, mdAt = 0;
        for (const ReportSection& s : report.outline) {
            const std::string h2 =
                "<span class=\"num\">" + s.number + "</span>" + s.title + "</h2>";
            const std::size_t inHtml = html.find(h2);
            QVERIFY2(inHtml != std::string::npos && inHtml >= htmlAt, s.title.c_str());
            htmlAt = inHtml;
            const std::string heading = "\n## " + s.number + " " + s.title + "\n";
            const std::size_t inMd = md.find(heading);
            QVERIFY2(inMd != std::string::npos && inMd >= mdAt, s.title.c_str());
            mdAt = inMd;
            QCOMPARE(report.heading(s.id), s.number + "  " + s.title);
        }
        QVERIFY(md.find("- [5 Tradeoffs: decision map and growth]"
                        "(#5-tradeoffs-decision-map-and-growth)") != std::string::npos);
        QVERIFY(md.find("- [A Appendix: patterns](#a-appendix-patterns)") != std::string::npos);
        QVERIFY(md.find("### Growth projection") != std::string::npos);
        QCOMPARE(report.outline[2].children.size(), report.contexts.size());
    }

    void markdown_data() { addModelRows(); }
    void markdown() {
        QFETCH(QString, path);
        const Report report = reportFor(path.toStdString());
        const QString md = qs(writeReportMarkdown(report));
        const QString block = reportchecks::mermaidBlock(md);
        QVERIFY(!block.isEmpty());
        const QString problem = reportchecks::checkMermaid(block);
        QVERIFY2(problem.isEmpty(), qPrintable(problem + "\n" + block));
        static const QRegularExpression subgraphLine("^\\s*subgraph ",
                                                     QRegularExpression::MultilineOption);
        QCOMPARE(block.count(subgraphLine), static_cast<qsizetype>(report.model.contexts.size()));
        const QString tables = reportchecks::checkMarkdownTables(md);
        QVERIFY2(tables.isEmpty(), qPrintable(tables));
        for (const auto& e : report.model.elements)
            QVERIFY2(md.contains(qs(escapeMarkdown(e.displayName()))), e.id.c_str());
        for (const auto& f : report.findings)
            QVERIFY(md.contains(qs(escapeMarkdown(f.title))));
    }

    void hostileNamesAreText() {
        const Report report = reportFor(testing::dataPath("report/hostile.json"));
        const std::string html = writeReportHtml(report);
        QVERIFY(html.find("<script") == std::string::npos);
        QVERIFY(html.find("<img") == std::string::npos);
        QVERIFY(html.find("<svg onload") == std::string::npos);
        QVERIFY(html.find("href=\"javascript:") == std::string::npos);
        QVERIFY(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
        QVERIFY(html.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
        const auto scan = reportchecks::scanHtml(qs(html));
        QVERIFY(scan.text.contains("<script>alert(1)</script>"));
        QVERIFY(scan.text.contains("\"><img src=x onerror=alert(1)>"));
        for (const auto& href : scan.hrefs)
            QVERIFY2(!href.contains("javascript", Qt::CaseInsensitive), qPrintable(href));

        const std::string md = writeReportMarkdown(report);
        QVERIFY(md.find("<script") == std::string::npos);
        QVERIFY(md.find("<img") == std::string::npos);
        // A link needs "](" with an unescaped bracket; every bracket from the model is escaped.
        QVERIFY(!qs(md).contains(QRegularExpression(R"((?<!\\)\]\(javascript:)")));
        QVERIFY(md.find("\n# not a heading") ==
                std::string::npos);       // the description stays one paragraph
        QCOMPARE(qs(md).count("```"), 2); // only the mermaid fence

        const std::string svg = writeDiagramSvg(report.model);
        QVERIFY(svg.find("<script") == std::string::npos && svg.find("<img") == std::string::npos);
        QXmlStreamReader xml(qs(svg));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    void contentFollowsTheModel() {
        const Report report = reportFor(testing::examplePath("ecommerce-platform.json"));
        QCOMPARE(report.title, std::string("E-commerce platform"));
        QVERIFY(!report.stores.empty());
        for (const auto& s : report.stores) {
            // The store's own technology first, then at most three alternatives, best first.
            QVERIFY(s.fit.size() <= 4);
            QVERIFY(!s.fit.empty() && s.fit.front().current);
            for (std::size_t i = 2; i < s.fit.size(); ++i)
                QVERIFY(s.fit[i - 1].score >= s.fit[i].score);
            // Candidates are of the element's kind: a cache's are caches, a stream's streams
            // or queues (never DynamoDB or IndexedDB for Kafka, never MongoDB for Redis).
            const Technology* own = builtinKnowledge().technology(s.fit.front().technology);
            QVERIFY(own);
            for (const auto& f : s.fit) {
                const Technology* t = builtinKnowledge().technology(f.technology);
                QVERIFY(t);
                if (own->category == "stream")
                    QVERIFY2(t->category == "stream" || t->category == "queue", t->id.c_str());
                if (s.kind == ElementKind::Cache)
                    QVERIFY2(t->category == "key-value" && !t->envelope.durable, t->id.c_str());
                QVERIFY2(t->category != "vector", t->id.c_str()); // no store here needs vectors
            }
        }
        QVERIFY(report.topRisks.size() <= 5);
        for (const auto& risk : report.topRisks)
            QVERIFY(risk.severity >= Severity::Warning);
        // Every pattern a finding names is in the appendix, once.
        for (const auto& f : report.findings)
            for (const auto& p : f.patterns)
                QVERIFY(report.pattern(p) != nullptr);
        QVERIFY(!report.decisionMapSvg.empty());
    }

    void expiredWaiverIsMarked() {
        const Report report = reportFor(testing::dataPath("report/hostile.json"));
        QCOMPARE(report.waivers.size(), std::size_t(1));
        QVERIFY(report.waivers.front().expired);
        QVERIFY(writeReportHtml(report).find("expired") != std::string::npos);
        QVERIFY(writeReportMarkdown(report).find("expired") != std::string::npos);
    }

    void diagramBoxesNeverOverlap_data() { addModelRows(); }
    void diagramBoxesNeverOverlap() {
        QFETCH(QString, path);
        const Model model = testing::readModelOrFail(path.toStdString());
        const DiagramLayout layout = layoutDiagram(model);
        QCOMPARE(layout.elements.size(), model.elements.size());
        for (std::size_t i = 0; i < layout.elements.size(); ++i)
            for (std::size_t j = i + 1; j < layout.elements.size(); ++j)
                QVERIFY2(!overlaps(layout.elements[i], layout.elements[j]),
                         (layout.elements[i].id + " / " + layout.elements[j].id).c_str());
        for (std::size_t i = 0; i < layout.contexts.size(); ++i)
            for (std::size_t j = i + 1; j < layout.contexts.size(); ++j)
                QVERIFY(!overlaps(layout.contexts[i], layout.contexts[j]));
        // Every element of a context lies inside its frame.
        for (const auto& e : model.elements) {
            if (!e.context) continue;
            for (const auto& c : layout.contexts)
                if (c.id == *e.context) {
                    const DiagramRect* r = layout.element(e.id);
                    QVERIFY(r->x >= c.x && r->y >= c.y && r->x + r->width <= c.x + c.width &&
                            r->y + r->height <= c.y + c.height);
                }
        }
        // Deterministic.
        QCOMPARE(writeDiagramSvg(model), writeDiagramSvg(model));
    }

    // A long name takes a second line (whole words) before it is cut; a short one stays on one.
    void longNamesWrapInTheDiagram() {
        Model model;
        for (const char* name : {"Analytics warehouse for finance", "Orders DB"}) {
            Element e;
            e.id = std::string(name) == "Orders DB" ? "orders-db" : "warehouse";
            e.name = std::string(name);
            e.kind = ElementKind::Store;
            model.elements.push_back(e);
        }
        const DiagramScene scene = diagramScene(model);
        const auto& boxes = scene.boxes;
        const auto wrapped = std::find_if(boxes.begin(), boxes.end(), [](const auto& b) {
            return b.name.text.rfind("Analytics", 0) == 0;
        });
        QVERIFY(wrapped != boxes.end());
        QVERIFY(wrapped->nameLine2);
        QCOMPARE(wrapped->name.text + " " + wrapped->nameLine2->text,
                 std::string("Analytics warehouse for finance"));
        QVERIFY(wrapped->nameLine2->y > wrapped->name.y);
        QVERIFY(wrapped->subtitle.y > wrapped->nameLine2->y);
        QVERIFY(wrapped->subtitle.y < wrapped->rect.y + wrapped->rect.height);
        for (const auto& b : boxes)
            if (b.name.text == "Orders DB") QVERIFY(!b.nameLine2);
        const std::string svg = writeDiagramSvg(model);
        QVERIFY(svg.find(">for finance<") != std::string::npos ||
                svg.find("finance</text>") != std::string::npos);
    }

    void storedLayoutIsUsed() {
        Model model = testing::readModelOrFail(testing::examplePath("saas-edge.json"));
        model.layout.clear();
        double x = 0;
        for (const auto& e : model.elements) {
            model.layout.push_back({e.id, x, 40.0, 150.0, 60.0, Json::object()});
            x += 200;
        }
        const DiagramLayout layout = layoutDiagram(model);
        QCOMPARE(layout.elements.front().y, layout.elements.back().y);
        QVERIFY(layout.elements.back().x - layout.elements.front().x >
                199.0 * double(model.elements.size() - 1));
    }

    void escaping() {
        QVERIFY(isSafeLink("https://www.postgresql.org/docs/"));
        QVERIFY(isSafeLink("http://example.com/a?b=c"));
        QVERIFY(!isSafeLink("javascript:alert(1)"));
        QVERIFY(!isSafeLink(" https://x.org"));
        QVERIFY(!isSafeLink("JaVaScRiPt:alert(1)"));
        QVERIFY(!isSafeLink("data:text/html,x"));
        QVERIFY(!isSafeLink("https://x.org/\"onmouseover=alert(1)"));
        QVERIFY(!isSafeLink("//evil.example"));
        QCOMPARE(escapeHtml("<a href='x'>&</a>"),
                 std::string("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"));
        QCOMPARE(escapeHtml("bad\x01"
                            "ctl\xff"),
                 std::string("badctl"));
        QCOMPARE(escapeMarkdown("a|b\nc"), std::string("a&#124;b c"));
        QCOMPARE(escapeMarkdown("[x](javascript:y)"), std::string("\\[x\\](javascript:y)"));
        QCOMPARE(escapeMarkdown("1. one"), std::string("1\\. one"));
        QCOMPARE(escapeMarkdown("- item"), std::string("\\- item"));
        QCOMPARE(mermaidLabel("a\"]b"), std::string("a#quot;#93;b"));
        QCOMPARE(mermaidId("end", 3), std::string("n3_end"));
        QCOMPARE(mermaidId("", 0), std::string("n0_"));
    }

    void formats() {
        QCOMPARE(reportFormatFor("r.html"), std::optional(ReportFormat::Html));
        QCOMPARE(reportFormatFor("R.PDF"), std::optional(ReportFormat::Pdf));
        QCOMPARE(reportFormatFor("a/b.md"), std::optional(ReportFormat::Markdown));
        QCOMPARE(reportFormatFor("d.svg"), std::optional(ReportFormat::Svg));
        QCOMPARE(reportFormatFor("d.png"), std::optional(ReportFormat::Png));
        QVERIFY(!reportFormatFor("report.docx"));
        QVERIFY(!reportFormatFor("report"));
        QVERIFY(!reportFormatFor("dir.html/report"));
    }

    void emptyModel() {
        Model model;
        const Report report = buildReport(model, builtinKnowledge(), {});
        QCOMPARE(report.title, std::string("Architecture report"));
        const auto scan = reportchecks::scanHtml(qs(writeReportHtml(report)));
        QVERIFY2(scan.error.isEmpty(), qPrintable(scan.error));
        QVERIFY(
            reportchecks::checkMermaid(reportchecks::mermaidBlock(qs(writeReportMarkdown(report))))
                .isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"

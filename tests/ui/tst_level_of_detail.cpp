// Zoomed out, the diagram stays legible: where a card's text would be a few pixels high the
// element shows its name alone, large enough to read, in lines that fit the box; where even
// that would not fit, nothing illegible is drawn.
#include "plumbline/model_files.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/examples.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;
using diagram::farName;

namespace {

const QSizeF kBox(diagram::kElementWidth, diagram::kElementHeight);

Project oneService(const std::string& name) {
    Project project;
    Element e;
    e.id = "svc";
    e.name = name;
    e.kind = ElementKind::Service;
    project.model.elements.push_back(e);
    project.model.layout.push_back(
        LayoutBox{"svc", 0.0, 0.0, kBox.width(), kBox.height(), Json::object()});
    project.model.present.layout = true;
    return project;
}

QImage render(diagram::DiagramScene& scene, double zoom) {
    const QRectF source(0, 0, kBox.width(), kBox.height());
    QImage image((source.size() * zoom).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size() * zoom), source);
    return image;
}

} // namespace

class TestLevelOfDetail : public QObject {
    Q_OBJECT
private slots:
    // Between "filled boxes" and full cards every name of the bundled example is shown at a
    // readable size (Fit showed unlabelled boxes before), within its box.
    void everyNameIsReadableBetweenShapesAndCards() {
        const auto loaded =
            loadProjectOrModel(std::string(PLUMBLINE_SOURCE_DIR) + "/resources/examples/" +
                               defaultExampleFileName().toStdString());
        QVERIFY(loaded.ok());
        for (double lod : {0.22, 0.3, 0.41}) {
            for (const Element& e : loaded.project->model.elements) {
                const QString name = QString::fromStdString(e.displayName());
                const auto far = farName(name, kBox, lod);
                QVERIFY2(far, qPrintable(name));
                QVERIFY(far->pixelSize * lod >= diagram::kFarNameScreenPx);
                QVERIFY(!far->lines.isEmpty() && far->lines.size() <= 2);
                QFont font;
                font.setPixelSize(int(far->pixelSize));
                font.setWeight(QFont::DemiBold);
                const QFontMetricsF metrics(font);
                QVERIFY(metrics.height() * far->lines.size() <= kBox.height() - 6);
                for (const QString& line : far->lines)
                    QVERIFY2(metrics.horizontalAdvance(line) <= kBox.width() - 16,
                             qPrintable(line));
            }
        }
    }

    void aLongNameWrapsBeforeItIsCut() {
        const auto far = farName(QStringLiteral("Analytics warehouse"), kBox, 0.3);
        QVERIFY(far);
        QCOMPARE(far->lines,
                 (QStringList{QStringLiteral("Analytics"), QStringLiteral("warehouse")}));
        const auto one = farName(QStringLiteral("Orders DB"), kBox, 0.3);
        QVERIFY(one);
        QCOMPARE(one->lines, QStringList{QStringLiteral("Orders DB")});
    }

    // Cards wrap long names the same way: whole words, two lines, then the ellipsis.
    void cardNamesWrapBeforeTheyAreCut() {
        QFont font;
        font.setPixelSize(13);
        const QFontMetricsF metrics(font);
        const double width = metrics.horizontalAdvance(QStringLiteral("Analytics warehouse"));
        QCOMPARE(diagram::wrappedLines(QStringLiteral("Analytics warehouse"), metrics, width, 2),
                 QStringList{QStringLiteral("Analytics warehouse")});
        const QStringList two = diagram::wrappedLines(
            QStringLiteral("Analytics warehouse for the finance and the marketing teams"), metrics,
            width, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.front(), QStringLiteral("Analytics warehouse"));
        QVERIFY(two.back().endsWith(QChar(0x2026)));
        QCOMPARE(diagram::wrappedLines(QStringLiteral("Analytics warehouse"), metrics, width / 2, 1)
                     .size(),
                 1);
    }

    void nothingIsDrawnThatCannotBeRead() {
        QVERIFY(!farName(QStringLiteral("Orders DB"), QSizeF(200, 30), 0.2));
        QVERIFY(!farName(QString(), kBox, 0.3));
    }

    // On the canvas: at 30% the name is painted (the box differs from one without a name).
    void theCanvasPaintsTheFarName() {
        Document named(oneService("Orders DB"));
        Document unnamed(oneService(" "));
        diagram::DiagramScene a, b;
        a.setDocument(&named);
        b.setDocument(&unnamed);
        QVERIFY(render(a, 0.3) != render(b, 0.3));
    }
};

QTEST_MAIN(TestLevelOfDetail)
#include "tst_level_of_detail.moc"

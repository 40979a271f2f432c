// Automatic layout: every bundled example (which has no layout) is laid out with no element
// overlapping another, each element inside its context's box, and contexts apart.

#include "plumbline/model_json.h"
#include "plumbline/ui/diagram/auto_layout.h"
#include "plumbline/ui/diagram/diagram_export.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"
#include "ui_test_helpers.h"

#include <QDir>
#include <QFile>
#include <QRectF>
#include <QtTest>
#include <map>

using namespace plumb;
using namespace plumb::ui;

namespace {

Model readExample(const QString& fileName) {
    QFile file(test::exampleSourcePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray json = file.readAll();
    auto result = readModelJson(std::string_view(json.constData(), json.size()), "example");
    return result.model ? *result.model : Model{};
}

QRectF rectOf(const LayoutBox& box) {
    return QRectF(box.x.value_or(0), box.y.value_or(0), box.width.value_or(0),
                  box.height.value_or(0));
}

} // namespace

class TestDiagramLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void examplesLayOutWithoutOverlap_data() {
        QTest::addColumn<QString>("fileName");
        for (const QString& name : QDir(QStringLiteral(PLUMBLINE_SOURCE_DIR "/resources/examples"))
                                       .entryList({QStringLiteral("*.json")}))
            QTest::newRow(qPrintable(name)) << name;
    }

    void examplesLayOutWithoutOverlap() {
        QFETCH(QString, fileName);
        const Model model = readExample(fileName);
        QVERIFY(!model.elements.empty());
        const std::vector<LayoutBox> boxes = autoLayout(model);
        QCOMPARE(boxes.size(), model.elements.size() + model.contexts.size());

        std::map<std::string, QRectF> rects;
        for (const auto& box : boxes) {
            QVERIFY(box.x && box.y && box.width && box.height);
            QVERIFY(*box.width > 0 && *box.height > 0);
            rects[box.id] = rectOf(box);
        }
        for (std::size_t i = 0; i < model.elements.size(); ++i) {
            const QRectF a = rects.at(model.elements[i].id);
            for (std::size_t j = i + 1; j < model.elements.size(); ++j)
                QVERIFY2(!a.intersects(rects.at(model.elements[j].id)),
                         qPrintable(QString::fromStdString(model.elements[i].id + " overlaps " +
                                                           model.elements[j].id)));
            if (const auto& context = model.elements[i].context)
                QVERIFY2(rects.at(*context).contains(a),
                         qPrintable(QString::fromStdString(model.elements[i].id + " outside " +
                                                           *context)));
            for (const auto& context : model.contexts)
                if (model.elements[i].context != context.id)
                    QVERIFY2(!rects.at(context.id).intersects(a),
                             qPrintable(QString::fromStdString(model.elements[i].id +
                                                               " inside foreign " + context.id)));
        }
        for (std::size_t i = 0; i < model.contexts.size(); ++i)
            for (std::size_t j = i + 1; j < model.contexts.size(); ++j)
                QVERIFY(!rects.at(model.contexts[i].id).intersects(rects.at(model.contexts[j].id)));

        // For looking at it: PLUMBLINE_DIAGRAM_DUMP=/some/dir writes each example as PNG.
        const QByteArray dump = qgetenv("PLUMBLINE_DIAGRAM_DUMP");
        if (!dump.isEmpty()) {
            Project project;
            project.model = model;
            Document document(project);
            diagram::DiagramScene scene;
            scene.setDocument(&document);
            QVERIFY(diagram::exportDiagramPng(
                        &scene, QDir(QString::fromLocal8Bit(dump)).filePath(fileName + ".png"), 1.0)
                        .isEmpty());
        }
    }

    void aHugeContextFallsBackToAGridInsideIt() {
        Model model;
        model.contexts.push_back({"big", {}, {}, {}, Json::object()});
        for (int i = 0; i < 60; ++i) {
            Element element;
            element.id = "e" + std::to_string(i);
            element.context = "big";
            model.elements.push_back(element);
        }
        AutoLayoutOptions options;
        options.maxDotNodes = 10; // forces the fallback
        const auto boxes = autoLayout(model, options);
        QCOMPARE(boxes.size(), std::size_t(61));
        const QRectF context = rectOf(boxes.front());
        for (std::size_t i = 1; i < boxes.size(); ++i) {
            QVERIFY(context.contains(rectOf(boxes[i])));
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                QVERIFY(!rectOf(boxes[i]).intersects(rectOf(boxes[j])));
        }
    }

    void anEmptyModelHasNoLayout() { QVERIFY(autoLayout(Model{}).empty()); }
};

QTEST_MAIN(TestDiagramLayout)
#include "tst_diagram_layout.moc"

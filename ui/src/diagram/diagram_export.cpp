#include "plumbline/ui/diagram/diagram_export.h"

#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"

#include <QGraphicsItem>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace plumb::ui::diagram {

namespace {

constexpr double kMargin = 24;

// Renders without the selection highlight: an export shows the architecture, not the session.
template <typename Paint> void withoutSelection(DiagramScene* scene, Paint paint) {
    const QList<QGraphicsItem*> selected = scene->selectedItems();
    const QSignalBlocker blocker(scene); // the document's selection stays as it is
    for (QGraphicsItem* item : selected)
        item->setSelected(false);
    paint();
    for (QGraphicsItem* item : selected)
        item->setSelected(true);
}

} // namespace

QString exportDiagramSvg(DiagramScene* scene, const QString& path, const QString& title) {
    const QRectF source = scene->contentBounds().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    if (source.isEmpty()) return QObject::tr("The diagram is empty.");
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title);
    generator.setDescription(QObject::tr("Exported from Plumbline"));
    bool ok = false;
    // An exported diagram is a document for others: always the light colours, whatever the
    // workbench's theme.
    const ScopedDiagramStyle light(false);
    withoutSelection(scene, [&] {
        QPainter painter;
        if (!painter.begin(&generator)) return;
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        ok = painter.end();
    });
    return ok ? QString() : QObject::tr("Could not write \"%1\".").arg(path);
}

QString exportDiagramPng(DiagramScene* scene, const QString& path, double scale) {
    const QRectF source = scene->contentBounds().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    if (source.isEmpty()) return QObject::tr("The diagram is empty.");
    const QSize size = (source.size() * scale).toSize();
    if (size.width() > 32768 || size.height() > 32768)
        return QObject::tr("The diagram is too large for a PNG; export it as SVG.");
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const ScopedDiagramStyle light(false); // as for SVG
    withoutSelection(scene, [&] {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                               QPainter::SmoothPixmapTransform);
        scene->render(&painter, QRectF(QPointF(0, 0), size), source);
    });
    return image.save(path, "PNG") ? QString() : QObject::tr("Could not write \"%1\".").arg(path);
}

} // namespace plumb::ui::diagram

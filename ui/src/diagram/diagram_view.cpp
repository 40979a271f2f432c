#include "plumbline/ui/diagram/diagram_view.h"

#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <cmath>

namespace plumb::ui::diagram {

namespace {
constexpr double kMinZoom = 0.02;
constexpr double kMaxZoom = 4.0;
} // namespace

DiagramView::DiagramView(DiagramScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent), m_scene(scene) {
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                   QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setAcceptDrops(true);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setObjectName(QStringLiteral("diagramView"));
}

double DiagramView::zoom() const {
    return transform().m11();
}

void DiagramView::setZoom(double zoom) {
    m_fitted = false;
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    emit zoomChanged(zoom);
}

void DiagramView::scaleBy(double factor) {
    setZoom(zoom() * factor);
}

void DiagramView::zoomToFit() {
    const QRectF bounds = m_scene->contentBounds();
    if (bounds.isEmpty()) {
        setZoom(1.0);
        return;
    }
    const QRectF padded = bounds.adjusted(-32, -32, 32, 32);
    // Let the scene grow around the content so fitting and panning have room.
    setSceneRect(
        padded.adjusted(-padded.width(), -padded.height(), padded.width(), padded.height()));
    const QSizeF area = viewport()->size();
    const double zoom = std::min(area.width() / padded.width(), area.height() / padded.height());
    setZoom(std::min(zoom, 1.5)); // a tiny model is not worth blowing up
    centerOn(bounds.center());
    m_fitted = true;
}

void DiagramView::zoomToOpen() {
    zoomToFit();
    const double readable = kTextLevelOfDetail * 1.25; // text a little above the cut-off
    if (zoom() >= readable) return;
    const QRectF bounds = m_scene->contentBounds().adjusted(-32, -32, 32, 32);
    setZoom(readable);
    const QSizeF visible = QSizeF(viewport()->size()) / readable;
    const double x = bounds.width() <= visible.width() ? bounds.center().x()
                                                       : bounds.left() + visible.width() / 2;
    centerOn(QPointF(x, bounds.top() + visible.height() / 2));
}

void DiagramView::zoomToActualSize() {
    const QPointF centre = mapToScene(viewport()->rect().center());
    setZoom(1.0);
    centerOn(centre);
}

void DiagramView::zoomIn() {
    scaleBy(1.25);
}

void DiagramView::zoomOut() {
    scaleBy(1 / 1.25);
}

void DiagramView::setPlacement(const QString& entry) {
    m_placement = entry;
    viewport()->setCursor(entry.isEmpty() ? Qt::ArrowCursor : Qt::CrossCursor);
    emit placementChanged(entry);
}

QString DiagramView::place(const QString& entry, QPointF scenePos) {
    if (entry == QLatin1String("context")) return m_scene->addContext(scenePos);
    if (const auto kind = plumb::fromString<plumb::ElementKind>(entry.toStdString()))
        return m_scene->addElement(*kind, scenePos);
    return {};
}

void DiagramView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        scaleBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void DiagramView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        setDragMode(QGraphicsView::ScrollHandDrag);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        if (!m_placement.isEmpty())
            setPlacement({});
        else if (m_scene->document())
            m_scene->document()->setSelection({});
        return;
    }
    QPointF delta;
    const double step = (event->modifiers() & Qt::ShiftModifier) ? 1.0 : kGridSize;
    switch (event->key()) {
    case Qt::Key_Left:
        delta = {-step, 0};
        break;
    case Qt::Key_Right:
        delta = {step, 0};
        break;
    case Qt::Key_Up:
        delta = {0, -step};
        break;
    case Qt::Key_Down:
        delta = {0, step};
        break;
    default:
        QGraphicsView::keyPressEvent(event);
        return;
    }
    if (m_scene->document() && !m_scene->document()->selection().isEmpty()) {
        m_scene->moveItems(m_scene->document()->selection(), delta, true);
        event->accept();
    } else {
        QGraphicsView::keyPressEvent(event);
    }
}

void DiagramView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        setDragMode(QGraphicsView::RubberBandDrag);
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DiagramView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && !m_placement.isEmpty()) {
        const QString entry = m_placement;
        setPlacement({});
        place(entry, mapToScene(event->position().toPoint()));
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_panFrom;
        m_panFrom = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DiagramView::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->setCursor(m_placement.isEmpty() ? Qt::ArrowCursor : Qt::CrossCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DiagramView::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasFormat(kPaletteMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void DiagramView::dragMoveEvent(QDragMoveEvent* event) {
    if (event->mimeData()->hasFormat(kPaletteMimeType))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void DiagramView::dropEvent(QDropEvent* event) {
    if (!event->mimeData()->hasFormat(kPaletteMimeType)) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QString entry = QString::fromUtf8(event->mimeData()->data(kPaletteMimeType));
    place(entry, mapToScene(event->position().toPoint()));
    event->acceptProposedAction();
    setFocus();
}

void DiagramView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_fitted) zoomToFit();
}

void DiagramView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, canvasColor());
    // A dot grid, only when the dots are far enough apart to read as a grid, not a tint.
    const double spacing = kGridSize * 4;
    if (spacing * zoom() < 14) return;
    painter->setPen(QPen(gridColor(), 0));
    const double left = std::floor(rect.left() / spacing) * spacing;
    const double top = std::floor(rect.top() / spacing) * spacing;
    QVector<QPointF> dots;
    for (double x = left; x < rect.right(); x += spacing)
        for (double y = top; y < rect.bottom(); y += spacing)
            dots.append(QPointF(x, y));
    painter->drawPoints(dots.data(), static_cast<int>(dots.size()));
}

void DiagramView::drawForeground(QPainter* painter, const QRectF& rect) {
    Q_UNUSED(rect);
    if (m_scene->elementCount() > 0 || !m_scene->contentBounds().isEmpty()) return;
    // The empty canvas explains itself.
    painter->save();
    painter->resetTransform();
    painter->setPen(mutedTextColor());
    QFont font = painter->font();
    font.setPixelSize(15);
    painter->setFont(font);
    painter->drawText(viewport()->rect(), Qt::AlignCenter,
                      tr("Drag an element or a bounded context from the palette,\nor click it "
                         "there and then click here.\nDrag from an element's side handle to "
                         "another element to draw a flow."));
    painter->restore();
}

} // namespace plumb::ui::diagram

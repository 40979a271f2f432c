#include "plumbline/ui/diagram/minimap.h"

#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace plumb::ui::diagram {

namespace {
constexpr int kRefreshDelayMs = 250;
constexpr double kMargin = 6;
} // namespace

MiniMap::MiniMap(DiagramView* view, QWidget* parent) : QWidget(parent), m_view(view) {
    setObjectName(QStringLiteral("miniMap"));
    setMouseTracking(false);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole diagram: click or drag to move the canvas there"));
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MiniMap::refresh);
    // Scrolling and zooming only move the rectangle: a repaint of the cached image.
    const auto repaint = [this] { update(); };
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(view->horizontalScrollBar(), &QScrollBar::rangeChanged, this, repaint);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, repaint);
    // A new document is always followed by a fit: the moment to notice it.
    connect(view, &DiagramView::zoomChanged, this, [this] {
        followDocument();
        update();
    });
    followDocument();
}

void MiniMap::followDocument() {
    Document* document = m_view->diagramScene()->document();
    if (document == m_document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) connect(document, &Document::changed, this, &MiniMap::scheduleRefresh);
    scheduleRefresh();
}

void MiniMap::scheduleRefresh() {
    m_dirty = true;
    if (isVisible()) m_refreshTimer.start(); // hidden: redrawn when shown
}

void MiniMap::refresh() {
    m_refreshTimer.stop();
    m_dirty = false;
    const double dpr = devicePixelRatioF();
    m_image = QImage((QSizeF(size()) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(dpr);
    m_image.fill(canvasColor());
    DiagramScene* scene = m_view->diagramScene();
    m_sceneBounds = scene->contentBounds();
    if (m_sceneBounds.isEmpty() || width() <= 2 * kMargin || height() <= 2 * kMargin) {
        update();
        return;
    }
    const QSizeF area(width() - 2 * kMargin, height() - 2 * kMargin);
    m_scale =
        std::min(area.width() / m_sceneBounds.width(), area.height() / m_sceneBounds.height());
    m_offset = QPointF(kMargin + (area.width() - m_sceneBounds.width() * m_scale) / 2,
                       kMargin + (area.height() - m_sceneBounds.height() * m_scale) / 2);

    QPainter painter(&m_image);
    painter.translate(m_offset);
    painter.scale(m_scale, m_scale);
    painter.translate(-m_sceneBounds.topLeft());
    // Contexts first, then elements as solid blocks in their kind's colour (their worst
    // finding's, if any): at this scale, hue and position are what can be read.
    const QList<QGraphicsItem*> items = scene->items(Qt::AscendingOrder);
    for (QGraphicsItem* item : items) {
        if (item->type() != ContextItemType) continue;
        const auto* context = static_cast<const ContextItem*>(item);
        painter.setPen(QPen(contextBorder(0), 0));
        painter.setBrush(contextHeaderFill(0));
        painter.drawRect(context->sceneBox());
    }
    painter.setPen(Qt::NoPen);
    for (QGraphicsItem* item : items) {
        if (item->type() != ElementItemType) continue;
        const auto* element = static_cast<const ElementItem*>(item);
        const auto severity = element->findingSeverity();
        painter.fillRect(element->sceneBox(),
                         severity ? badgeColor(*severity) : kindStyle(element->kind()).accent);
    }
    update();
}

QPointF MiniMap::toScene(QPointF widgetPos) const {
    if (m_scale <= 0) return m_sceneBounds.center();
    return (widgetPos - m_offset) / m_scale + m_sceneBounds.topLeft();
}

QPointF MiniMap::fromScene(QPointF scenePos) const {
    return (scenePos - m_sceneBounds.topLeft()) * m_scale + m_offset;
}

QRectF MiniMap::viewportRect() const {
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    return QRectF(fromScene(visible.topLeft()), fromScene(visible.bottomRight()));
}

void MiniMap::paintEvent(QPaintEvent*) {
    // An image of another size is never shown stretched: redraw it now (cheap enough).
    const bool resized = m_image.size() != (QSizeF(size()) * devicePixelRatioF()).toSize();
    if (resized || (m_dirty && !m_refreshTimer.isActive())) refresh();
    QPainter painter(this);
    painter.drawImage(QPointF(0, 0), m_image);
    if (m_sceneBounds.isEmpty()) return;
    const QRectF visible =
        viewportRect().intersected(QRectF(rect()).adjusted(1, 1, -1, -1)).normalized();
    if (visible.isEmpty()) return;
    QColor fill = selectionColor();
    fill.setAlpha(40);
    painter.setPen(QPen(selectionColor(), 1.5));
    painter.setBrush(fill);
    painter.drawRect(visible);
}

void MiniMap::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    refresh(); // the image must match the widget; one redraw per resize step is cheap
}

void MiniMap::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    followDocument();
    if (m_dirty) scheduleRefresh();
}

void MiniMap::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) scheduleRefresh(); // the theme changed
}

void MiniMap::centreViewAt(QPointF widgetPos) {
    if (m_sceneBounds.isEmpty()) return;
    m_view->centerOn(toScene(widgetPos));
    update();
}

void MiniMap::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    centreViewAt(event->position());
    event->accept();
}

void MiniMap::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return QWidget::mouseMoveEvent(event);
    centreViewAt(event->position());
    event->accept();
}

} // namespace plumb::ui::diagram

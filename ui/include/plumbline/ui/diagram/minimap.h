#pragma once
// The map of a large diagram: the whole scene scaled down, with the visible part of the canvas
// as a rectangle; click or drag on it to move the canvas there. Cheap by construction: the
// scene is drawn as plain rectangles into a cached image, redrawn a moment after the model
// changes (not on every repaint); scrolling and zooming only move the rectangle.

#include <QImage>
#include <QPointer>
#include <QRectF>
#include <QTimer>
#include <QWidget>

namespace plumb::ui {
class Document;
}

namespace plumb::ui::diagram {

class DiagramView;

class MiniMap : public QWidget {
    Q_OBJECT
public:
    explicit MiniMap(DiagramView* view, QWidget* parent = nullptr);

    QSize sizeHint() const override { return {220, 150}; }
    QSize minimumSizeHint() const override { return {80, 60}; }

    // The scene point shown at a point of this widget, and back.
    QPointF toScene(QPointF widgetPos) const;
    QPointF fromScene(QPointF scenePos) const;
    // The part of the scene the canvas shows, in this widget's coordinates.
    QRectF viewportRect() const;

public slots:
    // Redraws the cached image soon (debounced): after edits, findings or a theme change.
    void scheduleRefresh();
    // Redraws it now.
    void refresh();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void followDocument();
    void centreViewAt(QPointF widgetPos);

    DiagramView* m_view;
    QPointer<Document> m_document;
    QTimer m_refreshTimer;
    QImage m_image;
    QRectF m_sceneBounds; // what the image shows
    double m_scale = 1;   // widget pixels per scene unit
    QPointF m_offset;     // where the scene bounds' top-left lands in the widget
    bool m_dirty = true;
};

} // namespace plumb::ui::diagram

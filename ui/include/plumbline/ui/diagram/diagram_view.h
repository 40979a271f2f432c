#pragma once
// The canvas: zoom (Ctrl+wheel, fit, 100%), pan (middle button or space-drag), rubber-band
// selection, keyboard nudging and deleting, and placing new items from the palette (click
// then place, or drag and drop).

#include <QGraphicsView>
#include <QString>

namespace plumb::ui::diagram {

class DiagramScene;

// The palette's drag payload: "context" or an element kind's spelling ("store").
inline constexpr char kPaletteMimeType[] = "application/x-plumbline-palette";

class DiagramView : public QGraphicsView {
    Q_OBJECT
public:
    explicit DiagramView(DiagramScene* scene, QWidget* parent = nullptr);

    DiagramScene* diagramScene() const { return m_scene; }
    double zoom() const;
    void setZoom(double zoom);

    // The next left click on the canvas places this ("context" or a kind); empty cancels.
    void setPlacement(const QString& entry);
    QString placement() const { return m_placement; }
    // Places a palette entry centred on a scene point; returns the new id.
    QString place(const QString& entry, QPointF scenePos);

public slots:
    // How a document first shows: fitted when its text stays readable at that zoom, else at
    // the smallest zoom that shows text, from the top of the diagram (the Map shows the rest).
    // An architect opening a design wants to read it, not see blank boxes.
    void zoomToOpen();
    void zoomToFit();
    void zoomToActualSize();
    void zoomIn();
    void zoomOut();

signals:
    void zoomChanged(double zoom);
    void placementChanged(const QString& entry);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void scaleBy(double factor);

    DiagramScene* m_scene;
    QString m_placement;
    bool m_spaceHeld = false;
    bool m_panning = false;
    bool m_fitted = false; // fitted and not zoomed since: keep fitting as the window resizes
    QPoint m_panFrom;
};

} // namespace plumb::ui::diagram

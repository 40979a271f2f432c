#pragma once
// The palette dock's list: a bounded context and every element kind, each with its icon.
// Click an entry then click on the canvas to place it, or drag it onto the canvas.

#include <QListWidget>

namespace plumb::ui::diagram {

class Palette : public QListWidget {
    Q_OBJECT
public:
    explicit Palette(QWidget* parent = nullptr);

    // The entries' payloads, in display order: "context", then each kind's spelling.
    static QStringList entries();
    QSize sizeHint() const override { return {200, 250}; }

signals:
    void placementRequested(const QString& entry);

protected:
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
    QStringList mimeTypes() const override;
};

} // namespace plumb::ui::diagram

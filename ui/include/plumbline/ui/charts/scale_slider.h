#pragma once
// The what-if slider: a logarithmic x1..x1000 multiplier for rates, volumes and growth, for a
// toolbar. Emits scaleChanged as it moves so the charts and the findings follow.

#include <QWidget>

class QLabel;
class QSlider;

namespace plumb::ui::charts {

class ScaleSlider : public QWidget {
    Q_OBJECT
public:
    explicit ScaleSlider(QWidget* parent = nullptr);

    double scale() const { return m_scale; }
    QSlider* slider() const { return m_slider; }

public slots:
    // Clamped to 1..1000; moves the handle to the nearest step.
    void setScale(double scale);

signals:
    void scaleChanged(double scale);

private:
    void onSliderMoved(int position);

    QSlider* m_slider;
    QLabel* m_label;
    double m_scale = 1.0;
};

} // namespace plumb::ui::charts

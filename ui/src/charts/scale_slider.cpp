// The what-if scale slider (scale_slider.h).
#include "plumbline/ui/charts/scale_slider.h"

#include "plumbline/ui/what_if_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace plumb::ui::charts {
namespace {

constexpr int kStepsPerDecade = 20; // fine enough to feel continuous, coarse enough to snap
constexpr int kDecades = 3;         // x1 to x1000

} // namespace

ScaleSlider::ScaleSlider(QWidget* parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_label(new QLabel(this)) {
    setObjectName(QStringLiteral("whatIfScale"));
    m_slider->setRange(0, kStepsPerDecade * kDecades);
    m_slider->setPageStep(kStepsPerDecade);
    m_slider->setTickInterval(kStepsPerDecade);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setMinimumWidth(160);
    m_slider->setMaximumWidth(280); // a toolbar control, not a ruler across the window
    m_slider->setToolTip(tr("What if: scale every rate, volume and growth (x1 to x1000)"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("x1000")) + 4);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(new QLabel(tr("What if"), this));
    layout->addWidget(m_slider);
    layout->addWidget(m_label);
    layout->addStretch(1);
    m_label->setText(scaleText(1));
    connect(m_slider, &QSlider::valueChanged, this, &ScaleSlider::onSliderMoved);
}

void ScaleSlider::setScale(double scale) {
    // Exactly the value asked for (x3 stays x3); the handle goes to the nearest step.
    scale = std::clamp(scale, 1.0, 1000.0);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(static_cast<int>(std::lround(std::log10(scale) * kStepsPerDecade)));
    }
    if (scale == m_scale) return;
    m_scale = scale;
    m_label->setText(scaleText(scale));
    emit scaleChanged(scale);
}

void ScaleSlider::onSliderMoved(int position) {
    // Round to 2 significant digits so steps land on x1, x10, x100 exactly.
    double scale = std::pow(10.0, static_cast<double>(position) / kStepsPerDecade);
    const double magnitude = std::pow(10.0, std::floor(std::log10(scale)) - 1);
    scale = std::round(scale / magnitude) * magnitude;
    if (scale == m_scale) return;
    m_scale = scale;
    m_label->setText(scaleText(scale));
    emit scaleChanged(scale);
}

} // namespace plumb::ui::charts

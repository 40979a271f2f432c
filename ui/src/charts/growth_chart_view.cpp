// Growth projection chart (growth_chart_view.h).
#include "plumbline/ui/charts/growth_chart_view.h"

#include "plumbline/report_text.h"

#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>

namespace plumb::ui::charts {

GrowthChartView::GrowthChartView(QWidget* parent) : QChartView(new QChart, parent) {
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    setData(std::nullopt);
}

void GrowthChartView::setData(const std::optional<plumb::GrowthData>& data,
                              const QString& emptyReason) {
    m_data = data;
    QChart* c = chart();
    c->removeAllSeries();
    for (auto* axis : c->axes())
        c->removeAxis(axis), delete axis;
    if (!data || data->volume.empty()) {
        c->setTitle(emptyReason.isEmpty() ? tr("Select a store with a volume estimate")
                                          : emptyReason);
        return;
    }
    const auto& g = *data;
    c->setTitle(QStringLiteral("<b>%1</b>: %2")
                    .arg(QString::fromStdString(g.name).toHtmlEscaped(),
                         QString::fromStdString(g.caption).toHtmlEscaped()));
    const double months = g.volume.back().first;
    double top = g.volume.back().second;
    // Show a limit when it is within reach of the chart, so a far-away maximum does not
    // flatten the growth line into the floor.
    auto shown = [&](const std::optional<double>& limit) {
        return limit && *limit <= std::max(top, g.volume.front().second) * 4;
    };
    if (shown(g.comfortableGB)) top = std::max(top, *g.comfortableGB);
    if (shown(g.maxGB)) top = std::max(top, *g.maxGB);

    auto* xAxis = new QValueAxis;
    xAxis->setRange(0, months);
    xAxis->setTickCount(static_cast<int>(months / 6) + 1);
    xAxis->setLabelFormat(QStringLiteral("%d"));
    xAxis->setTitleText(tr("Months from now"));
    auto* yAxis = new QValueAxis;
    yAxis->setRange(0, top * 1.1);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    yAxis->setTitleText(tr("Volume (GB)"));
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries* s) {
        c->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };

    auto* volume = new QLineSeries;
    volume->setName(tr("Projected volume"));
    for (const auto& [month, gb] : g.volume)
        volume->append(month, gb);
    volume->setPen(QPen(QColor(0x28, 0x74, 0xa6), 2.5));
    attach(volume);

    auto limitLine = [&](const std::optional<double>& gb, const QString& name, QColor colour) {
        if (!shown(gb)) return;
        auto* line = new QLineSeries;
        line->setName(name + QStringLiteral(" (") +
                      QString::fromStdString(plumb::units::gigabytes(gb)) + QLatin1Char(')'));
        line->append(0, *gb);
        line->append(months, *gb);
        line->setPen(QPen(colour, 1.5, Qt::DashLine));
        attach(line);
    };
    const QString tech = QString::fromStdString(g.technologyName);
    limitLine(g.comfortableGB, tech + tr(" comfortable"), QColor(0xd6, 0x89, 0x10));
    limitLine(g.maxGB, tech + tr(" maximum"), QColor(0xc0, 0x39, 0x2b));

    const auto month = g.comfortableGB ? g.comfortableMonth : g.maxMonth;
    if (month) {
        auto* crossing = new QScatterSeries;
        crossing->setName(QString::fromStdString(g.caption));
        crossing->setColor(QColor(0xc0, 0x39, 0x2b));
        crossing->setMarkerSize(12);
        crossing->append(*month, g.volume[static_cast<std::size_t>(*month)].second);
        crossing->setPointLabelsVisible(true);
        crossing->setPointLabelsFormat(QStringLiteral("month %1").arg(*month));
        attach(crossing);
    }
}

} // namespace plumb::ui::charts

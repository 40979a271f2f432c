// The decision map (decision_map_view.h).
#include "plumbline/ui/charts/decision_map_view.h"

#include "plumbline/report_text.h"
#include "plumbline/ui/charts/chart_palette.h"
#include "plumbline/ui/theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <optional>

namespace plumb::ui::charts {
namespace {

const QColor kBandColours[] = {QColor(0x28, 0x74, 0xa6), QColor(0x1e, 0x84, 0x49),
                               QColor(0x8e, 0x44, 0xad), QColor(0xca, 0x6f, 0x1e),
                               QColor(0x17, 0xa5, 0x89), QColor(0x5d, 0x6d, 0x7e)};

QColor severityColour(const std::optional<plumb::Severity>& s) {
    if (s == plumb::Severity::Error) return QColor(0xc0, 0x39, 0x2b);
    if (s == plumb::Severity::Warning) return QColor(0xd6, 0x89, 0x10);
    if (s == plumb::Severity::Info) return QColor(0x28, 0x74, 0xa6);
    return QColor(0x1e, 0x84, 0x49);
}

const char* severityName(const std::optional<plumb::Severity>& s) {
    if (s == plumb::Severity::Error) return "Error";
    if (s == plumb::Severity::Warning) return "Warning";
    if (s == plumb::Severity::Info) return "Info";
    return "No findings";
}

// A power of ten below the smallest value and above the largest.
std::pair<double, double> logRange(const std::vector<double>& values) {
    double lo = 1e300, hi = -1e300;
    for (double v : values)
        if (v > 0) lo = std::min(lo, v), hi = std::max(hi, v);
    if (lo > hi) return {1, 10};
    // A margin of a fifth of a decade so a value on a power of ten (an envelope's edge, a
    // store at exactly 10 writes/s) is not drawn on the frame.
    lo = std::pow(10.0, std::floor(std::log10(lo) - 0.2));
    hi = std::pow(10.0, std::ceil(std::log10(hi) + 0.2));
    return {lo, std::max(hi, lo * 10)};
}

QAreaSeries* rectangle(double x0, double y0, double x1, double y1) {
    auto* upper = new QLineSeries;
    upper->append(x0, y1);
    upper->append(x1, y1);
    auto* lower = new QLineSeries;
    lower->append(x0, y0);
    lower->append(x1, y0);
    // QAreaSeries does not take ownership of its boundary lines; parent them so they go with it.
    auto* area = new QAreaSeries(upper, lower);
    upper->setParent(area);
    lower->setParent(area);
    return area;
}

} // namespace

DecisionMapView::DecisionMapView(QWidget* parent) : QChartView(new QChart, parent) {
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    connect(chart(), &QChart::plotAreaChanged, this, &DecisionMapView::placeLabels);
    rebuild();
}

void DecisionMapView::setData(const plumb::DecisionMapData& data) {
    m_data = data;
    rebuild();
}

void DecisionMapView::setHighlighted(const QString& id) {
    if (id == m_highlighted) return;
    m_highlighted = id;
    rebuild();
}

std::optional<QPointF> DecisionMapView::plottedPoint(const QString& id) const {
    for (const auto* series : m_pointSeries)
        for (const QPointF& p : series->points())
            if (idNear(p) == id) return p;
    return std::nullopt;
}

QString DecisionMapView::idNear(const QPointF& value) const {
    // Nearest point in log space: points on a log chart are compared by ratio, not difference.
    QString best;
    double bestDistance = 1e300;
    for (const auto& p : m_data.points) {
        const double dx = std::log10(p.x) - std::log10(std::max(value.x(), 1e-12));
        const double dy = std::log10(p.y) - std::log10(std::max(value.y(), 1e-12));
        const double d = dx * dx + dy * dy;
        if (d < bestDistance) bestDistance = d, best = QString::fromStdString(p.id);
    }
    return best;
}

QString DecisionMapView::describe(const plumb::MapPoint& p) const {
    const bool vectors = m_data.variant == plumb::MapVariant::Vectors;
    return QStringLiteral("<b>%1</b> (%2)<br/>Writes: %3<br/>%4: %5<br/>%6%7")
        .arg(QString::fromStdString(p.name).toHtmlEscaped(),
             QString::fromStdString(p.technologyName.empty() ? "no technology" : p.technologyName)
                 .toHtmlEscaped(),
             QString::fromStdString(plumb::units::perSecond(p.x)),
             vectors ? tr("Vectors") : tr("Volume"),
             QString::fromStdString(vectors ? plumb::units::number(p.y, 0)
                                            : plumb::units::gigabytes(p.y)),
             QLatin1String(severityName(p.worst)),
             p.findings ? QStringLiteral(" (%1 findings)").arg(p.findings) : QString());
}

void DecisionMapView::rebuild() {
    QChart* c = chart();
    c->removeAllSeries();
    for (auto* axis : c->axes())
        c->removeAxis(axis), delete axis;
    for (auto* label : m_labels)
        delete label;
    m_labels.clear();
    m_pointSeries.clear();
    const bool vectors = m_data.variant == plumb::MapVariant::Vectors;
    c->setTitle(vectors ? tr("Decision map: write rate against vector count")
                        : tr("Decision map: write rate against volume"));

    std::vector<double> xs, ys;
    for (const auto& p : m_data.points)
        xs.push_back(p.x), ys.push_back(p.y);
    for (const auto& r : m_data.regions) {
        xs.push_back(r.comfortableX), ys.push_back(r.comfortableY);
        if (r.maxX) xs.push_back(*r.maxX);
        if (r.maxY) ys.push_back(*r.maxY);
    }
    const auto [x0, x1] = logRange(xs);
    const auto [y0, y1] = logRange(ys);
    auto* xAxis = new QLogValueAxis;
    xAxis->setTitleText(tr("Write rate (writes/s)"));
    xAxis->setLabelFormat(QStringLiteral("%g"));
    xAxis->setRange(x0, x1);
    xAxis->setMinorTickCount(-1);
    auto* yAxis = new QLogValueAxis;
    yAxis->setTitleText(vectors ? tr("Vectors") : tr("Volume (GB)"));
    yAxis->setLabelFormat(QStringLiteral("%g"));
    yAxis->setRange(y0, y1);
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);
    auto attach = [&](QAbstractSeries* s) {
        c->addSeries(s);
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    };

    // Envelopes first so points draw on top: up to the maximum lightly (where a maximum is
    // known on either axis), the comfortable band more strongly.
    int band = 0;
    for (const auto& r : m_data.regions) {
        const QColor colour = kBandColours[band++ % 6];
        if (r.maxX || r.maxY) {
            auto* outer =
                rectangle(x0, y0, r.maxX.value_or(r.comfortableX), r.maxY.value_or(r.comfortableY));
            QColor fill = colour;
            fill.setAlphaF(0.06);
            outer->setBrush(fill);
            QPen pen(colour, 1, Qt::DashLine);
            outer->setPen(pen);
            attach(outer);
            c->legend()->markers(outer).first()->setVisible(false);
        }
        auto* inner = rectangle(x0, y0, r.comfortableX, r.comfortableY);
        QColor fill = colour;
        fill.setAlphaF(0.14);
        inner->setBrush(fill);
        inner->setPen(QPen(colour, 1.2));
        inner->setName(QString::fromStdString(r.name));
        attach(inner);
    }

    // One scatter series per severity so the legend explains the colours.
    const std::optional<plumb::Severity> levels[] = {
        plumb::Severity::Error, plumb::Severity::Warning, plumb::Severity::Info, std::nullopt};
    for (const auto& level : levels) {
        QScatterSeries* series = nullptr;
        for (const auto& p : m_data.points) {
            const auto worst = p.worst == plumb::Severity::Off ? std::nullopt : p.worst;
            if (worst != level) continue;
            if (!series) {
                series = new QScatterSeries;
                series->setName(QLatin1String(severityName(level)));
                series->setColor(severityColour(level));
                series->setBorderColor(Qt::white);
                series->setMarkerSize(13);
            }
            series->append(p.x, p.y);
        }
        if (!series) continue;
        attach(series);
        m_pointSeries.push_back(series);
        connect(series, &QScatterSeries::clicked, this, [this](const QPointF& at) {
            const QString id = idNear(at);
            if (!id.isEmpty()) emit storeClicked(id);
        });
        connect(series, &QScatterSeries::hovered, this, [this](const QPointF& at, bool state) {
            if (!state) return QToolTip::hideText();
            const QString id = idNear(at);
            for (const auto& p : m_data.points)
                if (QString::fromStdString(p.id) == id)
                    QToolTip::showText(QCursor::pos(), describe(p), this);
        });
    }
    for (const auto& p : m_data.points) {
        auto* label = new QGraphicsSimpleTextItem(QString::fromStdString(p.name), c);
        QFont font = label->font();
        font.setPointSizeF(8.5);
        font.setBold(QString::fromStdString(p.id) == m_highlighted);
        label->setFont(font);
        label->setZValue(20);
        label->setBrush(Theme::instance()->isDark() ? QColor(0xe6, 0xe8, 0xeb)
                                                    : QColor(0x1f, 0x23, 0x28));
        m_labels.push_back(label);
    }
    applyChartPalette(c);
    placeLabels();
}

void DecisionMapView::placeLabels() {
    const QRectF area = chart()->plotArea();
    std::vector<QPointF> points; // every marker, which no label may cover either
    for (const auto& p : m_data.points)
        points.push_back(chart()->mapToPosition(QPointF(p.x, p.y)));
    // The selected store first: its label is the one the user looks for.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_labels.size() && i < m_data.points.size(); ++i)
        if (QString::fromStdString(m_data.points[i].id) == m_highlighted) order.push_back(i);
    for (std::size_t i = 0; i < m_labels.size() && i < m_data.points.size(); ++i)
        if (QString::fromStdString(m_data.points[i].id) != m_highlighted) order.push_back(i);
    std::vector<QRectF> placed;
    for (const std::size_t i : order) {
        const QPointF at = points[i];
        auto* label = m_labels[i];
        const QSizeF size = label->boundingRect().size();
        // Right of the point, else left of it, else nudged below or above: the first spot
        // inside the plot that covers no label placed so far and no other point. With none
        // free, the label is left out (the point's tooltip names it): overlapping labels
        // were unreadable. The selected store always keeps its label.
        const QPointF right(at.x() + 9, at.y() - size.height() / 2);
        const QPointF left(at.x() - 9 - size.width(), right.y());
        const double step = size.height() * 0.8;
        const QPointF candidates[] = {
            right,
            left,
            right + QPointF(0, step),
            right - QPointF(0, step),
            left + QPointF(0, step),
            left - QPointF(0, step),
            QPointF(at.x() - size.width() / 2, at.y() + 8),
            QPointF(at.x() - size.width() / 2, at.y() - 8 - size.height())};
        const auto free = [&](const QRectF& box) {
            if (!area.adjusted(-2, -2, 2, 2).contains(box)) return false;
            if (std::any_of(placed.begin(), placed.end(),
                            [&](const QRectF& r) { return r.intersects(box); }))
                return false;
            for (std::size_t j = 0; j < points.size(); ++j)
                if (j != i && box.adjusted(-6, -6, 6, 6).contains(points[j])) return false;
            return true;
        };
        std::optional<QPointF> chosen;
        for (const QPointF& c : candidates)
            if (free(QRectF(c, size))) {
                chosen = c;
                break;
            }
        const bool selected = QString::fromStdString(m_data.points[i].id) == m_highlighted;
        if (!chosen && selected) chosen = right.x() + size.width() > area.right() ? left : right;
        label->setVisible(chosen && area.contains(at));
        if (!chosen) continue;
        label->setPos(*chosen);
        placed.emplace_back(*chosen, size);
    }
}

} // namespace plumb::ui::charts

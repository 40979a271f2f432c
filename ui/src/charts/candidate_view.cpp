// Candidate comparison: radar chart and score table (candidate_view.h).
#include "plumbline/ui/charts/candidate_view.h"

#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPolarChart>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace plumb::ui::charts {
namespace {

const QColor kColours[] = {QColor(0xc0, 0x39, 0x2b), QColor(0x28, 0x74, 0xa6),
                           QColor(0x1e, 0x84, 0x49), QColor(0x8e, 0x44, 0xad),
                           QColor(0xca, 0x6f, 0x1e)};

QString dimensionTitle(const std::string& name) {
    static const std::pair<const char*, const char*> titles[] = {
        {"volume", "Volume"},      {"writeRate", "Write rate"},    {"readRate", "Read rate"},
        {"queryKinds", "Queries"}, {"consistency", "Consistency"}, {"durability", "Durability"},
        {"hosting", "Hosting"},    {"vectors", "Vectors"},         {"concurrency", "Concurrency"},
        {"structure", "Structure"}};
    for (const auto& [key, title] : titles)
        if (name == key) return QString::fromLatin1(title);
    return QString::fromStdString(name);
}

constexpr int kMinimumColumnWidth = 120, kColumnWidth = 170;

} // namespace

CandidateView::CandidateView(const plumb::KnowledgeBase& knowledge, QWidget* parent)
    : QWidget(parent), m_knowledge(knowledge), m_chartView(new QChartView(new QPolarChart, this)),
      m_table(new QTableWidget(this)), m_tryChoice(new QComboBox(this)),
      m_tryButton(new QPushButton(tr("Try it…"), this)) {
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->setMinimumWidth(360);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Columns keep a readable width (they were 3 characters wide in a docked panel): the
    // table scrolls sideways rather than squeezing the reasons.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setMinimumSectionSize(kMinimumColumnWidth);
    m_table->horizontalHeader()->setDefaultSectionSize(kColumnWidth);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Reasons wrap: rows follow the column widths whenever the table is resized.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, m_table,
            [this] { m_table->resizeRowsToContents(); });
    auto* splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("candidateSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    m_tryChoice->setObjectName(QStringLiteral("tryTechnology"));
    m_tryButton->setObjectName(QStringLiteral("tryButton"));
    m_tryButton->setToolTip(
        tr("Show the findings with this technology next to today's, then keep or discard it"));
    connect(m_tryButton, &QPushButton::clicked, this, [this] {
        const QString id = m_tryChoice->currentData().toString();
        if (!id.isEmpty()) emit tryRequested(id);
    });
    auto* tryBar = new QHBoxLayout;
    tryBar->addWidget(new QLabel(tr("What if it ran on"), this));
    tryBar->addWidget(m_tryChoice, 1);
    tryBar->addWidget(m_tryButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(tryBar);
    setData({});
}

void CandidateView::setData(const plumb::CandidateComparison& data) {
    m_data = data;
    auto* chart = static_cast<QPolarChart*>(m_chartView->chart());
    chart->removeAllSeries();
    for (auto* axis : chart->axes())
        chart->removeAxis(axis), delete axis;
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(0);
    m_tryChoice->clear();
    for (std::size_t e = data.currentIncluded ? 1 : 0; e < data.entries.size(); ++e) {
        const auto& id = data.entries[e].technology;
        const auto* tech = m_knowledge.technology(id);
        m_tryChoice->addItem(QString::fromStdString(tech ? tech->name : id),
                             QString::fromStdString(id));
    }
    // Then the rest of the ranking, by name: technologies of the same kind as the store (a
    // pooler, a stream or a cache is no replacement for a relational database).
    if (!data.otherCandidates.empty() && m_tryChoice->count() > 0)
        m_tryChoice->insertSeparator(m_tryChoice->count());
    for (const auto& id : data.otherCandidates) {
        const auto* tech = m_knowledge.technology(id);
        m_tryChoice->addItem(QString::fromStdString(tech ? tech->name : id),
                             QString::fromStdString(id));
    }
    m_tryChoice->setEnabled(m_tryChoice->count() > 0);
    m_tryButton->setEnabled(m_tryChoice->count() > 0);
    if (data.entries.empty() || data.dimensions.empty()) {
        chart->setTitle(tr("Select a store to compare technologies"));
        return;
    }
    chart->setTitle(tr("Fit by dimension (1 = fits, 0 = rules it out)"));

    // One spoke per dimension: the angular axis runs 0..n, spoke i at angle i.
    const int n = static_cast<int>(data.dimensions.size());
    auto* angular = new QCategoryAxis;
    angular->setRange(0, n);
    angular->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int i = 0; i < n; ++i)
        angular->append(dimensionTitle(data.dimensions[static_cast<std::size_t>(i)]), i);
    auto* radial = new QValueAxis;
    radial->setRange(0, 1);
    radial->setTickCount(5);
    radial->setLabelFormat(QStringLiteral("%.2f"));
    chart->addAxis(angular, QPolarChart::PolarOrientationAngular);
    chart->addAxis(radial, QPolarChart::PolarOrientationRadial);

    m_table->setColumnCount(static_cast<int>(data.entries.size()));
    m_table->setRowCount(n + 1);
    QStringList rows{tr("Overall")};
    for (const auto& d : data.dimensions)
        rows << dimensionTitle(d);
    m_table->setVerticalHeaderLabels(rows);

    for (std::size_t e = 0; e < data.entries.size(); ++e) {
        const auto& fit = data.entries[e];
        const auto* tech = m_knowledge.technology(fit.technology);
        QString name =
            tech ? QString::fromStdString(tech->name) : QString::fromStdString(fit.technology);
        if (e == 0 && data.currentIncluded) name += tr(" (current)");
        auto* series = new QLineSeries;
        series->setName(name);
        // Wider lines first, narrower on top: candidates that score the same on every spoke
        // (the common case) show as concentric bands of their colours instead of hiding
        // each other under the last one drawn.
        const double width = 2.0 + 2.0 * static_cast<double>(data.entries.size() - 1 - e);
        series->setPen(QPen(kColours[e % 5], width));
        for (int i = 0; i <= n; ++i) { // closed: back to the first spoke
            const auto* d =
                plumb::dimensionOf(fit, data.dimensions[static_cast<std::size_t>(i % n)]);
            series->append(i, d ? d->score : 0.0);
        }
        chart->addSeries(series);
        series->attachAxis(angular);
        series->attachAxis(radial);

        const int column = static_cast<int>(e);
        m_table->setHorizontalHeaderItem(column, new QTableWidgetItem(name));
        auto* overall =
            new QTableWidgetItem(QStringLiteral("%1%2")
                                     .arg(fit.score, 0, 'f', 2)
                                     .arg(fit.ruledOut ? tr(" — ruled out") : QString()));
        m_table->setItem(0, column, overall);
        for (int i = 0; i < n; ++i) {
            const auto* d = plumb::dimensionOf(fit, data.dimensions[static_cast<std::size_t>(i)]);
            auto* item = new QTableWidgetItem(d ? QStringLiteral("%1  %2")
                                                      .arg(d->score, 0, 'f', 2)
                                                      .arg(QString::fromStdString(d->reason))
                                                : tr("not counted"));
            if (d) item->setToolTip(QString::fromStdString(d->reason));
            if (d && d->score == 0) item->setForeground(QColor(0xc0, 0x39, 0x2b));
            m_table->setItem(i + 1, column, item);
        }
    }
    m_table->resizeRowsToContents();
}

void CandidateView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const Qt::Orientation wanted = width() >= kSideBySideWidth ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() == wanted) return;
    m_splitter->setOrientation(wanted);
    // Stacked, the radar keeps the larger share and a height its spokes can be read at.
    m_chartView->setMinimumHeight(wanted == Qt::Vertical ? 250 : 0);
    m_table->setMinimumHeight(wanted == Qt::Vertical ? 90 : 0);
    const int length = wanted == Qt::Vertical ? m_splitter->height() : m_splitter->width();
    m_splitter->setSizes({length * 65 / 100, length * 35 / 100});
}

} // namespace plumb::ui::charts

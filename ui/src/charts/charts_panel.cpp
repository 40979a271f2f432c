// The tradeoff charts panel (charts_panel.h).
#include "plumbline/ui/charts/charts_panel.h"

#include "plumbline/chart_data.h"
#include "plumbline/ui/charts/candidate_view.h"
#include "plumbline/ui/charts/chart_palette.h"
#include "plumbline/ui/charts/decision_map_view.h"
#include "plumbline/ui/charts/growth_chart_view.h"
#include "plumbline/ui/charts/swap_preview_dialog.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/theme.h"

#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace plumb::ui::charts {

ChartsPanel::ChartsPanel(const plumb::KnowledgeBase& knowledge, QWidget* parent)
    : QWidget(parent), m_knowledge(knowledge), m_variant(new QComboBox(this)),
      m_summary(new QLabel(this)), m_map(new DecisionMapView(this)), m_tabs(new QTabWidget(this)),
      m_growth(new GrowthChartView(this)), m_candidates(new CandidateView(knowledge, this)),
      m_ownFindings(new FindingsModel(knowledge, this)) {
    setObjectName(QStringLiteral("chartsPanel"));
    setMinimumHeight(220); // below this the log axes lose their labels
    m_variant->addItem(tr("Write rate vs volume"));
    m_variant->addItem(tr("Write rate vs vectors"));
    m_summary->setTextFormat(Qt::PlainText);
    auto* header = new QHBoxLayout;
    header->addWidget(m_variant);
    header->addWidget(m_summary, 1);
    auto* left = m_mapPane = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(header);
    leftLayout->addWidget(m_map, 1);
    m_tabs->addTab(m_growth, tr("Growth"));
    m_tabs->addTab(m_candidates, tr("Candidates"));
    auto* splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("chartsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3); // the map is the overview: it gets the larger share
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_variant, &QComboBox::currentIndexChanged, this, [this] { refreshMap(); });
    connect(m_map, &DecisionMapView::storeClicked, this, [this](const QString& id) {
        if (m_document) m_document->setSelection({id});
    });
    // The charts' frames follow the workbench's light or dark theme: only the palette changes.
    connect(Theme::instance(), &Theme::changed, this, [this] {
        applyChartPalette(m_map->chart());
        applyChartPalette(m_growth->chart());
        applyChartPalette(m_candidates->chartView()->chart());
    });
    connect(m_candidates, &CandidateView::tryRequested, this,
            [this](const QString& technology) { tryTechnology(technology); });
    setFindings(m_ownFindings);
}

SwapPreviewDialog* ChartsPanel::tryTechnology(const QString& technology) {
    if (!m_document || m_store.isEmpty()) {
        emit message(tr("Select a store to try another technology on."));
        return nullptr;
    }
    plumb::CheckOptions options;
    options.analysis.scale = scale(); // compare at the load the charts show
    auto comparison = plumb::compareTechnologySwap(
        m_document->model(), m_knowledge, m_store.toStdString(), technology.toStdString(), options);
    if (!comparison.problem.empty()) {
        emit message(QString::fromStdString(comparison.problem));
        return nullptr;
    }
    auto* dialog =
        new SwapPreviewDialog(m_document, m_knowledge, std::move(comparison), scale(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_store.clear();
    if (m_findings == m_ownFindings) m_ownFindings->setDocument(document);
    if (document) {
        connect(document, &Document::selectionChanged, this, &ChartsPanel::onSelectionChanged);
    }
    recheck();
    if (document) onSelectionChanged(document->selection());
}

void ChartsPanel::showCandidates() {
    m_tabs->setCurrentWidget(m_candidates);
}

void ChartsPanel::setCompact(bool compact) {
    if (compact == isCompact()) return;
    QWidget* current = m_tabs->currentWidget();
    if (compact) {
        m_tabs->insertTab(0, m_mapPane, tr("Decision map"));
        m_tabs->setCurrentWidget(m_mapPane);
    } else {
        m_tabs->removeTab(m_tabs->indexOf(m_mapPane));
        m_splitter->insertWidget(0, m_mapPane);
        m_mapPane->show();
        if (current != m_mapPane) m_tabs->setCurrentWidget(current);
    }
}

bool ChartsPanel::isCompact() const {
    return m_tabs->indexOf(m_mapPane) >= 0;
}

void ChartsPanel::setVectorVariant(bool vectors) {
    m_variant->setCurrentIndex(vectors ? 1 : 0);
}

void ChartsPanel::setFindings(FindingsModel* findings) {
    if (!findings) findings = m_ownFindings;
    if (m_findings) disconnect(m_findings, nullptr, this, nullptr);
    m_findings = findings;
    if (findings == m_ownFindings)
        m_ownFindings->setDocument(m_document);
    else
        m_ownFindings->setDocument(nullptr);
    connect(findings, &FindingsModel::findingsChanged, this, &ChartsPanel::recheck);
    recheck();
}

double ChartsPanel::scale() const {
    return m_findings ? m_findings->scale() : 1.0;
}

void ChartsPanel::setScale(double scale) {
    if (m_findings) m_findings->setScale(scale);
}

void ChartsPanel::recheck() {
    m_result = {};
    // Only once the live findings follow this panel's document (the two are set in turn).
    if (m_document && m_findings && m_findings->document() == m_document)
        m_result = m_findings->checkResult();
    refreshMap();
    refreshSelected();
}

void ChartsPanel::refreshMap() {
    if (!m_document) {
        m_map->setData({});
        m_summary->clear();
        return;
    }
    const auto variant =
        m_variant->currentIndex() == 1 ? plumb::MapVariant::Vectors : plumb::MapVariant::Volume;
    const auto data = plumb::decisionMapData(m_document->model(), m_knowledge, m_result, variant);
    m_map->setData(data);
    m_map->setHighlighted(m_store);
    QString summary = scale() != 1 ? tr("what if x%1 · ").arg(scale()) : QString();
    summary += tr("%n store(s) plotted", nullptr, static_cast<int>(data.points.size()));
    if (!data.unplotted.empty())
        summary += tr("; %n without estimates", nullptr, static_cast<int>(data.unplotted.size()));
    m_summary->setText(summary);
}

void ChartsPanel::onSelectionChanged(const QStringList& ids) {
    // The first selected data-holding element; keep the previous store when the selection
    // moves to something that holds no data, so the charts do not blank on every click.
    if (!m_document) return;
    for (const auto& id : ids) {
        const auto* e = m_document->model().findElement(id.toStdString());
        if (e && plumb::holdsData(e->kind)) {
            m_store = id;
            break;
        }
    }
    m_map->setHighlighted(m_store);
    refreshSelected();
}

void ChartsPanel::refreshSelected() {
    if (!m_document || m_store.isEmpty() ||
        !m_document->model().findElement(m_store.toStdString())) {
        m_growth->setData(std::nullopt);
        m_candidates->setData({});
        applyChartPalette(m_growth->chart());
        applyChartPalette(m_candidates->chartView()->chart());
        return;
    }
    const std::string id = m_store.toStdString();
    const auto& model = m_document->model();
    m_growth->setData(plumb::growthData(model, m_knowledge, m_result.analysis, id),
                      tr("%1 has no volume estimate").arg(m_store));
    m_candidates->setData(plumb::candidateComparison(model, m_knowledge, m_result.analysis, id, 3,
                                                     plumb::recommendedAlternatives(m_result, id)));
    applyChartPalette(m_growth->chart());
    applyChartPalette(m_candidates->chartView()->chart());
}

} // namespace plumb::ui::charts

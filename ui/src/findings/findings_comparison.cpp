#include "plumbline/ui/findings/findings_comparison.h"

#include "plumbline/ui/findings/severity_style.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace plumb::ui {

FindingsComparison::FindingsComparison(QWidget* parent)
    : QWidget(parent), m_banner(new QLabel(this)), m_onlyNew(new QCheckBox(tr("Only new"), this)),
      m_fixedToggle(new QToolButton(this)), m_fixed(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("findingsComparison"));
    m_banner->setObjectName(QStringLiteral("comparisonBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText); // a snapshot's name is the user's text
    m_banner->setToolTip(tr("New findings are marked \"new\" in bold in the list below; a "
                            "finding whose severity changed, \"changed\""));
    m_onlyNew->setObjectName(QStringLiteral("onlyNewFindings"));
    m_onlyNew->setToolTip(tr("List only the findings the comparison does not have"));
    m_fixedToggle->setObjectName(QStringLiteral("fixedToggle"));
    m_fixedToggle->setCheckable(true);
    m_fixedToggle->setAutoRaise(true);
    m_fixedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_fixedToggle->setArrowType(Qt::RightArrow);
    m_fixed->setObjectName(QStringLiteral("fixedFindings"));
    m_fixed->setHeaderLabels({tr("Severity"), tr("Element"), tr("Fixed finding")});
    m_fixed->setRootIsDecorated(false);
    m_fixed->setAlternatingRowColors(true);
    m_fixed->header()->setStretchLastSection(true);
    m_fixed->setColumnWidth(0, 92);
    m_fixed->setColumnWidth(1, 190);
    m_fixed->setVisible(false);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_banner, 1);
    bar->addWidget(m_onlyNew);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_fixedToggle);
    layout->addWidget(m_fixed);

    connect(m_onlyNew, &QCheckBox::toggled, this, &FindingsComparison::onlyNewToggled);
    connect(m_fixedToggle, &QToolButton::toggled, this, [this](bool open) {
        m_fixed->setVisible(open);
        m_fixedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    setVisible(false);
}

void FindingsComparison::show(const QString& label, const plumb::FindingsDiff& diff,
                              const plumb::Model& old) {
    m_active = true;
    const int added = static_cast<int>(diff.added.size());
    const int fixed = static_cast<int>(diff.fixed.size());
    const int changed = static_cast<int>(diff.changed.size());
    QStringList parts{tr("%n new", nullptr, added)};
    if (changed > 0) parts << tr("%n changed in severity", nullptr, changed);
    parts << tr("%n fixed", nullptr, fixed);
    m_banner->setText(tr("Compared with %1: %2").arg(label, parts.join(QStringLiteral(", "))));
    m_fixed->clear();
    for (const auto& finding : diff.fixed) {
        const plumb::Element* element = old.findElement(finding.element);
        const QString where = finding.element.empty() ? tr("Whole model")
                              : element ? QString::fromStdString(element->displayName())
                                        : QString::fromStdString(finding.element);
        auto* item = new QTreeWidgetItem(m_fixed, {severityName(finding.severity), where,
                                                   QString::fromStdString(finding.title)});
        item->setIcon(0, severityIcon(finding.severity));
        item->setToolTip(2, QString::fromStdString(finding.rule));
    }
    // As tall as its rows, up to four: the open list below stays the dock's main content.
    const int row =
        m_fixed->sizeHintForRow(0) > 0 ? m_fixed->sizeHintForRow(0) : fontMetrics().height() + 4;
    m_fixed->setFixedHeight(m_fixed->header()->sizeHint().height() + row * std::clamp(fixed, 1, 4) +
                            2 * m_fixed->frameWidth());
    m_fixedToggle->setText(tr("Fixed since the comparison (%1)").arg(fixed));
    m_fixedToggle->setEnabled(fixed > 0);
    if (fixed == 0) m_fixedToggle->setChecked(false);
    setVisible(true);
}

void FindingsComparison::clear() {
    m_active = false;
    m_fixed->clear();
    m_onlyNew->setChecked(false);
    m_fixedToggle->setChecked(false);
    setVisible(false);
}

} // namespace plumb::ui

#include "plumbline/ui/model_overview.h"

#include "plumbline/ui/display_text.h"
#include "plumbline/ui/document_tree_view.h"
#include "plumbline/ui/kind_icons.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <map>

namespace plumb::ui {

namespace {

QLabel* mutedLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

void scaleFont(QWidget* widget, double factor, bool bold) {
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}

// "6 services" with the kind's icon, as rich text so it wraps with the others.
QString kindBreakdown(const plumb::Model& model) {
    std::map<plumb::ElementKind, int> counts;
    for (const auto& element : model.elements)
        ++counts[element.kind];
    QStringList parts;
    for (const auto& [kind, count] : counts) {
        const QString label = kindLabel(kind);
        parts << QStringLiteral("<img src=':/icons/%1.svg' width='16' height='16' "
                                "style='vertical-align:middle'>&nbsp;%2&nbsp;%3")
                     .arg(label)
                     .arg(count)
                     .arg(count == 1 ? label : label + 's');
    }
    return parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;"));
}

} // namespace

ModelOverview::ModelOverview(QWidget* parent)
    : QWidget(parent), m_treeModel(new ModelTreeModel(this)), m_pages(new QStackedWidget(this)),
      m_title(new QLabel(this)), m_description(mutedLabel(this)), m_counts(mutedLabel(this)),
      m_kinds(mutedLabel(this)), m_treeView(new DocumentTreeView(m_treeModel, this)) {
    m_title->setObjectName(QStringLiteral("modelTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scaleFont(m_title, 1.6, true);
    m_description->setObjectName(QStringLiteral("modelDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts->setObjectName(QStringLiteral("modelCounts"));
    m_kinds->setTextFormat(Qt::RichText);
    m_treeView->setObjectName(QStringLiteral("modelTree"));
    m_treeView->setFrameShape(QFrame::NoFrame);

    auto* header = new QWidget(this);
    auto* headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(16, 14, 16, 12);
    headerLayout->setSpacing(4);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_description);
    headerLayout->addSpacing(4);
    headerLayout->addWidget(m_counts);
    headerLayout->addWidget(m_kinds);

    auto* rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    m_contentPage = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(m_contentPage);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(header);
    contentLayout->addWidget(rule);
    contentLayout->addWidget(m_treeView, 1);

    m_emptyPage = createEmptyState();
    m_pages->addWidget(m_contentPage);
    m_pages->addWidget(m_emptyPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    refresh(ChangeEvent::Everything);
}

QWidget* ModelOverview::createEmptyState() {
    auto* page = new QWidget(this);
    auto* icon = new QLabel(page);
    icon->setPixmap(applicationIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignCenter);
    auto* heading = new QLabel(tr("Nothing to show yet"), page);
    heading->setObjectName(QStringLiteral("emptyStateHeading"));
    heading->setAlignment(Qt::AlignCenter);
    scaleFont(heading, 1.4, true);
    auto* hint = mutedLabel(page);
    hint->setText(tr("This model has no contexts, elements or flows.\nOpen a .plumb project or "
                     "a model JSON file, or start from a bundled example."));
    hint->setAlignment(Qt::AlignCenter);

    auto* open = new QPushButton(tr("Open…"), page);
    auto* example = new QPushButton(tr("Open Example"), page);
    connect(open, &QPushButton::clicked, this, &ModelOverview::openRequested);
    connect(example, &QPushButton::clicked, this, &ModelOverview::openExampleRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(open);
    buttons->addWidget(example);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1); // a little above the middle, where the eye lands
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return page;
}

void ModelOverview::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &Document::changed, this,
                [this](const ChangeEvent& event) { refresh(event.parts); });
    refresh(ChangeEvent::Everything);
    m_treeView->setDocument(document);
    // Fit Name, Kind and Technology to their content once expanded; Details takes the rest.
    for (int column = 0; column < ModelTreeModel::DetailsColumn; ++column) {
        m_treeView->resizeColumnToContents(column);
        const int cap = column == ModelTreeModel::NameColumn ? 300 : 160;
        m_treeView->setColumnWidth(column, std::min(m_treeView->columnWidth(column) + 16, cap));
    }
}

bool ModelOverview::isShowingEmptyState() const {
    return m_pages->currentWidget() == m_emptyPage;
}

void ModelOverview::refresh(unsigned parts) {
    // Moves and resizes change nothing shown here; rebuilding the tree on every drag step
    // would cost more than the drag itself on large models.
    if (parts == ChangeEvent::Layout) return;
    static const plumb::Model kNoModel;
    const plumb::Model& model = m_document ? m_document->model() : kNoModel;

    const QString name = model.name && !model.name->empty()
                             ? QString::fromStdString(*model.name)
                             : (m_document ? m_document->displayName() : tr("No model"));
    m_title->setText(name);
    m_description->setText(model.description ? QString::fromStdString(*model.description)
                                             : QString());
    m_description->setVisible(model.description.has_value());
    m_counts->setText(modelCounts(model));
    m_kinds->setText(kindBreakdown(model));
    m_kinds->setVisible(!model.elements.empty());

    if (parts != ChangeEvent::ModelProperties) m_treeModel->setModel(model);
    const bool empty = model.contexts.empty() && model.elements.empty() && model.flows.empty();
    m_pages->setCurrentWidget(empty ? m_emptyPage : m_contentPage);
}

} // namespace plumb::ui

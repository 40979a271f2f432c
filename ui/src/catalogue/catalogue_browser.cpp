// The pattern catalogue browser (catalogue_browser.h).
#include "plumbline/ui/catalogue/catalogue_browser.h"

#include "plumbline/ui/catalogue/catalogue_html.h"
#include "plumbline/ui/theme.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <map>

namespace plumb::ui::catalogue {
namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kHtmlRole = Qt::UserRole + 1;

// Paints a search hit's rich text (name, category, snippet with <b> matches): QListWidget
// shows plain text only, and the highlighted words are the point of the list.
class RichTextDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        prepare(doc, index, opt.rect.width());
        painter->save();
        painter->translate(opt.rect.topLeft());
        QAbstractTextDocumentLayout::PaintContext context;
        if (opt.state & QStyle::State_Selected)
            context.palette.setColor(QPalette::Text, opt.palette.highlightedText().color());
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QTextDocument doc;
        const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
        const int width = view ? view->viewport()->width() : 300;
        prepare(doc, index, width);
        return {width, static_cast<int>(doc.size().height()) + 2};
    }

private:
    static void prepare(QTextDocument& doc, const QModelIndex& index, int width) {
        doc.setDocumentMargin(4);
        doc.setHtml(index.data(kHtmlRole).toString());
        doc.setTextWidth(width);
    }
};

QString hitHtml(const plumb::SearchHit& hit) {
    const QString snippet = QString::fromStdString(hit.snippet).toHtmlEscaped();
    QString marked = snippet;
    marked.replace(QString::fromLatin1(plumb::kMatchOpen.data(), 1), QStringLiteral("<b>"));
    marked.replace(QString::fromLatin1(plumb::kMatchClose.data(), 1), QStringLiteral("</b>"));
    // The snippet's grey follows the theme (a fixed slate grey vanished on the dark Base).
    const QString muted = Theme::mutedTextColor(QApplication::palette()).name();
    return QStringLiteral("<b>%1</b> <span style=\"color:%5\">%2 &middot; %3</span><br/>"
                          "<span style=\"color:%5\">%4</span>")
        .arg(QString::fromStdString(hit.name).toHtmlEscaped(), QString::fromStdString(hit.kind),
             categoryTitle(hit.category).toHtmlEscaped(), marked, muted);
}

} // namespace

CatalogueBrowser::CatalogueBrowser(const plumb::KnowledgeBase& knowledge, QWidget* parent)
    : QWidget(parent), m_knowledge(knowledge), m_search(knowledge),
      m_openExternal([](const QUrl& url) { QDesktopServices::openUrl(url); }),
      m_searchBox(new QLineEdit(this)), m_lists(new QStackedWidget(this)),
      m_tree(new QTreeWidget(this)), m_results(new QListWidget(this)),
      m_detail(new QTextBrowser(this)), m_backButton(new QToolButton(this)),
      m_forwardButton(new QToolButton(this)) {
    setObjectName(QStringLiteral("catalogueBrowser"));
    m_searchBox->setPlaceholderText(tr("Search patterns and technologies"));
    m_searchBox->setClearButtonEnabled(true);
    m_searchBox->setObjectName(QStringLiteral("catalogueSearch"));
    m_tree->setHeaderHidden(true);
    m_results->setItemDelegate(new RichTextDelegate(m_results));
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setResizeMode(QListView::Adjust); // re-wrap the snippets when the dock resizes
    m_lists->addWidget(m_tree);
    m_lists->addWidget(m_results);
    // Links are followed by us: entries stay inside, sources go to the web browser.
    m_detail->setOpenLinks(false);
    m_detail->setObjectName(QStringLiteral("catalogueDetail"));
    m_backButton->setArrowType(Qt::LeftArrow);
    m_backButton->setToolTip(tr("Back"));
    m_forwardButton->setArrowType(Qt::RightArrow);
    m_forwardButton->setToolTip(tr("Forward"));

    auto* nav = new QHBoxLayout;
    nav->addWidget(m_backButton);
    nav->addWidget(m_forwardButton);
    nav->addWidget(m_searchBox, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(nav);
    leftLayout->addWidget(m_lists);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    buildTree();
    updateNavigation();
    connect(m_searchBox, &QLineEdit::textChanged, this, &CatalogueBrowser::runSearch);
    connect(m_backButton, &QToolButton::clicked, this, &CatalogueBrowser::back);
    connect(m_forwardButton, &QToolButton::clicked, this, &CatalogueBrowser::forward);
    connect(m_detail, &QTextBrowser::anchorClicked, this, &CatalogueBrowser::openLink);
    // Rich text takes its colours when it is set: render the page and the hits again.
    connect(Theme::instance(), &Theme::changed, this, &CatalogueBrowser::renderAgain);
    auto showItem = [this](const QString& id) {
        if (!id.isEmpty()) showEntry(id);
    };
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [showItem](QTreeWidgetItem* item) {
        if (item) showItem(item->data(0, kIdRole).toString());
    });
    connect(m_results, &QListWidget::currentItemChanged, this, [showItem](QListWidgetItem* item) {
        if (item) showItem(item->data(kIdRole).toString());
    });
    // Enter in the search box opens the best hit: two keystrokes find a pattern.
    connect(m_searchBox, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0) m_results->setCurrentRow(0);
    });
}

CatalogueBrowser::~CatalogueBrowser() = default;

void CatalogueBrowser::setExternalLinkHandler(std::function<void(const QUrl&)> handler) {
    m_openExternal = std::move(handler);
}

void CatalogueBrowser::buildTree() {
    auto addGroup = [this](const QString& title, const auto& entries) {
        auto* group = new QTreeWidgetItem(m_tree, {title});
        group->setFlags(Qt::ItemIsEnabled);
        std::map<std::string, QTreeWidgetItem*> categories;
        for (const auto& entry : entries) {
            auto& category = categories[entry.category];
            if (!category) {
                category = new QTreeWidgetItem(group, {categoryTitle(entry.category)});
                category->setFlags(Qt::ItemIsEnabled);
            }
            auto* item = new QTreeWidgetItem(category, {QString::fromStdString(entry.name)});
            item->setData(0, kIdRole, QString::fromStdString(entry.id));
            item->setToolTip(0, QString::fromStdString(entry.id));
        }
        group->sortChildren(0, Qt::AscendingOrder);
        for (int i = 0; i < group->childCount(); ++i)
            group->child(i)->sortChildren(0, Qt::AscendingOrder);
        group->setExpanded(true);
    };
    addGroup(tr("Patterns"), m_knowledge.patterns);
    addGroup(tr("Technologies"), m_knowledge.technologies);
}

void CatalogueBrowser::setSearchText(const QString& text) {
    m_searchBox->setText(text);
}

void CatalogueBrowser::runSearch(const QString& text) {
    m_results->clear();
    if (text.trimmed().isEmpty()) {
        m_lists->setCurrentWidget(m_tree);
        return;
    }
    m_lists->setCurrentWidget(m_results);
    const QSignalBlocker blocker(m_results); // filling the list must not open entries
    for (const auto& hit : m_search.search(text.toStdString(), 30)) {
        auto* item = new QListWidgetItem(m_results);
        item->setData(kIdRole, QString::fromStdString(hit.id));
        item->setData(kHtmlRole, hitHtml(hit));
        item->setToolTip(QString::fromStdString(hit.id));
    }
}

QStringList CatalogueBrowser::resultIds() const {
    QStringList ids;
    for (int i = 0; i < m_results->count(); ++i)
        ids << m_results->item(i)->data(kIdRole).toString();
    return ids;
}

QStringList CatalogueBrowser::resultTexts() const {
    QStringList texts;
    for (int i = 0; i < m_results->count(); ++i)
        texts << m_results->item(i)->data(kHtmlRole).toString();
    return texts;
}

QString CatalogueBrowser::currentEntry() const {
    return m_position >= 0 ? m_history.at(m_position) : QString();
}

QString CatalogueBrowser::detailHtml() const {
    return m_detail->toHtml();
}

bool CatalogueBrowser::showEntry(const QString& id) {
    const std::string key = id.toStdString();
    if (!m_knowledge.pattern(key) && !m_knowledge.technology(key)) return false;
    if (id == currentEntry()) return true;
    // A new page drops the forward history, as in a web browser.
    m_history.resize(m_position + 1);
    m_history << id;
    m_position = m_history.size() - 1;
    display(id);
    return true;
}

void CatalogueBrowser::back() {
    if (!canGoBack()) return;
    display(m_history.at(--m_position));
}

void CatalogueBrowser::forward() {
    if (!canGoForward()) return;
    display(m_history.at(++m_position));
}

void CatalogueBrowser::openLink(const QUrl& link) {
    const QString id = entryIdOf(link);
    if (!id.isEmpty())
        showEntry(id);
    else if (link.scheme() == QLatin1String(kTemplateScheme))
        emit templateRequested(link.path());
    else if (link.scheme() == QLatin1String("http") || link.scheme() == QLatin1String("https"))
        m_openExternal(link);
}

void CatalogueBrowser::renderAgain() {
    const int row = m_results->currentRow();
    runSearch(m_searchBox->text());
    if (row >= 0 && row < m_results->count()) {
        const QSignalBlocker blocker(m_results);
        m_results->setCurrentRow(row);
    }
    if (m_position >= 0) display(currentEntry());
}

void CatalogueBrowser::display(const QString& id) {
    const std::string key = id.toStdString();
    m_detail->document()->setDefaultStyleSheet(Theme::richTextStyleSheet(QApplication::palette()));
    if (const auto* p = m_knowledge.pattern(key))
        m_detail->setHtml(patternPage(m_knowledge, *p));
    else if (const auto* t = m_knowledge.technology(key))
        m_detail->setHtml(technologyPage(m_knowledge, *t));
    updateNavigation();
    emit entryShown(id);
}

void CatalogueBrowser::updateNavigation() {
    m_backButton->setEnabled(canGoBack());
    m_forwardButton->setEnabled(canGoForward());
}

} // namespace plumb::ui::catalogue

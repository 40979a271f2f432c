#pragma once
// The pattern catalogue browser: every pattern and technology of the knowledge base by category
// (a tree), a search box that asks the FTS index on every keystroke (ranked hits with the
// matched words highlighted), and a detail page with links between entries, external sources
// and back/forward navigation. Findings link here through showEntry().

#include "plumbline/kb_search.h"
#include "plumbline/knowledge.h"

#include <QStringList>
#include <QUrl>
#include <QWidget>
#include <functional>

class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTextBrowser;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QListWidgetItem;

namespace plumb::ui::catalogue {

class CatalogueBrowser : public QWidget {
    Q_OBJECT
public:
    explicit CatalogueBrowser(const plumb::KnowledgeBase& knowledge, QWidget* parent = nullptr);
    ~CatalogueBrowser() override;

    // What opens a source's web address; default QDesktopServices::openUrl. Tests replace it.
    void setExternalLinkHandler(std::function<void(const QUrl&)> handler);

    // The search box's text; setting it runs the search as typing would.
    void setSearchText(const QString& text);
    // The ids of the current search hits, best first (empty while the box is empty).
    QStringList resultIds() const;
    // The hits as shown: name, category and snippet with the matches in <b>.
    QStringList resultTexts() const;

    QString currentEntry() const; // empty before any entry is shown
    QString detailHtml() const;
    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_history.size(); }

public slots:
    // Shows a pattern or technology by id and records it in the history. False (and nothing
    // changes) when the id is neither.
    bool showEntry(const QString& id);
    void back();
    void forward();
    // Follows a link of the detail page as a click would: entries inside, the rest outside.
    void openLink(const QUrl& link);

signals:
    void entryShown(const QString& id);
    // A pattern page's "Apply to your diagram" link: the template to apply to the selection.
    void templateRequested(const QString& templateId);

private:
    void buildTree();
    void runSearch(const QString& text);
    void display(const QString& id);
    // Sets the page and the search hits again in the current theme's colours.
    void renderAgain();
    void updateNavigation();

    const plumb::KnowledgeBase& m_knowledge;
    plumb::KnowledgeSearch m_search;
    std::function<void(const QUrl&)> m_openExternal;
    QLineEdit* m_searchBox;
    QStackedWidget* m_lists;
    QTreeWidget* m_tree;
    QListWidget* m_results;
    QTextBrowser* m_detail;
    QToolButton* m_backButton;
    QToolButton* m_forwardButton;
    QStringList m_history;
    qsizetype m_position = -1;
};

} // namespace plumb::ui::catalogue

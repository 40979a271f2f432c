#pragma once
// The details pane of the Findings dock: the selected finding's message, its evidence numbers,
// why the rule exists, and where to go next — the patterns and alternative technologies it
// names (links into the pattern catalogue, "Learn more") and the research sources it cites.

#include "plumbline/checker.h"
#include "plumbline/knowledge.h"

#include <QStringList>
#include <QWidget>

class QTextBrowser;
class QUrl;

namespace plumb::ui {

class FindingDetails : public QWidget {
    Q_OBJECT
public:
    explicit FindingDetails(const plumb::KnowledgeBase& knowledge, QWidget* parent = nullptr);

    // Shows this finding; nullptr shows the "select a finding" hint. `elementName` is what the
    // findings table calls the element.
    void showFinding(const plumb::Finding* finding, const QString& elementName = {});

    QTextBrowser* browser() const { return m_browser; }
    // The catalogue ids this finding links to: its patterns, then its alternatives (only those
    // the knowledge base knows), in the rule's order.
    QStringList learnMoreIds() const { return m_learnMoreIds; }
    // A catalogue id's display name ("Database per tenant"), or the id when unknown.
    QString entryName(const QString& id) const;

    // Follows a link of the pane as a click would: catalogue entries become learnMoreRequested,
    // web addresses open in the browser.
    void openLink(const QUrl& link);

signals:
    void learnMoreRequested(const QString& id);

private:
    const plumb::KnowledgeBase& m_knowledge;
    QTextBrowser* m_browser;
    QStringList m_learnMoreIds;
};

} // namespace plumb::ui

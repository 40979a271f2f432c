#pragma once
// The tradeoff charts of the open document: the decision map (all stores), and for the
// selected store its growth projection and candidate comparison. Follows the document's edits
// and selection, and the what-if scale; clicking a store on the map selects it in the document.
// The findings and analysis come from the document's live check (FindingsModel): the panel
// never runs a check of its own, and the what-if scale is the live check's.

#include "plumbline/checker.h"
#include "plumbline/knowledge.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QSplitter;
class QTabWidget;

namespace plumb::ui {
class Document;
class FindingsModel;
struct ChangeEvent;
} // namespace plumb::ui

namespace plumb::ui::charts {

class CandidateView;
class DecisionMapView;
class GrowthChartView;
class SwapPreviewDialog;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(const plumb::KnowledgeBase& knowledge, QWidget* parent = nullptr);
    ~ChartsPanel() override;

    // The document to chart; nullptr shows empty charts. Not owned.
    void setDocument(Document* document);
    // The live findings to chart (the main window's, shared with the findings dock and the
    // badges). Until set, the panel keeps its own for the document it is given. Not owned.
    void setFindings(FindingsModel* findings);
    FindingsModel* findings() const { return m_findings; }
    double scale() const;
    // The store the growth and candidate charts show (empty: none).
    QString currentStore() const { return m_store; }
    const plumb::CheckResult& checkResult() const { return m_result; }

    DecisionMapView* decisionMap() const { return m_map; }
    GrowthChartView* growthChart() const { return m_growth; }
    CandidateView* candidates() const { return m_candidates; }
    // Brings the candidate comparison of the current store to the front.
    void showCandidates();
    // The compact form for a narrow, tall dock (a side column): the decision map becomes the
    // first of the tabs instead of standing beside them, so each chart keeps a readable size.
    void setCompact(bool compact);
    bool isCompact() const;
    // Shows the vector-count variant of the decision map instead of the volume one.
    void setVectorVariant(bool vectors);

    // "Try it": opens the before/after findings of the current store on `technology` (window-
    // modal; Keep makes the swap one undoable edit). nullptr, with message(), when it cannot.
    SwapPreviewDialog* tryTechnology(const QString& technology);

signals:
    // Something the user should read in the status bar.
    void message(const QString& text);

public slots:
    // The what-if multiplier (1 = the model as estimated): sets the live findings' scale.
    void setScale(double scale);

private:
    void recheck();
    void refreshMap();
    void refreshSelected();
    void onSelectionChanged(const QStringList& ids);

    const plumb::KnowledgeBase& m_knowledge;
    QPointer<Document> m_document;
    QString m_store;
    QComboBox* m_variant;
    QLabel* m_summary;
    DecisionMapView* m_map;
    QTabWidget* m_tabs;
    QWidget* m_mapPane = nullptr; // the map with its variant and summary line
    QSplitter* m_splitter = nullptr;
    GrowthChartView* m_growth;
    CandidateView* m_candidates;
    FindingsModel* m_ownFindings;        // until setFindings() gives the shared one
    FindingsModel* m_findings = nullptr; // a parent-owned sibling, or m_ownFindings
    plumb::CheckResult m_result;
};

} // namespace plumb::ui::charts

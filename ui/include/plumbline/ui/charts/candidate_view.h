#pragma once
// Candidate comparison for one store: a radar chart of the fit dimensions for the current
// technology and the best other candidates, and a table of the per-dimension scores with the
// reason for each.

#include "plumbline/chart_data.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableWidget;

namespace plumb::ui::charts {

class CandidateView : public QWidget {
    Q_OBJECT
public:
    explicit CandidateView(const plumb::KnowledgeBase& knowledge, QWidget* parent = nullptr);

    void setData(const plumb::CandidateComparison& data);
    const plumb::CandidateComparison& data() const { return m_data; }
    QTableWidget* table() const { return m_table; }
    QChartView* chartView() const { return m_chartView; }
    // The candidates other than the current technology, offered for "Try it".
    QComboBox* tryChoice() const { return m_tryChoice; }
    QPushButton* tryButton() const { return m_tryButton; }

    // Wider than this, the radar and the table stand side by side; narrower (a side column),
    // the table goes under the radar, where its columns keep a readable width.
    static constexpr int kSideBySideWidth = 760;
    QSplitter* splitter() const { return m_splitter; }

signals:
    // The user asked to see the findings with the store on `technology`.
    void tryRequested(const QString& technology);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    const plumb::KnowledgeBase& m_knowledge;
    QSplitter* m_splitter = nullptr;
    plumb::CandidateComparison m_data;
    QChartView* m_chartView;
    QTableWidget* m_table;
    QComboBox* m_tryChoice;
    QPushButton* m_tryButton;
};

} // namespace plumb::ui::charts

#pragma once
// The Findings dock during a comparison (Snapshots > Compare): a banner naming what the model is
// compared with and how many findings are new, changed in severity or fixed, an "Only new"
// switch for the open list, and the fixed findings, which the open list cannot show because
// they no longer fire. The matching is the model's (model_diff.h: by rule and element, the
// fingerprint SARIF carries), so the dock agrees with `plumbline diff`.

#include "plumbline/model_diff.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QToolButton;
class QTreeWidget;

namespace plumb::ui {

class FindingsComparison : public QWidget {
    Q_OBJECT
public:
    explicit FindingsComparison(QWidget* parent = nullptr);

    // Shows the comparison with `label` ("snapshot \"v1\""); hides itself on clear().
    // `old` is the model compared with: it names the elements of fixed findings.
    void show(const QString& label, const plumb::FindingsDiff& diff, const plumb::Model& old);
    void clear();
    bool active() const { return m_active; }

    QLabel* banner() const { return m_banner; }
    QCheckBox* onlyNewBox() const { return m_onlyNew; }
    QTreeWidget* fixedList() const { return m_fixed; }
    QToolButton* fixedToggle() const { return m_fixedToggle; }

signals:
    void onlyNewToggled(bool on);

private:
    QLabel* m_banner;
    QCheckBox* m_onlyNew;
    QToolButton* m_fixedToggle;
    QTreeWidget* m_fixed;
    bool m_active = false;
};

} // namespace plumb::ui

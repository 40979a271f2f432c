#pragma once
// The status bar's live count: "2 errors · 3 warnings", each in its severity's colour when not
// zero. Clicking it asks for the findings dock.

#include <QLabel>

namespace plumb::ui {

class FindingsModel;

class FindingsStatus : public QLabel {
    Q_OBJECT
public:
    explicit FindingsStatus(FindingsModel* findings, QWidget* parent = nullptr);

    // The text without markup ("2 errors · 3 warnings"), as a screen reader reads it.
    QString plainText() const { return m_plain; }

signals:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    void refresh();

    FindingsModel* m_findings;
    QString m_plain;
};

} // namespace plumb::ui

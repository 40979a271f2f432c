#pragma once
// "Try it": the findings of the model now and with one store on another technology, side by
// side (fixed ones marked on the left, new ones on the right), and the choice to keep the swap
// (one undoable edit) or discard it (nothing changes).

#include "plumbline/technology_swap.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace plumb::ui {
class Document;
}

namespace plumb::ui::charts {

class SwapPreviewDialog : public QDialog {
    Q_OBJECT
public:
    SwapPreviewDialog(Document* document, const plumb::KnowledgeBase& knowledge,
                      plumb::SwapComparison comparison, double scale = 1.0,
                      QWidget* parent = nullptr);

    const plumb::SwapComparison& comparison() const { return m_comparison; }
    QListWidget* beforeList() const { return m_before; }
    QListWidget* afterList() const { return m_after; }
    QPushButton* keepButton() const { return m_keep; }
    QPushButton* discardButton() const { return m_discard; }
    QString summary() const;

    // Keep: pushes the swap onto the document's undo stack and closes.
    void accept() override;

private:
    Document* m_document;
    const plumb::KnowledgeBase& m_knowledge;
    plumb::SwapComparison m_comparison;
    double m_scale;
    QLabel* m_summary;
    QListWidget* m_before;
    QListWidget* m_after;
    QPushButton* m_keep;
    QPushButton* m_discard;
};

} // namespace plumb::ui::charts

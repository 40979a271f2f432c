#pragma once
// The Properties dock: every field of the contract for the selected element, flow or
// context, with fitting widgets and units. Each confirmed edit is one undo command; the
// editor refreshes from the document, never from its own widgets.

#include "plumbline/ui/document.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QStackedWidget;
class QLabel;

namespace plumb::ui {

template <typename T> class PropertyForm;

class PropertyEditor : public QWidget {
    Q_OBJECT
public:
    explicit PropertyEditor(QWidget* parent = nullptr);
    ~PropertyEditor() override;
    QSize sizeHint() const override { return {330, 600}; }

    void setDocument(Document* document);
    // What is shown: the id of the element, flow or context, or empty.
    QString shownId() const { return m_shownId; }

private:
    void refresh();
    void buildElementForm();
    void buildFlowForm();
    void buildContextForm();
    template <typename T> void addIdRow(PropertyForm<T>& form);

    QPointer<Document> m_document;
    QString m_shownId;
    QStackedWidget* m_pages;
    QLabel* m_empty;
    std::unique_ptr<PropertyForm<plumb::Element>> m_element;
    std::unique_ptr<PropertyForm<plumb::Flow>> m_flow;
    std::unique_ptr<PropertyForm<plumb::Context>> m_context;
};

} // namespace plumb::ui

#pragma once
// The Properties dock: every field of the contract for the selected element, flow or
// context, with fitting widgets and units. Each confirmed edit is one undo command; the
// editor refreshes from the document, never from its own widgets. Several selected items of
// one kind show the fields they share, "mixed" where their values differ, and an edit sets
// the field on all of them as one undo step.

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
    // What is shown: the id of the element, flow or context, or empty (also when several are).
    QString shownId() const { return m_shownId; }
    // Every item shown: one, or several of one kind whose shared fields are edited together.
    QStringList shownIds() const { return m_shownIds; }

private:
    void refresh();
    void buildElementForm();
    void buildFlowForm();
    void buildContextForm();
    template <typename T> void addIdRow(PropertyForm<T>& form);

    QPointer<Document> m_document;
    QString m_shownId;
    QStringList m_shownIds;
    QStackedWidget* m_pages;
    QLabel* m_empty;
    std::unique_ptr<PropertyForm<plumb::Element>> m_element;
    std::unique_ptr<PropertyForm<plumb::Flow>> m_flow;
    std::unique_ptr<PropertyForm<plumb::Context>> m_context;
};

} // namespace plumb::ui

#pragma once
// A form of bindings for one kind of object (element, flow or context): each row reads its
// field from the model and, when the user confirms a change, pushes a ReplaceCommand with an
// edited copy. Rows can be shown only for some objects (cache fields for caches).
// Private to the property editor.

#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/properties/optional_number_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QWidget>
#include <functional>

namespace plumb::ui {

inline const plumb::Element* findById(const plumb::Model& m, const std::string& id,
                                      const plumb::Element*) {
    return m.findElement(id);
}
inline const plumb::Flow* findById(const plumb::Model& m, const std::string& id,
                                   const plumb::Flow*) {
    return m.findFlow(id);
}
inline const plumb::Context* findById(const plumb::Model& m, const std::string& id,
                                      const plumb::Context*) {
    return m.findContext(id);
}

inline QString enumText(std::string_view spelled) {
    return QString::fromLatin1(spelled.data(), static_cast<qsizetype>(spelled.size()));
}

template <typename T> class PropertyForm {
public:
    using Visible = std::function<bool(const T&)>;

    explicit PropertyForm(QWidget* parent)
        : m_widget(new QWidget(parent)), m_layout(new QFormLayout(m_widget)) {
        m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
        m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    QWidget* widget() const { return m_widget; }
    QFormLayout* layout() const { return m_layout; }

    void show(Document* document, const QString& id) {
        m_document = document;
        m_id = id.toStdString();
        refresh();
    }

    void refresh() {
        const T* object = current();
        if (!object) return;
        for (auto& row : m_rows) {
            const bool visible = !row.visible || row.visible(*object);
            m_layout->setRowVisible(row.field, visible);
            if (visible) row.load(*object);
        }
    }

    // A section heading spanning both columns.
    void addHeading(const QString& text, Visible visible = {}) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), m_widget);
        label->setContentsMargins(0, 8, 0, 0);
        m_layout->addRow(label);
        m_rows.push_back({label, [](const T&) {}, std::move(visible)});
    }

    // Optional text: cleared means absent, not "".
    QLineEdit* addText(const QString& label, std::function<plumb::Text&(T&)> field,
                       Visible visible = {}) {
        auto* edit = new QLineEdit(m_widget);
        edit->setClearButtonEnabled(true);
        addRow(
            label, edit,
            [=](const T& o) {
                T copy = o;
                const QSignalBlocker blocker(edit);
                edit->setText(QString::fromStdString(field(copy).value_or(std::string())));
            },
            std::move(visible));
        QObject::connect(edit, &QLineEdit::editingFinished, edit, [=, this] {
            const QString text = edit->text().trimmed();
            change(label, [&](T& o) {
                if (text.isEmpty())
                    field(o).reset();
                else
                    field(o) = text.toStdString();
            });
        });
        return edit;
    }

    OptionalNumberEdit* addNumber(const QString& label, const QString& unit, int decimals,
                                  std::function<plumb::Number&(T&)> field, Visible visible = {},
                                  std::function<void(T&)> normalise = {}) {
        auto* edit = new OptionalNumberEdit(unit, decimals, m_widget);
        edit->setObjectName(label);
        addRow(
            label, edit,
            [=](const T& o) {
                T copy = o;
                const QSignalBlocker blocker(edit);
                edit->setNumber(field(copy));
            },
            std::move(visible));
        QObject::connect(edit, &OptionalNumberEdit::numberEdited, edit,
                         [=, this](std::optional<double> number) {
                             change(label, [&](T& o) {
                                 field(o) = number;
                                 if (normalise) normalise(o);
                             });
                         });
        return edit;
    }

    // An optional enum: "not set" first, then the spellings.
    template <typename E>
    QComboBox* addEnum(const QString& label, std::function<std::optional<E>&(T&)> field,
                       Visible visible = {}, std::function<void(T&)> normalise = {}) {
        auto* combo = new QComboBox(m_widget);
        combo->addItem(QObject::tr("not set"));
        for (const auto spelled : plumb::spellings<E>())
            combo->addItem(enumText(spelled), enumText(spelled));
        addRow(
            label, combo,
            [=](const T& o) {
                T copy = o;
                const QSignalBlocker blocker(combo);
                const auto& value = field(copy);
                combo->setCurrentIndex(value ? static_cast<int>(*value) + 1 : 0);
            },
            std::move(visible));
        QObject::connect(combo, &QComboBox::activated, combo, [=, this](int index) {
            change(label, [&](T& o) {
                if (index == 0)
                    field(o).reset();
                else
                    field(o) = static_cast<E>(index - 1);
                if (normalise) normalise(o);
            });
        });
        return combo;
    }

    void addRow(const QString& label, QWidget* field, std::function<void(const T&)> load,
                Visible visible = {}) {
        if (auto* combo = qobject_cast<QComboBox*>(field)) {
            combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
            combo->setMinimumContentsLength(12);
        }
        field->setMinimumWidth(std::min(field->minimumSizeHint().width(), 160));
        m_layout->addRow(label + QLatin1Char(':'), field);
        m_rows.push_back({field, std::move(load), std::move(visible)});
    }

    // Pushes an edited copy of the shown object, if the edit changed anything.
    void change(const QString& what, const std::function<void(T&)>& edit) {
        const T* object = current();
        if (!object) return;
        T copy = *object;
        edit(copy);
        if (copy == *object) return;
        m_document->undoStack()->push(new diagram::ReplaceCommand<T>(
            m_document, std::move(copy),
            QObject::tr("Set %1 of %2").arg(what.toLower(), QString::fromStdString(m_id))));
    }

    const T* current() const {
        return m_document ? findById(m_document->model(), m_id, static_cast<const T*>(nullptr))
                          : nullptr;
    }
    Document* document() const { return m_document; }
    const std::string& id() const { return m_id; }

private:
    struct Row {
        QWidget* field;
        std::function<void(const T&)> load;
        Visible visible;
    };
    QWidget* m_widget;
    QFormLayout* m_layout;
    QPointer<Document> m_document;
    std::string m_id;
    std::vector<Row> m_rows;
};

} // namespace plumb::ui

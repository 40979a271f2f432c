#pragma once
// A form of bindings for one kind of object (element, flow or context): each row reads its
// field from the model and, when the user confirms a change, pushes a ReplaceCommand with an
// edited copy. Rows can be shown only for some objects (cache fields for caches).
//
// A form can show several objects of its kind at once: it then shows the rows every one of
// them has (and that say how to compare them), a row whose values differ shows as "mixed",
// and a change applies to all of them as one undo step (the same-value check of Tiled's
// PropertyTemplate and qmt's haveSameValue). Private to the property editor.

#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/properties/optional_number_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QVBoxLayout>
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

// Shows a combo box as "mixed": no current item, the placeholder instead.
inline void showComboMixed(QComboBox* combo, bool mixed) {
    const QSignalBlocker blocker(combo);
    combo->setPlaceholderText(QObject::tr("mixed"));
    if (mixed) combo->setCurrentIndex(-1);
}

// Shows a line edit as "mixed" (empty, placeholder). editingFinished on an untouched mixed
// edit must not clear every object's value, so the edit remembers it.
inline void showLineMixed(QLineEdit* edit, bool mixed, const QString& placeholder = {}) {
    const QSignalBlocker blocker(edit);
    edit->setProperty("mixed", mixed);
    if (mixed) edit->setText(QString()); // unlike clear(), leaves it unmodified
    edit->setPlaceholderText(mixed ? QObject::tr("mixed") : placeholder);
}
inline bool untouchedMixed(const QLineEdit* edit) {
    return edit->property("mixed").toBool() && !edit->isModified();
}

template <typename T> class PropertyForm {
public:
    using Visible = std::function<bool(const T&)>;
    using Objects = std::vector<const T*>;

    // How a row behaves when several objects are shown. A row without one is hidden then (an
    // id cannot be shared).
    struct Multi {
        std::function<bool(const T&, const T&)> same;  // equal values in this row
        std::function<void(bool mixed)> showMixed;     // after loading the first object's value
        std::function<void(const Objects&)> loadAll;   // instead of the two above
        std::function<bool(const Objects&)> available; // shown only when true
    };

    // The note on several objects sits above the form, not in it: Qt 6.4's QFormLayout
    // overruns its buffers laying out a word-wrapped label in a row that can be hidden.
    explicit PropertyForm(QWidget* parent)
        : m_widget(new QWidget(parent)), m_multiNote(new QLabel(m_widget)) {
        auto* column = new QVBoxLayout(m_widget);
        column->setContentsMargins(0, 0, 0, 0);
        m_multiNote->setObjectName(QStringLiteral("multiSelectionNote"));
        m_multiNote->setWordWrap(true);
        m_multiNote->setContentsMargins(6, 6, 6, 2);
        m_multiNote->hide();
        column->addWidget(m_multiNote);
        auto* form = new QWidget(m_widget);
        m_layout = new QFormLayout(form);
        column->addWidget(form);
        column->addStretch(1);
        m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
        m_layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    QWidget* widget() const { return m_widget; }
    QFormLayout* layout() const { return m_layout; }

    void show(Document* document, const QString& id) { show(document, QStringList{id}); }
    void show(Document* document, const QStringList& ids) {
        m_document = document;
        m_ids.clear();
        for (const QString& id : ids)
            m_ids.push_back(id.toStdString());
        refresh();
    }

    void refresh() {
        const Objects all = objects();
        if (all.empty()) return;
        const bool multi = all.size() > 1;
        m_multiNote->setVisible(multi);
        if (multi)
            m_multiNote->setText(
                QObject::tr("<b>%n selected.</b> Fields they share; <i>mixed</i> where their "
                            "values differ. A change applies to all of them.",
                            nullptr, static_cast<int>(all.size())));
        for (auto& row : m_rows) {
            bool visible = true;
            for (const T* object : all)
                visible = visible && (!row.visible || row.visible(*object));
            if (multi)
                visible =
                    visible && row.multi && (!row.multi->available || row.multi->available(all));
            m_layout->setRowVisible(row.field, visible);
            if (!visible) continue;
            if (multi && row.multi->loadAll) {
                row.multi->loadAll(all);
                continue;
            }
            row.load(*all.front());
            if (!row.multi || !row.multi->showMixed) continue;
            bool mixed = false;
            if (multi && row.multi->same)
                for (const T* object : all)
                    mixed = mixed || !row.multi->same(*all.front(), *object);
            row.multi->showMixed(mixed);
        }
    }

    // A section heading spanning both columns.
    void addHeading(const QString& text, Visible visible = {}) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), m_widget);
        label->setContentsMargins(0, 8, 0, 0);
        m_layout->addRow(label);
        m_rows.push_back({label, [](const T&) {}, std::move(visible), Multi{}});
    }

    // Optional text: cleared means absent, not "".
    QLineEdit* addText(const QString& label, std::function<plumb::Text&(T&)> field,
                       Visible visible = {}) {
        auto* edit = new QLineEdit(m_widget);
        edit->setObjectName(label);
        edit->setClearButtonEnabled(true);
        addRow(
            label, edit,
            [=](const T& o) {
                T copy = o;
                const QSignalBlocker blocker(edit);
                edit->setText(QString::fromStdString(field(copy).value_or(std::string())));
            },
            std::move(visible));
        setMulti({sameField<plumb::Text>(field),
                  [=](bool mixed) { showLineMixed(edit, mixed); },
                  {},
                  {}});
        QObject::connect(edit, &QLineEdit::editingFinished, edit, [=, this] {
            if (untouchedMixed(edit)) return;
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
        setMulti(
            {sameField<plumb::Number>(field), [=](bool mixed) { edit->setMixed(mixed); }, {}, {}});
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
        combo->setObjectName(label);
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
        setMulti({sameField<std::optional<E>>(field),
                  [=](bool mixed) { showComboMixed(combo, mixed); },
                  {},
                  {}});
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
        m_rows.push_back({field, std::move(load), std::move(visible), std::nullopt});
    }

    // Lets the row added last show for several objects.
    void setMulti(Multi multi) { m_rows.back().multi = std::move(multi); }

    // Edits a copy of every shown object and pushes those that changed as one command (one
    // undo step, one change notice). Every copy is made before the push, since the push
    // refreshes the form (and `edit` may read its widgets).
    void change(const QString& what, const std::function<void(T&)>& edit) {
        std::vector<T> edited;
        for (const T* object : objects()) {
            T copy = *object;
            edit(copy);
            if (!(copy == *object)) edited.push_back(std::move(copy));
        }
        if (edited.empty()) return;
        QUndoStack* stack = m_document->undoStack();
        if (m_ids.size() == 1) {
            stack->push(new diagram::ReplaceCommand<T>(
                m_document, std::move(edited.front()),
                QObject::tr("Set %1 of %2").arg(what.toLower(), QString::fromStdString(m_ids[0]))));
            return;
        }
        const int count = static_cast<int>(edited.size());
        stack->push(new diagram::ReplaceAllCommand<T>(
            m_document, std::move(edited),
            QObject::tr("Set %1 of %n item(s)", nullptr, count).arg(what.toLower())));
    }

    // The first object shown (the only one, unless several are).
    const T* current() const {
        return m_document && !m_ids.empty()
                   ? findById(m_document->model(), m_ids.front(), static_cast<const T*>(nullptr))
                   : nullptr;
    }
    // Every object shown that still exists, in selection order.
    Objects objects() const {
        Objects all;
        if (!m_document) return all;
        for (const auto& id : m_ids)
            if (const T* object = findById(m_document->model(), id, static_cast<const T*>(nullptr)))
                all.push_back(object);
        return all;
    }
    Document* document() const { return m_document; }
    const std::string& id() const { return m_ids.front(); }

private:
    template <typename V> static auto sameField(std::function<V&(T&)> field) {
        return [field](const T& a, const T& b) {
            T ca = a, cb = b;
            return field(ca) == field(cb);
        };
    }

    struct Row {
        QWidget* field;
        std::function<void(const T&)> load;
        Visible visible;
        std::optional<Multi> multi;
    };
    QWidget* m_widget;
    QFormLayout* m_layout;
    QLabel* m_multiNote;
    QPointer<Document> m_document;
    std::vector<std::string> m_ids;
    std::vector<Row> m_rows;
};

} // namespace plumb::ui

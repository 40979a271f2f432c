#include "plumbline/ui/properties/property_editor.h"

#include "plumbline/element_kinds.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/properties/technology_combo.h"
#include "plumbline/ui/theme.h"
#include "property_form.h"

#include <QApplication>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace plumb::ui {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

// Which sections an element shows: exactly the fields its kind carries (element_kinds.h), which
// are the fields the analysis reads (a pooler's instances and connections included).
bool isRuntime(const plumb::Element& e) {
    return plumb::traits(e.kind).runtime;
}
bool isCache(const plumb::Element& e) {
    return plumb::traits(e.kind).cacheFields;
}
bool isLog(const plumb::Element& e) {
    return plumb::traits(e.kind).logFields;
}
bool hasData(const plumb::Element& e) {
    return plumb::traits(e.kind).holdsData;
}

// The data profile, created on first write; dropped again when it ends up empty, so editing a
// field and clearing it leaves the model as it was.
plumb::DataProfile& dataOf(plumb::Element& e) {
    if (!e.data) e.data.emplace();
    return *e.data;
}
void dropEmptyData(plumb::Element& e) {
    if (e.data && *e.data == plumb::DataProfile{}) e.data.reset();
}

QScrollArea* scrolled(QWidget* page, QWidget* parent) {
    auto* area = new QScrollArea(parent);
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the form fits the dock
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

PropertyEditor::PropertyEditor(QWidget* parent)
    : QWidget(parent), m_pages(new QStackedWidget(this)), m_empty(new QLabel(this)),
      m_element(std::make_unique<PropertyForm<plumb::Element>>(this)),
      m_flow(std::make_unique<PropertyForm<plumb::Flow>>(this)),
      m_context(std::make_unique<PropertyForm<plumb::Context>>(this)) {
    setObjectName(QStringLiteral("propertyEditor"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    buildElementForm();
    buildFlowForm();
    buildContextForm();
    m_pages->addWidget(m_empty);
    m_pages->addWidget(scrolled(m_element->widget(), this));
    m_pages->addWidget(scrolled(m_flow->widget(), this));
    m_pages->addWidget(scrolled(m_context->widget(), this));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    refresh();
}

PropertyEditor::~PropertyEditor() {
    // The widgets go first, while the forms they call back into still exist: a focused edit
    // finishes its editing as the window closes.
    delete m_pages;
}

void PropertyEditor::setDocument(Document* document) {
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &Document::selectionChanged, this, &PropertyEditor::refresh);
        connect(document, &Document::changed, this, [this](const ChangeEvent& event) {
            if (event.parts != ChangeEvent::Layout) refresh();
        });
    }
    refresh();
}

void PropertyEditor::refresh() {
    const QStringList selection = m_document ? m_document->selection() : QStringList();
    m_shownId.clear();
    m_shownIds.clear();
    if (selection.isEmpty()) {
        m_empty->setText(QObject::tr("Select an element, a flow or a context to edit it."));
        m_pages->setCurrentIndex(0);
        return;
    }
    // One page per kind: several items are edited together when they are all of one kind.
    const plumb::Model& model = m_document->model();
    int elements = 0, flows = 0, contexts = 0;
    for (const QString& id : selection) {
        const std::string key = id.toStdString();
        elements += model.findElement(key) ? 1 : 0;
        flows += model.findFlow(key) ? 1 : 0;
        contexts += model.findContext(key) ? 1 : 0;
    }
    const int count = static_cast<int>(selection.size());
    if (elements == count) {
        m_element->show(m_document, selection);
        m_pages->setCurrentIndex(1);
    } else if (flows == count) {
        m_flow->show(m_document, selection);
        m_pages->setCurrentIndex(2);
    } else if (contexts == count) {
        m_context->show(m_document, selection);
        m_pages->setCurrentIndex(3);
    } else {
        m_empty->setText(
            QObject::tr("%n items of different kinds selected.\nSelect only elements, only flows "
                        "or only contexts to edit the fields they share.",
                        nullptr, count));
        m_pages->setCurrentIndex(0);
        return;
    }
    m_shownIds = selection;
    if (count == 1) m_shownId = selection.first();
}

template <typename T> void PropertyEditor::addIdRow(PropertyForm<T>& form) {
    auto* edit = new QLineEdit(form.widget());
    edit->setObjectName(QStringLiteral("idEdit"));
    auto* problem = new QLabel(form.widget());
    problem->setObjectName(QStringLiteral("idProblem"));
    problem->setWordWrap(true);
    problem->hide();
    auto* box = new QWidget(form.widget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit);
    layout->addWidget(problem);
    form.addRow(QObject::tr("Id"), box, [=](const T& o) {
        const QSignalBlocker blocker(edit);
        edit->setText(q(o.id));
        problem->hide();
    });
    QObject::connect(edit, &QLineEdit::editingFinished, edit, [=, &form] {
        const T* object = form.current();
        if (!object) return;
        const QString wanted = edit->text().trimmed();
        const QString issue = diagram::idProblem(form.document()->model(), wanted, q(object->id));
        problem->setText(issue);
        // In the theme's error colour as it is now (a fixed dark red is unreadable on dark).
        QPalette palette = problem->palette();
        palette.setColor(QPalette::WindowText, Theme::errorTextColor(QApplication::palette()));
        problem->setPalette(palette);
        problem->setVisible(!issue.isEmpty());
        if (!issue.isEmpty() || wanted == q(object->id)) return;
        form.document()->undoStack()->push(
            new diagram::RenameIdCommand(form.document(), q(object->id), wanted));
    });
}

void PropertyEditor::buildElementForm() {
    using E = plumb::Element;
    auto& f = *m_element;
    addIdRow(f);
    f.addText(QObject::tr("Name"), [](E& e) -> plumb::Text& { return e.name; });

    auto* kind = new QComboBox(f.widget());
    kind->setObjectName(QStringLiteral("kindCombo"));
    for (const auto spelled : plumb::spellings<plumb::ElementKind>())
        kind->addItem(enumText(spelled));
    f.addRow(QObject::tr("Kind"), kind, [=](const E& e) {
        const QSignalBlocker blocker(kind);
        kind->setCurrentIndex(static_cast<int>(e.kind));
    });
    f.setMulti({[](const E& a, const E& b) { return a.kind == b.kind; },
                [=](bool mixed) { showComboMixed(kind, mixed); },
                {},
                {}});
    QObject::connect(kind, &QComboBox::activated, kind, [&f](int index) {
        f.change(QObject::tr("Kind"),
                 [&](E& e) { e.kind = static_cast<plumb::ElementKind>(index); });
    });

    auto* context = new QComboBox(f.widget());
    context->setObjectName(QStringLiteral("contextCombo"));
    f.addRow(QObject::tr("Context"), context, [=, &f](const E& e) {
        const QSignalBlocker blocker(context);
        context->clear();
        context->addItem(QObject::tr("(none)"), QString());
        for (const auto& c : f.document()->model().contexts)
            context->addItem(q(c.name.value_or(c.id)), q(c.id));
        const int index = context->findData(q(e.context.value_or(std::string())));
        if (index < 0) context->addItem(q(*e.context), q(*e.context)); // dangling: keep it
        context->setCurrentIndex(index < 0 ? context->count() - 1 : index);
    });
    f.setMulti({[](const E& a, const E& b) { return a.context == b.context; },
                [=](bool mixed) { showComboMixed(context, mixed); },
                {},
                {}});
    QObject::connect(context, &QComboBox::activated, context, [=, &f](int index) {
        const QString id = context->itemData(index).toString();
        f.change(QObject::tr("Context"), [&](E& e) {
            if (id.isEmpty())
                e.context.reset();
            else
                e.context = id.toStdString();
        });
    });

    auto* technology = new TechnologyCombo(f.widget());
    technology->setObjectName(QStringLiteral("technologyCombo"));
    f.addRow(QObject::tr("Technology"), technology, [=](const E& e) {
        technology->setTechnology(q(e.technology.value_or(std::string())));
    });
    f.setMulti({[](const E& a, const E& b) { return a.technology == b.technology; },
                [=](bool mixed) {
                    if (mixed) technology->setMixed();
                },
                {},
                [](const std::vector<const E*>& all) { // a technology fits one kind
                    return std::all_of(all.begin(), all.end(),
                                       [&](const E* e) { return e->kind == all.front()->kind; });
                }});
    QObject::connect(technology, &TechnologyCombo::technologyChosen, technology,
                     [&f](const QString& id) {
                         f.change(QObject::tr("Technology"), [&](E& e) {
                             if (id.isEmpty())
                                 e.technology.reset();
                             else
                                 e.technology = id.toStdString();
                         });
                     });
    f.addText(QObject::tr("Description"), [](E& e) -> plumb::Text& { return e.description; });

    auto* tags = new QLineEdit(f.widget());
    tags->setObjectName(QStringLiteral("tagsEdit"));
    tags->setPlaceholderText(QObject::tr("comma-separated"));
    f.addRow(QObject::tr("Tags"), tags, [=](const E& e) {
        const QSignalBlocker blocker(tags);
        QStringList list;
        for (const auto& tag : e.tags.value_or(std::vector<std::string>()))
            list << q(tag);
        tags->setText(list.join(QStringLiteral(", ")));
    });
    f.setMulti({[](const E& a, const E& b) { return a.tags == b.tags; },
                [=](bool mixed) { showLineMixed(tags, mixed, QObject::tr("comma-separated")); },
                {},
                {}});
    QObject::connect(tags, &QLineEdit::editingFinished, tags, [=, &f] {
        if (untouchedMixed(tags)) return;
        std::vector<std::string> list;
        for (const QString& tag : tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!tag.trimmed().isEmpty()) list.push_back(tag.trimmed().toStdString());
        f.change(QObject::tr("Tags"), [&](E& e) {
            if (list.empty() && !e.tags) return; // nothing typed, nothing there: no change
            e.tags = list;
        });
    });

    f.addHeading(QObject::tr("Runtime"), isRuntime);
    f.addNumber(
        QObject::tr("Instances"), {}, 0, [](E& e) -> plumb::Number& { return e.instances; },
        isRuntime);
    f.addNumber(
        QObject::tr("Connections"), QObject::tr("per instance"), 0,
        [](E& e) -> plumb::Number& { return e.connectionsPerInstance; }, isRuntime);

    f.addHeading(QObject::tr("Cache"), isCache);
    f.addEnum<plumb::CachePolicy>(
        QObject::tr("Policy"),
        [](E& e) -> std::optional<plumb::CachePolicy>& { return e.cachePolicy; }, isCache);
    f.addNumber(
        QObject::tr("TTL"), QObject::tr("s"), 0,
        [](E& e) -> plumb::Number& { return e.ttlSeconds; }, isCache);

    f.addHeading(QObject::tr("Log"), isLog);
    f.addNumber(
        QObject::tr("Partitions"), {}, 0, [](E& e) -> plumb::Number& { return e.partitions; },
        isLog);
    f.addNumber(
        QObject::tr("Replication"), QObject::tr("copies"), 0,
        [](E& e) -> plumb::Number& { return e.replicationFactor; }, isLog);
    f.addNumber(
        QObject::tr("Retention"), QObject::tr("days"), 1,
        [](E& e) -> plumb::Number& { return e.retentionDays; }, isLog);
    auto* keyed = new QComboBox(f.widget());
    keyed->addItems({QObject::tr("not set"), QObject::tr("yes: events carry a partition key"),
                     QObject::tr("no")});
    f.addRow(
        QObject::tr("Keyed"), keyed,
        [=](const E& e) {
            const QSignalBlocker blocker(keyed);
            keyed->setCurrentIndex(!e.keyed ? 0 : (*e.keyed ? 1 : 2));
        },
        isLog);
    f.setMulti({[](const E& a, const E& b) { return a.keyed == b.keyed; },
                [=](bool mixed) { showComboMixed(keyed, mixed); },
                {},
                {}});
    QObject::connect(keyed, &QComboBox::activated, keyed, [&f](int index) {
        f.change(QObject::tr("Keyed"), [&](E& e) {
            if (index == 0)
                e.keyed.reset();
            else
                e.keyed = index == 1;
        });
    });

    f.addHeading(QObject::tr("Data"), hasData);
    const auto number = [&](const QString& label, const QString& unit, int decimals,
                            plumb::Number plumb::DataProfile::*field) {
        f.addNumber(
            label, unit, decimals, [field](E& e) -> plumb::Number& { return dataOf(e).*field; },
            hasData, dropEmptyData);
    };
    using D = plumb::DataProfile;
    number(QObject::tr("Volume"), QObject::tr("GB"), 2, &D::volumeGB);
    number(QObject::tr("Growth"), QObject::tr("GB/month"), 2, &D::growthGBPerMonth);
    number(QObject::tr("Record size"), QObject::tr("KB"), 2, &D::recordKB);
    number(QObject::tr("Largest record"), QObject::tr("KB"), 2, &D::maxRecordKB);
    f.addEnum<plumb::Structure>(
        QObject::tr("Structure"),
        [](E& e) -> std::optional<plumb::Structure>& { return dataOf(e).structure; }, hasData,
        dropEmptyData);
    f.addEnum<plumb::Consistency>(
        QObject::tr("Consistency"),
        [](E& e) -> std::optional<plumb::Consistency>& { return dataOf(e).consistency; }, hasData,
        dropEmptyData);
    f.addEnum<plumb::Durability>(
        QObject::tr("Durability"),
        [](E& e) -> std::optional<plumb::Durability>& { return dataOf(e).durability; }, hasData,
        dropEmptyData);
    f.addEnum<plumb::Hosting>(
        QObject::tr("Hosting"),
        [](E& e) -> std::optional<plumb::Hosting>& { return dataOf(e).hosting; }, hasData,
        dropEmptyData);

    auto* queries = new QListWidget(f.widget());
    queries->setObjectName(QStringLiteral("queriesList"));
    for (const auto spelled : plumb::spellings<plumb::QueryKind>()) {
        auto* item = new QListWidgetItem(enumText(spelled), queries);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    queries->setMaximumHeight(queries->sizeHintForRow(0) * 4 + 8);
    const auto queriesOf = [](const E& e) {
        return e.data && e.data->queries ? *e.data->queries : std::vector<plumb::QueryKind>();
    };
    queries->setFlow(QListView::LeftToRight);
    queries->setWrapping(true);
    queries->setResizeMode(QListView::Adjust);
    f.addRow(
        QObject::tr("Queries"), queries,
        [=](const E& e) {
            const QSignalBlocker blocker(queries);
            const auto list = queriesOf(e);
            for (int row = 0; row < queries->count(); ++row)
                queries->item(row)->setCheckState(
                    std::count(list.begin(), list.end(), static_cast<plumb::QueryKind>(row))
                        ? Qt::Checked
                        : Qt::Unchecked);
        },
        hasData);
    // Several stores: a query some of them have shows partly checked; a click sets it on all.
    f.setMulti({{},
                {},
                [=](const std::vector<const E*>& all) {
                    const QSignalBlocker blocker(queries);
                    for (int row = 0; row < queries->count(); ++row) {
                        const auto kind = static_cast<plumb::QueryKind>(row);
                        const auto has = [&](const E* e) {
                            const auto list = queriesOf(*e);
                            return std::count(list.begin(), list.end(), kind) > 0;
                        };
                        const auto with = std::count_if(all.begin(), all.end(), has);
                        queries->item(row)->setCheckState(
                            with == 0
                                ? Qt::Unchecked
                                : (with == std::ssize(all) ? Qt::Checked : Qt::PartiallyChecked));
                    }
                },
                {}});
    // Only the query clicked changes, so that for several stores the others stay as they are.
    QObject::connect(queries, &QListWidget::itemChanged, queries, [=, &f](QListWidgetItem* item) {
        const auto toggled = static_cast<plumb::QueryKind>(queries->row(item));
        const bool on = item->checkState() == Qt::Checked;
        f.change(QObject::tr("Queries"), [&](E& e) {
            const auto had = queriesOf(e);
            std::vector<plumb::QueryKind> list;
            for (int row = 0; row < queries->count(); ++row) {
                const auto kind = static_cast<plumb::QueryKind>(row);
                const bool has =
                    kind == toggled ? on : std::count(had.begin(), had.end(), kind) > 0;
                if (has) list.push_back(kind);
            }
            if (list.empty())
                dataOf(e).queries.reset();
            else
                dataOf(e).queries = list;
            dropEmptyData(e);
        });
    });
    number(QObject::tr("Vectors"), {}, 0, &D::vectors);
    number(QObject::tr("Dimensions"), {}, 0, &D::vectorDimensions);
    number(QObject::tr("Replicas"), {}, 0, &D::replicas);
    number(QObject::tr("Shards"), {}, 0, &D::shards);
    number(QObject::tr("Tenants"), {}, 0, &D::tenants);
    number(QObject::tr("Data retention"), QObject::tr("days"), 1, &D::retentionDays);
}

void PropertyEditor::buildFlowForm() {
    using F = plumb::Flow;
    auto& f = *m_flow;
    addIdRow(f);
    const auto endCombo = [&](const QString& label, std::string F::*end) {
        auto* combo = new QComboBox(f.widget());
        f.addRow(label, combo, [=, &f](const F& flow) {
            const QSignalBlocker blocker(combo);
            combo->clear();
            for (const auto& e : f.document()->model().elements)
                combo->addItem(q(e.displayName()), q(e.id));
            combo->setCurrentIndex(combo->findData(q(flow.*end)));
        });
        f.setMulti({[end](const F& a, const F& b) { return a.*end == b.*end; },
                    [=](bool mixed) { showComboMixed(combo, mixed); },
                    {},
                    {}});
        QObject::connect(combo, &QComboBox::activated, combo, [=, &f](int index) {
            f.change(label,
                     [&](F& flow) { flow.*end = combo->itemData(index).toString().toStdString(); });
        });
    };
    endCombo(QObject::tr("From"), &F::from);
    endCombo(QObject::tr("To"), &F::to);
    f.addEnum<plumb::FlowStyle>(
        QObject::tr("Style"),
        [](F& flow) -> std::optional<plumb::FlowStyle>& { return flow.style; });
    f.addNumber(QObject::tr("Reads"), QObject::tr("reads/s"), 1,
                [](F& flow) -> plumb::Number& { return flow.readsPerSecond; });
    f.addNumber(QObject::tr("Writes"), QObject::tr("writes/s"), 1,
                [](F& flow) -> plumb::Number& { return flow.writesPerSecond; });
    f.addNumber(QObject::tr("Payload"), QObject::tr("KB"), 2,
                [](F& flow) -> plumb::Number& { return flow.payloadKB; });
    f.addNumber(QObject::tr("Peak factor"), QObject::tr("× average"), 2,
                [](F& flow) -> plumb::Number& { return flow.peakFactor; });
    f.addText(QObject::tr("Description"), [](F& flow) -> plumb::Text& { return flow.description; });
}

void PropertyEditor::buildContextForm() {
    using C = plumb::Context;
    auto& f = *m_context;
    addIdRow(f);
    f.addText(QObject::tr("Name"), [](C& c) -> plumb::Text& { return c.name; });
    f.addText(QObject::tr("Team"), [](C& c) -> plumb::Text& { return c.team; });
    f.addText(QObject::tr("Description"), [](C& c) -> plumb::Text& { return c.description; });
}

} // namespace plumb::ui

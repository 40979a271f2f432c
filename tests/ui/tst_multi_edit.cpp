// Several items selected in the Properties dock: the fields they share show, "mixed" where
// their values differ, and an edit sets the field on all of them as one undo step that undo
// reverses exactly. Negative numbers stay refused; an untouched mixed field changes nothing.

#include "plumbline/ui/examples.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/properties/optional_number_edit.h"
#include "plumbline/ui/properties/property_editor.h"
#include "plumbline/ui/properties/technology_combo.h"
#include "ui_test_helpers.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;
using test::typeInto;

namespace {

double volumeOf(const Document& document, const char* id) {
    return *document.model().findElement(id)->data->volumeGB;
}

} // namespace

class TestMultiEdit : public QObject, test::PropertyEditorSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() { QVERIFY(openEditorOnExample(1400)); }
    void cleanup() { closeEditor(); }

    void twoStoresShowTheirSharedFields() {
        document().setSelection({"catalog-db", "orders-db"});
        QCOMPARE(m_editor->shownIds(), (QStringList{"catalog-db", "orders-db"}));
        QVERIFY(m_editor->shownId().isEmpty());
        QVERIFY(visible<QLabel>("multiSelectionNote"));
        QVERIFY(!visible<QLineEdit>("idEdit")); // ids are never shared
        auto* volume = visible<OptionalNumberEdit>("Volume");
        QVERIFY(volume);
        QVERIFY(!volume->number()); // 40 and 320 GB: mixed
        QCOMPARE(volume->findChild<QLineEdit*>()->placeholderText(), QStringLiteral("mixed"));
        auto* technology = visible<TechnologyCombo>("technologyCombo");
        QVERIFY(technology); // both stores: a technology fits both
        QCOMPARE(technology->technology(), QStringLiteral("postgresql")); // same: shown
        auto* context = visible<QComboBox>("contextCombo");
        QCOMPARE(context->currentIndex(), -1); // catalog and ordering
        QCOMPARE(context->placeholderText(), QStringLiteral("mixed"));
        QVERIFY(!visible<OptionalNumberEdit>("Instances")); // not a store field
    }

    void anEditSetsAllAsOneUndoStep() {
        const Model before = document().model();
        document().setSelection({"catalog-db", "orders-db", "warehouse"});
        typeInto(visible<OptionalNumberEdit>("Volume"), "500");
        QCOMPARE(volumeOf(document(), "catalog-db"), 500.0);
        QCOMPARE(volumeOf(document(), "orders-db"), 500.0);
        QCOMPARE(volumeOf(document(), "warehouse"), 500.0);
        QCOMPARE(document().undoStack()->count(), 1);
        QCOMPARE(visible<OptionalNumberEdit>("Volume")->number(), std::optional<double>(500));
        document().undoStack()->undo();
        QCOMPARE(document().model(), before);
        QVERIFY(!visible<OptionalNumberEdit>("Volume")->number()); // mixed again
        document().undoStack()->redo();
        QCOMPARE(volumeOf(document(), "warehouse"), 500.0);
    }

    void negativeNumbersAreStillRefused() {
        document().setSelection({"catalog-db", "orders-db"});
        typeInto(visible<OptionalNumberEdit>("Volume"), "-7");
        QCOMPARE(volumeOf(document(), "catalog-db"), 7.0);
        QCOMPARE(volumeOf(document(), "orders-db"), 7.0);
    }

    void anEnumIsSetOnAll() {
        const Model before = document().model();
        document().setSelection({"catalog-db", "customers-db"});
        auto* hosting = visible<QComboBox>("Hosting");
        QVERIFY(hosting);
        QCOMPARE(hosting->currentText(), QStringLiteral("managed")); // the same on both
        const int server = hosting->findText("server");
        hosting->setCurrentIndex(server);
        emit hosting->activated(server);
        for (const char* id : {"catalog-db", "customers-db"})
            QCOMPARE(*document().model().findElement(id)->data->hosting, Hosting::Server);
        QCOMPARE(document().undoStack()->count(), 1);
        document().undoStack()->undo();
        QCOMPARE(document().model(), before);
    }

    void differentKindsShareOnlyCommonFields() {
        document().setSelection({"orders-db", "order-service"});
        QVERIFY(!visible<OptionalNumberEdit>("Volume"));
        QVERIFY(!visible<OptionalNumberEdit>("Instances"));
        QVERIFY(!visible<TechnologyCombo>("technologyCombo")); // only for one kind
        auto* context = visible<QComboBox>("contextCombo");
        QVERIFY(context);
        QCOMPARE(context->currentData().toString(), QStringLiteral("ordering"));
        const int none = context->findData(QString());
        context->setCurrentIndex(none);
        emit context->activated(none);
        QVERIFY(!document().model().findElement("orders-db")->context);
        QVERIFY(!document().model().findElement("order-service")->context);
        QCOMPARE(document().undoStack()->count(), 1);
    }

    void anUntouchedMixedFieldChangesNothing() {
        document().setSelection({"catalog-db", "orders-db"});
        auto* name = visible<QLineEdit>("Name");
        QVERIFY(name);
        QVERIFY(name->text().isEmpty());
        QCOMPARE(name->placeholderText(), QStringLiteral("mixed"));
        emit name->editingFinished(); // focus passed through it
        QCOMPARE(document().undoStack()->count(), 0);
        typeInto(name, "Primary DB");
        QCOMPARE(*document().model().findElement("catalog-db")->name, std::string("Primary DB"));
        QCOMPARE(*document().model().findElement("orders-db")->name, std::string("Primary DB"));
        QCOMPARE(document().undoStack()->count(), 1);
    }

    void aQuerySomeHaveIsPartlyCheckedAndSetOnAll() {
        const Model before = document().model();
        document().setSelection({"catalog-db", "customers-db"}); // key,range,join / key
        auto* queries = visible<QListWidget>("queriesList");
        QVERIFY(queries);
        const auto row = [&](const char* text) {
            return queries->findItems(text, Qt::MatchExactly).value(0);
        };
        QCOMPARE(row("key")->checkState(), Qt::Checked);
        QCOMPARE(row("range")->checkState(), Qt::PartiallyChecked);
        QCOMPARE(row("full-text")->checkState(), Qt::Unchecked);
        row("range")->setCheckState(Qt::Checked);
        const auto queriesOf = [&](const char* id) {
            return *document().model().findElement(id)->data->queries;
        };
        QCOMPARE(queriesOf("customers-db"),
                 (std::vector<QueryKind>{QueryKind::Key, QueryKind::Range}));
        QCOMPARE(queriesOf("catalog-db"), before.findElement("catalog-db")->data->queries.value());
        QCOMPARE(document().undoStack()->count(), 1); // catalog-db had it: one command, one step
        document().undoStack()->undo();
        QCOMPARE(document().model(), before);
    }

    void severalFlowsShareTheirRates() {
        const Model before = document().model();
        const QString first = QString::fromStdString(document().model().flows[0].id);
        const QString second = QString::fromStdString(document().model().flows[1].id);
        document().setSelection({first, second});
        QCOMPARE(m_editor->shownIds().size(), 2);
        typeInto(visible<OptionalNumberEdit>("Writes"), "250");
        for (const QString& id : {first, second})
            QCOMPARE(*document().model().findFlow(id.toStdString())->writesPerSecond, 250.0);
        QCOMPARE(document().undoStack()->count(), 1);
        document().undoStack()->undo();
        QCOMPARE(document().model(), before);
    }

    void itemsOfDifferentKindsAreNotEdited() {
        const QString flow = QString::fromStdString(document().model().flows[0].id);
        document().setSelection({"orders-db", flow});
        QVERIFY(m_editor->shownIds().isEmpty());
        QVERIFY(!visible<OptionalNumberEdit>("Volume"));
        bool explained = false;
        for (auto* label : m_editor->findChildren<QLabel*>())
            explained |= label->isVisible() && label->text().contains("different kinds");
        QVERIFY(explained);
    }

    void editsThreeHundredStoresQuickly() {
        Document large(test::thousandElementProject());
        m_editor->setDocument(&large);
        const Model before = large.model();
        QStringList stores;
        for (const auto& element : before.elements)
            if (element.kind == ElementKind::Store) stores << QString::fromStdString(element.id);
        QElapsedTimer timer;
        timer.start();
        large.setSelection(stores);
        const qint64 showMs = timer.restart();
        typeInto(visible<OptionalNumberEdit>("Volume"), "750");
        const qint64 editMs = timer.restart();
        qInfo("%d stores: shown in %lld ms, one field set on all in %lld ms",
              static_cast<int>(stores.size()), showMs, editMs);
        QCOMPARE(large.undoStack()->count(), 1);
        QCOMPARE(*large.model().findElement(stores.last().toStdString())->data->volumeGB, 750.0);
        large.undoStack()->undo();
        QCOMPARE(large.model(), before);
        m_editor->setDocument(m_load.document.get());
    }

private:
    Document& document() { return *m_load.document; }
    template <typename W> W* visible(const QString& name) const {
        for (W* widget : m_editor->findChildren<W*>(name))
            if (widget->isVisible()) return widget;
        return nullptr;
    }
};

QTEST_MAIN(TestMultiEdit)
#include "tst_multi_edit.moc"

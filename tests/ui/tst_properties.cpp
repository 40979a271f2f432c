// The Properties dock: edits become undo steps, numbers are never negative and "not
// estimated" stays distinct from 0, ids stay unique, technologies come from the knowledge base.

#include "plumbline/ui/examples.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/properties/optional_number_edit.h"
#include "plumbline/ui/properties/property_editor.h"
#include "plumbline/ui/properties/technology_combo.h"
#include "ui_test_helpers.h"

#include <QLabel>
#include <QLineEdit>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;
using test::typeInto;

class TestProperties : public QObject, test::PropertyEditorSuite {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void init() { QVERIFY(openEditorOnExample(900)); }
    void cleanup() { closeEditor(); }

    void theNumberEditRefusesNegativeNumbers() {
        OptionalNumberEdit edit("GB", 2);
        edit.show();
        QVERIFY(!edit.number());
        QSignalSpy edited(&edit, &OptionalNumberEdit::numberEdited);
        typeInto(&edit, "-5");
        QCOMPARE(edit.number(), std::optional<double>(5)); // the '-' was refused
        QCOMPARE(edited.size(), 1);
        edit.setValue(-3);
        QVERIFY(*edit.number() >= 0);
        typeInto(&edit, "");
        QVERIFY(!edit.number()); // cleared: not estimated, not 0
        QVERIFY(edit.text().isEmpty());
    }

    void editsAStoreVolumeAsOneUndoStep() {
        Document& document = *m_load.document;
        const Model before = document.model();
        document.setSelection({"orders-db"});
        QCOMPARE(m_editor->shownId(), QStringLiteral("orders-db"));
        auto* volume = m_editor->findChild<OptionalNumberEdit*>("Volume");
        QVERIFY(volume && volume->isVisible());
        typeInto(volume, "1234");
        QCOMPARE(*document.model().findElement("orders-db")->data->volumeGB, 1234.0);
        QCOMPARE(document.undoStack()->count(), 1);
        typeInto(volume, "");
        QVERIFY(!document.model().findElement("orders-db")->data->volumeGB); // unset, not 0
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
        QCOMPARE(volume->number(), before.findElement("orders-db")->data->volumeGB);
    }

    void fieldsFollowTheKind() {
        m_load.document->setSelection({"orders-api"});
        if (m_editor->shownId().isEmpty()) m_load.document->setSelection({"order-service"});
        QVERIFY(!m_editor->shownId().isEmpty());
        QVERIFY(m_editor->findChild<OptionalNumberEdit*>("Instances")->isVisible());
        QVERIFY(!m_editor->findChild<OptionalNumberEdit*>("Volume")->isVisible());
    }

    void aFlowsRatesAreEditable() {
        Document& document = *m_load.document;
        const std::string id = document.model().flows.front().id;
        document.setSelection({QString::fromStdString(id)});
        auto* writes = m_editor->findChild<OptionalNumberEdit*>("Writes");
        QVERIFY(writes && writes->isVisible());
        typeInto(writes, "-300");
        QCOMPARE(*document.model().findFlow(id)->writesPerSecond, 300.0);
    }

    void aDuplicateIdIsRefusedWithAReason() {
        Document& document = *m_load.document;
        const Model before = document.model();
        document.setSelection({"orders-db"});
        QLineEdit* id = nullptr;
        for (auto* edit : m_editor->findChildren<QLineEdit*>("idEdit"))
            if (edit->isVisible()) id = edit;
        QVERIFY(id);
        typeInto(id, "catalog-db");
        QCOMPARE(document.model(), before);
        bool shown = false;
        for (auto* label : m_editor->findChildren<QLabel*>("idProblem"))
            shown |= label->isVisible() && label->text().contains("already used");
        QVERIFY(shown);
        typeInto(id, "orders-primary");
        QVERIFY(document.model().findElement("orders-primary"));
        QCOMPARE(m_editor->shownId(), QStringLiteral("orders-primary"));
        document.undoStack()->undo();
        QCOMPARE(document.model(), before);
    }

    void technologiesComeFromTheKnowledgeBase() {
        Document& document = *m_load.document;
        document.setSelection({"orders-db"});
        auto* combo = m_editor->findChild<TechnologyCombo*>("technologyCombo");
        QVERIFY(combo);
        QCOMPARE(combo->technology(), QStringLiteral("postgresql"));
        const int mysql = combo->findText("MySQL");
        QVERIFY(mysql > 0);
        combo->setCurrentIndex(mysql);
        emit combo->activated(mysql);
        QCOMPARE(*document.model().findElement("orders-db")->technology, std::string("mysql"));
        combo->setCurrentIndex(0);
        emit combo->activated(0);
        QVERIFY(!document.model().findElement("orders-db")->technology);
    }
};

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"

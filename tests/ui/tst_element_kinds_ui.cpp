// Every element kind through the workbench: palette entry, icon, canvas style and shape, and
// the Properties sections its traits (element_kinds.h) name. A new kind passes this suite with
// its table row and its icon, nothing else.

#include "plumbline/element_kinds.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/diagram/palette.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/properties/optional_number_edit.h"
#include "plumbline/ui/properties/property_editor.h"

#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QtTest>

using namespace plumb;
using namespace plumb::ui;

namespace {

QString q(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool shown(const PropertyEditor& editor, const char* name) {
    auto* edit = editor.findChild<OptionalNumberEdit*>(name);
    return edit && edit->isVisible();
}

} // namespace

class TestElementKindsUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }

    void everyKindIsInThePaletteWithItsIcon() {
        diagram::Palette palette;
        const QStringList entries = diagram::Palette::entries();
        QCOMPARE(palette.count(), static_cast<int>(kKindCount) + 1); // and the bounded context
        for (const KindTraits& row : kKindTraits) {
            QVERIFY(entries.contains(q(row.spelling)));
            QVERIFY2(QFile::exists(QStringLiteral(":/icons/%1.svg").arg(q(row.spelling))),
                     row.spelling.data());
            QVERIFY(!kindIcon(row.kind).pixmap(20, 20).isNull());
            const auto items = palette.findItems(QString(), Qt::MatchContains);
            const auto it = std::find_if(items.begin(), items.end(), [&](QListWidgetItem* i) {
                return i->data(Qt::UserRole).toString() == q(row.spelling);
            });
            QVERIFY(it != items.end());
            QVERIFY((*it)->toolTip().startsWith(q(row.hint)));
        }
    }

    void everyKindHasItsStyleAndShape() {
        for (const bool dark : {false, true}) {
            const diagram::ScopedDiagramStyle scoped(dark);
            for (const KindTraits& row : kKindTraits) {
                const auto style = diagram::kindStyle(row.kind);
                QCOMPARE(style.accent.rgb() & 0xFFFFFF,
                         dark ? row.colours.darkAccent : row.colours.accent);
                QCOMPARE(style.fill.rgb() & 0xFFFFFF,
                         dark ? row.colours.darkFill : row.colours.fill);
                const QSizeF size = diagram::defaultElementSize(row.kind);
                QCOMPARE(size, QSizeF(row.width, row.height));
                const QPainterPath shape = diagram::kindShape(row.kind, size);
                QVERIFY(!shape.isEmpty());
                QVERIFY(shape.boundingRect().width() <= size.width() + 0.01);
            }
        }
    }

    // Properties show exactly the sections of the kind's fields: a pooler's instances and
    // connections are editable because the analysis counts them.
    void propertiesFollowTheTraits() {
        Project project;
        for (const KindTraits& row : kKindTraits) {
            Element e;
            e.id = std::string(row.spelling) + "-1";
            e.kind = row.kind;
            project.model.elements.push_back(e);
        }
        Document document(project);
        PropertyEditor editor;
        editor.setDocument(&document);
        editor.resize(360, 900);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        for (const KindTraits& row : kKindTraits) {
            const QString id = q(row.spelling) + "-1";
            document.setSelection({id});
            QCOMPARE(editor.shownId(), id);
            QCOMPARE(shown(editor, "Instances"), row.runtime);
            QCOMPARE(shown(editor, "Partitions"), row.logFields);
            QCOMPARE(shown(editor, "Volume"), row.holdsData);
            QCOMPARE(shown(editor, "TTL"), row.cacheFields);
        }
    }
};

QTEST_MAIN(TestElementKindsUi)
#include "tst_element_kinds_ui.moc"

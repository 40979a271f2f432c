// Light and dark: View > Theme switches the workbench's palette and the diagram's colours,
// the choice is remembered, and "System" follows the application palette.

#include "plumbline/knowledge.h"
#include "plumbline/ui/catalogue/catalogue_browser.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/charts/decision_map_view.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_style.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/examples.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/mainwindow.h"
#include "plumbline/ui/theme.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>
#include <cmath>

using namespace plumb;
using namespace plumb::ui;

namespace {

// WCAG 2 contrast ratio between two colours (1 to 21).
double contrast(const QColor& a, const QColor& b) {
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Model oneStore() {
    Model model;
    Element store;
    store.id = "orders-db";
    store.kind = ElementKind::Store;
    model.elements.push_back(store);
    model.layout.push_back(test::box("orders-db", 0, 0));
    model.present.layout = true;
    return model;
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { initResources(); }
    void init() { test::useScratchSettings(); }
    void cleanup() { Theme().setChoice(ThemeChoice::System); }

    void switchingThemeChangesTheDiagramColours() {
        Theme theme;
        QCOMPARE(theme.choice(), ThemeChoice::System);
        QVERIFY(!theme.isDark()); // the offscreen platform's palette is light
        const QColor lightText = diagram::textColor();
        const QColor lightCanvas = diagram::canvasColor();
        const QColor lightStoreFill = diagram::kindStyle(ElementKind::Store).fill;
        QSignalSpy changed(&theme, &Theme::changed);

        theme.setChoice(ThemeChoice::Dark);
        QVERIFY(theme.isDark());
        QVERIFY(diagram::darkDiagramStyle());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).toBool(), true);
        QVERIFY(diagram::textColor() != lightText);
        QVERIFY(diagram::canvasColor().lightness() < 60);
        QVERIFY(diagram::kindStyle(ElementKind::Store).fill != lightStoreFill);
        QVERIFY(Theme::isDarkPalette(QApplication::palette()));

        theme.setChoice(ThemeChoice::Light);
        QVERIFY(!theme.isDark());
        QCOMPARE(diagram::textColor(), lightText);
        QCOMPARE(diagram::canvasColor(), lightCanvas);
        QVERIFY(!Theme::isDarkPalette(QApplication::palette()));
    }

    void theCanvasIsRepaintedInTheNewColours() {
        test::DiagramFixture fixture(oneStore(), QSize(400, 300));
        auto& [document, scene, view] = fixture;
        view.setZoom(1.0);
        view.centerOn(100, 36);
        const auto canvasPixel = [&] { return view.grab().toImage().pixelColor(5, 5); };
        const auto cardPixel = [&] {
            const QPoint centre = view.mapFromScene(QPointF(20, 60));
            return view.grab().toImage().pixelColor(centre);
        };
        Theme theme;
        theme.setChoice(ThemeChoice::Light);
        QVERIFY(canvasPixel().lightness() > 200);
        QVERIFY(cardPixel().lightness() > 180);
        theme.setChoice(ThemeChoice::Dark);
        QVERIFY(canvasPixel().lightness() < 60);
        QVERIFY(cardPixel().lightness() < 90);
    }

    void theChoiceIsRemembered() {
        {
            Theme theme;
            theme.setChoice(ThemeChoice::Dark);
        }
        QCOMPARE(Theme::savedChoice(), ThemeChoice::Dark);
        Theme next; // the next start
        QCOMPARE(next.choice(), ThemeChoice::Dark);
        QVERIFY(next.isDark());
        next.setChoice(ThemeChoice::Light);
        QCOMPARE(Theme::savedChoice(), ThemeChoice::Light);
    }

    void bothColourSetsStayReadable() {
        for (const bool dark : {false, true}) {
            const diagram::ScopedDiagramStyle style(dark);
            for (int k = 0; k < 9; ++k) {
                const auto kind = static_cast<ElementKind>(k);
                const QColor fill = diagram::kindStyle(kind).fill;
                QVERIFY2(contrast(diagram::textColor(), fill) >= 7.0, dark ? "dark" : "light");
                QVERIFY(contrast(diagram::mutedTextColor(), fill) >= 4.0);
                QVERIFY(contrast(diagram::kindStyle(kind).accent, diagram::canvasColor()) >= 3.0);
            }
            for (int s = 0; s < 5; ++s)
                QVERIFY(contrast(diagram::flowColor(static_cast<FlowStyle>(s)),
                                 diagram::canvasColor()) >= 3.0);
            for (int i = 0; i < 4; ++i)
                QVERIFY(contrast(diagram::textColor(), diagram::contextHeaderFill(i)) >= 7.0);
            QVERIFY(contrast(diagram::textColor(), diagram::labelFill()) >= 7.0);
        }
        QVERIFY(!diagram::darkDiagramStyle()); // the scope restored the light set
    }

    void systemFollowsTheApplicationPalette() {
        Theme theme;
        QVERIFY(!theme.isDark());
        QSignalSpy changed(&theme, &Theme::changed);
        const QPalette before = QApplication::palette();
        QApplication::setPalette(Theme::darkPalette()); // as a desktop switching to dark
        QVERIFY(theme.isDark());
        QVERIFY(diagram::darkDiagramStyle());
        QCOMPARE(changed.count(), 1);
        QApplication::setPalette(before);
        QVERIFY(!theme.isDark());
    }

    void theMenuOffersTheThreeChoices() {
        Theme theme;
        QMenu view;
        QMenu* menu = theme.addMenu(&view);
        auto* dark = menu->findChild<QAction*>(QStringLiteral("actionThemeDark"));
        auto* system = menu->findChild<QAction*>(QStringLiteral("actionThemeSystem"));
        QVERIFY(dark && system && menu->findChild<QAction*>(QStringLiteral("actionThemeLight")));
        QVERIFY(system->isChecked());
        dark->trigger();
        QCOMPARE(theme.choice(), ThemeChoice::Dark);
        QVERIFY(dark->isChecked() && !system->isChecked());
        theme.setChoice(ThemeChoice::System); // the menu follows a choice made elsewhere
        QVERIFY(system->isChecked() && !dark->isChecked());
    }

    // The charts' frames follow the theme; their series keep the severity colours.
    void chartsFollowTheTheme() {
        MainWindow window(std::make_unique<test::FakeDialogs>());
        QVERIFY(window.openExample(defaultExampleFileName()));
        auto* map = window.chartsPanel()->decisionMap();
        Theme::instance()->setChoice(ThemeChoice::Dark);
        QVERIFY(map->chart()->backgroundBrush().color().lightness() < 80);
        Theme::instance()->setChoice(ThemeChoice::Light);
        QVERIFY(map->chart()->backgroundBrush().color().lightness() > 200);
        Theme::instance()->setChoice(ThemeChoice::System);
    }

    // Text and frames the widgets draw themselves stay readable on both palettes: WCAG's
    // 4.5:1 for text, 3:1 for a control's frame.
    void selfDrawnColoursAreReadableInBothThemes() {
        for (const auto& [palette, name] :
             {std::pair{Theme::lightPalette(), "light"}, std::pair{Theme::darkPalette(), "dark"}}) {
            for (const auto role : {QPalette::Base, QPalette::Window}) {
                const QColor ground = palette.color(role);
                QVERIFY2(contrast(Theme::mutedTextColor(palette), ground) >= 4.5, name);
                QVERIFY2(contrast(Theme::errorTextColor(palette), ground) >= 4.5, name);
                QVERIFY2(contrast(palette.color(QPalette::Link), ground) >= 4.5, name);
            }
            QVERIFY2(contrast(Theme::controlFrameColor(palette), palette.color(QPalette::Base)) >=
                         3.0,
                     name);
        }
    }

    // Fusion's outline of an unchecked box is the dark Base colour itself: the box vanished
    // (the queries in Properties). The dark theme draws a frame that can be seen.
    void anUncheckedBoxCanBeSeenInTheDarkTheme() {
        Theme::instance()->setChoice(ThemeChoice::Dark);
        QCheckBox box(QStringLiteral("join"));
        box.setAutoFillBackground(true);
        box.setBackgroundRole(QPalette::Base);
        box.resize(box.sizeHint());
        const QImage image = box.grab().toImage();
        const QColor base = QApplication::palette().color(QPalette::Base);
        int visible = 0; // pixels left of the label, i.e. the indicator, that stand out
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < std::min(image.width(), 20); ++x)
                if (contrast(image.pixelColor(x, y), base) >= 3.0) ++visible;
        Theme::instance()->setChoice(ThemeChoice::System);
        QVERIFY2(visible >= 20, qPrintable(QString::number(visible)));
    }

    // Rich text takes its colours when it is set: the catalogue's page and hits are set again
    // when the theme changes, so no light-theme link or grey is left on a dark page.
    void theCatalogueIsRenderedAgainInTheNewColours() {
        Theme::instance()->setChoice(ThemeChoice::Light);
        catalogue::CatalogueBrowser browser(builtinKnowledge());
        QVERIFY(browser.showEntry(QStringLiteral("read-aside")));
        browser.setSearchText(QStringLiteral("cache"));
        const QString lightLink = Theme::lightPalette().color(QPalette::Link).name();
        const QString darkLink = Theme::darkPalette().color(QPalette::Link).name();
        const QString darkMuted = Theme::mutedTextColor(Theme::darkPalette()).name();
        QVERIFY(browser.detailHtml().contains(lightLink));
        Theme::instance()->setChoice(ThemeChoice::Dark);
        const QString page = browser.detailHtml();
        const QString hits = browser.resultTexts().join(QString());
        Theme::instance()->setChoice(ThemeChoice::System);
        QVERIFY(page.contains(darkLink));
        QVERIFY(!page.contains(lightLink));
        QVERIFY(page.contains(darkMuted));
        QVERIFY(hits.contains(darkMuted));
        QCOMPARE(browser.currentEntry(), QStringLiteral("read-aside"));
    }

    // For looking at it: PLUMBLINE_SCREENSHOT_DIR=/some/dir saves the workbench with the
    // e-commerce example at 1600x1000 in light and dark, close-ups at 100%, the map and charts.
    void screenshots() {
        const QString dir = qEnvironmentVariable("PLUMBLINE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set PLUMBLINE_SCREENSHOT_DIR to a folder to save screenshots");
        MainWindow window(std::make_unique<test::FakeDialogs>());
        window.resize(1600, 1000);
        window.show();
        QVERIFY(window.openExample(defaultExampleFileName()));
        for (const auto& [choice, name] :
             {std::pair{ThemeChoice::Light, "light"}, std::pair{ThemeChoice::Dark, "dark"}}) {
            Theme::instance()->setChoice(choice);
            window.diagramView()->zoomToFit();
            QTest::qWait(600); // the map's debounced redraw
            QVERIFY(
                window.grab().save(QDir(dir).filePath(QStringLiteral("editB-%1.png").arg(name))));
            window.diagramView()->setZoom(1.0);
            window.diagramView()->centerOn(window.diagramScene()->boxOf("catalog-db").center());
            QTest::qWait(100);
            QVERIFY(window.diagramView()->grab().save(
                QDir(dir).filePath(QStringLiteral("editB-%1-100.png").arg(name))));
            auto* map = window.findChild<QDockWidget*>(QStringLiteral("mapDock"));
            QVERIFY(map->grab().save(
                QDir(dir).filePath(QStringLiteral("editB-minimap-%1.png").arg(name))));
            window.document()->setSelection({QStringLiteral("catalog-db")});
            auto* charts = window.findChild<QDockWidget*>(QStringLiteral("chartsDock"));
            charts->raise();
            QTest::qWait(100);
            QVERIFY(charts->grab().save(
                QDir(dir).filePath(QStringLiteral("theme-charts-%1.png").arg(name))));
        }
        Theme::instance()->setChoice(ThemeChoice::System);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"

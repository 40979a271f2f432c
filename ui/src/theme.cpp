#include "plumbline/ui/theme.h"

#include "plumbline/ui/diagram/diagram_style.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMenu>
#include <QPainter>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <memory>

namespace plumb::ui {

namespace {

const QString kSettingsKey = QStringLiteral("appearance/theme");
const QString kFusion = QStringLiteral("Fusion");
bool s_applying = false; // our own palette changes are not the system's

// How the application looked before any theme was applied: what "System" goes back to.
struct SystemLook {
    QPalette palette;
    QString style;
    bool captured = false;
};

SystemLook& systemLook() {
    static SystemLook look;
    if (!look.captured) {
        look.palette = QApplication::palette();
        look.style = QApplication::style() ? QApplication::style()->name() : kFusion;
        look.captured = true;
    }
    return look;
}

QString spelling(ThemeChoice choice) {
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

QColor mix(const QColor& a, const QColor& b, double share_of_a) {
    const auto channel = [share_of_a](int x, int y) {
        return static_cast<int>(x * share_of_a + y * (1.0 - share_of_a) + 0.5);
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

// Fusion outlines check boxes and radio buttons in the window colour darkened, which is the
// Base colour of a dark palette: an unchecked box disappears. This style draws Fusion's
// indicator and, on a dark palette, a frame that can be seen.
class ReadableFusionStyle : public QProxyStyle {
public:
    ReadableFusionStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool indicator =
            element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
        if (!indicator || !Theme::isDarkPalette(option->palette)) return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(Theme::controlFrameColor(option->palette), 1));
        const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(box);
        else
            painter->drawRoundedRect(box, 1.5, 1.5);
        painter->restore();
    }
};

void useStyle(const QString& name) {
    if (QApplication::style() &&
        QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle* style = QStyleFactory::create(name)) QApplication::setStyle(style);
}

} // namespace

Theme::Theme(QObject* parent) : QObject(parent), m_choice(savedChoice()) {
    systemLook();
    qApp->installEventFilter(this);
    apply();
}

Theme::~Theme() {
    if (qApp) qApp->removeEventFilter(this);
}

Theme* Theme::instance() {
    static QPointer<Theme> theme;
    if (!theme) theme = new Theme(qApp);
    return theme;
}

ThemeChoice Theme::savedChoice() {
    const QString value = QSettings().value(kSettingsKey).toString();
    if (value == QLatin1String("light")) return ThemeChoice::Light;
    if (value == QLatin1String("dark")) return ThemeChoice::Dark;
    return ThemeChoice::System;
}

bool Theme::isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128;
}

QPalette Theme::darkPalette() {
    const QColor window(0x2B, 0x2D, 0x31), base(0x1F, 0x21, 0x24), text(0xE6, 0xE8, 0xEB);
    const QColor disabled(0x7A, 0x7F, 0x87);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2D));
    palette.setColor(QPalette::ToolTipBase, QColor(0x33, 0x36, 0x3B));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8A, 0x90, 0x99));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x33, 0x36, 0x3B));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xF0, 0x52, 0x52));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4E));
    palette.setColor(QPalette::Midlight, QColor(0x3A, 0x3D, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2C));
    palette.setColor(QPalette::Dark, QColor(0x1A, 0x1B, 0x1E));
    palette.setColor(QPalette::Shadow, QColor(0x0E, 0x0F, 0x10));
    palette.setColor(QPalette::Link, QColor(0x6A, 0xA8, 0xF0));
    palette.setColor(QPalette::LinkVisited, QColor(0xA5, 0x9C, 0xF0));
    palette.setColor(QPalette::Highlight, QColor(0x2F, 0x65, 0xC8));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (const auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4E));
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, disabled);
    return palette;
}

QPalette Theme::lightPalette() {
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(kFusion));
    return fusion ? fusion->standardPalette() : QPalette(Qt::white);
}

QColor Theme::mutedTextColor(const QPalette& palette) {
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.72);
}

QColor Theme::errorTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xFF, 0x8A, 0x80) : QColor(0xB9, 0x1C, 0x1C);
}

QColor Theme::controlFrameColor(const QPalette& palette) {
    return mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.55);
}

QString Theme::richTextStyleSheet(const QPalette& palette) {
    return QStringLiteral("a { color: %1; } table { border-color: %2; }")
        .arg(palette.color(QPalette::Link).name(), controlFrameColor(palette).name());
}

void Theme::setChoice(ThemeChoice choice) {
    m_choice = choice;
    QSettings().setValue(kSettingsKey, spelling(choice));
    apply();
}

void Theme::apply() {
    const SystemLook& system = systemLook();
    const bool systemDark = isDarkPalette(system.palette);
    s_applying = true;
    if (m_choice == ThemeChoice::Dark) {
        // Native styles may ignore a dark palette; Fusion honours it (with visible frames).
        if (!dynamic_cast<ReadableFusionStyle*>(QApplication::style()))
            QApplication::setStyle(new ReadableFusionStyle);
        QApplication::setPalette(darkPalette());
    } else if (m_choice == ThemeChoice::Light && systemDark) {
        useStyle(kFusion);
        QApplication::setPalette(lightPalette());
    } else { // the system's own look (also "Light" on a light system)
        useStyle(system.style);
        // Not set when unchanged: an explicitly set palette would stop following the desktop.
        if (QApplication::palette() != system.palette) QApplication::setPalette(system.palette);
    }
    s_applying = false;
    const bool dark =
        m_choice == ThemeChoice::Dark || (m_choice == ThemeChoice::System && systemDark);
    m_dark = dark;
    diagram::setDarkDiagramStyle(dark);
    for (const QPointer<QMenu>& menu : m_menus)
        if (menu)
            for (QAction* action : menu->actions())
                action->setChecked(action->data().toInt() == static_cast<int>(m_choice));
    repaintViews();
    emit changed(dark);
}

void Theme::repaintViews() {
    // Widgets repaint themselves on a palette change; graphics views draw the diagram's own
    // colours, which Qt does not know about.
    for (QWidget* widget : QApplication::allWidgets()) {
        auto* view = qobject_cast<QGraphicsView*>(widget);
        if (!view) continue;
        view->resetCachedContent();
        if (view->scene()) view->scene()->update();
        view->viewport()->update();
    }
}

QMenu* Theme::addMenu(QMenu* parent) {
    QMenu* menu = parent->addMenu(tr("&Theme"));
    menu->setObjectName(QStringLiteral("menuTheme"));
    m_menus.append(menu);
    auto* group = new QActionGroup(menu);
    const auto add = [&](ThemeChoice choice, const QString& name, const QString& text) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setData(static_cast<int>(choice));
        action->setChecked(choice == m_choice);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice] { setChoice(choice); });
    };
    add(ThemeChoice::System, QStringLiteral("actionThemeSystem"), tr("&System"));
    add(ThemeChoice::Light, QStringLiteral("actionThemeLight"), tr("&Light"));
    add(ThemeChoice::Dark, QStringLiteral("actionThemeDark"), tr("&Dark"));
    return menu;
}

bool Theme::eventFilter(QObject* watched, QEvent* event) {
    // The system changed its palette (a desktop switching to dark): follow it when asked to.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !s_applying) {
        SystemLook& system = systemLook();
        if (m_choice == ThemeChoice::System) {
            system.palette = QApplication::palette();
            const bool dark = isDarkPalette(system.palette);
            if (dark != m_dark) {
                m_dark = dark;
                diagram::setDarkDiagramStyle(dark);
                repaintViews();
                emit changed(dark);
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace plumb::ui

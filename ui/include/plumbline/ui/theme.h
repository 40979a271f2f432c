#pragma once
// Light and dark. The workbench follows the system unless the user picks a theme (View > Theme,
// remembered in QSettings under "appearance/theme"). Qt 6.4 has no QStyleHints::colorScheme,
// so "the system is dark" means: the application palette's window colour is dark. The diagram
// switches its colour set with it (diagram_style.h) and every graphics view is repainted.

#include <QList>
#include <QObject>
#include <QPalette>
#include <QPointer>

class QMenu;

namespace plumb::ui {

enum class ThemeChoice { System, Light, Dark };

class Theme : public QObject {
    Q_OBJECT
public:
    // Applies the saved choice at once. Windows share the application's one (instance()).
    explicit Theme(QObject* parent = nullptr);
    ~Theme() override;
    // The application's theme, created on first use (owned by qApp).
    static Theme* instance();

    ThemeChoice choice() const { return m_choice; }
    // Applies and remembers the choice.
    void setChoice(ThemeChoice choice);
    // Whether the workbench (and the diagram) are dark now.
    bool isDark() const { return m_dark; }

    // Adds a Theme submenu with System / Light / Dark (objectNames actionThemeSystem, ...)
    // that follows the choice, however it is made.
    QMenu* addMenu(QMenu* parent);

    static ThemeChoice savedChoice();
    static bool isDarkPalette(const QPalette& palette);
    // Fusion's palettes, tuned so disabled text, links and highlights stay readable.
    static QPalette darkPalette();
    static QPalette lightPalette();

    // Colours for text and frames that widgets and rich-text pages draw themselves, derived
    // from a palette so that they stay readable in both themes: secondary text (at least
    // 4.5:1 against Base and Window), error text, and the frame of check boxes and radio
    // buttons (at least 3:1 against Base: Fusion's own outline vanishes on a dark Base).
    static QColor mutedTextColor(const QPalette& palette);
    static QColor errorTextColor(const QPalette& palette);
    static QColor controlFrameColor(const QPalette& palette);
    // The default style sheet of rich-text pages (link colours, table borders) for a palette.
    // Qt takes a link's colour when the HTML is parsed, so pages are set again on a change.
    static QString richTextStyleSheet(const QPalette& palette);

signals:
    void changed(bool dark);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void repaintViews();

    ThemeChoice m_choice = ThemeChoice::System;
    bool m_dark = false;
    QList<QPointer<QMenu>> m_menus;
};

} // namespace plumb::ui

#include "plumbline/ui/findings/severity_style.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <map>

namespace plumb::ui {

QColor severityColor(plumb::Severity severity) {
    switch (severity) {
    case plumb::Severity::Error:
        return QColor(0xDC, 0x26, 0x26);
    case plumb::Severity::Warning:
        return QColor(0xD9, 0x77, 0x06);
    default:
        return QColor(0x25, 0x63, 0xEB);
    }
}

QIcon severityIcon(plumb::Severity severity) {
    static std::map<plumb::Severity, QIcon> cache;
    if (auto it = cache.find(severity); it != cache.end()) return it->second;
    QIcon icon;
    // Drawn at 1x and 2x so it stays crisp on High-DPI screens.
    for (const int side : {16, 32}) {
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const double unit = side / 16.0;
        painter.setPen(Qt::NoPen);
        painter.setBrush(severityColor(severity));
        painter.drawEllipse(QRectF(1 * unit, 1 * unit, 14 * unit, 14 * unit));
        QFont font = QGuiApplication::font();
        font.setBold(true);
        font.setPixelSize(static_cast<int>(11 * unit));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRectF(0, 0, side, side), Qt::AlignCenter,
                         severity == plumb::Severity::Info ? QStringLiteral("i")
                                                           : QStringLiteral("!"));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.emplace(severity, icon);
    return icon;
}

QString severityName(plumb::Severity severity) {
    switch (severity) {
    case plumb::Severity::Error:
        return QObject::tr("Error");
    case plumb::Severity::Warning:
        return QObject::tr("Warning");
    case plumb::Severity::Info:
        return QObject::tr("Info");
    case plumb::Severity::Off:
        break;
    }
    return QObject::tr("Off");
}

} // namespace plumb::ui

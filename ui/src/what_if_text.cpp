#include "plumbline/ui/what_if_text.h"

#include <QObject>
#include <cmath>

namespace plumb::ui {

QString scaleText(double scale) {
    return scale < 10 ? QStringLiteral("x%1").arg(scale, 0, 'g', 2)
                      : QStringLiteral("x%1").arg(std::round(scale), 0, 'f', 0);
}

QString whatIfTitleSuffix(double scale) {
    return scale == 1 ? QString() : QObject::tr(" (what if %1)").arg(scaleText(scale));
}

QString whatIfStatusText(double scale) {
    return scale == 1 ? QString() : QObject::tr("What if %1").arg(scaleText(scale));
}

} // namespace plumb::ui

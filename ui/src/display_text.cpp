#include "plumbline/ui/display_text.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

namespace plumb::ui {

namespace {

const QString kSeparator = QStringLiteral(" · ");

QString fromStd(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Three significant digits without trailing zeros: 1.25, 12.5, 125.
QString threeDigits(double value) {
    const int integerDigits = value >= 1 ? static_cast<int>(std::floor(std::log10(value))) + 1 : 1;
    const int decimals = std::max(0, 3 - integerDigits);
    QString text = QString::number(value, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.')) text.chop(1);
    }
    return text;
}

QString plural(double count, const QString& one, const QString& many) {
    return formatQuantity(count) + ' ' + (count == 1 ? one : many);
}

} // namespace

QString formatQuantity(double value) {
    if (!std::isfinite(value)) return QStringLiteral("?");
    const QString sign = value < 0 ? QStringLiteral("-") : QString();
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9) return sign + threeDigits(magnitude / 1e9) + 'G';
    if (magnitude >= 1e6) return sign + threeDigits(magnitude / 1e6) + 'M';
    if (magnitude >= 1e4) return sign + threeDigits(magnitude / 1e3) + 'k';
    // Up to 9,999 the exact figure reads better than "1.25k" and is what people typed.
    if (magnitude >= 1000) return sign + QString::number(std::round(magnitude), 'f', 0);
    if (magnitude == 0) return QStringLiteral("0");
    if (magnitude < 0.01) return sign + QString::number(magnitude, 'g', 2);
    return sign + threeDigits(magnitude);
}

QString formatRates(const plumb::Flow& flow) {
    QStringList parts;
    if (flow.readsPerSecond) parts << formatQuantity(*flow.readsPerSecond) + " r/s";
    if (flow.writesPerSecond) parts << formatQuantity(*flow.writesPerSecond) + " w/s";
    return parts.join(kSeparator);
}

QString flowDetails(const plumb::Flow& flow) {
    QStringList parts;
    if (flow.style) parts << fromStd(plumb::spelling(*flow.style));
    if (const QString rates = formatRates(flow); !rates.isEmpty()) parts << rates;
    if (flow.payloadKB) parts << formatQuantity(*flow.payloadKB) + " KB";
    if (flow.peakFactor) parts << QStringLiteral("peak ×") + formatQuantity(*flow.peakFactor);
    return parts.join(kSeparator);
}

QString elementDetails(const plumb::Element& element) {
    QStringList parts;
    if (element.instances)
        parts << plural(*element.instances, QObject::tr("instance"), QObject::tr("instances"));
    if (element.connectionsPerInstance)
        parts << formatQuantity(*element.connectionsPerInstance) + QObject::tr(" conn/instance");
    if (element.partitions)
        parts << plural(*element.partitions, QObject::tr("partition"), QObject::tr("partitions"));
    if (element.replicationFactor)
        parts << QObject::tr("RF %1").arg(formatQuantity(*element.replicationFactor));
    if (const auto policy = element.effectiveCachePolicy())
        parts << fromStd(plumb::spelling(*policy));
    const Number ttl = element.ttlSeconds ? element.ttlSeconds
                                          : (element.data ? element.data->ttlSeconds : Number());
    if (ttl) parts << QObject::tr("TTL %1 s").arg(formatQuantity(*ttl));
    if (const auto& data = element.data) {
        if (data->volumeGB) parts << formatQuantity(*data->volumeGB) + " GB";
        if (data->growthGBPerMonth)
            parts << '+' + formatQuantity(*data->growthGBPerMonth) + QObject::tr(" GB/month");
        if (data->vectors)
            parts << plural(*data->vectors, QObject::tr("vector"), QObject::tr("vectors"));
        if (data->structure) parts << fromStd(plumb::spelling(*data->structure));
        if (data->consistency) parts << fromStd(plumb::spelling(*data->consistency));
        if (data->durability) parts << fromStd(plumb::spelling(*data->durability));
        if (data->hosting) parts << fromStd(plumb::spelling(*data->hosting));
    }
    const Number retention = element.retentionDays
                                 ? element.retentionDays
                                 : (element.data ? element.data->retentionDays : Number());
    if (retention) parts << QObject::tr("%1 d retention").arg(formatQuantity(*retention));
    return parts.join(kSeparator);
}

QString kindLabel(plumb::ElementKind kind) {
    return fromStd(plumb::spelling(kind));
}

QString modelCounts(const plumb::Model& model) {
    QStringList parts;
    const auto add = [&parts](std::size_t count, const QString& one, const QString& many) {
        parts << QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
    };
    add(model.contexts.size(), QObject::tr("context"), QObject::tr("contexts"));
    add(model.elements.size(), QObject::tr("element"), QObject::tr("elements"));
    add(model.flows.size(), QObject::tr("flow"), QObject::tr("flows"));
    if (!model.waivers.empty())
        add(model.waivers.size(), QObject::tr("waiver"), QObject::tr("waivers"));
    return parts.join(kSeparator);
}

} // namespace plumb::ui

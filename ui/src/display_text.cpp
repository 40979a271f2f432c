#include "plumbline/ui/display_text.h"

#include "plumbline/element_kinds.h"
#include "plumbline/units.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

namespace plumb::ui {

namespace {

const QString kSeparator = QStringLiteral(" · ");

QString fromStd(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString plural(double count, const QString& one, const QString& many) {
    return formatQuantity(count) + ' ' + (count == 1 ? one : many);
}

} // namespace

QString formatQuantity(double value) {
    return fromStd(plumb::units::compact(value));
}

QString formatRates(const plumb::Flow& flow, double scale) {
    return fromStd(plumb::units::flowRates(flow, scale));
}

QString flowDetails(const plumb::Flow& flow, double scale) {
    QStringList parts;
    if (flow.style) parts << fromStd(plumb::spelling(*flow.style));
    if (const QString rates = formatRates(flow, scale); !rates.isEmpty())
        parts << (scale == 1 ? rates : rates + QStringLiteral(" (what if x%1)").arg(scale));
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
    if (const Number ttl = element.effectiveTtlSeconds())
        parts << QObject::tr("TTL %1 s").arg(formatQuantity(*ttl));
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
    if (const Number retention = element.effectiveRetentionDays())
        parts << QObject::tr("%1 d retention").arg(formatQuantity(*retention));
    return parts.join(kSeparator);
}

QString kindLabel(plumb::ElementKind kind) {
    return fromStd(plumb::traits(kind).title);
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

// Numbers and units (units.h).
#include "plumbline/units.h"

#include <cmath>
#include <cstdio>

namespace plumb::units {
namespace {

const char* const kSeparator = " · ";

// printf, then without trailing zeros (and "-0" as "0").
std::string trimmed(double value, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

// Three significant digits without trailing zeros: 1.25, 12.5, 125 (`value` >= 0).
std::string threeDigits(double value) {
    const int integerDigits = value >= 1 ? static_cast<int>(std::floor(std::log10(value))) + 1 : 1;
    return trimmed(value, std::max(0, 3 - integerDigits));
}

} // namespace

std::string number(double value, int decimals) {
    if (!std::isfinite(value)) return "—";
    std::string s = trimmed(value, decimals);
    const std::size_t dot = s.find('.');
    const std::size_t intEnd = dot == std::string::npos ? s.size() : dot;
    const std::size_t intStart = s[0] == '-' ? 1 : 0;
    for (std::size_t i = intEnd; i > intStart + 3; i -= 3)
        s.insert(i - 3, ",");
    return s;
}

std::string compact(double value) {
    if (!std::isfinite(value)) return "?";
    const std::string sign = value < 0 ? "-" : "";
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9) return sign + threeDigits(magnitude / 1e9) + "G";
    if (magnitude >= 1e6) return sign + threeDigits(magnitude / 1e6) + "M";
    if (magnitude >= 1e4) return sign + threeDigits(magnitude / 1e3) + "k";
    if (magnitude >= 1000) return sign + trimmed(std::round(magnitude), 0);
    if (magnitude == 0) return "0";
    if (magnitude < 0.01) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2g", magnitude);
        return sign + buf;
    }
    return sign + threeDigits(magnitude);
}

std::string gigabytes(const std::optional<double>& gb) {
    if (!gb) return "—";
    if (*gb >= 1e6) return number(*gb / 1e6, 1) + " PB";
    if (*gb >= 1e3) return number(*gb / 1e3, 1) + " TB";
    if (*gb > 0 && *gb < 1.0) return number(*gb * 1e3, 0) + " MB";
    return number(*gb, 1) + " GB";
}

std::string perSecond(const std::optional<double>& rate) {
    return rate ? number(*rate, 1) + "/s" : "—";
}

std::string flowRates(const Flow& flow, double scale) {
    std::string out;
    if (flow.readsPerSecond) out += compact(*flow.readsPerSecond * scale) + " r/s";
    if (flow.writesPerSecond)
        out += (out.empty() ? "" : kSeparator) + compact(*flow.writesPerSecond * scale) + " w/s";
    return out;
}

std::string flowLabel(const Flow& flow) {
    std::string out = flowRates(flow);
    if (flow.style && *flow.style != FlowStyle::Sync)
        out += (out.empty() ? "" : kSeparator) + std::string(spelling(*flow.style));
    return out;
}

} // namespace plumb::units

// How facts read in messages: thousands separators, units from the fact's name.
#include "plumbline/checker.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace plumb {
namespace {

std::string withSeparators(double v) {
    const bool negative = v < 0;
    v = std::fabs(v);
    // Large numbers read as integers; small ones keep up to two decimals, trailing zeros dropped.
    const int decimals = v >= 100 ? 0 : (v >= 10 ? 1 : 2);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    std::string text = buffer;
    std::string fraction;
    if (auto dot = text.find('.'); dot != std::string::npos) {
        fraction = text.substr(dot);
        text.resize(dot);
        while (!fraction.empty() && (fraction.back() == '0' || fraction.back() == '.'))
            fraction.pop_back();
    }
    std::string grouped;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && (text.size() - i) % 3 == 0) grouped += ',';
        grouped += text[i];
    }
    return (negative ? "-" : "") + grouped + fraction;
}

} // namespace

std::string formatFact(const std::string& name, const FactValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b ? "yes" : "no";
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        if (list->empty()) return "none";
        std::string out;
        for (const auto& item : *list)
            out += (out.empty() ? "" : ", ") + item;
        return out;
    }
    const double v = std::get<double>(value);
    if (name.ends_with("KB")) {
        if (v >= 1024) return withSeparators(v / 1024) + " MB";
        return withSeparators(v) + " KB";
    }
    if (name.find("GB") != std::string::npos)
        return withSeparators(v) + " GB"; // volumeGB, growthGBPerMonth
    if (name.ends_with("Seconds")) return withSeparators(v) + " s";
    if (name.ends_with("Days")) return withSeparators(v) + " days";
    if (name.ends_with("Months")) return withSeparators(v) + " months";
    return withSeparators(v);
}

std::string fillTemplate(const std::string& text, const Facts& facts) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find('{', pos);
        const std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) {
            out += text.substr(pos);
            break;
        }
        out += text.substr(pos, open - pos);
        const std::string name = text.substr(open + 1, close - open - 1);
        const FactValue* v = facts.find(name);
        out += v ? formatFact(name, *v) : "unknown";
        pos = close + 1;
    }
    return out;
}

std::string todayIso() {
    const auto now = std::chrono::system_clock::now();
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

} // namespace plumb

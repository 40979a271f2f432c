// The report's tradeoff charts (report_charts.h): the decision map and the growth projection.
#include "plumbline/report_charts.h"

#include "plumbline/report_escape.h"
#include "plumbline/report_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace plumb {
namespace {

const char* kFont = "Helvetica, Arial, sans-serif";
const char* kBandColours[] = {"#2874a6", "#1e8449", "#8e44ad", "#ca6f1e", "#17a589", "#5d6d7e"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A log axis from a power of ten below the smallest value to one above the largest.
struct LogAxis {
    double lo = 0, hi = 1; // log10
    double pixelLo = 0, pixelHi = 1;
    double map(double v) const {
        const double l = std::log10(std::max(v, std::pow(10.0, lo)));
        return pixelLo + (std::min(l, hi) - lo) / (hi - lo) * (pixelHi - pixelLo);
    }
};

LogAxis axisFor(const std::vector<double>& values, double pixelLo, double pixelHi) {
    double mn = 1e300, mx = -1e300;
    for (double v : values)
        if (v > 0) mn = std::min(mn, v), mx = std::max(mx, v);
    if (mn > mx) mn = 1, mx = 10;
    LogAxis a;
    a.lo = std::floor(std::log10(mn));
    a.hi = std::ceil(std::log10(mx));
    if (a.hi <= a.lo) a.hi = a.lo + 1;
    a.pixelLo = pixelLo;
    a.pixelHi = pixelHi;
    return a;
}

std::string powerLabel(int exponent, const char* unit) {
    const double v = std::pow(10.0, exponent);
    if (std::string(unit) == "GB") return formatGB(v);
    return formatCompact(v) + unit;
}

std::string fit(const std::string& text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return text.substr(0, cut) + "…";
}

} // namespace

DecisionMap writeDecisionMap(const Report& report) {
    DecisionMap map;
    std::vector<const ReportStore*> plotted;
    for (const auto& s : report.stores) {
        if (s.writesPerSecond && s.volumeGB && *s.writesPerSecond > 0 && *s.volumeGB > 0)
            plotted.push_back(&s);
        else
            map.unplotted.push_back(s.name);
    }
    if (plotted.empty()) return map;

    // Technologies in use, most stores first, at most six bands so the chart stays readable.
    std::map<std::string, int> uses;
    for (const auto* s : plotted)
        if (!s->technology.empty() && s->comfortableWrites && s->comfortableVolumeGB)
            ++uses[s->technology];
    std::vector<std::pair<std::string, int>> bands(uses.begin(), uses.end());
    std::stable_sort(bands.begin(), bands.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (bands.size() > 6) bands.resize(6);
    std::map<std::string, const ReportStore*> bandStore;
    for (const auto* s : plotted)
        if (!bandStore.count(s->technology)) bandStore[s->technology] = s;

    const double W = 760, H = 440, left = 78, right = 24, top = 24, bottom = 56;
    std::vector<double> xs, ys;
    for (const auto* s : plotted)
        xs.push_back(*s->writesPerSecond), ys.push_back(*s->volumeGB);
    for (const auto& [tech, n] : bands) {
        const ReportStore* s = bandStore[tech];
        xs.push_back(*s->comfortableWrites), ys.push_back(*s->comfortableVolumeGB);
        if (s->maxWrites) xs.push_back(*s->maxWrites);
        if (s->maxVolumeGB) ys.push_back(*s->maxVolumeGB);
    }
    const LogAxis x = axisFor(xs, left, W - right), y = axisFor(ys, H - bottom, top);

    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" << W
        << "\" height=\"" << H << "\" viewBox=\"0 0 " << W << " " << H << "\">\n"
        << "<title>Decision map: write rate against volume</title>\n"
        << "<rect x=\"0\" y=\"0\" width=\"" << W << "\" height=\"" << H
        << "\" fill=\"#ffffff\"/>\n";
    // Grid and axes.
    for (int e = static_cast<int>(x.lo); e <= static_cast<int>(x.hi); ++e) {
        const double px = x.map(std::pow(10.0, e));
        out << "<line x1=\"" << num(px) << "\" y1=\"" << top << "\" x2=\"" << num(px) << "\" y2=\""
            << H - bottom << "\" stroke=\"#e5e8eb\" stroke-width=\"1\"/>\n"
            << "<text x=\"" << num(px) << "\" y=\"" << H - bottom + 16 << "\" font-family=\""
            << kFont << "\" font-size=\"10\" fill=\"#566573\" text-anchor=\"middle\">"
            << escapeHtml(powerLabel(e, "/s")) << "</text>\n";
    }
    for (int e = static_cast<int>(y.lo); e <= static_cast<int>(y.hi); ++e) {
        const double py = y.map(std::pow(10.0, e));
        out << "<line x1=\"" << left << "\" y1=\"" << num(py) << "\" x2=\"" << W - right
            << "\" y2=\"" << num(py) << "\" stroke=\"#e5e8eb\" stroke-width=\"1\"/>\n"
            << "<text x=\"" << left - 8 << "\" y=\"" << num(py + 3.5) << "\" font-family=\""
            << kFont << "\" font-size=\"10\" fill=\"#566573\" text-anchor=\"end\">"
            << escapeHtml(powerLabel(e, "GB")) << "</text>\n";
    }
    out << "<text x=\"" << (left + W - right) / 2 << "\" y=\"" << H - 14 << "\" font-family=\""
        << kFont << "\" font-size=\"11.5\" fill=\"#34495e\" text-anchor=\"middle\">"
        << "Write rate (writes/s, log scale)</text>\n"
        << "<text x=\"16\" y=\"" << (top + H - bottom) / 2 << "\" font-family=\"" << kFont
        << "\" font-size=\"11.5\" fill=\"#34495e\" text-anchor=\"middle\" transform=\"rotate(-90 "
           "16 "
        << (top + H - bottom) / 2 << ")\">Volume (log scale)</text>\n";

    // Envelope bands: comfortable shaded, maximum dashed.
    for (std::size_t i = 0; i < bands.size(); ++i) {
        const ReportStore* s = bandStore[bands[i].first];
        const char* colour = kBandColours[i % 6];
        const double x0 = left, y0 = H - bottom;
        const double cx = x.map(*s->comfortableWrites), cy = y.map(*s->comfortableVolumeGB);
        out << "<rect x=\"" << x0 << "\" y=\"" << num(cy) << "\" width=\"" << num(cx - x0)
            << "\" height=\"" << num(y0 - cy) << "\" fill=\"" << colour
            << "\" fill-opacity=\"0.07\" stroke=\"" << colour
            << "\" stroke-opacity=\"0.6\" stroke-width=\"1\"/>\n";
        if (s->maxWrites && s->maxVolumeGB) {
            const double mx = x.map(*s->maxWrites), my = y.map(*s->maxVolumeGB);
            out << "<rect x=\"" << x0 << "\" y=\"" << num(my) << "\" width=\"" << num(mx - x0)
                << "\" height=\"" << num(y0 - my) << "\" fill=\"none\" stroke=\"" << colour
                << "\" stroke-opacity=\"0.6\" stroke-width=\"1\" stroke-dasharray=\"4,3\"/>\n";
        }
        out << "<text x=\"" << num(cx - 4) << "\" y=\""
            << num(cy + 12 + 12.0 * static_cast<double>(i % 2)) << "\" font-family=\"" << kFont
            << "\" font-size=\"10\" fill=\"" << colour << "\" text-anchor=\"end\">"
            << escapeHtml(fit(s->technologyName, 28)) << " comfortable</text>\n";
    }
    // Points, with their names; labels alternate sides to limit collisions.
    for (const auto* s : plotted) {
        const double px = x.map(*s->writesPerSecond), py = y.map(*s->volumeGB);
        const char* colour = s->worst ? severityColour(*s->worst) : "#1e8449";
        out << "<circle cx=\"" << num(px) << "\" cy=\"" << num(py) << "\" r=\"6\" fill=\"" << colour
            << "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
        const bool leftSide = px > W - right - 150;
        out << "<text x=\"" << num(px + (leftSide ? -9 : 9)) << "\" y=\"" << num(py + 4)
            << "\" font-family=\"" << kFont << "\" font-size=\"10.5\" fill=\"#1c2833\" "
            << "text-anchor=\"" << (leftSide ? "end" : "start") << "\">"
            << escapeHtml(fit(s->name, 30)) << "</text>\n";
    }
    out << "</svg>\n";
    map.svg = out.str();
    return map;
}

std::vector<GrowthRow> growthProjection(const Report& report) {
    std::vector<GrowthRow> rows;
    for (const auto& s : report.stores) {
        if (!s.volumeGB || !s.growthGBPerMonth || *s.growthGBPerMonth <= 0) continue;
        GrowthRow row{s.id, *s.volumeGB, *s.growthGBPerMonth, std::nullopt, std::nullopt};
        auto monthsTo = [&](const std::optional<double>& limit) -> std::optional<double> {
            if (!limit) return std::nullopt;
            return std::max(0.0, (*limit - row.volumeGB) / row.growthGBPerMonth);
        };
        row.monthsToComfortable = monthsTo(s.comfortableVolumeGB);
        row.monthsToMax = monthsTo(s.maxVolumeGB);
        rows.push_back(row);
    }
    return rows;
}

std::string growthSparkline(const GrowthRow& row, const ReportStore& store) {
    const double W = 120, H = 28, months = 24;
    const double end = row.volumeGB + row.growthGBPerMonth * months;
    double top = end;
    if (store.comfortableVolumeGB && *store.comfortableVolumeGB < end * 1.6)
        top = std::max(top, *store.comfortableVolumeGB);
    top *= 1.1;
    auto py = [&](double v) { return H - 2 - (v / top) * (H - 4); };
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H
        << "\" viewBox=\"0 0 " << W << " " << H << "\">";
    if (store.comfortableVolumeGB && *store.comfortableVolumeGB <= top)
        out << "<line x1=\"0\" y1=\"" << num(py(*store.comfortableVolumeGB)) << "\" x2=\"" << W
            << "\" y2=\"" << num(py(*store.comfortableVolumeGB))
            << "\" stroke=\"#d68910\" stroke-width=\"1\" stroke-dasharray=\"3,2\"/>";
    const char* colour =
        store.comfortableVolumeGB && end > *store.comfortableVolumeGB ? "#c0392b" : "#2874a6";
    out << "<polygon points=\"0," << num(H - 2) << " 0," << num(py(row.volumeGB)) << " " << W << ","
        << num(py(end)) << " " << W << "," << num(H - 2) << "\" fill=\"" << colour
        << "\" fill-opacity=\"0.15\"/>"
        << "<line x1=\"0\" y1=\"" << num(py(row.volumeGB)) << "\" x2=\"" << W << "\" y2=\""
        << num(py(end)) << "\" stroke=\"" << colour << "\" stroke-width=\"1.6\"/></svg>";
    return out.str();
}

} // namespace plumb

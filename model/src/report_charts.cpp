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
    if (std::string(unit) == "GB") return units::gigabytes(v);
    return units::compact(v) + unit;
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
    const DecisionMapData& data = report.decisionMap;
    for (const auto& id : data.unplotted)
        map.unplotted.push_back(report.elementName(id));
    if (data.points.empty()) return map;
    // The technologies in use, most stores first (the workbench's order), at most six bands so
    // the chart stays readable.
    const std::size_t bandCount = std::min<std::size_t>(data.regions.size(), 6);

    const double W = 760, H = 440, left = 78, right = 24, top = 24, bottom = 56;
    std::vector<double> xs, ys;
    for (const MapPoint& p : data.points)
        xs.push_back(p.x), ys.push_back(p.y);
    for (std::size_t i = 0; i < bandCount; ++i) {
        const MapRegion& band = data.regions[i];
        xs.push_back(band.comfortableX), ys.push_back(band.comfortableY);
        if (band.maxX) xs.push_back(*band.maxX);
        if (band.maxY) ys.push_back(*band.maxY);
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
    for (std::size_t i = 0; i < bandCount; ++i) {
        const MapRegion& band = data.regions[i];
        const char* colour = kBandColours[i % 6];
        const double x0 = left, y0 = H - bottom;
        const double cx = x.map(band.comfortableX), cy = y.map(band.comfortableY);
        out << "<rect x=\"" << x0 << "\" y=\"" << num(cy) << "\" width=\"" << num(cx - x0)
            << "\" height=\"" << num(y0 - cy) << "\" fill=\"" << colour
            << "\" fill-opacity=\"0.07\" stroke=\"" << colour
            << "\" stroke-opacity=\"0.6\" stroke-width=\"1\"/>\n";
        if (band.maxX && band.maxY) {
            const double mx = x.map(*band.maxX), my = y.map(*band.maxY);
            out << "<rect x=\"" << x0 << "\" y=\"" << num(my) << "\" width=\"" << num(mx - x0)
                << "\" height=\"" << num(y0 - my) << "\" fill=\"none\" stroke=\"" << colour
                << "\" stroke-opacity=\"0.6\" stroke-width=\"1\" stroke-dasharray=\"4,3\"/>\n";
        }
        out << "<text x=\"" << num(cx - 4) << "\" y=\""
            << num(cy + 12 + 12.0 * static_cast<double>(i % 2)) << "\" font-family=\"" << kFont
            << "\" font-size=\"10\" fill=\"" << colour << "\" text-anchor=\"end\">"
            << escapeHtml(fit(band.name, 28)) << " comfortable</text>\n";
    }
    // Points, with their names; labels alternate sides to limit collisions.
    for (const MapPoint& p : data.points) {
        const double px = x.map(p.x), py = y.map(p.y);
        const char* colour = p.worst ? severityColour(*p.worst) : "#1e8449";
        out << "<circle cx=\"" << num(px) << "\" cy=\"" << num(py) << "\" r=\"6\" fill=\"" << colour
            << "\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n";
        const bool leftSide = px > W - right - 150;
        out << "<text x=\"" << num(px + (leftSide ? -9 : 9)) << "\" y=\"" << num(py + 4)
            << "\" font-family=\"" << kFont << "\" font-size=\"10.5\" fill=\"#1c2833\" "
            << "text-anchor=\"" << (leftSide ? "end" : "start") << "\">"
            << escapeHtml(fit(p.name, 30)) << "</text>\n";
    }
    out << "</svg>\n";
    map.svg = out.str();
    return map;
}

std::string growthSparkline(const ReportGrowthRow& row) {
    const double W = 120, H = 28;
    const double end = row.in24GB;
    const std::optional<double>& comfortable = row.comfortableGB;
    double top = end;
    if (comfortable && *comfortable < end * 1.6) top = std::max(top, *comfortable);
    top *= 1.1;
    auto py = [&](double v) { return H - 2 - (v / top) * (H - 4); };
    std::ostringstream out;
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H
        << "\" viewBox=\"0 0 " << W << " " << H << "\">";
    if (comfortable && *comfortable <= top)
        out << "<line x1=\"0\" y1=\"" << num(py(*comfortable)) << "\" x2=\"" << W << "\" y2=\""
            << num(py(*comfortable))
            << "\" stroke=\"#d68910\" stroke-width=\"1\" stroke-dasharray=\"3,2\"/>";
    const char* colour = comfortable && end > *comfortable ? "#c0392b" : "#2874a6";
    out << "<polygon points=\"0," << num(H - 2) << " 0," << num(py(row.todayGB)) << " " << W << ","
        << num(py(end)) << " " << W << "," << num(H - 2) << "\" fill=\"" << colour
        << "\" fill-opacity=\"0.15\"/>"
        << "<line x1=\"0\" y1=\"" << num(py(row.todayGB)) << "\" x2=\"" << W << "\" y2=\""
        << num(py(end)) << "\" stroke=\"" << colour << "\" stroke-width=\"1.6\"/></svg>";
    return out.str();
}

} // namespace plumb

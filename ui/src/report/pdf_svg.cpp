// The SVG subset painter (pdf_svg.h). Parsed once into drawing operations, painted later.
#include "pdf_svg.h"

#include "pdf_flow.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <algorithm>
#include <memory>
#include <vector>

namespace plumb::ui::pdf {
namespace {

using Op = std::function<void(QPainter&)>;

double number(const QXmlStreamAttributes& a, const char* name, double fallback = 0) {
    bool ok = false;
    const double v = a.value(QLatin1String(name)).toDouble(&ok);
    return ok ? v : fallback;
}

// The fill or stroke colour with its opacity; an invalid colour for "none" or absent.
QColor paint(const QXmlStreamAttributes& a, const char* name, const char* opacity) {
    const auto value = a.value(QLatin1String(name));
    if (value.isEmpty() || value == QLatin1String("none")) return {};
    QColor c(value.toString());
    if (a.hasAttribute(QLatin1String(opacity))) c.setAlphaF(float(number(a, opacity, 1)));
    return c;
}

QPen pen(const QXmlStreamAttributes& a) {
    const QColor c = paint(a, "stroke", "stroke-opacity");
    if (!c.isValid()) return Qt::NoPen;
    const double width = number(a, "stroke-width", 1);
    QPen p(c, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    const QString dash = a.value(QLatin1String("stroke-dasharray")).toString();
    if (!dash.isEmpty()) { // SVG dashes are in user units, Qt's in pen widths
        QList<qreal> pattern;
        for (const auto& part : dash.split(QRegularExpression("[ ,]+"), Qt::SkipEmptyParts))
            pattern.push_back(part.toDouble() / width);
        if (pattern.size() % 2) pattern += pattern; // SVG repeats an odd list
        p.setDashPattern(pattern);
    }
    return p;
}

QBrush brush(const QXmlStreamAttributes& a) {
    // SVG's default fill is black; our charts always state it.
    const auto value = a.value(QLatin1String("fill"));
    if (value.isEmpty()) return QBrush(Qt::black);
    const QColor c = paint(a, "fill", "fill-opacity");
    return c.isValid() ? QBrush(c) : QBrush(Qt::NoBrush);
}

std::optional<Op> text(const QXmlStreamAttributes& a, const QString& content) {
    const QString transform = a.value(QLatin1String("transform")).toString();
    double angle = 0, ox = 0, oy = 0;
    if (!transform.isEmpty()) {
        static const QRegularExpression rotate(
            R"(^\s*rotate\(\s*([-\d.]+)(?:[\s,]+([-\d.]+)[\s,]+([-\d.]+))?\s*\)\s*$)");
        const auto m = rotate.match(transform);
        if (!m.hasMatch()) return std::nullopt;
        angle = m.captured(1).toDouble();
        ox = m.captured(2).toDouble();
        oy = m.captured(3).toDouble();
    }
    const QFont f = font(number(a, "font-size", 10),
                         a.value(QLatin1String("font-weight")) == QLatin1String("bold"));
    const QColor colour = paint(a, "fill", "fill-opacity");
    const auto anchor = a.value(QLatin1String("text-anchor")).toString();
    const double x = number(a, "x"), y = number(a, "y");
    return [=](QPainter& p) {
        p.save();
        if (angle != 0) {
            p.translate(ox, oy);
            p.rotate(angle);
            p.translate(-ox, -oy);
        }
        p.setFont(f);
        p.setPen(colour.isValid() ? colour : QColor(Qt::black));
        double left = x;
        if (anchor == QLatin1String("middle") || anchor == QLatin1String("end")) {
            const double w = QFontMetricsF(f, p.device()).horizontalAdvance(content);
            left -= anchor == QLatin1String("middle") ? w / 2 : w;
        }
        p.drawText(QPointF(left, y), content);
        p.restore();
    };
}

std::optional<Op> shape(const QStringView name, const QXmlStreamAttributes& a) {
    const QPen line = pen(a);
    const QBrush fill = brush(a);
    if (name == QLatin1String("rect")) {
        const QRectF r(number(a, "x"), number(a, "y"), number(a, "width"), number(a, "height"));
        const double rx = std::min({number(a, "rx"), r.width() / 2, r.height() / 2});
        return [=](QPainter& p) {
            p.setPen(line);
            p.setBrush(fill);
            if (rx > 0)
                p.drawRoundedRect(r, rx, rx);
            else
                p.drawRect(r);
        };
    }
    if (name == QLatin1String("line")) {
        const QLineF l(number(a, "x1"), number(a, "y1"), number(a, "x2"), number(a, "y2"));
        return [=](QPainter& p) {
            p.setPen(line);
            p.drawLine(l);
        };
    }
    if (name == QLatin1String("circle")) {
        const QPointF c(number(a, "cx"), number(a, "cy"));
        const double r = number(a, "r");
        return [=](QPainter& p) {
            p.setPen(line);
            p.setBrush(fill);
            p.drawEllipse(c, r, r);
        };
    }
    if (name == QLatin1String("polygon")) {
        QPolygonF polygon;
        const auto parts = a.value(QLatin1String("points"))
                               .toString()
                               .split(QRegularExpression("[ ,]+"), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2)
            polygon << QPointF(parts[i].toDouble(), parts[i + 1].toDouble());
        return [=](QPainter& p) {
            p.setPen(line);
            p.setBrush(fill);
            p.drawPolygon(polygon);
        };
    }
    return std::nullopt;
}

} // namespace

std::optional<SvgDrawing> parseSimpleSvg(const QByteArray& svg) {
    QXmlStreamReader xml(svg);
    auto ops = std::make_shared<std::vector<Op>>();
    SvgDrawing drawing;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        const auto name = xml.name();
        const auto a = xml.attributes();
        if (name == QLatin1String("svg")) {
            const auto box = a.value(QLatin1String("viewBox"))
                                 .toString()
                                 .split(QRegularExpression("[ ,]+"), Qt::SkipEmptyParts);
            if (box.size() == 4 && box[0].toDouble() == 0 && box[1].toDouble() == 0)
                drawing.size = QSizeF(box[2].toDouble(), box[3].toDouble());
            else if (!box.isEmpty())
                return std::nullopt;
            else
                drawing.size = QSizeF(number(a, "width"), number(a, "height"));
        } else if (name == QLatin1String("title")) {
            xml.skipCurrentElement();
        } else if (name == QLatin1String("text")) {
            const QString content = xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
            auto op = text(a, content);
            if (!op) return std::nullopt;
            ops->push_back(std::move(*op));
        } else if (auto op = shape(name, a)) {
            if (a.hasAttribute(QLatin1String("transform"))) return std::nullopt;
            ops->push_back(std::move(*op));
        } else {
            return std::nullopt; // outside the subset
        }
    }
    if (xml.hasError() || drawing.size.isEmpty()) return std::nullopt;
    drawing.paint = [ops](QPainter& p) {
        for (const auto& op : *ops)
            op(p);
    };
    return drawing;
}

} // namespace plumb::ui::pdf

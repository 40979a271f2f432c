// The diagram's scene painted for the PDF (pdf_diagram.h). Shapes, colours and sizes mirror
// model/src/svg_diagram.cpp so the PDF looks like the HTML report's SVG.
#include "pdf_diagram.h"

#include "pdf_flow.h"
#include "plumbline/report_text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <map>
#include <memory>

namespace plumb::ui::pdf {
namespace {

const QColor kFlowInk(0x5d, 0x6d, 0x7e);

QColor colour(const std::string& hex) {
    return QColor(QString::fromLatin1(hex.data(), static_cast<qsizetype>(hex.size())));
}

// A pen whose dash pattern is in diagram units like SVG's stroke-dasharray (Qt counts dashes
// in pen widths) and whose ends are butt like SVG's default.
QPen pen(const QColor& c, double width, const std::string& dash = {}) {
    QPen p(c, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    if (!dash.empty()) {
        QList<qreal> pattern;
        for (const auto& part : QString::fromStdString(dash).split(','))
            pattern.push_back(part.toDouble() / width);
        p.setDashPattern(pattern);
    }
    return p;
}

void roundedRect(QPainter& p, const QRectF& r, double radius, const QBrush& fill,
                 const QPen& line) {
    // SVG clamps rx to half the rectangle's size; so does this, for pills and thin bars.
    const double rx = std::min({radius, r.width() / 2, r.height() / 2});
    p.setPen(line);
    p.setBrush(fill);
    p.drawRoundedRect(r, rx, rx);
}

QRectF rect(const DiagramRect& r) {
    return QRectF(r.x, r.y, r.width, r.height);
}

// Fonts and their metrics by (size, weight): a large diagram draws thousands of labels in a
// handful of styles.
class Texts {
public:
    explicit Texts(QPainter& p) : p_(p) {}

    void draw(const DiagramText& t) {
        if (t.text.empty()) return;
        auto& style = style_[{t.size, t.bold}];
        if (!style) {
            const QFont f = font(t.size, t.bold);
            style = std::make_unique<Style>(Style{f, QFontMetricsF(f, p_.device())});
        }
        const QString text = QString::fromStdString(t.text);
        double x = t.x;
        if (t.anchor != TextAnchor::Start) {
            const double w = style->metrics.horizontalAdvance(text);
            x -= t.anchor == TextAnchor::Middle ? w / 2 : w;
        }
        p_.setFont(style->font);
        p_.setPen(colour(t.colour));
        p_.drawText(QPointF(x, t.y), text);
    }

private:
    struct Style {
        QFont font;
        QFontMetricsF metrics;
    };
    QPainter& p_;
    std::map<std::pair<double, bool>, std::unique_ptr<Style>> style_;
};

} // namespace

void paintDiagram(QPainter& p, const DiagramScene& scene) {
    Texts texts(p);
    p.fillRect(QRectF(0, 0, scene.width, scene.height), Qt::white);

    for (const auto& f : scene.frames) {
        roundedRect(p, rect(f.rect), 10, QColor(0xf4, 0xf6, 0xf9),
                    pen(QColor(0xb3, 0xbf, 0xcc), 1.2));
        texts.draw(f.name);
        if (f.team) texts.draw(*f.team);
    }

    for (const auto& a : scene.arrows) {
        p.setPen(pen(kFlowInk, 1.4, diagramDash(a.style)));
        p.drawLine(QPointF(a.x1, a.y1), QPointF(a.baseX, a.baseY));
        const QPointF head[] = {
            {a.head[0], a.head[1]}, {a.head[2], a.head[3]}, {a.head[4], a.head[5]}};
        p.setPen(Qt::NoPen);
        p.setBrush(kFlowInk);
        p.drawPolygon(head, 3);
    }

    for (const auto& b : scene.boxes) {
        const QColor kind = colour(b.colour);
        roundedRect(p, rect(b.rect), b.pill ? 22 : 6, Qt::white,
                    pen(kind, 1.6, b.dashed ? "5,3" : ""));
        if (!b.pill)
            roundedRect(p, QRectF(b.rect.x, b.rect.y, 6, b.rect.height), 3, kind, Qt::NoPen);
        texts.draw(b.name);
        if (b.nameLine2) texts.draw(*b.nameLine2);
        texts.draw(b.subtitle);
        if (b.badge) {
            p.setPen(pen(Qt::white, 1.5));
            p.setBrush(QColor(severityColour(*b.badge)));
            p.drawEllipse(QPointF(b.badgeX, b.badgeY), 8, 8);
            texts.draw(b.badgeText);
        }
    }

    for (const auto& l : scene.labels) {
        roundedRect(p, QRectF(l.x, l.y, l.width, l.height), 3, QColor(255, 255, 255, 235),
                    pen(QColor(0xd5, 0xdb, 0xe1), 0.6));
        texts.draw(l.text);
    }

    for (const auto& l : scene.legend) {
        if (l.kind) {
            roundedRect(p, QRectF(l.x, l.y - 9, 10, 10), 2, QColor(kindColour(*l.kind)), Qt::NoPen);
        } else {
            p.setPen(pen(kFlowInk, 1.4, diagramDash(l.style)));
            p.drawLine(QPointF(l.x, l.y - 4), QPointF(l.x + 26, l.y - 4));
        }
        texts.draw(l.text);
    }
}

} // namespace plumb::ui::pdf

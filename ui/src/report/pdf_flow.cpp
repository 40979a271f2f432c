// The PDF report's layout engine (pdf_flow.h).
#include "pdf_flow.h"

#include "pdf_svg.h"

#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace plumb::ui::pdf {
namespace {

constexpr double kMarginX = 50, kTop = 66, kBottom = 58;
constexpr double kCellPadX = 5, kCellPadY = 3.5;
const QColor kInk(0x1c, 0x28, 0x33), kMuted(0x5d, 0x6d, 0x7e), kAccent(0x1b, 0x3a, 0x5c),
    kLine(0xd5, 0xdb, 0xe1), kSoft(0xf4, 0xf6, 0xf9);

// Text laid out to a width once, measured now and drawn later with the same line breaks.
std::shared_ptr<QTextLayout> layoutText(const QString& text, const QFont& f, double width,
                                        QPaintDevice* device, bool alignRight = false) {
    auto layout = std::make_shared<QTextLayout>(text, f, device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(alignRight ? Qt::AlignRight : Qt::AlignLeft);
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    double y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return layout;
}

double heightOf(const QTextLayout& layout) {
    return layout.lineCount() == 0 ? 0 : layout.boundingRect().height();
}

} // namespace

QFont font(double pointSize, bool bold, bool mono) {
    QFont f;
    f.setFamilies(mono ? QStringList{"DejaVu Sans Mono", "Noto Sans Mono", "Courier"}
                       : QStringList{"Helvetica", "Nimbus Sans", "Arial", "DejaVu Sans"});
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // No OpenType shaping for Latin text: shaping turns "fi" into one ligature glyph, which the
    // PDF maps back to U+FB01, so a reader's search or copy for "profiles" would find nothing.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

Flow::Flow(QPagedPaintDevice& device, const QPageLayout& layout)
    : device_(device), layout_(layout) {
    newPage();
}

Flow::~Flow() = default;

double Flow::remaining() const {
    return height_ - kBottom - y_;
}

void Flow::newPage() {
    pages_.emplace_back();
    landscape_.push_back(false);
    y_ = kTop;
    orientedPage(false);
}

void Flow::orientedPage(bool landscape) {
    if (y_ > kTop + 1) {
        pages_.emplace_back();
        landscape_.push_back(false);
    }
    landscape_.back() = landscape;
    const QRectF page = layout_.fullRectPoints();
    const double w = landscape ? page.height() : page.width(),
                 h = landscape ? page.width() : page.height();
    width_ = w - 2 * kMarginX;
    height_ = h;
    y_ = kTop;
}

bool Flow::suitsLandscape(const QSizeF& natural, double above) const {
    if (natural.isEmpty()) return false;
    const QRectF page = layout_.fullRectPoints();
    // The scale the drawing gets in a content area of w x h points.
    const auto scale = [&](double w, double h) {
        return std::min((w - 2 * kMarginX) / natural.width(),
                        (h - kTop - kBottom - above) / natural.height());
    };
    return scale(page.height(), page.width()) > scale(page.width(), page.height());
}

void Flow::ensure(double height) {
    if (height > remaining() && y_ > kTop + 1) newPage();
}

void Flow::pageBreak() {
    if (y_ > kTop + 1) newPage();
}

double Flow::textHeight(const QString& text, const QFont& f, double width) const {
    return heightOf(*layoutText(text, f, width, &device_));
}

void Flow::spacer(double height) {
    if (y_ > kTop + 1) y_ += std::min(height, std::max(0.0, remaining()));
}

int Flow::addTocEntry(const QString& text, int level) {
    toc_.push_back({text, level, -1});
    return static_cast<int>(toc_.size()) - 1;
}

void Flow::heading(int level, const QString& text, int tocEntry) {
    const double size = level == 1 ? 15 : level == 2 ? 11.5 : 10.5;
    const QFont f = font(size, true);
    auto layout = layoutText(text, f, width_, &device_);
    const double h = heightOf(*layout);
    const double before = level == 1 ? 16 : 9;
    // Keep the heading with at least ~4 lines of what follows.
    ensure(before + h + 60);
    if (y_ > kTop + 1) y_ += before;
    const double y = y_;
    const QColor colour = level == 1 ? kAccent : kInk;
    const double w = width_;
    add([layout, y, colour, level, h, w](QPainter& p, const std::vector<int>&) {
        p.setPen(colour);
        layout->draw(&p, QPointF(kMarginX, y));
        if (level == 1) {
            p.setPen(QPen(kAccent, 1.4));
            p.drawLine(QPointF(kMarginX, y + h + 3), QPointF(kMarginX + w, y + h + 3));
        }
    });
    y_ += h + (level == 1 ? 10 : 4);
    if (tocEntry >= 0 && tocEntry < static_cast<int>(toc_.size()))
        toc_[static_cast<std::size_t>(tocEntry)].page = static_cast<int>(pages_.size());
}

double Flow::paragraphHeight(const QString& text, double pointSize, bool bold, bool italic) const {
    if (text.isEmpty()) return 0;
    QFont f = font(pointSize, bold);
    f.setItalic(italic);
    return textHeight(text, f, width_) + 5;
}

void Flow::paragraph(const QString& text, double pointSize, const QColor& colour, bool bold,
                     bool italic) {
    if (text.isEmpty()) return;
    QFont f = font(pointSize, bold);
    f.setItalic(italic);
    auto layout = layoutText(text, f, width_, &device_);
    // Long paragraphs may split between lines; lay out line by line.
    const QColor c = colour.isValid() ? colour : kInk;
    for (int i = 0; i < layout->lineCount(); ++i) {
        const QTextLine line = layout->lineAt(i);
        ensure(line.height());
        const double dy = y_ - line.y();
        add([layout, i, dy, c](QPainter& p, const std::vector<int>&) {
            p.setPen(c);
            layout->lineAt(i).draw(&p, QPointF(kMarginX, dy));
        });
        y_ += line.height();
    }
    y_ += 5;
}

double Flow::rowHeight(const std::vector<Column>& columns, const std::vector<Cell>& row,
                       double tableWidth, bool header) const {
    double total = 0;
    for (const auto& c : columns)
        total += c.weight;
    double h = 0;
    for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
        const double w = tableWidth * columns[i].weight / total - 2 * kCellPadX;
        const QFont f = font(header ? 7.8 : 8.3, header || row[i].bold, row[i].mono);
        h = std::max(h, textHeight(row[i].text, f, w - (row[i].pill.isValid() ? 8 : 0)));
    }
    return h + 2 * kCellPadY + 1;
}

void Flow::drawRow(const std::vector<Column>& columns, const std::vector<Cell>& row, double tableX,
                   double tableWidth, double height, bool header, bool shaded,
                   const TableStyle& style) {
    double total = 0;
    for (const auto& c : columns)
        total += c.weight;
    const double y = y_;
    std::vector<std::function<void(QPainter&)>> cells;
    double x = tableX;
    for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
        const double w = tableWidth * columns[i].weight / total;
        const Cell cell = row[i];
        const bool label = style.labelColumn && i == 0;
        const QFont f = font(header ? 7.8 : 8.3, header || cell.bold, cell.mono);
        auto layout = layoutText(cell.text, f, w - 2 * kCellPadX - (cell.pill.isValid() ? 8 : 0),
                                 &device_, columns[i].alignRight);
        const QColor colour = cell.pill.isValid()     ? QColor(Qt::white)
                              : cell.colour.isValid() ? cell.colour
                              : header || label       ? kMuted
                                                      : kInk;
        const double cx = x;
        cells.push_back([layout, cell, cx, y, colour](QPainter& p) {
            if (cell.pill.isValid()) {
                const QRectF r = layout->boundingRect();
                QPainterPath path;
                path.addRoundedRect(QRectF(cx + kCellPadX, y + kCellPadY - 0.5,
                                           layout->lineAt(0).naturalTextWidth() + 8,
                                           r.height() + 1),
                                    4, 4);
                p.fillPath(path, cell.pill);
                p.setPen(colour);
                layout->draw(&p, QPointF(cx + kCellPadX + 4, y + kCellPadY));
                return;
            }
            p.setPen(colour);
            layout->draw(&p, QPointF(cx + kCellPadX, y + kCellPadY));
        });
        x += w;
    }
    add([cells, tableX, tableWidth, y, height, header, shaded, style](QPainter& p,
                                                                      const std::vector<int>&) {
        if (header || shaded) p.fillRect(QRectF(tableX, y, tableWidth, height), kSoft);
        if (style.stripe.isValid()) p.fillRect(QRectF(tableX - 4, y, 3, height), style.stripe);
        for (const auto& draw : cells)
            draw(p);
        p.setPen(QPen(header ? kLine.darker(110) : QColor(0xe5, 0xe8, 0xeb), 0.6));
        p.drawLine(QPointF(tableX, y + height), QPointF(tableX + tableWidth, y + height));
    });
}

void Flow::table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
                 const TableStyle& style) {
    if (rows.empty()) return;
    const double tableX = kMarginX + (style.stripe.isValid() ? 4 : 0);
    const double tableWidth = width_ - (style.stripe.isValid() ? 4 : 0);
    std::vector<double> heights;
    double total = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        heights.push_back(rowHeight(columns, rows[r], tableWidth, style.header && r == 0));
        total += heights.back();
    }
    const double usable = height_ - kTop - kBottom;
    if (style.keepTogether && total <= usable) ensure(total);
    const std::size_t first = style.header ? 1 : 0;
    if (style.header) ensure(heights[0] + (rows.size() > 1 ? heights[1] : 0));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool header = style.header && r == 0;
        if (!header && heights[r] > remaining()) {
            newPage();
            if (style.header) { // repeat the header row
                drawRow(columns, rows[0], tableX, tableWidth, heights[0], true, false, style);
                y_ += heights[0];
            }
        }
        const double h = std::min(heights[r], usable);
        drawRow(columns, rows[r], tableX, tableWidth, h, header,
                !header && style.zebra && ((r - first) % 2 == 1), style);
        y_ += h;
    }
    y_ += 8;
}

void Flow::svg(const QByteArray& data, double maxWidth) {
    // Our own charts keep to a subset painted directly, so their text stays text (pdf_svg.h).
    if (auto simple = parseSimpleSvg(data)) {
        drawing(simple->size, std::move(simple->paint), maxWidth);
        return;
    }
    auto renderer = std::make_shared<QSvgRenderer>(data);
    if (!renderer->isValid()) return;
    const QSizeF natural = renderer->defaultSize();
    drawing(
        natural,
        [renderer, natural](QPainter& p) { renderer->render(&p, QRectF(QPointF(0, 0), natural)); },
        maxWidth);
}

void Flow::drawing(const QSizeF& natural, std::function<void(QPainter&)> paint, double maxWidth,
                   double below) {
    if (natural.isEmpty()) return;
    double w = std::min(maxWidth > 0 ? maxWidth : width_, width_);
    double h = w * natural.height() / natural.width();
    const double page = height_ - kTop - kBottom - 4 - below;
    // A page at most half used keeps the drawing (smaller) rather than ending with a lone
    // heading; a fuller one passes it on to the next page, where it may use the whole page.
    const double room = remaining() - 4 - below;
    const double usable = room >= page / 2 ? room : page;
    if (h > usable) {
        h = usable;
        w = h * natural.width() / natural.height();
    }
    ensure(h);
    const QRectF target(kMarginX + (width_ - w) / 2, y_, w, h);
    add([paint = std::move(paint), target, natural](QPainter& p, const std::vector<int>&) {
        p.setClipRect(target);
        p.translate(target.topLeft());
        p.scale(target.width() / natural.width(), target.height() / natural.height());
        paint(p);
    });
    y_ += h + 8;
}

void Flow::tiles(const std::vector<Tile>& tiles) {
    const double gap = 10, h = 46;
    const double w =
        (width_ - gap * static_cast<double>(tiles.size() - 1)) / static_cast<double>(tiles.size());
    ensure(h);
    const double y = y_;
    add([tiles, y, w, gap, h](QPainter& p, const std::vector<int>&) {
        double x = kMarginX;
        for (const auto& t : tiles) {
            p.setPen(QPen(kLine, 0.8));
            p.setBrush(Qt::white);
            p.drawRoundedRect(QRectF(x, y, w, h), 4, 4);
            p.fillRect(QRectF(x, y, w, 3), t.colour);
            p.setPen(t.colour);
            p.setFont(font(17, true));
            p.drawText(QRectF(x + 10, y + 5, w - 20, 24), Qt::AlignLeft | Qt::AlignVCenter,
                       t.number);
            p.setPen(kMuted);
            p.setFont(font(7.5, true));
            p.drawText(QRectF(x + 10, y + 28, w - 20, 14), Qt::AlignLeft | Qt::AlignVCenter,
                       t.label.toUpper());
            x += w + gap;
        }
    });
    y_ += h + 12;
}

void Flow::cover(const QString& kicker, const QString& title, const QString& description,
                 const QString& meta) {
    const double inner = width_;
    auto titleLayout = layoutText(title, font(21, true), inner, &device_);
    auto descLayout = layoutText(description, font(10), inner, &device_);
    auto metaLayout = layoutText(meta, font(8.5), inner, &device_);
    const double top = 0;
    const double bandH = 50 + 16 + heightOf(*titleLayout) + 8 +
                         (description.isEmpty() ? 0 : heightOf(*descLayout) + 10) +
                         heightOf(*metaLayout) + 22;
    const double pageW = width_ + 2 * kMarginX;
    add([=](QPainter& p, const std::vector<int>&) {
        QLinearGradient g(0, top, pageW, top + bandH);
        g.setColorAt(0, QColor(0x15, 0x31, 0x4f));
        g.setColorAt(1, QColor(0x1f, 0x4e, 0x79));
        p.fillRect(QRectF(0, top, pageW, bandH), g);
        double y = 50;
        p.setPen(QColor(255, 255, 255, 200));
        p.setFont(font(7.5, true));
        p.drawText(QPointF(kMarginX, y + 8), kicker.toUpper());
        y += 16;
        p.setPen(Qt::white);
        titleLayout->draw(&p, QPointF(kMarginX, y));
        y += heightOf(*titleLayout) + 8;
        if (!description.isEmpty()) {
            p.setPen(QColor(255, 255, 255, 235));
            descLayout->draw(&p, QPointF(kMarginX, y));
            y += heightOf(*descLayout) + 10;
        }
        p.setPen(QColor(255, 255, 255, 210));
        metaLayout->draw(&p, QPointF(kMarginX, y));
    });
    y_ = bandH + 22;
}

void Flow::tableOfContents() {
    heading(1, QStringLiteral("Contents"));
    const double w = width_;
    for (std::size_t i = 0; i < toc_.size(); ++i) {
        const auto& e = toc_[i];
        const QFont f = font(e.level == 0 ? 9.5 : 8.5, e.level == 0);
        const double h = e.level == 0 ? 15 : 13;
        ensure(h);
        const double y = y_;
        const QString text = e.text;
        const int level = e.level;
        add([=](QPainter& p, const std::vector<int>& pages) {
            p.setFont(f);
            p.setPen(level == 0 ? kInk : kMuted);
            const double indent = level == 0 ? 0 : 16;
            const QString page = i < pages.size() && pages[i] > 0 ? QString::number(pages[i]) : "";
            const QFontMetricsF fm(f, p.device());
            const QString elided = fm.elidedText(text, Qt::ElideRight, w - indent - 60);
            p.drawText(QPointF(kMarginX + indent, y + h - 4), elided);
            const double textEnd = kMarginX + indent + fm.horizontalAdvance(elided) + 6;
            const double pageX = kMarginX + w - fm.horizontalAdvance(page);
            p.setPen(QPen(kLine, 0.6, Qt::DotLine));
            if (!page.isEmpty())
                p.drawLine(QPointF(textEnd, y + h - 5), QPointF(pageX - 6, y + h - 5));
            p.setPen(level == 0 ? kInk : kMuted);
            p.drawText(QPointF(pageX, y + h - 4), page);
        });
        y_ += h;
    }
    y_ += 8;
}

bool Flow::paint(const QString& headerLeft, const QString& headerRight, const QString& footerLeft) {
    std::vector<int> tocPages;
    for (const auto& e : toc_)
        tocPages.push_back(e.page);
    QPainter p;
    if (!p.begin(&device_)) return false;
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF portrait = layout_.fullRectPoints();
    const int count = pageCount();
    for (int i = 0; i < count; ++i) {
        const bool landscape = landscape_[static_cast<std::size_t>(i)];
        const double pageW = landscape ? portrait.height() : portrait.width();
        const double pageH = landscape ? portrait.width() : portrait.height();
        const double width = pageW - 2 * kMarginX;
        if (i > 0) {
            device_.setPageOrientation(landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
            if (!device_.newPage()) return false;
        }
        for (const auto& op : pages_[static_cast<std::size_t>(i)]) {
            p.save();
            op(p, tocPages);
            p.restore();
        }
        const QFont small = font(7.5);
        p.setFont(small);
        p.setPen(kMuted);
        if (i > 0) { // the cover page has its own band instead of a header
            p.drawText(
                QRectF(kMarginX, 26, width * 0.7, 14), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(small, &device_).elidedText(headerLeft, Qt::ElideRight, width * 0.7));
            p.drawText(QRectF(kMarginX + width * 0.7, 26, width * 0.3, 14),
                       Qt::AlignRight | Qt::AlignVCenter, headerRight);
            p.setPen(QPen(kLine, 0.6));
            p.drawLine(QPointF(kMarginX, 44), QPointF(pageW - kMarginX, 44));
        }
        p.setPen(QPen(kLine, 0.6));
        p.drawLine(QPointF(kMarginX, pageH - 40), QPointF(pageW - kMarginX, pageH - 40));
        p.setPen(kMuted);
        p.drawText(QRectF(kMarginX, pageH - 36, width * 0.7, 14), Qt::AlignLeft | Qt::AlignVCenter,
                   footerLeft);
        p.drawText(QRectF(kMarginX + width * 0.5, pageH - 36, width * 0.5, 14),
                   Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("Page %1 of %2").arg(i + 1).arg(count));
    }
    return p.end();
}

} // namespace plumb::ui::pdf

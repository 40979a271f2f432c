#pragma once
// A small paginating layout engine for the PDF report. Content is laid out first (measured with
// the PDF device's font metrics) into pages of drawing operations, and painted afterwards, so
// that headers and footers can say "Page 3 of 11" and the contents can list page numbers.
//
// Guarantees the report needs: a table row never splits across pages (the header row repeats
// on the next page), a heading never ends a page alone, a "keep together" block moves to the
// next page whole when it fits there, and drawings stay vectors (painted at paint time).

#include <QColor>
#include <QFont>
#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

class QPainter;
class QPagedPaintDevice;
class QSvgRenderer;

namespace plumb::ui::pdf {

struct Cell {
    QString text;
    bool bold = false;
    QColor colour;     // text colour; invalid: default ink
    QColor pill;       // when valid, the text is drawn as a coloured pill (severity)
    bool mono = false; // ids and rule names
};

struct Column {
    double weight = 1;       // share of the table width
    bool alignRight = false; // numbers
};

struct TableStyle {
    bool header = true;        // first row is a header row (repeated after a page break)
    bool keepTogether = false; // move the whole table to the next page when it fits there
    bool zebra = true;
    QColor stripe;            // when valid, a coloured bar left of the table (finding severity)
    bool labelColumn = false; // first column is a muted label column (key/value tables)
};

class Flow {
public:
    Flow(QPagedPaintDevice& device, const QPageLayout& layout);
    ~Flow();

    double width() const { return width_; }
    double remaining() const;

    void heading(int level, const QString& text, int tocEntry = -1);
    // The points paragraph() would take for `text` on the current page (with its spacing).
    double paragraphHeight(const QString& text, double pointSize = 9.5, bool bold = false,
                           bool italic = false) const;
    void paragraph(const QString& text, double pointSize = 9.5, const QColor& colour = {},
                   bool bold = false, bool italic = false);
    void spacer(double height);
    void table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows,
               const TableStyle& style = {});
    // An SVG drawn at most `maxWidth` wide (0: full width), scaled to fit one page.
    void svg(const QByteArray& svg, double maxWidth = 0);
    // A vector drawing `natural` units in size, painted by `paint` in those units, scaled to at
    // most `maxWidth` wide (0: full width) and to fit one page. Text it draws stays text. On a
    // page at most half used (a heading above it, say) it shrinks to the room left rather than
    // moving on and leaving that page with the heading alone. `below` points stay free under
    // it for a caption.
    void drawing(const QSizeF& natural, std::function<void(QPainter&)> paint, double maxWidth = 0,
                 double below = 0);
    // Count tiles for the executive summary: {number, label, colour}.
    struct Tile {
        QString number, label;
        QColor colour;
    };
    void tiles(const std::vector<Tile>& tiles);
    // The cover band at the top of the first page.
    void cover(const QString& kicker, const QString& title, const QString& description,
               const QString& meta);
    // Contents with page numbers filled in at paint time; entries registered in order.
    int addTocEntry(const QString& text, int level);
    void tableOfContents();
    void pageBreak();
    // Continues on a fresh page in landscape (true) or portrait orientation; the page after
    // it is portrait again. For the diagram.
    void orientedPage(bool landscape);
    // Whether a drawing of `natural` size, below `above` points of heading, comes out larger on
    // a landscape page than on a portrait one: a wide diagram turns the page, a tall one not.
    bool suitsLandscape(const QSizeF& natural, double above = 0) const;

    // Paints every page with the header and footer texts. Returns false if painting failed.
    bool paint(const QString& headerLeft, const QString& headerRight, const QString& footerLeft);
    int pageCount() const { return static_cast<int>(pages_.size()); }

private:
    using Op = std::function<void(QPainter&, const std::vector<int>& tocPages)>;
    void add(Op op) { pages_.back().push_back(std::move(op)); }
    void newPage();
    void ensure(double height);
    double textHeight(const QString& text, const QFont& font, double width) const;
    double rowHeight(const std::vector<Column>& columns, const std::vector<Cell>& row,
                     double tableWidth, bool header) const;
    void drawRow(const std::vector<Column>& columns, const std::vector<Cell>& row, double tableX,
                 double tableWidth, double height, bool header, bool shaded,
                 const TableStyle& style);

    QPagedPaintDevice& device_;
    QPageLayout layout_;
    double width_ = 0, height_ = 0, y_ = 0;
    std::vector<std::vector<Op>> pages_;
    std::vector<bool> landscape_; // per page
    struct TocEntry {
        QString text;
        int level = 0, page = -1;
    };
    std::vector<TocEntry> toc_;
    int tocCursor_ = 0; // next entry a heading registers its page for
};

QFont font(double pointSize, bool bold = false, bool mono = false);

} // namespace plumb::ui::pdf

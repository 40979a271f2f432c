#include "interop/drawio_cells.h"

#include "interop/drawio_decode.h"
#include "interop/xml_reader.h"

#include <cmath>
#include <cstdlib>

namespace plumb::interop::drawio {
namespace {

constexpr std::size_t kMaxCells = 1'000'000;

std::optional<double> number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::string copy(text);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// Collects the cells of one mxGraphModel (and, in an mxfile, the pages around them).
class CellReader : public xml::Handler {
public:
    explicit CellReader(bool inner) : inner_(inner) {}

    void start(std::string_view name, std::span<const xml::Attribute> attrs,
               xml::Position at) override {
        if (depth_++ == 0) {
            if (!inner_ && name != "mxfile" && name != "mxGraphModel")
                stop = "not a draw.io file: the root element is <" + std::string(name) +
                       ">, expected <mxfile> or <mxGraphModel>";
            if (inner_ && name != "mxGraphModel")
                stop = "the page's root element is <" + std::string(name) +
                       ">, expected <mxGraphModel>";
            if (name == "mxGraphModel") beginPage({}, {});
        }
        if (stop) return;
        if (name == "diagram") {
            std::string pageName, pageId;
            for (auto& a : attrs) {
                if (a.name == "name") pageName = a.value;
                if (a.name == "id") pageId = a.value;
            }
            beginPage(pageName, pageId);
            inDiagram_ = true;
            diagramText_.clear();
            diagramLine_ = at.line;
            diagramColumn_ = at.column;
            return;
        }
        if (name == "mxGraphModel") {
            sawModel_ = true;
            if (pages_.empty()) beginPage({}, {});
            return;
        }
        if (name == "object" || name == "UserObject") {
            object_.emplace();
            object_->line = at.line;
            object_->column = at.column;
            for (auto& a : attrs) {
                if (a.name == "id")
                    object_->id = a.value;
                else if (a.name == "label")
                    object_->value = a.value;
                else
                    object_->attributes.emplace(std::string(a.name), std::string(a.value));
            }
            return;
        }
        if (name == "mxCell") {
            if (pages_.empty()) beginPage({}, {});
            if (++cellCount_ > kMaxCells) {
                stop = "more than " + std::to_string(kMaxCells) + " cells; refused";
                return;
            }
            Cell cell;
            if (object_)
                cell = *object_;
            else {
                cell.line = at.line;
                cell.column = at.column;
            }
            for (auto& a : attrs) {
                if (a.name == "id" && cell.id.empty())
                    cell.id = a.value;
                else if (a.name == "value" && !object_)
                    cell.value = a.value;
                else if (a.name == "style")
                    cell.style = a.value;
                else if (a.name == "parent")
                    cell.parent = a.value;
                else if (a.name == "source")
                    cell.source = a.value;
                else if (a.name == "target")
                    cell.target = a.value;
                else if (a.name == "vertex")
                    cell.vertex = a.value == "1";
                else if (a.name == "edge")
                    cell.edge = a.value == "1";
            }
            pages_.back().cells.push_back(std::move(cell));
            inCell_ = true;
            cellDepth_ = depth_;
            return;
        }
        if (name == "mxGeometry" && inCell_ && depth_ == cellDepth_ + 1) {
            Cell& cell = pages_.back().cells.back();
            for (auto& a : attrs) {
                if (a.name == "x")
                    cell.x = number(a.value);
                else if (a.name == "y")
                    cell.y = number(a.value);
                else if (a.name == "width")
                    cell.width = number(a.value);
                else if (a.name == "height")
                    cell.height = number(a.value);
            }
        }
    }

    void end(std::string_view name) override {
        --depth_;
        if (name == "mxCell" && inCell_ && depth_ + 1 == cellDepth_) inCell_ = false;
        if (name == "object" || name == "UserObject") object_.reset();
        if (name == "diagram") {
            inDiagram_ = false;
            if (!sawModel_) decodePage();
            sawModel_ = false;
        }
    }

    void text(std::string_view t) override {
        if (inDiagram_ && !sawModel_) {
            if (diagramText_.size() + t.size() > kMaxInflatedBytes) {
                stop = "a page is larger than " + std::to_string(kMaxInflatedBytes >> 20) +
                       " MB; refused";
                return;
            }
            diagramText_ += t;
        }
    }

    std::vector<Page> pages_;
    std::optional<InputError> pageError_;
    std::string file_;

private:
    void beginPage(std::string name, std::string id) {
        Page page;
        page.name = std::move(name);
        page.id = std::move(id);
        if (page.name.empty()) page.name = "Page-" + std::to_string(pages_.size() + 1);
        pages_.push_back(std::move(page));
    }

    void decodePage() {
        const auto first = diagramText_.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) return; // an empty page
        Page& page = pages_.back();
        page.compressed = true;
        Decoded decoded = decodeCompressedPage(diagramText_.substr(first));
        if (decoded.error) {
            pageError_ = InputError{file_, "", "page '" + page.name + "': " + *decoded.error,
                                    diagramLine_, diagramColumn_};
            stop = pageError_->message;
            return;
        }
        CellReader inner(true);
        if (auto err = xml::parse(decoded.xml, inner)) {
            pageError_ = InputError{file_, "",
                                    "page '" + page.name + "' (decompressed), line " +
                                        std::to_string(err->at.line) + ":" +
                                        std::to_string(err->at.column) + ": " + err->message,
                                    diagramLine_, diagramColumn_};
            stop = pageError_->message;
            return;
        }
        if (!inner.pages_.empty()) page.cells = std::move(inner.pages_.front().cells);
        cellCount_ += page.cells.size();
        if (cellCount_ > kMaxCells) stop = "more than " + std::to_string(kMaxCells) + " cells";
    }

    bool inner_ = false;
    int depth_ = 0;
    bool inDiagram_ = false, sawModel_ = false, inCell_ = false;
    int cellDepth_ = 0;
    int diagramLine_ = 0, diagramColumn_ = 0;
    std::size_t cellCount_ = 0;
    std::string diagramText_;
    std::optional<Cell> object_;
};

} // namespace

std::map<std::string, std::string> parseStyle(std::string_view style) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start <= style.size()) {
        std::size_t end = style.find(';', start);
        if (end == std::string_view::npos) end = style.size();
        std::string_view item = style.substr(start, end - start);
        if (!item.empty()) {
            const auto eq = item.find('=');
            if (eq == std::string_view::npos)
                out.emplace(std::string(item), "");
            else
                out[std::string(item.substr(0, eq))] = std::string(item.substr(eq + 1));
        }
        start = end + 1;
    }
    return out;
}

ParseResult parseDocument(std::string_view content, const std::string& file) {
    CellReader reader(false);
    reader.file_ = file;
    auto error = xml::parse(content, reader);
    if (reader.pageError_) return {std::nullopt, reader.pageError_};
    if (error)
        return {std::nullopt,
                InputError{file, "", error->message, error->at.line, error->at.column}};
    return {Document{std::move(reader.pages_)}, std::nullopt};
}

} // namespace plumb::interop::drawio

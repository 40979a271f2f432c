// draw.io / diagrams.net files (.drawio, .xml) into a Model. Cells are read by drawio_cells.cpp
// (expat, DTDs refused, compressed pages inflated with a cap); this file maps them: shapes to
// element kinds (drawio_shapes.cpp), containers to bounded contexts where they hold elements,
// edges to flows, geometry to layout boxes, and plumbline.* object attributes to workload
// fields. Every guess goes into the import report.

#include "interop/drawio_cells.h"
#include "interop/drawio_label.h"
#include "interop/drawio_shapes.h"
#include "interop/formats.h"
#include "interop/mapping.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace plumb::interop {
namespace {

using namespace detail;
using drawio::Cell;
using drawio::Page;
using drawio::stripHtml;
using drawio::substitute;

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    bool contains(double px, double py) const {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
};

struct Reader {
    const ImportSource& source;
    Builder b;
    std::vector<InputError> errors;
    bool plumblineFile = false; // written by plumbline export: ids, kinds and fields as given
    double pageOffsetX = 0;
    std::map<std::string, std::string> elementByName; // "kind|name" -> id, across pages

    explicit Reader(const ImportSource& s) : source(s), b(s, "drawio") {}

    Where where(const Cell& c) const { return {"cell '" + c.id + "'", c.line, c.column, {}}; }

    void readPage(const Page& page);
};

void Reader::readPage(const Page& page) {
    std::unordered_map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < page.cells.size(); ++i)
        byId.emplace(page.cells[i].id, i);
    const std::size_t n = page.cells.size();
    // Layers: the root cell and its children hold everything else; positions are absolute there.
    auto isLayer = [&](const Cell& c) {
        return c.parent.empty() || (!c.vertex && !c.edge && byId.count(c.parent) &&
                                    page.cells[byId[c.parent]].parent.empty());
    };
    std::vector<Box> box(n);
    std::vector<int> state(n, 0); // 0 not computed, 1 computing, 2 done
    std::vector<drawio::Style> styles(n);
    for (std::size_t i = 0; i < n; ++i)
        styles[i] = drawio::parseStyle(page.cells[i].style);
    // Absolute boxes: iterative walk up the parent chain (hostile files may loop).
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> chain;
        std::size_t at = i;
        while (state[at] == 0) {
            state[at] = 1;
            chain.push_back(at);
            auto p = byId.find(page.cells[at].parent);
            if (p == byId.end() || !page.cells[p->second].vertex) break;
            at = p->second;
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const Cell& c = page.cells[*it];
            Box base;
            auto p = byId.find(c.parent);
            if (p != byId.end() && page.cells[p->second].vertex && state[p->second] == 2)
                base = box[p->second];
            box[*it] = {base.x + c.x.value_or(0), base.y + c.y.value_or(0), c.width.value_or(0),
                        c.height.value_or(0)};
            state[*it] = 2;
        }
    }
    // Meaning of every vertex.
    std::vector<drawio::ShapeMeaning> meaning(n);
    std::vector<std::string> label(n), name(n);
    std::set<std::size_t> legend;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = page.cells[i];
        if (!c.vertex) continue;
        meaning[i] = drawio::shapeMeaning(styles[i], c.attributes);
        std::string text =
            c.attributes.count("placeholders") ? substitute(c.value, c.attributes) : c.value;
        const bool html = styles[i].count("html") && styles[i].at("html") == "1";
        label[i] = html ? stripHtml(text) : text;
        if (auto it = c.attributes.find("c4Name"); it != c.attributes.end())
            name[i] = oneLine(it->second);
        else if (c.attributes.count("placeholders")) {
            const std::string first = label[i].substr(0, label[i].find('\n'));
            name[i] = oneLine(first);
        } else
            name[i] = oneLine(label[i]);
        if (auto it = c.attributes.find("plumbline.name"); it != c.attributes.end())
            name[i] = it->second;
        if (lower(name[i]) == "legend" && byId.count(c.parent)) legend.insert(byId[c.parent]);
    }
    auto inLegend = [&](std::size_t i) {
        for (std::size_t at = i, steps = 0; steps < 64; ++steps) {
            if (legend.count(at)) return true;
            auto p = byId.find(page.cells[at].parent);
            if (p == byId.end()) return false;
            at = p->second;
        }
        return false;
    };
    // Elements.
    std::unordered_map<std::string, std::string> elementOf; // cell id -> element id
    std::vector<std::size_t> containers;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = page.cells[i];
        if (!c.vertex || isLayer(c)) continue;
        if (byId.count(c.parent) && page.cells[byId[c.parent]].edge) continue; // an edge label
        if (inLegend(i)) {
            if (!meaning[i].container && !meaning[i].decoration && !name[i].empty())
                b.dropped(c.id, "'" + name[i] + "': part of the legend");
            continue;
        }
        const auto explicitKind = c.attributes.find("plumbline.kind");
        if (meaning[i].container ||
            (explicitKind != c.attributes.end() && explicitKind->second == "context")) {
            containers.push_back(i);
            continue;
        }
        if (meaning[i].decoration && explicitKind == c.attributes.end()) continue;
        Element e;
        std::string displayName = name[i];
        Json overrides = Json::object();
        for (auto& [key, value] : c.attributes)
            if (key != "plumbline.kind" && key != "plumbline.id" && key != "plumbline.name" &&
                key != "plumbline.layoutIndex")
                addPlumblineField(overrides, key, value, false);
        if (explicitKind != c.attributes.end()) {
            auto kind = fromString<ElementKind>(explicitKind->second);
            if (!kind) {
                errors.push_back({source.path, "",
                                  "cell '" + c.id +
                                      "': plumbline.kind: expected one of actor, "
                                      "service, function, store, cache, stream, queue, pooler, "
                                      "external or context, got '" +
                                      explicitKind->second + "'",
                                  c.line, c.column});
                continue;
            }
            e.kind = *kind;
        }
        if (auto it = c.attributes.find("plumbline.id"); it != c.attributes.end()) {
            if (it->second.empty() || b.isTaken(it->second)) {
                errors.push_back({source.path, "",
                                  "cell '" + c.id + "': plumbline.id '" + it->second +
                                      "' is empty or used twice",
                                  c.line, c.column});
                continue;
            }
            e.id = it->second;
            b.reserveId(e.id);
        }
        if (!plumblineFile && displayName.empty() && !meaning[i].kind) {
            if (!c.value.empty() || !c.style.empty())
                b.dropped(c.id, "a shape without a label or a meaning (" +
                                    (c.style.empty() ? std::string("no style")
                                                     : c.style.substr(0, c.style.find(';'))) +
                                    ")");
            continue;
        }
        if (displayName.empty() && !plumblineFile)
            displayName = meaning[i].technology.empty() ? c.id : meaning[i].technology;
        // The same element drawn on several pages (C4 levels) is one element.
        if (!plumblineFile && explicitKind == c.attributes.end()) {
            const std::string kindGuess =
                meaning[i].kind ? std::string(spelling(*meaning[i].kind)) : "";
            auto dup = elementByName.find(kindGuess + "|" + lower(displayName));
            if (dup != elementByName.end()) {
                elementOf[c.id] = dup->second;
                b.inferred(dup->second, c.id,
                           "also drawn on page '" + page.name + "' (cell '" + c.id +
                               "'): the same element");
                continue;
            }
        }
        if (e.id.empty()) e.id = b.freshId(displayName.empty() ? c.id : displayName);
        if (!displayName.empty()) e.name = displayName;
        if (explicitKind == c.attributes.end()) {
            b.setSource(e.extra, c.id, page.name);
            if (meaning[i].kind) {
                e.kind = *meaning[i].kind;
                b.inferred(e.id, c.id, meaning[i].why);
            } else if (auto w = kindFromWords(displayName)) {
                e.kind = w->kind;
                b.inferred(e.id, c.id, w->why);
            } else {
                e.kind = ElementKind::Service;
                b.inferred(e.id, c.id, "service: a plain shape (no store, queue or actor style)");
            }
            if (auto it = c.attributes.find("c4Description");
                it != c.attributes.end() && !oneLine(it->second).empty())
                e.description = oneLine(it->second);
            // Technology: C4's field, then the label, then what the icon implies.
            bool tech = false;
            if (auto it = c.attributes.find("c4Technology"); it != c.attributes.end())
                tech = b.guessTechnology(e, c.id, it->second, "C4 technology");
            if (!tech && (holdsData(e.kind) || e.kind == ElementKind::Pooler))
                tech = b.guessTechnology(e, c.id, oneLine(label[i]), "label");
            if (!tech && !meaning[i].technology.empty()) {
                if (!b.guessTechnology(e, c.id, meaning[i].technology, "icon")) {
                    e.technology = meaning[i].technology;
                    b.inferred(e.id, c.id,
                               "technology '" + meaning[i].technology +
                                   "' from the icon (not in the knowledge base)");
                }
                tech = true;
            }
            if (tech && e.kind == ElementKind::Service && e.technology) {
                if (auto k = b.kindOfTechnology(*e.technology)) {
                    e.kind = *k;
                    b.inferred(e.id, c.id,
                               std::string(spelling(*k)) + ": its technology is " + *e.technology);
                }
            }
            if (meaning[i].structure) {
                e.data.emplace().structure = meaning[i].structure;
                b.inferred(e.id, c.id, "structure blob: an object store icon");
            }
            elementByName[(meaning[i].kind ? std::string(spelling(*meaning[i].kind)) : "") + "|" +
                          lower(displayName)] = e.id;
        }
        elementOf[c.id] = e.id;
        const Box& bx = box[i];
        LayoutBox lb{e.id, bx.x + pageOffsetX, bx.y, bx.w, bx.h, Json::object()};
        if (auto it = c.attributes.find("plumbline.layoutIndex"); it != c.attributes.end())
            lb.extra["__order"] = std::atof(it->second.c_str());
        b.model.layout.push_back(lb);
        b.addElement(std::move(e), std::move(overrides), where(c));
    }
    // Contexts: containers that hold elements, by parent chain or, failing that, by drawing
    // them inside. An element belongs to the innermost one.
    std::unordered_map<std::size_t, std::vector<std::string>> members;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = page.cells[i];
        auto el = elementOf.find(c.id);
        if (!c.vertex || el == elementOf.end()) continue;
        std::optional<std::size_t> owner;
        int steps = 0; // parents may loop in a hostile file
        for (auto p = byId.find(c.parent); p != byId.end() && ++steps < 256;
             p = byId.find(page.cells[p->second].parent)) {
            if (std::find(containers.begin(), containers.end(), p->second) != containers.end()) {
                owner = p->second;
                break;
            }
            if (!page.cells[p->second].vertex) break;
        }
        if (!owner && !plumblineFile) {
            const double cx = box[i].x + box[i].w / 2, cy = box[i].y + box[i].h / 2;
            double best = 0;
            for (std::size_t k : containers)
                if (box[k].w * box[k].h > 0 && box[k].contains(cx, cy) &&
                    (!owner || box[k].w * box[k].h < best)) {
                    owner = k;
                    best = box[k].w * box[k].h;
                }
        }
        if (owner) members[*owner].push_back(el->second);
    }
    std::map<std::string, std::string> contextByName;
    for (std::size_t k : containers) {
        const Cell& c = page.cells[k];
        if (!members.count(k) && !plumblineFile) {
            if (!name[k].empty())
                b.dropped(c.id, "container '" + name[k] + "': holds no elements, so no context");
            continue;
        }
        Context ctx;
        Json overrides = Json::object();
        for (auto& [key, value] : c.attributes)
            if (key != "plumbline.kind" && key != "plumbline.id" && key != "plumbline.name" &&
                key != "plumbline.layoutIndex")
                addPlumblineField(overrides, key, value, false);
        const std::string ctxName = name[k].empty() && !plumblineFile ? "Group " + c.id : name[k];
        if (auto it = c.attributes.find("plumbline.id"); it != c.attributes.end()) {
            ctx.id = it->second;
            b.reserveId(ctx.id);
        } else if (auto same = contextByName.find(lower(ctxName)); same != contextByName.end()) {
            ctx.id = same->second; // two boxes of one name: one context
        } else {
            ctx.id = b.freshId(ctxName);
            b.inferred(ctx.id, c.id,
                       meaning[k].why.empty() ? "context: a box around elements" : meaning[k].why);
            Json src = Json::object();
            b.setSource(src, c.id, page.name);
            ctx.extra = src;
        }
        if (!ctxName.empty()) ctx.name = ctxName;
        for (const std::string& id : members[k]) {
            Element* e = b.model.findElement(id);
            if (e && !e->context) e->context = ctx.id;
        }
        if (b.model.findContext(ctx.id)) continue;
        contextByName[lower(ctxName)] = ctx.id;
        LayoutBox lb{ctx.id, box[k].x + pageOffsetX, box[k].y, box[k].w, box[k].h, Json::object()};
        if (auto it = c.attributes.find("plumbline.layoutIndex"); it != c.attributes.end())
            lb.extra["__order"] = std::atof(it->second.c_str());
        b.model.layout.push_back(lb);
        b.addContext(std::move(ctx), std::move(overrides), where(c));
    }
    // Flows.
    std::vector<DrawnFlow> flows;
    std::unordered_map<std::string, std::string> edgeLabels;
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = page.cells[i];
        if (c.vertex && byId.count(c.parent) && page.cells[byId[c.parent]].edge)
            edgeLabels[c.parent] +=
                (edgeLabels[c.parent].empty() ? "" : " ") + oneLine(stripHtml(c.value));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Cell& c = page.cells[i];
        if (!c.edge) continue;
        std::string text = oneLine(stripHtml(
            c.attributes.count("placeholders") ? substitute(c.value, c.attributes) : c.value));
        if (auto it = edgeLabels.find(c.id); it != edgeLabels.end())
            text += (text.empty() ? "" : " ") + it->second;
        auto from = elementOf.find(c.source), to = elementOf.find(c.target);
        if (from == elementOf.end() || to == elementOf.end()) {
            if (!inLegend(i))
                b.dropped(c.id, "edge '" + (text.empty() ? c.id : text) + "': " +
                                    (c.source.empty() || c.target.empty()
                                         ? "one end is not attached to a shape"
                                         : "an end is not an element (a container, text or "
                                           "dropped shape)"));
            continue;
        }
        DrawnFlow f;
        f.sourceId = c.id;
        f.from = from->second;
        f.to = to->second;
        f.label = text;
        f.where = where(c);
        const std::string endArrow =
            styles[i].count("endArrow") ? styles[i]["endArrow"] : "classic";
        const std::string startArrow =
            styles[i].count("startArrow") ? styles[i]["startArrow"] : "none";
        if (endArrow == "none" && startArrow != "none") std::swap(f.from, f.to);
        f.bidirectional = (endArrow == "none") == (startArrow == "none");
        for (auto& [key, value] : c.attributes)
            if (key == "plumbline.id") {
                f.numbers.id = value;
                b.reserveId(value);
            } else if (key != "plumbline.layoutIndex")
                addPlumblineField(f.overrides, key, value, true);
        if (auto it = c.attributes.find("c4Technology"); it != c.attributes.end())
            f.style = flowStyleFromWords(it->second);
        if (!f.style) f.style = flowStyleFromWords(text);
        f.explicitDirection = plumblineFile;
        flows.push_back(std::move(f));
    }
    addFlows(b, std::move(flows),
             "Flows point from the element that initiates to the one it reads or writes: edges "
             "drawn out of a store, cache, queue or stream were turned round, and pairs merged.");
    // The next page goes to the right of this one.
    double right = pageOffsetX;
    for (const LayoutBox& lb : b.model.layout)
        right = std::max(right, *lb.x + *lb.width);
    pageOffsetX = right + 200;
}

bool detectDrawio(std::string_view content) {
    std::size_t at = content.find_first_not_of(" \t\r\n");
    if (at == std::string_view::npos) return false;
    if (content.substr(at).starts_with("\xEF\xBB\xBF")) at += 3;
    std::string_view head = content.substr(at, 512);
    if (head.starts_with("<?xml")) {
        const std::size_t end = content.find("?>", at);
        if (end == std::string_view::npos) return false;
        at = content.find_first_not_of(" \t\r\n", end + 2);
        if (at == std::string_view::npos) return false;
        head = content.substr(at, 512);
    }
    return head.starts_with("<mxfile") || head.starts_with("<mxGraphModel");
}

ImportResult readDrawio(const ImportSource& source) {
    ImportResult result;
    result.report.format = "drawio";
    result.report.file = source.path;
    if (source.content.size() > kMaxImportBytes) {
        result.errors.push_back(
            {source.path,
             "",
             "larger than " + std::to_string(kMaxImportBytes >> 20) + " MB; refused",
             {},
             {}});
        return result;
    }
    auto parsed = drawio::parseDocument(source.content, source.path);
    if (!parsed.document) {
        result.errors.push_back(*parsed.error);
        return result;
    }
    Reader reader(source);
    for (const Page& page : parsed.document->pages)
        for (const Cell& c : page.cells)
            if (c.attributes.count("plumbline.model")) reader.plumblineFile = true;
    for (const Page& page : parsed.document->pages) {
        for (const Cell& c : page.cells) {
            auto it = c.attributes.find("plumbline.model");
            if (it == c.attributes.end()) continue;
            Json top = Json::parse(it->second, nullptr, false);
            if (!top.is_object()) {
                result.errors.push_back(
                    {source.path, "", "cell '" + c.id + "': plumbline.model is not a JSON object",
                     c.line, c.column});
                return result;
            }
            reader.b.modelOverrides = top;
        }
        reader.readPage(page);
        if (!reader.errors.empty()) break;
        if (page.cells.empty()) reader.b.note("page '" + page.name + "' is empty");
    }
    if (!reader.errors.empty()) {
        result.errors = std::move(reader.errors);
        return result;
    }
    Model& m = reader.b.model;
    if (reader.plumblineFile) {
        std::stable_sort(m.layout.begin(), m.layout.end(),
                         [](const LayoutBox& a, const LayoutBox& b) {
                             return a.extra.value("__order", 0.0) < b.extra.value("__order", 0.0);
                         });
        reader.b.note("written by Plumbline: ids, kinds and fields taken as they are");
    } else {
        reader.b.note(std::to_string(parsed.document->pages.size()) + " page(s); " +
                      std::to_string(m.elements.size()) + " elements, " +
                      std::to_string(m.contexts.size()) + " contexts, " +
                      std::to_string(m.flows.size()) + " flows");
    }
    if (reader.plumblineFile &&
        std::any_of(m.layout.begin(), m.layout.end(),
                    [](const LayoutBox& l) { return l.extra.contains("__order"); }))
        std::erase_if(m.layout, [](const LayoutBox& l) { return !l.extra.contains("__order"); });
    // Positions to a micrometre: relative child geometry added back to its parent's must give
    // the number that was written.
    auto round6 = [](Number& v) {
        if (v) v = std::round(*v * 1e6) / 1e6;
    };
    for (LayoutBox& lb : m.layout) {
        lb.extra.erase("__order");
        round6(lb.x), round6(lb.y), round6(lb.width), round6(lb.height);
    }
    m.present.layout = !m.layout.empty();
    if (!m.name && !parsed.document->pages.empty() && !reader.plumblineFile)
        m.name = parsed.document->pages.front().name;
    ImportResult finished = reader.b.finish();
    return finished;
}

} // namespace

const Importer kDrawioImporter{"drawio", "draw.io diagram", detectDrawio, readDrawio};

} // namespace plumb::interop

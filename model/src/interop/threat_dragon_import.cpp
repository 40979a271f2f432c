// OWASP Threat Dragon v2 models (JSON). Processes become services, stores stores (or caches and
// queues when their names say so), actors actors; flows are data directions, turned into
// Plumbline's "from initiates" (mapping.cpp); trust-boundary boxes become contexts for the
// elements drawn inside them. Threats are not modelled.

#include "interop/formats.h"
#include "interop/threat_model_common.h"

namespace plumb::interop {
namespace {

using namespace detail;

bool detectThreatDragon(std::string_view content) {
    const auto keys = topLevelJsonKeys(content);
    bool summary = false, detail = false;
    for (const std::string& k : keys) {
        summary |= k == "summary";
        detail |= k == "detail";
    }
    return summary && detail;
}

ImportResult readThreatDragon(const ImportSource& source) {
    ImportResult failed;
    failed.report = {"threat-dragon", source.path, {}};
    auto fail = [&](std::string path, std::string message) {
        failed.errors.push_back({source.path, std::move(path), std::move(message), {}, {}});
        return failed;
    };
    Json doc;
    if (auto err = parseSourceJson(source, doc)) {
        failed.errors.push_back(*err);
        return failed;
    }
    if (!doc.is_object()) return fail("", "expected a Threat Dragon model (a JSON object)");
    const std::string version = text(doc, "version");
    const Json& detailJson = doc.contains("detail") ? doc["detail"] : Json();
    if (!detailJson.is_object() || !detailJson.contains("diagrams") ||
        !detailJson["diagrams"].is_array())
        return fail("/detail/diagrams", "expected the model's diagrams (an array)");
    if (!version.starts_with("2"))
        return fail("/version",
                    "expected a Threat Dragon v2 model (\"version\": \"2.x\"), got " +
                        (version.empty() ? std::string("none") : "\"" + version + "\"") +
                        "; open and save it in Threat Dragon 2 first");
    Builder b(source, "threat-dragon");
    const std::string title = text(doc.value("summary", Json::object()), "title");
    if (!title.empty()) b.model.name = title;
    const std::string description = text(doc.value("summary", Json::object()), "description");
    if (!description.empty()) b.model.description = description;
    std::map<std::string, std::string> elementOf;
    std::vector<DrawnFlow> flows;
    double offsetX = 0;
    const Json& diagrams = detailJson["diagrams"];
    for (std::size_t d = 0; d < diagrams.size(); ++d) {
        const Json& diagram = diagrams[d];
        const std::string dpath = "/detail/diagrams/" + std::to_string(d);
        if (!diagram.is_object() || !diagram.contains("cells") || !diagram["cells"].is_array())
            return fail(dpath + "/cells", "expected the diagram's cells (an array)");
        const Json& cells = diagram["cells"];
        std::vector<Rect> boundaries;
        std::vector<std::size_t> boundaryCells;
        double right = offsetX;
        // Boundary boxes first, so that elements find theirs.
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Json& c = cells[i];
            if (!c.is_object() || text(c, "shape") != "trust-boundary-box") continue;
            const Json pos = c.value("position", Json::object()),
                       size = c.value("size", Json::object());
            const std::string name = oneLine(text(c.value("data", Json::object()), "name"));
            Context ctx;
            ctx.id = b.freshId(name.empty() ? "trust-boundary" : name);
            ctx.name =
                name.empty() ? "Trust boundary " + std::to_string(boundaries.size() + 1) : name;
            b.setSource(ctx.extra, text(c, "id"), text(diagram, "title"));
            boundaries.push_back({ctx.id, offsetX + number(pos, "x").value_or(0),
                                  number(pos, "y").value_or(0), number(size, "width").value_or(0),
                                  number(size, "height").value_or(0)});
            boundaryCells.push_back(i);
            const Rect& r = boundaries.back();
            b.model.layout.push_back({ctx.id, r.x, r.y, r.w, r.h, Json::object()});
            b.addContext(
                std::move(ctx), Json::object(),
                {"cell '" + text(c, "id") + "'", 0, 0, dpath + "/cells/" + std::to_string(i)});
        }
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Json& c = cells[i];
            if (!c.is_object())
                return fail(dpath + "/cells/" + std::to_string(i), "expected a cell (an object)");
            const std::string shape = text(c, "shape"), id = text(c, "id");
            const Json data = c.value("data", Json::object());
            const std::string name = oneLine(text(data, "name"));
            if (shape == "actor" || shape == "process" || shape == "store") {
                Element e;
                e.id = b.freshId(name.empty() ? shape : name);
                e.name = name.empty() ? shape : name;
                if (!text(data, "description").empty())
                    e.description = oneLine(text(data, "description"));
                b.setSource(e.extra, id, text(diagram, "title"));
                classify(b, e, id, shape, name, text(data, "description"));
                if (data.value("outOfScope", false))
                    b.inferred(e.id, id, "out of scope in Threat Dragon; imported all the same");
                const Json pos = c.value("position", Json::object()),
                           size = c.value("size", Json::object());
                const double x = offsetX + number(pos, "x").value_or(0),
                             y = number(pos, "y").value_or(0);
                const double w = number(size, "width").value_or(100),
                             h = number(size, "height").value_or(60);
                right = std::max(right, x + w);
                if (const Rect* r = innermost(boundaries, x + w / 2, y + h / 2)) {
                    e.context = r->contextId;
                    b.inferred(e.id, id,
                               "context " + r->contextId + ": drawn inside its trust boundary");
                }
                b.model.layout.push_back({e.id, x, y, w, h, Json::object()});
                elementOf[id] = e.id;
                b.addElement(std::move(e), Json::object(),
                             {"cell '" + id + "'", 0, 0, dpath + "/cells/" + std::to_string(i)});
            } else if (shape == "trust-boundary-curve" || shape == "trust-boundary") {
                b.dropped(id, "trust boundary line: a line encloses no elements, so no context");
            } else if (shape == "td-text-block") {
                b.dropped(id, "text block");
            } else if (shape != "flow" && shape != "trust-boundary-box") {
                b.dropped(id, "shape '" + shape + "' is not modelled");
            }
        }
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const Json& c = cells[i];
            if (text(c, "shape") != "flow") continue;
            const std::string id = text(c, "id");
            const Json data = c.value("data", Json::object());
            std::string label = oneLine(text(data, "name"));
            const std::string from = text(c.value("source", Json::object()), "cell");
            const std::string to = text(c.value("target", Json::object()), "cell");
            if (!elementOf.count(from) || !elementOf.count(to)) {
                b.dropped(id, "flow '" + label + "': " +
                                  (from.empty() || to.empty()
                                       ? "an end is not attached to an element"
                                       : "an end is not a process, store or actor"));
                continue;
            }
            DrawnFlow f;
            f.sourceId = id;
            f.from = elementOf[from];
            f.to = elementOf[to];
            f.label = label;
            f.bidirectional = data.value("isBidirectional", false);
            f.where = {"flow '" + id + "'", 0, 0, dpath + "/cells/" + std::to_string(i)};
            const std::string protocol = text(data, "protocol");
            if (!protocol.empty()) f.style = flowStyleFromWords(protocol);
            if (!f.style) f.style = flowStyleFromWords(label);
            flows.push_back(std::move(f));
        }
        for (const Rect& r : boundaries)
            right = std::max(right, r.x + r.w);
        offsetX = right + 200;
    }
    b.model.present.layout = !b.model.layout.empty();
    addFlows(b, std::move(flows),
             "Threat Dragon draws the direction data moves, not who initiates. Flows out of a "
             "store were turned round (the process reads it), and request/response pairs merged "
             "into one flow from the initiator, as Plumbline's flows mean 'from initiates, to is "
             "read or written'.",
             true);
    b.note("threats, mitigations and STRIDE data are not modelled; they stay in Threat Dragon");
    // Contexts that got no element are dropped.
    std::vector<Context> kept;
    std::vector<Json> overrides;
    std::vector<Where> where;
    for (std::size_t i = 0; i < b.model.contexts.size(); ++i) {
        const Context& ctx = b.model.contexts[i];
        const bool used = std::any_of(b.model.elements.begin(), b.model.elements.end(),
                                      [&](const Element& e) { return e.context == ctx.id; });
        if (!used) {
            b.dropped(ctx.extra.value("/source/id"_json_pointer, std::string()),
                      "trust boundary '" + ctx.name.value_or("") + "': holds no elements");
            std::erase_if(b.model.layout, [&](const LayoutBox& l) { return l.id == ctx.id; });
            continue;
        }
        kept.push_back(ctx);
        overrides.push_back(b.contextOverrides[i]);
        where.push_back(b.contextWhere[i]);
    }
    b.model.contexts = std::move(kept);
    b.contextOverrides = std::move(overrides);
    b.contextWhere = std::move(where);
    return b.finish();
}

} // namespace

const Importer kThreatDragonImporter{"threat-dragon", "OWASP Threat Dragon v2 model",
                                     detectThreatDragon, readThreatDragon};

} // namespace plumb::interop

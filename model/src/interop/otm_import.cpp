// Open Threat Model (OTM) JSON, as IriusRisk's StartLeft writes from Terraform, CloudFormation,
// Visio, Lucidchart and MS TMT: trust zones become contexts for the components in them,
// components elements (kind from their type, name and tags), dataflows flows in the
// initiator's direction (mapping.cpp). Threats, mitigations and assets are not modelled.

#include "interop/formats.h"
#include "interop/threat_model_common.h"

namespace plumb::interop {
namespace {

using namespace detail;

bool detectOtm(std::string_view content) {
    for (const std::string& k : topLevelJsonKeys(content))
        if (k == "otmVersion") return true;
    return false;
}

// The first representation's position and size, when it has one.
std::optional<Rect> placement(const Json& item) {
    const Json reps = item.value("representations", Json::array());
    if (!reps.is_array()) return std::nullopt;
    for (const Json& r : reps) {
        if (!r.is_object() || !r.contains("position") || !r["position"].is_object()) continue;
        const Json size = r.value("size", Json::object());
        return Rect{{},
                    number(r["position"], "x").value_or(0),
                    number(r["position"], "y").value_or(0),
                    number(size, "width").value_or(100),
                    number(size, "height").value_or(60)};
    }
    return std::nullopt;
}

ImportResult readOtm(const ImportSource& source) {
    ImportResult failed;
    failed.report = {"otm", source.path, {}};
    auto fail = [&](std::string path, std::string message) {
        failed.errors.push_back({source.path, std::move(path), std::move(message), {}, {}});
        return failed;
    };
    Json doc;
    if (auto err = parseSourceJson(source, doc)) {
        failed.errors.push_back(*err);
        return failed;
    }
    if (!doc.is_object()) return fail("", "expected an Open Threat Model (a JSON object)");
    for (const char* key : {"trustZones", "components", "dataflows"})
        if (doc.contains(key) && !doc[key].is_null() && !doc[key].is_array())
            return fail(std::string("/") + key, "expected an array");
    Builder b(source, "otm");
    const Json project = doc.value("project", Json::object());
    if (!text(project, "name").empty()) b.model.name = text(project, "name");
    if (!text(project, "description").empty()) b.model.description = text(project, "description");
    const Json zones = doc.value("trustZones", Json::array()).is_array()
                           ? doc.value("trustZones", Json::array())
                           : Json::array();
    const Json components = doc.value("components", Json::array()).is_array()
                                ? doc.value("components", Json::array())
                                : Json::array();
    const Json dataflows = doc.value("dataflows", Json::array()).is_array()
                               ? doc.value("dataflows", Json::array())
                               : Json::array();
    // Trust zones, and where each is drawn.
    std::map<std::string, std::size_t> zoneIndex;
    std::map<std::string, std::string> zoneName;
    std::map<std::string, Rect> zoneRect;
    for (std::size_t i = 0; i < zones.size(); ++i) {
        const Json& z = zones[i];
        const std::string id = text(z, "id");
        if (id.empty())
            return fail("/trustZones/" + std::to_string(i) + "/id", "expected the trust zone's id");
        zoneName[id] = oneLine(text(z, "name"));
        if (auto r = placement(z)) zoneRect[id] = *r;
    }
    std::map<std::string, std::string> elementOf, zoneOfComponent, parentComponent;
    std::map<std::string, std::string> contextOfZone;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Json& c = components[i];
        const std::string path = "/components/" + std::to_string(i);
        if (!c.is_object()) return fail(path, "expected a component (an object)");
        const std::string id = text(c, "id"), name = oneLine(text(c, "name"));
        if (id.empty()) return fail(path + "/id", "expected the component's id");
        const Json parent = c.value("parent", Json::object());
        if (!text(parent, "trustZone").empty()) zoneOfComponent[id] = text(parent, "trustZone");
        if (!text(parent, "component").empty()) parentComponent[id] = text(parent, "component");
    }
    auto zoneOf = [&](std::string id) {
        for (int steps = 0; steps < 64; ++steps) {
            if (auto z = zoneOfComponent.find(id); z != zoneOfComponent.end()) return z->second;
            auto p = parentComponent.find(id);
            if (p == parentComponent.end()) break;
            id = p->second;
        }
        return std::string();
    };
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Json& c = components[i];
        const std::string id = text(c, "id"), name = oneLine(text(c, "name"));
        const std::string type = text(c, "type");
        std::string tags;
        if (c.contains("tags") && c["tags"].is_array())
            for (const Json& t : c["tags"])
                if (t.is_string()) tags += " " + t.get<std::string>();
        Element e;
        e.id = b.freshId(name.empty() ? id : name);
        e.name = name.empty() ? id : name;
        if (!text(c, "description").empty()) e.description = oneLine(text(c, "description"));
        b.setSource(e.extra, id);
        classify(b, e, id, type.empty() ? "component" : type, e.displayName(), type + tags);
        if (hasWord(lower(tags), "external") && e.kind == ElementKind::Service) {
            e.kind = ElementKind::External;
            b.inferred(e.id, id, "external: tagged external");
        }
        const std::string zone = zoneOf(id);
        if (!zone.empty() && zoneName.count(zone)) {
            if (!contextOfZone.count(zone)) {
                Context ctx;
                ctx.id = b.freshId(zoneName[zone].empty() ? "trust-zone" : zoneName[zone]);
                if (!zoneName[zone].empty()) ctx.name = zoneName[zone];
                b.setSource(ctx.extra, zone);
                b.inferred(ctx.id, zone, "context: trust zone '" + zoneName[zone] + "'");
                contextOfZone[zone] = ctx.id;
                if (zoneRect.count(zone)) {
                    const Rect& r = zoneRect[zone];
                    b.model.layout.push_back({ctx.id, r.x, r.y, r.w, r.h, Json::object()});
                }
                b.addContext(std::move(ctx));
            }
            e.context = contextOfZone[zone];
        } else if (!zone.empty()) {
            b.inferred(e.id, id, "its trust zone '" + zone + "' is not in trustZones; no context");
        }
        if (auto r = placement(c)) {
            double x = r->x, y = r->y;
            // OTM positions are relative to the parent zone when they fit inside it.
            if (zoneRect.count(zone) && r->x + r->w <= zoneRect[zone].w &&
                r->y + r->h <= zoneRect[zone].h) {
                x += zoneRect[zone].x;
                y += zoneRect[zone].y;
            }
            b.model.layout.push_back({e.id, x, y, r->w, r->h, Json::object()});
        }
        elementOf[id] = e.id;
        Json overrides = Json::object();
        for (const char* key : {"attributes", "properties"})
            if (c.contains(key) && c[key].is_object()) {
                for (auto& [k, v] : c[key].items()) {
                    if (v.is_string())
                        addPlumblineField(overrides, k, v.get<std::string>(), false);
                    else if (k.starts_with("plumbline."))
                        addPlumblineField(overrides, k, v.dump(), false);
                }
            }
        b.addElement(std::move(e), std::move(overrides),
                     {"component '" + id + "'", 0, 0, "/components/" + std::to_string(i)});
    }
    for (auto& [zone, name] : zoneName)
        if (!contextOfZone.count(zone))
            b.dropped(zone, "trust zone '" + name + "': holds no components");
    std::vector<DrawnFlow> flows;
    for (std::size_t i = 0; i < dataflows.size(); ++i) {
        const Json& d = dataflows[i];
        const std::string id = text(d, "id"), name = oneLine(text(d, "name"));
        const std::string from = text(d, "source"), to = text(d, "destination");
        if (!elementOf.count(from) || !elementOf.count(to)) {
            b.dropped(id, "dataflow '" + name + "': an end names no component");
            continue;
        }
        DrawnFlow f;
        f.sourceId = id;
        f.from = elementOf[from];
        f.to = elementOf[to];
        f.label = name;
        f.bidirectional = d.value("bidirectional", false);
        f.style = flowStyleFromWords(name);
        f.where = {"dataflow '" + id + "'", 0, 0, "/dataflows/" + std::to_string(i)};
        for (const char* key : {"attributes", "properties"})
            if (d.contains(key) && d[key].is_object()) {
                for (auto& [k, v] : d[key].items()) {
                    if (v.is_string())
                        addPlumblineField(f.overrides, k, v.get<std::string>(), true);
                }
            }
        flows.push_back(std::move(f));
    }
    b.model.present.layout = !b.model.layout.empty();
    addFlows(b, std::move(flows),
             "OTM dataflows give the direction data moves, not who initiates. Flows out of a "
             "store were turned round (the reader initiates), and request/response pairs merged "
             "into one flow from the initiator, as Plumbline's flows mean 'from initiates, to is "
             "read or written'.",
             true);
    if (doc.contains("threats") || doc.contains("mitigations") || doc.contains("assets"))
        b.note("threats, mitigations and assets are not modelled; they stay in the OTM file");
    return b.finish();
}

} // namespace

const Importer kOtmImporter{"otm", "Open Threat Model (OTM)", detectOtm, readOtm};

} // namespace plumb::interop

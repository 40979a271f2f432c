#include "plumbline/interop/drawio_export.h"

#include "plumbline/model_json.h"
#include "plumbline/svg_diagram.h"

#include <map>

namespace plumb::interop {
namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\n':
            out += "&#10;";
            break;
        case '\r':
            out += "&#13;";
            break;
        case '\t':
            out += "&#9;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string num(double v) {
    Json j = v;
    return j.dump();
}

bool isTextField(std::string_view f) {
    return f == "technology" || f == "description" || f == "structure" || f == "consistency" ||
           f == "durability" || f == "hosting" || f == "cachePolicy" || f == "style" ||
           f == "team" || f == "context";
}

// The contract's fields that become attributes of their own; anything else goes, in its order,
// into one plumbline.extra JSON attribute.
bool isKnownField(std::string_view f) {
    static const char* const known[] = {"technology",
                                        "description",
                                        "tags",
                                        "instances",
                                        "connectionsPerInstance",
                                        "cachePolicy",
                                        "ttlSeconds",
                                        "partitions",
                                        "replicationFactor",
                                        "retentionDays",
                                        "keyed",
                                        "context",
                                        "team",
                                        "style",
                                        "readsPerSecond",
                                        "writesPerSecond",
                                        "payloadKB",
                                        "peakFactor",
                                        "volumeGB",
                                        "growthGBPerMonth",
                                        "recordKB",
                                        "maxRecordKB",
                                        "vectors",
                                        "vectorDimensions",
                                        "structure",
                                        "consistency",
                                        "durability",
                                        "queries",
                                        "hosting",
                                        "replicas",
                                        "shards",
                                        "tenants"};
    for (const char* k : known)
        if (f == k) return true;
    return false;
}

// A list of strings as "a, b" when that reads back the same, else as JSON.
std::string listValue(const Json& list) {
    std::string out;
    for (const Json& item : list) {
        if (!item.is_string()) return list.dump();
        const std::string s = item.get<std::string>();
        if (s.empty() || s.find(',') != std::string::npos || s.front() == ' ' || s.back() == ' ' ||
            s.front() == '[' || s.find_first_of("\n\t\r") != std::string::npos ||
            s.find("  ") != std::string::npos)
            return list.dump();
        out += (out.empty() ? "" : ", ") + s;
    }
    return out.empty() ? list.dump() : out;
}

// plumbline.* attributes for one JSON object of the model (element, context or flow).
std::string attributes(const Json& object, bool element) {
    std::string out;
    Json extra = Json::object();
    auto add = [&](const std::string& name, const Json& value) {
        std::string text;
        if (!isKnownField(name.substr(name.rfind('.') + 1))) return false;
        if (value.is_string() && isTextField(name.substr(name.rfind('.') + 1)))
            text = value.get<std::string>();
        else if (value.is_array() && (name.ends_with("tags") || name.ends_with("queries")))
            text = listValue(value);
        else if (value.is_number() || value.is_boolean())
            text = value.dump();
        else
            return false;
        out += " plumbline." + name + "=\"" + escape(text) + "\"";
        return true;
    };
    for (auto& [key, value] : object.items()) {
        if (key == "id" || key == "name" || key == "kind" || key == "from" || key == "to") continue;
        if (element && key == "data" && value.is_object()) {
            Json dataExtra = Json::object();
            for (auto& [k, v] : value.items()) {
                const bool clash = k == "retentionDays" || k == "cachePolicy" || k == "ttlSeconds";
                if (!add(clash ? "data." + k : k, v)) dataExtra[k] = v;
            }
            if (value.empty()) out += " plumbline.data.present=\"true\"";
            if (!dataExtra.empty()) extra["data"] = dataExtra;
            continue;
        }
        if (!add(key, value)) extra[key] = value;
    }
    if (!extra.empty()) out += " plumbline.extra=\"" + escape(extra.dump()) + "\"";
    return out;
}

std::string shapeStyle(ElementKind kind) {
    switch (kind) {
    case ElementKind::Store:
        return "shape=cylinder3;boundedLbl=1;size=12;fillColor=#dae8fc;strokeColor=#6c8ebf;";
    case ElementKind::Cache:
        return "shape=cylinder3;boundedLbl=1;size=8;dashed=1;fillColor=#fff2cc;strokeColor=#"
               "d6b656;";
    case ElementKind::Stream:
        return "shape=mxgraph.lean_mapping.fifo_sequence_flow;fillColor=#e1d5e7;strokeColor=#"
               "9673a6;";
    case ElementKind::Queue:
        return "shape=process;fillColor=#e1d5e7;strokeColor=#9673a6;";
    case ElementKind::Actor:
        return "shape=umlActor;verticalLabelPosition=bottom;verticalAlign=top;";
    case ElementKind::Function:
        return "rounded=1;dashed=1;fillColor=#d5e8d4;strokeColor=#82b366;";
    case ElementKind::External:
        return "rounded=0;fillColor=#f5f5f5;strokeColor=#999999;";
    case ElementKind::Pooler:
        return "shape=hexagon;fillColor=#f8cecc;strokeColor=#b85450;";
    case ElementKind::Service:
        break;
    }
    return "rounded=1;fillColor=#d5e8d4;strokeColor=#82b366;";
}

} // namespace

std::string writeDrawio(const Model& model) {
    const Json doc = modelToJson(model);
    Json top = Json::object();
    for (auto& [key, value] : doc.items())
        if (key != "contexts" && key != "elements" && key != "flows" && key != "layout")
            top[key] = value;

    const DiagramLayout layout = layoutDiagram(model);
    std::map<std::string, DiagramRect> rects;
    for (const DiagramRect& r : layout.elements)
        rects[r.id] = r;
    for (const DiagramRect& r : layout.contexts)
        if (!r.id.empty()) rects[r.id] = r;
    // Boxes the model has keep their exact numbers.
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < model.layout.size(); ++i) {
        const LayoutBox& b = model.layout[i];
        order[b.id] = i;
        DiagramRect& r = rects[b.id];
        r.id = b.id;
        if (b.x) r.x = *b.x;
        if (b.y) r.y = *b.y;
        if (b.width) r.width = *b.width;
        if (b.height) r.height = *b.height;
    }
    auto geometry = [&](const std::string& id, const std::string& parent) {
        const DiagramRect& r = rects[id];
        double x = r.x, y = r.y;
        if (!parent.empty() && rects.count(parent)) {
            x -= rects[parent].x;
            y -= rects[parent].y;
        }
        return "<mxGeometry x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(r.width) +
               "\" height=\"" + num(r.height) + "\" as=\"geometry\"/>";
    };
    auto orderAttr = [&](const std::string& id) {
        auto it = order.find(id);
        return it == order.end() ? std::string()
                                 : " plumbline.layoutIndex=\"" + std::to_string(it->second) + "\"";
    };

    std::string out;
    out += "<mxfile host=\"Plumbline\" type=\"device\">\n";
    out += "  <diagram id=\"plumbline\" name=\"" + escape(model.name.value_or("Model")) + "\">\n";
    out += "    <mxGraphModel grid=\"1\" gridSize=\"10\" guides=\"1\" arrows=\"1\" connect=\"1\" "
           "page=\"0\">\n      <root>\n";
    out += "        <object id=\"0\" plumbline.model=\"" + escape(top.dump()) +
           "\"><mxCell/></object>\n";
    out += "        <mxCell id=\"1\" parent=\"0\"/>\n";
    const Json& contexts = doc.contains("contexts") ? doc["contexts"] : Json::array();
    for (std::size_t i = 0; i < model.contexts.size(); ++i) {
        const Context& c = model.contexts[i];
        out += "        <object id=\"ctx:" + escape(c.id) + "\" label=\"" +
               escape(c.name.value_or("")) + "\" plumbline.id=\"" + escape(c.id) +
               "\" plumbline.kind=\"context\"" + attributes(contexts[i], false) + orderAttr(c.id) +
               ">\n";
        out += "          <mxCell style=\"swimlane;startSize=24;fillColor=none;dashed=1;\" "
               "vertex=\"1\" parent=\"1\">" +
               geometry(c.id, "") + "</mxCell>\n        </object>\n";
    }
    const Json& elements = doc["elements"];
    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        const std::string parent = e.context && model.findContext(*e.context) ? *e.context : "";
        Json fields = elements[i];
        if (!parent.empty()) fields.erase("context");
        out += "        <object id=\"el:" + escape(e.id) + "\" label=\"" +
               escape(e.name.value_or("")) + "\" plumbline.id=\"" + escape(e.id) +
               "\" plumbline.kind=\"" + std::string(spelling(e.kind)) + "\"" +
               attributes(fields, true) + orderAttr(e.id) + ">\n";
        out += "          <mxCell style=\"whiteSpace=wrap;" + shapeStyle(e.kind) +
               "\" vertex=\"1\" parent=\"" +
               (parent.empty() ? std::string("1") : "ctx:" + escape(parent)) + "\">" +
               geometry(e.id, parent) + "</mxCell>\n        </object>\n";
    }
    const Json& flows = doc["flows"];
    for (std::size_t i = 0; i < model.flows.size(); ++i) {
        const Flow& f = model.flows[i];
        const bool async = f.style && *f.style == FlowStyle::Async;
        out += "        <object id=\"fl:" + escape(f.id) + "\" label=\"" +
               escape(f.description.value_or("")) + "\" plumbline.id=\"" + escape(f.id) + "\"" +
               attributes(flows[i], false) + ">\n";
        out += "          <mxCell style=\"endArrow=classic;html=0;" +
               std::string(async ? "dashed=1;" : "") +
               "\" edge=\"1\" parent=\"1\" source=\"el:" + escape(f.from) +
               "\" target=\"el:" + escape(f.to) +
               "\"><mxGeometry relative=\"1\" as=\"geometry\"/></mxCell>\n        </object>\n";
    }
    out += "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n";
    return out;
}

} // namespace plumb::interop

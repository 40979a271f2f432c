// `check --format json` (cli.md) and the helpers the other writers share.
#include "plumbline/check_output.h"
#include "plumbline/provenance.h"

#include <charconv>
#include <cmath>
#include <ostream>

namespace plumb {
namespace {

Json factToJson(const FactValue& v) {
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return std::get<std::vector<std::string>>(v);
}

Json findingToJson(const Finding& f) {
    Json j = Json::object();
    j["rule"] = f.rule;
    j["severity"] = std::string(spelling(f.severity));
    j["element"] = f.element;
    j["title"] = f.title;
    j["message"] = f.message;
    j["evidence"] = Json::object();
    for (const auto& [name, value] : f.evidence)
        j["evidence"][name] = factToJson(value);
    j["thresholds"] = thresholdsJson(f.thresholds);
    j["alternatives"] = f.alternatives;
    j["patterns"] = f.patterns;
    j["sources"] = f.sources;
    if (!f.missing.empty()) j["missing"] = f.missing;
    j["rationale"] = f.rationale;
    j["waived"] = f.waived;
    if (f.waiverExpired) j["waiverExpired"] = true;
    if (!f.waiverReason.empty()) j["waiverReason"] = f.waiverReason;
    return j;
}

// Numbers as people wrote them: 12 rather than 12.0, three decimals at most.
Json number(double v) {
    const double rounded = std::round(v * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::fabs(rounded) < 9e15)
        return static_cast<std::int64_t>(rounded);
    return rounded;
}

Json storeToJson(const CheckReport& report, const Element& e, const Facts& facts,
                 const std::vector<TechnologyFit>* fit) {
    Json s = Json::object();
    s["element"] = e.id;
    s["kind"] = std::string(spelling(e.kind));
    s["technology"] = e.technology ? Json(*e.technology) : Json(nullptr);
    for (const char* name : {"readsPerSecond", "writesPerSecond", "volumeGB"}) {
        auto v = facts.number(name);
        s[name] = v ? number(*v) : Json(nullptr);
    }
    if (report.options.horizonMonths > 0)
        if (auto v = facts.number("volumeAtHorizonGB")) s["volumeAtHorizonGB"] = number(*v);
    s["fit"] = Json::array();
    // The five best and the element's own technology, each with the dimensions that scored it.
    if (fit)
        for (std::size_t i = 0; i < fit->size(); ++i) {
            const TechnologyFit& f = (*fit)[i];
            if (i >= 5 && !f.current) continue;
            Json dimensions = Json::array();
            for (const auto& d : f.dimensions)
                if (d.weight > 0)
                    dimensions.push_back({{"name", d.name},
                                          {"score", number(d.score)},
                                          {"weight", number(d.weight)},
                                          {"reason", d.reason}});
            Json entry = {{"technology", f.technology}, {"score", number(f.score)}};
            if (f.current) entry["current"] = true;
            entry["dimensions"] = std::move(dimensions);
            s["fit"].push_back(std::move(entry));
        }
    return s;
}

// The members before "findings", in the document's order.
std::vector<std::pair<const char*, Json>> header(const CheckReport& report) {
    return {{"tool", "plumbline"},
            {"version", report.toolVersion},
            {"model", report.model.name.value_or("")},
            {"scale", number(report.options.scale)},
            {"horizonMonths", number(report.options.horizonMonths)}};
}

Json summary(const CheckReport& report) {
    return {{"error", report.result.count(Severity::Error)},
            {"warning", report.result.count(Severity::Warning)},
            {"info", report.result.count(Severity::Info)},
            {"waived", report.result.waivedCount()}};
}

// Calls `each(store json)` for every data-holding element with facts, in the model's order.
// Each ranking is made and dropped in turn: holding every store's full ranking at once took
// 90 MB for 10,000 elements, of which the document shows five per store.
template <typename Each> void forEachStoreFit(const CheckReport& report, Each each) {
    const auto recommended = recommendedByElement(report.result);
    const std::vector<std::string> none;
    for (const auto& e : report.model.elements) {
        if (!holdsData(e.kind)) continue;
        const Facts* facts = report.result.analysis.facts(e.id);
        if (!facts) continue;
        const auto rec = recommended.find(e.id);
        each(e, *facts,
             rankTechnologies(e, *facts, report.knowledge,
                              rec != recommended.end() ? rec->second : none));
    }
}
template <typename Each> void forEachStore(const CheckReport& report, Each each) {
    forEachStoreFit(
        report, [&](const Element& e, const Facts& facts, const std::vector<TechnologyFit>& fit) {
            each(storeToJson(report, e, facts, &fit));
        });
}

// `value` as dump(2) writes it nested `depth` levels deep, into a buffer reused for every value.
// Containers, integers and plain ASCII strings are written here; nlohmann's serializer writes the
// rest (floats, strings with other bytes) from the same column. Its per-byte escaping and
// dumping to a string and re-indenting a copy were half of `check --format json` (#16).
class NestedWriter {
public:
    explicit NestedWriter(std::ostream& out)
        : out_(out),
          serializer_(nlohmann::detail::output_adapter<char, std::string>(buffer_), ' ') {}
    void write(const Json& value, int depth) {
        buffer_.clear();
        put(value, static_cast<std::size_t>(2 * depth));
        flush();
    }

    // `f` as write(findingToJson(f)) writes it, without the DOM (building one per finding and
    // per store was a sixth of the run). Repeated evidence names, which the DOM merges, take it.
    void writeFinding(const Finding& f, int depth) {
        for (std::size_t i = 0; i < f.evidence.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (f.evidence[i].first == f.evidence[j].first)
                    return write(findingToJson(f), depth);
        buffer_.clear();
        const auto indent = static_cast<std::size_t>(2 * depth);
        Members m(*this, indent);
        m.key("rule"), putString(f.rule);
        m.key("severity"), putString(spelling(f.severity));
        m.key("element"), putString(f.element);
        m.key("title"), putString(f.title);
        m.key("message"), putString(f.message);
        m.key("evidence");
        Members evidence(*this, indent + 2);
        for (const auto& [name, value] : f.evidence)
            evidence.key(name), putFact(value, indent + 4);
        evidence.end();
        m.key("thresholds"), put(thresholdsJson(f.thresholds), indent + 2);
        m.key("alternatives"), putStrings(f.alternatives, indent + 2);
        m.key("patterns"), putStrings(f.patterns, indent + 2);
        m.key("sources"), putStrings(f.sources, indent + 2);
        if (!f.missing.empty()) m.key("missing"), putStrings(f.missing, indent + 2);
        m.key("rationale"), putString(f.rationale);
        m.key("waived"), buffer_ += f.waived ? "true" : "false";
        if (f.waiverExpired) m.key("waiverExpired"), buffer_ += "true";
        if (!f.waiverReason.empty()) m.key("waiverReason"), putString(f.waiverReason);
        m.end();
        flush();
    }

    // A store as write(storeToJson(...)) writes it, without the DOM.
    void writeStore(const CheckReport& report, const Element& e, const Facts& facts,
                    const std::vector<TechnologyFit>& fit, int depth) {
        buffer_.clear();
        const auto indent = static_cast<std::size_t>(2 * depth);
        Members s(*this, indent);
        s.key("element"), putString(e.id);
        s.key("kind"), putString(spelling(e.kind));
        s.key("technology");
        if (e.technology)
            putString(*e.technology);
        else
            buffer_ += "null";
        for (const char* name : {"readsPerSecond", "writesPerSecond", "volumeGB"}) {
            s.key(name);
            auto v = facts.number(name);
            v ? put(number(*v), indent + 2) : void(buffer_ += "null");
        }
        if (report.options.horizonMonths > 0)
            if (auto v = facts.number("volumeAtHorizonGB"))
                s.key("volumeAtHorizonGB"), put(number(*v), indent + 2);
        s.key("fit");
        Items entries(*this, indent + 2);
        // The five best and the element's own technology, each with the dimensions that scored it.
        for (std::size_t i = 0; i < fit.size(); ++i) {
            const TechnologyFit& f = fit[i];
            if (i >= 5 && !f.current) continue;
            entries.item();
            Members entry(*this, indent + 4);
            entry.key("technology"), putString(f.technology);
            entry.key("score"), put(number(f.score), indent + 6);
            if (f.current) entry.key("current"), buffer_ += "true";
            entry.key("dimensions");
            Items dimensions(*this, indent + 6);
            for (const auto& d : f.dimensions) {
                if (d.weight <= 0) continue;
                dimensions.item();
                Members dimension(*this, indent + 8);
                dimension.key("name"), putString(d.name);
                dimension.key("score"), put(number(d.score), indent + 10);
                dimension.key("weight"), put(number(d.weight), indent + 10);
                dimension.key("reason"), putString(d.reason);
                dimension.end();
            }
            dimensions.end();
            entry.end();
        }
        entries.end();
        s.end();
        flush();
    }

private:
    // The members of an object at `indent`, written as put() writes an object's DOM.
    class Members {
    public:
        Members(NestedWriter& w, std::size_t indent) : w_(w), indent_(indent) {}
        void key(std::string_view k) {
            w_.buffer_ += empty_ ? "{\n" : ",\n";
            empty_ = false;
            w_.buffer_.append(indent_ + 2, ' ');
            w_.putString(k);
            w_.buffer_ += ": ";
        }
        void end() { w_.close(empty_, indent_, "{}", '}'); }

    private:
        NestedWriter& w_;
        std::size_t indent_;
        bool empty_ = true;
    };
    // The items of an array at `indent`; item() before each.
    class Items {
    public:
        Items(NestedWriter& w, std::size_t indent) : w_(w), indent_(indent) {}
        void item() {
            w_.buffer_ += empty_ ? "[\n" : ",\n";
            empty_ = false;
            w_.buffer_.append(indent_ + 2, ' ');
        }
        void end() { w_.close(empty_, indent_, "[]", ']'); }

    private:
        NestedWriter& w_;
        std::size_t indent_;
        bool empty_ = true;
    };

    void close(bool empty, std::size_t indent, const char* nothing, char bracket) {
        if (empty) {
            buffer_ += nothing;
            return;
        }
        buffer_ += '\n';
        buffer_.append(indent, ' ');
        buffer_ += bracket;
    }
    void putStrings(const std::vector<std::string>& strings, std::size_t indent) {
        Items items(*this, indent);
        for (const auto& s : strings)
            items.item(), putString(s);
        items.end();
    }
    void putFact(const FactValue& v, std::size_t indent) {
        if (const auto* d = std::get_if<double>(&v))
            put(Json(*d), indent);
        else if (const auto* b = std::get_if<bool>(&v))
            buffer_ += *b ? "true" : "false";
        else if (const auto* s = std::get_if<std::string>(&v))
            putString(*s);
        else
            putStrings(std::get<std::vector<std::string>>(v), indent);
    }
    void flush() { out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size())); }

    void put(const Json& v, std::size_t indent) {
        switch (v.type()) {
        case Json::value_t::object:
        case Json::value_t::array: {
            const bool object = v.is_object();
            if (v.empty()) {
                buffer_ += object ? "{}" : "[]";
                return;
            }
            buffer_ += object ? "{\n" : "[\n";
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) buffer_ += ",\n";
                first = false;
                buffer_.append(indent + 2, ' ');
                if (object) {
                    putString(it.key());
                    buffer_ += ": ";
                }
                put(*it, indent + 2);
            }
            buffer_ += '\n';
            buffer_.append(indent, ' ');
            buffer_ += object ? '}' : ']';
            return;
        }
        case Json::value_t::string:
            putString(v.get_ref<const std::string&>());
            return;
        case Json::value_t::boolean:
            buffer_ += v.get<bool>() ? "true" : "false";
            return;
        case Json::value_t::null:
            buffer_ += "null";
            return;
        case Json::value_t::number_integer:
            putInteger(v.get<Json::number_integer_t>());
            return;
        case Json::value_t::number_unsigned:
            putInteger(v.get<Json::number_unsigned_t>());
            return;
        default: // floats (nlohmann's shortest round-trip form), binary
            serializer_.dump(v, true, false, 2, static_cast<unsigned>(indent));
        }
    }
    template <typename I> void putInteger(I value) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        buffer_.append(digits, end);
    }
    // ASCII escaped as nlohmann does (ensure_ascii off); other bytes are UTF-8 for it to write
    // (or to refuse, when invalid).
    void putString(std::string_view s) {
        for (unsigned char c : s)
            if (c >= 0x80) {
                serializer_.dump(Json(std::string(s)), true, false, 2, 0);
                return;
            }
        buffer_ += '"';
        std::size_t plainFrom = 0; // runs of plain characters are appended whole
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            buffer_.append(s.substr(plainFrom, i - plainFrom));
            plainFrom = i + 1;
            switch (c) {
            case '"':
                buffer_ += "\\\"";
                break;
            case '\\':
                buffer_ += "\\\\";
                break;
            case '\b':
                buffer_ += "\\b";
                break;
            case '\t':
                buffer_ += "\\t";
                break;
            case '\n':
                buffer_ += "\\n";
                break;
            case '\f':
                buffer_ += "\\f";
                break;
            case '\r':
                buffer_ += "\\r";
                break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                buffer_ += "\\u00";
                buffer_ += kHex[c >> 4];
                buffer_ += kHex[c & 0xF];
            }
            }
        }
        buffer_.append(s.substr(plainFrom));
        buffer_ += '"';
    }

    std::ostream& out_;
    std::string buffer_;
    nlohmann::detail::serializer<Json> serializer_; // appends to buffer_
};

// One array member of the top-level object, streamed one element at a time.
class ArrayWriter {
public:
    ArrayWriter(std::ostream& out, NestedWriter& nested, const char* name)
        : out_(out), nested_(nested) {
        out_ << ",\n  " << Json(name).dump() << ": [";
    }
    // Writes the separator, then has `write` write the element (at depth 2).
    template <typename Write> void add(Write write) {
        out_ << (empty_ ? "\n    " : ",\n    ");
        empty_ = false;
        write(nested_);
    }
    ~ArrayWriter() { out_ << (empty_ ? "]" : "\n  ]"); }

private:
    std::ostream& out_;
    NestedWriter& nested_;
    bool empty_ = true;
};

} // namespace

Json thresholdsJson(const std::vector<Threshold>& thresholds) {
    Json out = Json::array();
    for (const auto& t : thresholds)
        out.push_back(Json{{"param", t.param},
                           {"value", t.value},
                           {"unit", t.unit},
                           {"provenance", provenanceJson(t.provenance)}});
    return out;
}

std::string thresholdText(const Threshold& t) {
    const bool envelope = t.param.starts_with("envelope.");
    std::string out = "threshold " + formatFact("value", FactValue(t.value)) + " " + t.unit + " (" +
                      t.param + "): " + describeProvenance(t.provenance);
    if (out.ends_with('.')) out.pop_back(); // a reason's full stop, before "; tune it"
    // An assumption's reason often says where to tune it already; say it once.
    if (t.provenance.kind != "team" && out.find("ruleSettings") == std::string::npos &&
        out.find("technologyEnvelopes") == std::string::npos)
        out += envelope ? "; tune it in technologyEnvelopes" : "; tune it in ruleSettings";
    return out;
}

Json checkToJson(const CheckReport& report) {
    Json j = Json::object();
    for (auto& [name, value] : header(report))
        j[name] = std::move(value);
    j["findings"] = Json::array();
    for (const auto& f : report.result.findings)
        j["findings"].push_back(findingToJson(f));
    j["stores"] = Json::array();
    forEachStore(report, [&](Json s) { j["stores"].push_back(std::move(s)); });
    j["summary"] = summary(report);
    return j;
}

void writeCheckJson(std::ostream& out, const CheckReport& report) {
    NestedWriter nested(out);
    bool first = true;
    for (const auto& [name, value] : header(report)) {
        out << (first ? "{\n  " : ",\n  ") << Json(name).dump() << ": ";
        nested.write(value, 1);
        first = false;
    }
    {
        ArrayWriter findings(out, nested, "findings");
        for (const auto& f : report.result.findings)
            findings.add([&](NestedWriter& w) { w.writeFinding(f, 2); });
    }
    {
        ArrayWriter stores(out, nested, "stores");
        forEachStoreFit(report, [&](const Element& e, const Facts& facts,
                                    const std::vector<TechnologyFit>& fit) {
            stores.add([&](NestedWriter& w) { w.writeStore(report, e, facts, fit, 2); });
        });
    }
    out << ",\n  \"summary\": ";
    nested.write(summary(report), 1);
    out << "\n}";
}

std::map<std::string, int> locateIds(std::string_view text) {
    std::map<std::string, int> lines;
    int line = 1;
    std::size_t lineCountedTo = 0;
    constexpr std::string_view key = "\"id\"";
    for (std::size_t pos = text.find(key); pos != std::string_view::npos;
         pos = text.find(key, pos + 1)) {
        std::size_t i = pos + key.size();
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            ++i;
        if (i >= text.size() || text[i] != ':') continue;
        ++i;
        while (i < text.size() &&
               (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            ++i;
        if (i >= text.size() || text[i] != '"') continue;
        std::size_t end = i + 1;
        while (end < text.size() && text[end] != '"')
            end += text[end] == '\\' ? 2 : 1;
        if (end >= text.size()) break;
        std::string id;
        try {
            id = Json::parse(text.substr(i, end - i + 1)).get<std::string>();
        } catch (const Json::exception&) {
            continue;
        }
        for (; lineCountedTo < pos; ++lineCountedTo)
            if (text[lineCountedTo] == '\n') ++line;
        lines.emplace(id, line);
    }
    return lines;
}

} // namespace plumb

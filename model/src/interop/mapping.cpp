#include "interop/mapping.h"

#include "plumbline/knowledge.h"
#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"
#include "plumbline/technology_resolver.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace plumb::interop::detail {

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {
bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
}
} // namespace

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

std::string oneLine(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool hasWord(std::string_view lowerText, std::string_view word) {
    for (std::size_t at = lowerText.find(word); at != std::string_view::npos;
         at = lowerText.find(word, at + 1)) {
        const bool before = at == 0 || !isWordChar(lowerText[at - 1]);
        const std::size_t after = at + word.size();
        const bool afterOk = after >= lowerText.size() || !isWordChar(lowerText[after]) ||
                             (lowerText[after] == 's' &&
                              (after + 1 >= lowerText.size() || !isWordChar(lowerText[after + 1])));
        if (before && afterOk) return true;
    }
    return false;
}

std::optional<KindGuess> kindFromWords(std::string_view text) {
    const std::string t = lower(text);
    struct Word {
        std::string_view word;
        ElementKind kind;
    };
    static const Word words[] = {
        {"cache", ElementKind::Cache},       {"redis", ElementKind::Cache},
        {"memcached", ElementKind::Cache},   {"queue", ElementKind::Queue},
        {"sqs", ElementKind::Queue},         {"rabbitmq", ElementKind::Queue},
        {"message bus", ElementKind::Queue}, {"kafka", ElementKind::Stream},
        {"kinesis", ElementKind::Stream},    {"event stream", ElementKind::Stream},
        {"topic", ElementKind::Stream},      {"database", ElementKind::Store},
        {"db", ElementKind::Store},          {"datastore", ElementKind::Store},
        {"data store", ElementKind::Store},  {"bucket", ElementKind::Store},
        {"storage", ElementKind::Store},     {"s3", ElementKind::Store},
        {"flatfile", ElementKind::Store},    {"lambda", ElementKind::Function},
        {"pgbouncer", ElementKind::Pooler},
    };
    for (const Word& w : words)
        if (hasWord(t, w.word))
            return KindGuess{w.kind, std::string(spelling(w.kind)) + ": the name says '" +
                                         std::string(w.word) + "'"};
    return std::nullopt;
}

std::optional<FlowStyleGuess> flowStyleFromWords(std::string_view text) {
    const std::string t = lower(text);
    struct Word {
        std::string_view word;
        FlowStyle style;
    };
    static const Word words[] = {
        {"async", FlowStyle::Async},
        {"asynchronous", FlowStyle::Async},
        {"event", FlowStyle::Async},
        {"publish", FlowStyle::Async},
        {"publishes", FlowStyle::Async},
        {"subscribe", FlowStyle::Async},
        {"message", FlowStyle::Async},
        {"amqp", FlowStyle::Async},
        {"mqtt", FlowStyle::Async},
        {"kafka", FlowStyle::Async},
        {"cdc", FlowStyle::Cdc},
        {"change data capture", FlowStyle::Cdc},
        {"replication", FlowStyle::Replication},
        {"replicates", FlowStyle::Replication},
        {"batch", FlowStyle::Batch},
        {"etl", FlowStyle::Batch},
        {"nightly", FlowStyle::Batch},
        {"sync", FlowStyle::Sync},
        {"synchronous", FlowStyle::Sync},
        {"http", FlowStyle::Sync},
        {"https", FlowStyle::Sync},
        {"http/s", FlowStyle::Sync},
        {"rest", FlowStyle::Sync},
        {"grpc", FlowStyle::Sync},
        {"sql", FlowStyle::Sync},
        {"jdbc", FlowStyle::Sync},
        {"query", FlowStyle::Sync},
        {"queries", FlowStyle::Sync},
        {"request", FlowStyle::Sync},
        {"api", FlowStyle::Sync},
    };
    for (const Word& w : words)
        if (hasWord(t, w.word))
            return FlowStyleGuess{w.style, std::string(spelling(w.style)) + ": the label says '" +
                                               std::string(w.word) + "'"};
    return std::nullopt;
}

Builder::Builder(const ImportSource& source, std::string_view format)
    : source_(source), format_(format) {
    report.format = std::string(format);
    report.file = source.path;
}

std::string Builder::freshId(std::string_view wanted) {
    std::string base = slug(wanted);
    if (base.empty()) base = "item";
    std::string id =
        plumb::freshId(base, [this](std::string_view c) { return ids_.count(std::string(c)) > 0; });
    ids_.insert(id);
    return id;
}

void Builder::mapped(const std::string& element, std::string_view sourceId, std::string text) {
    report.notes.push_back(
        {ImportNote::Kind::Mapped, element, std::string(sourceId), std::move(text)});
}
void Builder::inferred(const std::string& element, std::string_view sourceId, std::string text) {
    report.notes.push_back(
        {ImportNote::Kind::Inferred, element, std::string(sourceId), std::move(text)});
}
void Builder::dropped(std::string_view sourceId, std::string text) {
    report.notes.push_back({ImportNote::Kind::Dropped, "", std::string(sourceId), std::move(text)});
}
void Builder::note(std::string text) {
    report.notes.push_back({ImportNote::Kind::Note, "", "", std::move(text)});
}

void Builder::setSource(Json& extra, std::string_view sourceId, std::string_view page) const {
    Json source = Json::object();
    source["format"] = format_;
    source["id"] = std::string(sourceId);
    if (!page.empty()) source["page"] = std::string(page);
    extra["source"] = std::move(source);
}

namespace {
std::vector<std::string> candidatePhrases(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        if (isWordChar(c) || c == '-' || c == '.')
            current += c;
        else if (!current.empty())
            words.push_back(std::move(current)), current.clear();
    }
    if (!current.empty()) words.push_back(current);
    std::vector<std::string> out;
    for (std::size_t i = 0; i + 3 <= words.size(); ++i)
        out.push_back(words[i] + " " + words[i + 1] + " " + words[i + 2]);
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
        out.push_back(words[i] + " " + words[i + 1]);
    for (auto& w : words)
        out.push_back(w);
    return out;
}
} // namespace

bool Builder::guessTechnology(Element& element, std::string_view sourceId, std::string_view text,
                              std::string_view what) {
    const std::string written = oneLine(text);
    if (written.empty() || !source_.knowledge) return false;
    const KnowledgeBase& kb = *source_.knowledge;
    auto accept = [&](const Technology& t, const std::string& how) {
        element.technology = t.id;
        inferred(element.id, sourceId,
                 "technology " + t.id + ": from " + std::string(what) + " '" + written + "'" +
                     (how.empty() ? "" : " (" + how + ")"));
        return true;
    };
    if (auto r = resolveTechnology(kb, written); r.resolved()) return accept(*r.technology, r.how);
    for (const std::string& phrase : candidatePhrases(written)) {
        if (auto r = resolveTechnology(kb, phrase); r.resolved())
            return accept(*r.technology, "'" + phrase + "' is its " + r.how);
        // "Postgres" for postgresql, "Mongo" for mongodb: a word of five letters or more that
        // begins a technology's id.
        const std::string w = lower(phrase);
        if (w.size() >= 5 && w.find(' ') == std::string::npos)
            for (const Technology& t : kb.technologies)
                if (t.id.size() > w.size() && t.id.starts_with(w))
                    return accept(t, "'" + phrase + "' begins its id");
    }
    return false;
}

std::optional<ElementKind> Builder::kindOfTechnology(std::string_view technologyId) const {
    if (!source_.knowledge) return std::nullopt;
    const Technology* t = source_.knowledge->technology(technologyId);
    if (!t) return std::nullopt;
    if (t->category == "stream") return ElementKind::Stream;
    if (t->category == "queue") return ElementKind::Queue; // RabbitMQ, SQS, Service Bus
    if (t->category == "pooler") return ElementKind::Pooler;
    if (t->id == "redis" || t->id == "valkey" || t->id == "memcached") return ElementKind::Cache;
    return ElementKind::Store;
}

void addFlows(Builder& builder, std::vector<DrawnFlow> flows, std::string_view why,
              bool alwaysSay) {
    Model& model = builder.model;
    auto kindOf = [&](const std::string& id) {
        const Element* e = model.findElement(id);
        return e ? e->kind : ElementKind::Service;
    };
    auto passive = [&](const std::string& id) { return holdsData(kindOf(id)); };
    bool turned = false;
    // 1. Out of a data holder into an active element: the active one reads it.
    for (DrawnFlow& f : flows) {
        if (f.explicitDirection) continue;
        const bool fromPassive = passive(f.from), toPassive = passive(f.to);
        // Into an actor from the system: the actor (a person, a client) asked for it.
        const bool reverse =
            (fromPassive && !toPassive) || (kindOf(f.to) == ElementKind::Actor &&
                                            kindOf(f.from) != ElementKind::Actor && !fromPassive);
        if (reverse) {
            std::swap(f.from, f.to);
            turned = true;
            builder.inferred(f.from, f.sourceId,
                             "flow '" + (f.label.empty() ? f.sourceId : f.label) +
                                 "' turned round: drawn from " + f.to + " to " + f.from + ", so " +
                                 f.from + " reads or pulls from " + f.to);
        }
    }
    // 2. Request/response pairs, and the same pair drawn twice: one flow.
    std::vector<DrawnFlow> kept;
    std::map<std::pair<std::string, std::string>, std::size_t> index;
    for (DrawnFlow& f : flows) {
        if (f.explicitDirection) {
            kept.push_back(std::move(f));
            continue;
        }
        if (f.from == f.to) {
            builder.dropped(f.sourceId, "flow '" + f.label + "' starts and ends at " + f.from);
            continue;
        }
        auto same = index.find({f.from, f.to});
        auto back = index.find({f.to, f.from});
        std::optional<std::size_t> into;
        if (same != index.end())
            into = same->second;
        else if (back != index.end()) {
            into = back->second;
            // The pair's initiator: the actor, else the sender of the one named like a request.
            DrawnFlow& first = kept[*into];
            const std::string l = lower(f.label);
            const bool isRequest = hasWord(l, "request") || hasWord(l, "query") ||
                                   hasWord(l, "queries") || hasWord(l, "call");
            if ((kindOf(f.from) == ElementKind::Actor && kindOf(f.to) != ElementKind::Actor) ||
                (isRequest && kindOf(f.to) != ElementKind::Actor))
                std::swap(first.from, first.to);
            index.erase(back);
            index[{first.from, first.to}] = *into;
        }
        if (!into) {
            index[{f.from, f.to}] = kept.size();
            kept.push_back(std::move(f));
            continue;
        }
        DrawnFlow& target = kept[*into];
        builder.inferred(target.from, f.sourceId,
                         "flow '" + f.label + "' merged into '" + target.label + "' (" +
                             target.from + " -> " + target.to +
                             "): a request and its response, or the same pair drawn twice");
        if (!target.label.empty() && !f.label.empty() && target.label != f.label)
            target.label += " / " + f.label;
        else if (target.label.empty())
            target.label = f.label;
        if (!target.style) target.style = f.style;
        auto take = [](Number& a, const Number& b) {
            if (b && (!a || *b > *a)) a = b;
        };
        take(target.numbers.readsPerSecond, f.numbers.readsPerSecond);
        take(target.numbers.writesPerSecond, f.numbers.writesPerSecond);
        take(target.numbers.payloadKB, f.numbers.payloadKB);
        take(target.numbers.peakFactor, f.numbers.peakFactor);
        turned = true;
    }
    for (DrawnFlow& f : kept) {
        Flow flow = f.numbers;
        flow.id = flow.id.empty() ? builder.freshId(f.from + "-to-" + f.to) : flow.id;
        flow.from = f.from;
        flow.to = f.to;
        if (!flow.description && !f.label.empty()) flow.description = f.label;
        if (!flow.style && !f.explicitDirection) {
            if (f.style) {
                flow.style = f.style->style;
                builder.inferred(flow.id, f.sourceId, "style " + f.style->why);
            } else if (kindOf(flow.to) == ElementKind::Queue ||
                       kindOf(flow.to) == ElementKind::Stream) {
                flow.style = FlowStyle::Async;
                builder.inferred(flow.id, f.sourceId,
                                 "style async: it goes to a " +
                                     std::string(spelling(kindOf(flow.to))));
            }
        }
        model.flows.push_back(std::move(flow));
        builder.flowOverrides.push_back(f.overrides);
        builder.flowWhere.push_back(f.where);
    }
    if (turned || (alwaysSay && !model.flows.empty())) builder.note(std::string(why));
}

} // namespace plumb::interop::detail

namespace plumb::interop::detail {
namespace {

// Data-profile fields that may be written without "data." (plumbline.volumeGB).
bool isDataOnlyField(std::string_view f) {
    static const std::set<std::string, std::less<>> fields = {
        "volumeGB",         "growthGBPerMonth", "recordKB",    "maxRecordKB", "vectors",
        "vectorDimensions", "structure",        "consistency", "durability",  "queries",
        "hosting",          "replicas",         "shards",      "tenants"};
    return fields.count(f) > 0;
}
bool isTextField(std::string_view f) {
    static const std::set<std::string, std::less<>> fields = {
        "technology", "description", "structure", "consistency", "durability",
        "hosting",    "cachePolicy", "style",     "name",        "team"};
    return fields.count(f) > 0;
}

Json valueOf(std::string_view field, std::string_view value) {
    if (isTextField(field)) return std::string(value);
    if (field == "tags" || field == "queries") {
        if (value.starts_with("[")) {
            Json parsed = Json::parse(value, nullptr, false);
            if (!parsed.is_discarded()) return parsed;
        }
        Json list = Json::array();
        std::string item;
        auto push = [&] {
            if (auto t = oneLine(item); !t.empty()) list.push_back(t);
            item.clear();
        };
        for (char c : value)
            c == ',' ? push() : void(item += c);
        push();
        return list;
    }
    Json parsed = Json::parse(value, nullptr, false);
    if (parsed.is_discarded() || parsed.is_object()) return std::string(value);
    return parsed;
}

void mergeInto(Json& target, const Json& overrides) {
    for (auto& [key, value] : overrides.items()) {
        if (value.is_object() && target.contains(key) && target[key].is_object())
            mergeInto(target[key], value);
        else
            target[key] = value;
    }
}

} // namespace

bool addPlumblineField(Json& overrides, std::string_view name, std::string_view value, bool flow) {
    if (!name.starts_with("plumbline.") || name.size() == 10) return false;
    std::string_view field = name.substr(10);
    if (field == "extra") {
        Json parsed = Json::parse(value, nullptr, false);
        if (parsed.is_object())
            mergeInto(overrides, parsed);
        else
            overrides["extra"] = std::string(value); // the model reader keeps it as a field
        return true;
    }
    if (!flow && field == "data.present") {
        if (!overrides.contains("data")) overrides["data"] = Json::object();
        return true;
    }
    if (!flow && field.starts_with("data.")) {
        field = field.substr(5);
        overrides["data"][std::string(field)] = valueOf(field, value);
        return true;
    }
    if (!flow && isDataOnlyField(field)) {
        overrides["data"][std::string(field)] = valueOf(field, value);
        return true;
    }
    overrides[std::string(field)] = valueOf(field, value);
    return true;
}

void Builder::addElement(Element element, Json overrides, Where where) {
    ids_.insert(element.id);
    model.elements.push_back(std::move(element));
    elementOverrides.push_back(std::move(overrides));
    elementWhere.push_back(std::move(where));
}

void Builder::addContext(Context context, Json overrides, Where where) {
    ids_.insert(context.id);
    model.contexts.push_back(std::move(context));
    contextOverrides.push_back(std::move(overrides));
    contextWhere.push_back(std::move(where));
}

ImportResult Builder::finish() {
    ImportResult result;
    result.report = report;
    Json doc = modelToJson(model);
    auto merge = [](Json& list, const std::vector<Json>& overrides) {
        if (!list.is_array()) return;
        for (std::size_t i = 0; i < overrides.size() && i < list.size(); ++i)
            if (!overrides[i].empty()) mergeInto(list[i], overrides[i]);
    };
    for (auto& [key, value] : modelOverrides.items())
        if (key != "elements" && key != "contexts" && key != "flows" && key != "layout")
            doc[key] = value;
    if (doc.contains("elements")) merge(doc["elements"], elementOverrides);
    if (doc.contains("contexts")) merge(doc["contexts"], contextOverrides);
    if (doc.contains("flows")) merge(doc["flows"], flowOverrides);
    auto read = readModelJson(doc.dump(), source_.path);
    if (!read.ok()) {
        // Say where in the source file the bad value was written.
        for (InputError& e : read.errors) {
            auto locate = [&](std::string_view prefix, const std::vector<Where>& where) {
                if (!e.path.starts_with(prefix)) return;
                const std::size_t i = std::strtoul(e.path.c_str() + prefix.size(), nullptr, 10);
                std::string field = e.path.substr(prefix.size());
                field =
                    field.find('/') == std::string::npos ? "" : field.substr(field.find('/') + 1);
                for (char& c : field)
                    if (c == '/') c = '.';
                if (i >= where.size() || where[i].what.empty()) return;
                const Where& w = where[i];
                e.message =
                    w.what + (field.empty() ? "" : ": plumbline." + field) + ": " + e.message;
                e.path = w.path;
                if (w.line > 0) {
                    e.line = w.line;
                    e.column = w.column;
                }
            };
            locate("/elements/", elementWhere);
            locate("/contexts/", contextWhere);
            locate("/flows/", flowWhere);
        }
        result.errors = std::move(read.errors);
        return result;
    }
    result.model = std::move(read.model);
    return result;
}

} // namespace plumb::interop::detail

#pragma once
// What every importer shares: ids from names, the import report's notes, technology and kind
// guesses from words, flow styles from wording, and turning data-direction diagrams into
// Plumbline's "from initiates, to is read or written".

#include "plumbline/interop/importer.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plumb::interop::detail {

std::string lower(std::string_view text);
// Letters and digits in lower case, the rest one '-': "Orders DB (main)" -> "orders-db-main".
std::string slug(std::string_view text);
// Collapses runs of white space (new lines too) into one space and trims.
std::string oneLine(std::string_view text);
// True when `word` occurs in `lowerText` with no letter or digit on either side.
bool hasWord(std::string_view lowerText, std::string_view word);

struct KindGuess {
    ElementKind kind;
    std::string why;
};
// From names and labels: "database", "db" -> store, "cache" -> cache, "queue" -> queue, ...
std::optional<KindGuess> kindFromWords(std::string_view text);

struct FlowStyleGuess {
    FlowStyle style;
    std::string why;
};
std::optional<FlowStyleGuess> flowStyleFromWords(std::string_view text);

// Where an item was written in the source file, for errors about its plumbline.* values.
struct Where {
    std::string what; // "cell 'orders-db'"
    int line = 0, column = 0;
    std::string path; // JSON Pointer in the source file, for JSON formats
};

class Builder {
public:
    Builder(const ImportSource& source, std::string_view format);

    Model model;
    ImportReport report;

    // A fresh element/context/flow id made from `wanted` (a name or a source id).
    std::string freshId(std::string_view wanted);
    void reserveId(const std::string& id) { ids_.insert(id); }
    bool isTaken(const std::string& id) const { return ids_.count(id) > 0; }
    void mapped(const std::string& element, std::string_view sourceId, std::string text);
    void inferred(const std::string& element, std::string_view sourceId, std::string text);
    void dropped(std::string_view sourceId, std::string text);
    void note(std::string text);

    // Sets the element's `source` note (format, source id, optional page) in its extra fields.
    void setSource(Json& extra, std::string_view sourceId, std::string_view page = {}) const;

    // Technology from a written string: the knowledge base's ids, names and aliases for the
    // whole text, then its phrases and words. Sets element.technology and notes how; for a
    // store-like element a text that resolves to nothing is not used.
    bool guessTechnology(Element& element, std::string_view sourceId, std::string_view text,
                         std::string_view what);
    // Kind from a resolved technology's category (redis -> cache, kafka -> stream, ...).
    std::optional<ElementKind> kindOfTechnology(std::string_view technologyId) const;

    const ImportSource& source() const { return source_; }

    // plumbline.* fields per element, context and flow (parallel to the model's vectors) and
    // where each came from; finish() merges them into the model's JSON and validates it as a
    // Plumbline model, so every value is checked exactly as in a model file.
    std::vector<Json> elementOverrides, contextOverrides, flowOverrides;
    std::vector<Where> elementWhere, contextWhere, flowWhere;
    Json modelOverrides = Json::object(); // top-level fields (name, waivers, ...)
    void addElement(Element element, Json overrides = Json::object(), Where where = {});
    void addContext(Context context, Json overrides = Json::object(), Where where = {});
    ImportResult finish();

private:
    const ImportSource& source_;
    std::string format_;
    std::set<std::string> ids_;
};

// A flow as a diagram draws it, before it is turned into the initiator's direction.
struct DrawnFlow {
    std::string sourceId;
    std::string from, to; // element ids, in the drawn direction
    std::string label;
    bool bidirectional = false;
    std::optional<FlowStyleGuess> style;
    Flow numbers;                    // readsPerSecond, ... as given (ids unused)
    Json overrides = Json::object(); // plumbline.* fields, merged and validated at the end
    Where where;
    bool explicitDirection = false; // true: written by Plumbline, keep as it is
};

// Adds the flows: a flow out of a store, cache, stream or queue into something that is none of
// them is turned round (the other end reads it); a pair A->B and B->A becomes one flow from the
// initiator (the request's sender: an actor, the non-store end, or the one drawn first); every
// turn and merge goes into the report.
// `alwaysSay`: the note goes into the report even when nothing was turned (threat models).
void addFlows(Builder& builder, std::vector<DrawnFlow> flows, std::string_view why,
              bool alwaysSay = false);

// A plumbline.* attribute or property as a JSON field of an element or flow: "plumbline.volumeGB"
// -> data.volumeGB, "plumbline.instances" -> instances, "plumbline.data.retentionDays" ->
// data.retentionDays. Numbers and booleans are read as JSON; lists as JSON or comma-separated.
// Returns false for names that are not plumbline.* fields.
bool addPlumblineField(Json& overrides, std::string_view name, std::string_view value, bool flow);

} // namespace plumb::interop::detail

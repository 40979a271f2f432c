#pragma once
// The architecture model of ../shared/contracts/model-format.md as plain C++.
// Every optional field of the contract is a std::optional: "not estimated" is not 0.
// Every object keeps the JSON fields it does not know in `extra`, so a model read and
// written again loses nothing.

#include "plumbline/vocabulary.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace plumb {

using Json = nlohmann::ordered_json; // keeps the author's key order for unknown fields
using Number = std::optional<double>;
using Text = std::optional<std::string>;

struct Context {
    std::string id;
    Text name;
    Text description;
    Text team;
    Json extra = Json::object();

    bool operator==(const Context&) const = default;
};

// Workload and data characteristics of stores, caches, streams and queues (`data` in JSON).
struct DataProfile {
    Number volumeGB;
    Number growthGBPerMonth;
    Number recordKB;
    Number maxRecordKB;
    Number vectors;
    Number vectorDimensions;
    std::optional<Structure> structure;
    std::optional<Consistency> consistency;
    std::optional<Durability> durability;
    std::optional<std::vector<QueryKind>> queries;
    std::optional<Hosting> hosting;
    Number replicas;
    Number shards;
    Number tenants;
    Number retentionDays;
    // Cache fields are accepted here too, since hand-written models often put them under data.
    std::optional<CachePolicy> cachePolicy;
    Number ttlSeconds;
    Json extra = Json::object();

    bool operator==(const DataProfile&) const = default;
};

struct Element {
    std::string id;
    ElementKind kind = ElementKind::Service;
    Text name;
    Text context;
    Text technology;
    Text description;
    std::optional<std::vector<std::string>> tags;
    // services and functions
    Number instances;
    Number connectionsPerInstance;
    // caches
    std::optional<CachePolicy> cachePolicy;
    Number ttlSeconds;
    // streams and queues
    Number partitions;
    Number replicationFactor;
    Number retentionDays;
    std::optional<bool> keyed;
    std::optional<DataProfile> data;
    Json extra = Json::object();

    // The name to show people: the name, or the id when it has none.
    const std::string& displayName() const { return name && !name->empty() ? *name : id; }
    std::optional<CachePolicy> effectiveCachePolicy() const;
    // The element's own TTL / retention, else its data profile's (the one fallback rule).
    Number effectiveTtlSeconds() const;
    Number effectiveRetentionDays() const;

    bool operator==(const Element&) const = default;
};

struct Flow {
    std::string id;
    std::string from;
    std::string to;
    std::optional<FlowStyle> style;
    Number readsPerSecond;
    Number writesPerSecond;
    Number payloadKB;
    Number peakFactor;
    Text description;
    Json extra = Json::object();

    bool operator==(const Flow&) const = default;
};

struct Waiver {
    Text rule;
    Text element;
    Text reason;
    Text author;
    Text date;    // YYYY-MM-DD
    Text expires; // YYYY-MM-DD
    Json extra = Json::object();

    bool operator==(const Waiver&) const = default;
};

// One entry of `ruleSettings`: a severity string, or an object with an optional severity,
// values for the rule's named parameters and a reason (model-format.md).
struct RuleSetting {
    RuleSetting(std::string ruleId = {}, Severity level = Severity::Warning)
        : rule(std::move(ruleId)), severity(level) {}

    std::string rule;
    Severity severity = Severity::Warning; // `off` is Severity::Off
    bool hasSeverity = true;               // false: an object without "severity"
    bool object = false;                   // written as an object, not a severity string
    // Values for the rule's named parameters, in the file's order.
    std::vector<std::pair<std::string, double>> params;
    Text reason;
    Json extra = Json::object();

    bool operator==(const RuleSetting&) const = default;
};

struct LayoutBox {
    std::string id; // element or context id
    Number x;
    Number y;
    Number width;
    Number height;
    Json extra = Json::object();

    bool operator==(const LayoutBox&) const = default;
};

struct Model {
    static constexpr int kFormatVersion = 1;

    Text name;
    Text description;
    std::vector<Context> contexts;
    std::vector<Element> elements;
    std::vector<Flow> flows;
    std::vector<Waiver> waivers;
    std::vector<RuleSetting> ruleSettings;
    std::vector<LayoutBox> layout;
    Json extra = Json::object(); // also holds `technologyEnvelopes`, validated and read by tuning.h

    // Which collections the source had, so that a round trip writes `"waivers": []` back
    // exactly when it was there and adds nothing that was not.
    struct Present {
        bool contexts = true, elements = true, flows = true, waivers = false;
        bool ruleSettings = false, layout = false;
        bool operator==(const Present&) const = default;
    } present;

    const Element* findElement(std::string_view id) const;
    Element* findElement(std::string_view id);
    const Context* findContext(std::string_view id) const;
    const Flow* findFlow(std::string_view id) const;
    const LayoutBox* findLayout(std::string_view id) const;

    bool operator==(const Model&) const = default;
};

} // namespace plumb

#include "interop/drawio_shapes.h"

#include "interop/mapping.h"

#include <string_view>
#include <vector>

namespace plumb::interop::drawio {
namespace {

struct Icon {
    std::string_view key; // substring of the icon's name
    ElementKind kind;
    std::string_view technology;
    std::optional<Structure> structure = std::nullopt;
};

// Cloud service icons, most specific first. The technology is only what the icon alone says;
// the label often says more ("RDS Postgres") and is tried first.
const std::vector<Icon>& icons() {
    static const std::vector<Icon> table = {
        {"elasticache_for_redis", ElementKind::Cache, "redis"},
        {"elasticache_for_memcached", ElementKind::Cache, "memcached"},
        {"elasticache", ElementKind::Cache, "Amazon ElastiCache"},
        {"memorystore", ElementKind::Cache, "redis"},
        {"cache_redis", ElementKind::Cache, "redis"},
        {"redis", ElementKind::Cache, "redis"},
        {"dynamodb", ElementKind::Store, "dynamodb"},
        {"documentdb", ElementKind::Store, "mongodb"},
        {"neptune", ElementKind::Store, "neptune"},
        {"keyspaces", ElementKind::Store, "cassandra"},
        {"memorydb", ElementKind::Store, "redis"},
        {"opensearch", ElementKind::Store, "elasticsearch"},
        {"elasticsearch", ElementKind::Store, "elasticsearch"},
        {"redshift", ElementKind::Store, "Amazon Redshift"},
        {"timestream", ElementKind::Store, "Amazon Timestream"},
        {"aurora", ElementKind::Store, "Amazon Aurora"},
        {"rds", ElementKind::Store, "Amazon RDS"},
        {"bigquery", ElementKind::Store, "bigquery"},
        {"big_query", ElementKind::Store, "bigquery"},
        {"firestore", ElementKind::Store, "firestore"},
        {"bigtable", ElementKind::Store, "Cloud Bigtable"},
        {"spanner", ElementKind::Store, "Cloud Spanner"},
        {"cloud_sql", ElementKind::Store, "Cloud SQL"},
        {"cosmos", ElementKind::Store, "Azure Cosmos DB"},
        {"postgre", ElementKind::Store, "postgresql"},
        {"mysql", ElementKind::Store, "mysql"},
        {"sql_database", ElementKind::Store, "Azure SQL Database"},
        {"simple_storage_service", ElementKind::Store, "Amazon S3", Structure::Blob},
        {"s3", ElementKind::Store, "Amazon S3", Structure::Blob},
        {"cloud_storage", ElementKind::Store, "Google Cloud Storage", Structure::Blob},
        {"blob", ElementKind::Store, "Azure Blob Storage", Structure::Blob},
        {"storage_account", ElementKind::Store, "Azure Storage", Structure::Blob},
        {"elastic_file_system", ElementKind::Store, "Amazon EFS", Structure::Blob},
        {"database", ElementKind::Store, ""},
        {"msk", ElementKind::Stream, "kafka"},
        {"managed_streaming_for_kafka", ElementKind::Stream, "kafka"},
        {"kinesis", ElementKind::Stream, "Amazon Kinesis"},
        {"event_hub", ElementKind::Stream, "Azure Event Hubs"},
        {"pubsub", ElementKind::Stream, "Google Pub/Sub"},
        {"pub_sub", ElementKind::Stream, "Google Pub/Sub"},
        {"eventbridge", ElementKind::Queue, "Amazon EventBridge"},
        {"simple_queue_service", ElementKind::Queue, "Amazon SQS"},
        {"sqs", ElementKind::Queue, "Amazon SQS"},
        {"sns", ElementKind::Queue, "Amazon SNS"},
        {"service_bus", ElementKind::Queue, "Azure Service Bus"},
        {"mq", ElementKind::Queue, "Amazon MQ"},
        {"lambda", ElementKind::Function, ""},
        {"cloud_functions", ElementKind::Function, ""},
        {"function", ElementKind::Function, ""},
        {"users", ElementKind::Actor, ""},
        {"user", ElementKind::Actor, ""},
        {"client", ElementKind::Actor, ""},
        {"mobile", ElementKind::Actor, ""},
        {"phone", ElementKind::Actor, ""},
        {"internet", ElementKind::External, ""},
    };
    return table;
}

std::string valueOr(const Style& s, const std::string& key) {
    auto it = s.find(key);
    return it == s.end() ? std::string() : it->second;
}

// The icon's own name: resIcon=mxgraph.aws4.dynamodb -> "dynamodb"; an image path's file.
std::string iconName(const Style& style) {
    for (const char* key : {"resIcon", "prIcon", "shape", "image"}) {
        std::string v = detail::lower(valueOr(style, key));
        if (v.empty()) continue;
        for (const char* family : {"mxgraph.aws4.", "mxgraph.aws3.", "mxgraph.gcp2.",
                                   "mxgraph.azure.", "mxgraph.mscae.", "mxgraph.android."}) {
            if (v.starts_with(family)) {
                v = v.substr(std::string_view(family).size());
                if (v == "resourceicon" || v == "producticon" || v == "group" || v == "groupcenter")
                    break;
                return v;
            }
        }
        if (key == std::string_view("image") && v.find("img/lib/") != std::string::npos)
            return v.substr(v.rfind('/') + 1);
    }
    return {};
}

} // namespace

ShapeMeaning shapeMeaning(const Style& style,
                          const std::map<std::string, std::string>& attributes) {
    ShapeMeaning m;
    const std::string shape = detail::lower(valueOr(style, "shape"));
    // C4 shapes name what they are.
    if (auto it = attributes.find("c4Type"); it != attributes.end()) {
        const std::string type = detail::lower(it->second);
        const std::string fill = detail::lower(valueOr(style, "fillColor"));
        if (type.find("boundary") != std::string::npos || type == "deploymentnode" ||
            type == "executionenvironment") {
            m.container = true;
            m.why = "context: C4 " + it->second;
        } else if (type == "person") {
            m.kind = ElementKind::Actor;
            m.why = "actor: C4 Person";
        } else if (type == "database") {
            m.kind = ElementKind::Store;
            m.why = "store: C4 Database";
        } else if (type == "software system" && (fill == "#999999" || fill == "#8c8496")) {
            m.kind = ElementKind::External;
            m.why = "external: C4 software system drawn in the external grey";
        } else if (type == "software system" || type == "container" || type == "component") {
            m.kind = ElementKind::Service;
            m.why = "service: C4 " + it->second;
        }
        if (m.kind || m.container) return m;
    }
    if (style.count("text") || shape == "text" || style.count("edgeLabel") ||
        shape == "mxgraph.aws4.ssl_padlock" || shape == "mxgraph.aws4.elastic_ip_address" ||
        style.count("line") || shape == "line" || (shape == "image" && iconName(style).empty())) {
        m.decoration = true;
        return m;
    }
    if (style.count("swimlane") || style.count("group") || valueOr(style, "container") == "1" ||
        shape == "mxgraph.aws4.group" || shape == "mxgraph.aws4.groupcenter" ||
        shape == "swimlane" || shape == "table") {
        m.container = true;
        std::string icon = detail::lower(valueOr(style, "grIcon"));
        if (auto dot = icon.rfind('.'); dot != std::string::npos) icon = icon.substr(dot + 1);
        m.why = "context: " + (icon.empty() ? std::string(style.count("swimlane") ? "swimlane"
                                                          : style.count("group")  ? "group"
                                                                                  : "container")
                                            : "AWS " + icon);
        return m;
    }
    if (const std::string icon = iconName(style); !icon.empty()) {
        for (const Icon& i : icons()) {
            if (icon.find(i.key) == std::string::npos) continue;
            m.kind = i.kind;
            m.technology = i.technology;
            m.structure = i.structure;
            m.why = std::string(spelling(i.kind)) + ": icon '" + icon + "'";
            return m;
        }
        m.kind = ElementKind::Service;
        m.why = "service: icon '" + icon + "'";
        return m;
    }
    if (shape.starts_with("cylinder") || shape == "datastore" ||
        shape == "mxgraph.flowchart.database" || shape == "mxgraph.flowchart.stored_data" ||
        shape.starts_with("mxgraph.dfd.datastore") || shape == "mxgraph.basic.drum") {
        m.kind = ElementKind::Store;
        m.why = "store: " + shape + " shape";
        return m;
    }
    if (shape == "partialrectangle" && valueOr(style, "left") == "0" &&
        valueOr(style, "right") == "0") {
        m.kind = ElementKind::Store;
        m.why = "store: data-store shape (two parallel lines)";
        return m;
    }
    if (shape == "umlactor" || shape == "actor" || shape == "mxgraph.c4.person" ||
        shape == "mxgraph.c4.person2" || shape == "mxgraph.basic.person" ||
        shape.starts_with("mxgraph.dfd.externalentity")) {
        m.kind = ElementKind::Actor;
        m.why = "actor: " + shape + " shape";
        return m;
    }
    if (shape == "mxgraph.dfd.process" || style.count("ellipse") || shape == "ellipse") {
        m.kind = ElementKind::Service;
        m.why = "service: a process (ellipse)";
    }
    return m;
}

} // namespace plumb::interop::drawio

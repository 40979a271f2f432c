workspace "W" "D" {
    !identifiers hierarchical
    !const DB "PostgreSQL"
    /* a block
       comment */
    model {
        # a comment
        // another
        archetypes {
            store = container {
                technology "${DB}"
                tag "Database"
            }
            queued = -> {
                technology "AMQP"
            }
        }
        u = person "User \"quoted\"" \
            "A user"
        s = softwareSystem "Shop" {
            api = container "API" "Serves" "Go" {
                -> s.db "Reads and writes" "SQL" {
                    properties {
                        plumbline.readsPerSecond 800
                        plumbline.writesPerSecond "120"
                    }
                }
                this --queued-> s.q "Publishes orders"
            }
            db = store "Orders DB" {
                properties {
                    plumbline.volumeGB 250
                    plumbline.queries "key, range"
                    plumbline.data.retentionDays 30
                    plumbline.instances 2
                }
            }
            q = container "Orders" "" "RabbitMQ"
        }
        u -> s.api "Uses" "HTTPS"
    }
    views {
        styles {
            element "Database" {
                shape cylinder
                background #08427b
            }
        }
    }
    configuration {
        scope softwaresystem
    }
}

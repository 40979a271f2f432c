workspace {
    !identifiers hierarchical
    model {
        archetypes {
            datastore = container {
                technology "PostgreSQL"
                tag "Datastore"
            }
            service = group
            async = -> {
                technology "Kafka"
            }
            softwaresystem {
                tag "Default"
            }
        }
        x = softwareSystem "X" {
            s1 = service "Service 1" {
                a = container "A" {
                    c = component "C" {
                        -> x.d "Writes"
                    }
                }
                d = datastore "D"
            }
            a --async-> d "Publishes"
        }
        deploymentEnvironment "Live" {
            deploymentNode "Node" {
                containerInstance x.a
            }
        }
    }
    views {
        container x {
            include *
        }
    }
}

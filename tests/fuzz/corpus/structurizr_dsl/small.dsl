workspace "Shop" {
    model {
        u = person "User"
        group "Checkout" {
            s = softwareSystem "Store" "Sells" "Core" {
                api = container "API" "" "Go"
                db = container "DB" "" "MySQL" "Database"
                api -> db "Reads" "SQL"
            }
        }
        u -> api "Uses" "HTTPS" "Tag1,Tag2"
    }
}

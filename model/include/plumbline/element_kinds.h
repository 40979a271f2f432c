#pragma once
// Every trait of an element kind, in one constexpr table: one row per ElementKind, in enum order.
//
// This is the one home of per-kind decisions. The JSON spelling (vocabulary.h), which
// properties an element of the kind carries (the property editor shows exactly these, the
// analysis reads exactly these), its title and hint, its shape and colours (canvas, exported
// diagram, reports: one colour per kind everywhere), and where layouts put it all read this
// table. The ui adds only what needs Qt (painter paths for each KindShape, QColor, icons named
// by the spelling), keyed by the same rows.
//
// Adding a kind: add the enumerator, add its row here (the static_asserts below check the order
// and the count), and add resources/icons/<spelling>.svg. tests/model/tst_element_kinds.cpp and
// tests/ui/tst_element_kinds_ui.cpp walk every row through the reader, palette, icon, style and
// properties. Code that must branch on a kind switches over a trait (KindShape, KindColumn)
// without a `default:`, so a new trait value is a compiler warning, not a silent fallback.
//
// Like Tiled's per-type TypeId and qmt's visitor over M* classes, but as data: kinds here
// differ in which fields and looks they have, not in behaviour.

#include "plumbline/vocabulary.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace plumb {

// The outline an element is drawn with (canvas, SVG/PNG/PDF diagrams, Mermaid).
enum class KindShape {
    Box,      // a rounded card
    Cylinder, // a store: ellipse caps top and bottom
    Pipe,     // a log lying down, read left to right
    Slotted,  // a pipe with message slots: a queue
    Stadium,  // a badge with round ends: people and clients
    CutCard,  // a card with cut corners: short-lived instances
    Funnel,   // a card narrowing to the right: a pooler
};

// Where the report diagram's automatic layout puts an element outside any context.
enum class KindColumn {
    Grid,  // with the contexts, in rank order
    Left,  // a column of its own on the left (where flows start)
    Right, // a column of its own on the right (outside the architecture's control)
};

// 0xRRGGBB colours for the light and the dark theme. Exported diagrams and reports use `accent`.
struct KindColours {
    std::uint32_t accent, fill, darkAccent, darkFill;
};

// Fields default to "no" so that each row names only what its kind has.
struct KindTraits {
    ElementKind kind = ElementKind::Service;
    std::string_view spelling; // in the model JSON, the icon's file name
    std::string_view title;    // as people read it in reports and labels
    std::string_view hint;     // one sentence for the palette
    // Which fields the kind carries (the property editor shows these, the analysis reads them):
    bool holdsData = false;   // a workload profile (`data`: volume, growth, structure, ...)
    bool ofRecord = false;    // a system of record: the data exists nowhere else
    bool runtime = false;     // `instances` and `connectionsPerInstance`: it opens connections
    bool cacheFields = false; // `cachePolicy`, `ttlSeconds`
    bool logFields = false;   // `partitions`, `replicationFactor`, `retentionDays`, ...
    // How the analysis and templates treat it:
    bool client = false;     // issues reads and writes on its own behalf (a cache can serve them)
    bool pools = false;      // multiplexes its callers' connections onto its own
    bool shortLived = false; // many short-lived instances, each with its own connections
    bool endUser = false;    // a person or client app: flows start here, layouts rank from it
    bool outside = false;    // outside the architecture's control: drawn dashed
    KindShape shape = KindShape::Box;
    KindColumn column = KindColumn::Grid;
    KindColours colours{};
    double width = 200, height = 72; // default size on the canvas
};

inline constexpr std::array kKindTraits{
    KindTraits{.kind = ElementKind::Actor,
               .spelling = "actor",
               .title = "actor",
               .hint = "A person or client application outside the system",
               .client = true,
               .endUser = true,
               .shape = KindShape::Stadium,
               .column = KindColumn::Left,
               .colours = {0x5B4BC4, 0xF0EEFC, 0xA59CF0, 0x2A2740},
               .width = 150,
               .height = 64},
    KindTraits{.kind = ElementKind::Service,
               .spelling = "service",
               .title = "service",
               .hint = "A long-running service or application",
               .runtime = true,
               .client = true,
               .colours = {0x1F6FD1, 0xEAF2FC, 0x6AA8F0, 0x1D2A3B}},
    KindTraits{.kind = ElementKind::Function,
               .spelling = "function",
               .title = "function",
               .hint = "A serverless function: many short-lived instances",
               .runtime = true,
               .client = true,
               .shortLived = true,
               .shape = KindShape::CutCard,
               .colours = {0x0E8A9A, 0xE6F6F7, 0x4FC3D0, 0x1A3033}},
    KindTraits{.kind = ElementKind::Store,
               .spelling = "store",
               .title = "store",
               .hint = "A system of record: data that exists nowhere else",
               .holdsData = true,
               .ofRecord = true,
               .shape = KindShape::Cylinder,
               .colours = {0x1E8E4E, 0xE6F5EC, 0x5CCB8A, 0x1B3125}},
    KindTraits{.kind = ElementKind::Cache,
               .spelling = "cache",
               .title = "cache",
               .hint = "A copy of data whose source of truth is elsewhere",
               .holdsData = true,
               .cacheFields = true,
               .colours = {0xC25A00, 0xFDF0E3, 0xF0A05A, 0x3A2A1B}},
    KindTraits{.kind = ElementKind::Stream,
               .spelling = "stream",
               .title = "stream",
               .hint = "An event log or topic (Kafka and the like)",
               .holdsData = true,
               .logFields = true,
               .shape = KindShape::Pipe,
               .colours = {0xB02E7C, 0xFAEAF3, 0xE77FBF, 0x3A2030}},
    KindTraits{.kind = ElementKind::Queue,
               .spelling = "queue",
               .title = "queue",
               .hint = "A message queue",
               .holdsData = true,
               .logFields = true,
               .shape = KindShape::Slotted,
               .colours = {0x8A4FB8, 0xF4ECFA, 0xC39BE6, 0x2F2540}},
    KindTraits{.kind = ElementKind::Pooler,
               .spelling = "pooler",
               .title = "pooler",
               .hint = "A connection pooler (PgBouncer and the like)",
               .runtime = true,
               .pools = true,
               .shape = KindShape::Funnel,
               .colours = {0x4A6B2A, 0xEFF4E6, 0x9CC46A, 0x273019}},
    KindTraits{.kind = ElementKind::External,
               .spelling = "external",
               .title = "external",
               .hint = "A system outside the architecture's control",
               .outside = true,
               .column = KindColumn::Right,
               .colours = {0x5F6B7A, 0xF3F4F6, 0xA3ADBA, 0x2A2D33}},
};

inline constexpr std::size_t kKindCount = kKindTraits.size();

namespace detail {
constexpr bool kindRowsInEnumOrder() {
    for (std::size_t i = 0; i < kKindTraits.size(); ++i)
        if (static_cast<std::size_t>(kKindTraits[i].kind) != i) return false;
    return true;
}
} // namespace detail
static_assert(detail::kindRowsInEnumOrder(), "kKindTraits: one row per ElementKind, in enum order");
static_assert(static_cast<std::size_t>(ElementKind::External) + 1 == kKindCount,
              "kKindTraits: a row is missing (the last enumerator must be the last row)");

constexpr const KindTraits& traits(ElementKind kind) {
    return kKindTraits[static_cast<std::size_t>(kind)];
}

// "#1e8e4e": the kind's accent colour for SVG, HTML and PDF output.
std::string_view kindColourHex(ElementKind kind);

} // namespace plumb

#pragma once
// How model values read in the workbench: short, unit-bearing, the same in every view. The
// numbers and units come from plumbline/units.h (shared with diagrams and reports); this only
// converts them to QString and adds the workbench-only phrasings.

#include "plumbline/model.h"

#include <QString>

namespace plumb::ui {

// units::compact as a QString: 800 -> "800", 1250 -> "1250", 12500 -> "12.5k", 3400000 -> "3.4M".
QString formatQuantity(double value);
// "800 r/s · 120 w/s"; only the rates the flow has; empty when it has none.
QString formatRates(const plumb::Flow& flow, double scale = 1);
// One line of the facts that matter for the element's kind, e.g.
// "6 instances · 20 conn/instance" or "40 GB · +2 GB/month · relational · strong · critical".
QString elementDetails(const plumb::Element& element);
// "sync · 800 r/s · 120 w/s · 2 KB · peak ×3".
QString flowDetails(const plumb::Flow& flow, double scale = 1);
// The kind as people say it: "store", "function".
QString kindLabel(plumb::ElementKind kind);
// "3 contexts · 18 elements · 21 flows · 1 waiver" (waivers only when there are some).
QString modelCounts(const plumb::Model& model);

} // namespace plumb::ui

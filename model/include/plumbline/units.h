#pragma once
// Numbers and units as people read them: one module for the workbench (ui/display_text.h only
// turns these into QString), the diagrams (SVG, PNG, PDF, Mermaid) and every report format.
//
// Conventions, the same everywhere:
// - Sizes are decimal: 1 TB = 1,000 GB, 1 PB = 1,000 TB, 1 GB = 1,000 MB. The research behind
//   the knowledge base states its limits that way ("1 TB" there is 1,000 GB), so a store at
//   1,000 GB reads "1 TB" beside a 1 TB limit in the growth chart and in the report alike.
// - Compact numbers (labels where space is short: canvas, exported diagrams, chart axes) have
//   three significant digits and no trailing zeros: 0.5, 12.5, 125, 12.5k, 3.4M, 1.2G. Up to
//   9,999 the exact figure is shown (1250, not 1.25k): it reads better and is what people typed.
// - Full numbers (tables and text) have thousands separators and at most `decimals` decimals.
// - A rate label names only the rates a flow has: "800 r/s · 120 w/s".

#include "plumbline/model.h"

#include <optional>
#include <string>

namespace plumb::units {

// "2,400", "1.5", "0.25": thousands separators, at most `decimals` decimals, no trailing
// zeros; "—" when not finite.
std::string number(double value, int decimals = 1);
// "800", "1250", "12.5k", "3.4M", "0.5", "-2k": see above; "?" when not finite.
std::string compact(double value);
// "320 GB", "1.2 TB", "3 PB", "512 MB" (decimal units); "—" when absent.
std::string gigabytes(const std::optional<double>& gb);
// "2,400/s"; "—" when absent.
std::string perSecond(const std::optional<double>& rate);
// "800 r/s · 120 w/s": the flow's rates in compact numbers; empty when it has none.
// `scale`: the what-if multiplier, so canvas labels show the rates the findings quote.
std::string flowRates(const Flow& flow, double scale = 1);
// The label on a flow in a diagram: its rates, then its style unless sync ("800 r/s · async").
std::string flowLabel(const Flow& flow);

} // namespace plumb::units

#pragma once
// Align and distribute for layout boxes (Arrange menu), without Qt. Boxes missing a position
// or size count as 0 there; only x and y ever change, and every box keeps its other fields.

#include "plumbline/model.h"

#include <optional>
#include <vector>

namespace plumb {

enum class Alignment { Left, Centre, Right, Top, Middle, Bottom };
enum class Distribution { Horizontal, Vertical };

struct BoxBounds {
    double x = 0, y = 0, width = 0, height = 0;
    bool operator==(const BoxBounds&) const = default;
};

// The smallest rectangle around every box; nullopt for none.
std::optional<BoxBounds> boundsOf(const std::vector<LayoutBox>& boxes);

// Lines the boxes up on one edge or centre line of their common bounds (Left: every left edge
// on the leftmost; Centre: every centre on the bounds' centre; ...). Same order as given.
// Fewer than two boxes come back unchanged.
std::vector<LayoutBox> aligned(std::vector<LayoutBox> boxes, Alignment alignment);

// Spreads the boxes so the gaps between neighbours (ordered by position along the axis) are
// equal, within the extent the group had: the first still starts where the group started and
// the last ends where it ended. Same order as given. Fewer than three come back unchanged.
std::vector<LayoutBox> distributed(std::vector<LayoutBox> boxes, Distribution distribution);

// Moves every box by (dx, dy); a missing position counts as 0.
void offsetBoxes(std::vector<LayoutBox>& boxes, double dx, double dy);

// A context's frame holds its elements: below its title band and this far inside its edges.
inline constexpr double kContextTitleBand = 30;
inline constexpr double kContextMargin = 12;

// Contexts grow to hold what they hold. `edited` are boxes about to replace (or add to) the
// model's layout; `regrouped` elements about to change their context. Every context that is
// edited itself or gains or holds an edited element, and whose frame then leaves one of its
// elements sticking out, comes back grown just enough (it never shrinks, and its elements do
// not move). Contexts without a box, and elements without a position, are left alone.
std::vector<LayoutBox> contextsGrownToFit(const Model& model, const std::vector<LayoutBox>& edited,
                                          const std::vector<Element>& regrouped = {});
// The same, folded into the edit: grown context boxes replace or join `edited`, so the move
// and the frames that grow with it are one change (one undo step).
void growContextsWith(const Model& model, std::vector<LayoutBox>& edited,
                      const std::vector<Element>& regrouped = {});

} // namespace plumb

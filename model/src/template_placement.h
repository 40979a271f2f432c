#pragma once
// Where a pattern template puts what it adds (pattern_templates.cpp): beside the element it
// hangs off, inside that element's context, on a spot no other box takes.

#include "plumbline/model.h"

#include <string>
#include <vector>

namespace plumb::templates {

// Takes the boxes as drawn (`drawn`, e.g. the workbench's provisional layout of a model saved
// without one) for every element and context of `model` that has no complete box of its own.
// A template places next to the boxes the user sees, and the rest of the drawing keeps its
// place once the model holds a layout.
void adoptDrawnLayout(Model& model, const std::vector<LayoutBox>& drawn);

// Which side of the anchor a template tries first.
enum class Side { Right, Above };

// Puts `id` on a free spot around `anchorId` (`first` side, then the others, then further
// out) and grows the anchor's context box to hold it. Nothing when the anchor has no box.
void placeBeside(Model& model, const std::string& anchorId, const std::string& id, Side first);

} // namespace plumb::templates

#pragma once
// Copy and paste of part of a model, without Qt: the workbench's clipboard, Duplicate, and any
// tool that merges one model into another.
//
// A fragment is itself a valid model (model-format.md): it can be written with writeModelJson,
// read back with readModelJson, pasted into another window or handed to the command line.

#include "plumbline/model.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plumb {

// The longest id the model contract allows (model-format.md); the JSON reader refuses longer ones,
// so every id Plumbline makes up stays within it.
inline constexpr std::size_t kMaxIdLength = 128;

// True when `id` names no element, context or flow of `model` (they share one namespace).
bool isFreeId(const Model& model, std::string_view id);

// `wanted` itself when it is free, else the first free "base-2", "base-3", ... where base is
// `wanted` without a trailing "-<number>" (a copy of "store-1" is "store-2", of "orders-db"
// "orders-db-2"). Never longer than the contract's 128 characters.
std::string freshId(std::string_view wanted, const std::function<bool(std::string_view)>& isTaken);

// freshId over `model`'s ids: the id for a new element, context or flow.
std::string newId(const Model& model, std::string_view wanted);

// What copying `ids` takes from `model`, in the model's order:
// - the elements named, and the contexts named with all their member elements;
// - the flows whose two ends are both taken (selected or not), with their workloads;
// - the waivers naming anything taken (so cut and paste keeps them);
// - the layout boxes of the elements and contexts taken.
// An element whose context is not taken loses its context, so the fragment is a valid model on
// its own. Ids naming nothing are ignored; model-level fields (name, rule settings) are not taken.
Model extractFragment(const Model& model, const std::vector<std::string>& ids);

// A fragment made ready to append to `target`.
struct PreparedFragment {
    Model fragment;                             // ids made unique in target, references rewired
    std::map<std::string, std::string> renamed; // old id -> new id, for those that changed
    std::vector<std::string> contextIds;        // the ids as pasted, in fragment order
    std::vector<std::string> elementIds;
    std::vector<std::string> flowIds;
};

// Gives every context, element and flow of `fragment` an id unused in `target` (keeping its
// own when free, else freshId), rewires flows, element contexts and layout boxes to the new
// ids, and keeps only the waivers of items that kept their id: a waiver is a judgement about
// one element, so a copy beside the original does not inherit it, but cut-and-paste does.
// References the fragment cannot satisfy (an element's context, a flow's end, a box's item
// not in the fragment) are dropped, so appending never makes `target` invalid.
PreparedFragment prepareFragment(const Model& target, Model fragment);

// Appends a prepared fragment to the end of each of `target`'s lists and marks the lists it
// added to as present. Undo is truncating each list back to its previous size.
void appendFragment(Model& target, const Model& prepared);

// The sizes of a model's lists and its `present` flags: what appendFragment changes.
struct ModelListSizes {
    std::size_t contexts = 0, elements = 0, flows = 0, waivers = 0, layout = 0;
    Model::Present present;
    bool operator==(const ModelListSizes&) const = default;
};
ModelListSizes listSizes(const Model& model);
// Undoes appendFragment: truncates each list to `sizes` and restores the present flags.
void truncateTo(Model& model, const ModelListSizes& sizes);

// Why `fragment` (read from a clipboard) cannot be pasted, or empty when it can.
std::string fragmentProblem(const Model& fragment);

} // namespace plumb

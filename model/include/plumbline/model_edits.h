#pragma once
// Edits of a model that keep it whole, without Qt: rename an id everywhere, delete items with
// what depends on them and put them back exactly, check an id, and check a whole model's
// integrity. The workbench's undo commands are thin wrappers around these; tests and debug
// builds run validateModel() after every command (as modelinglib's verifyModelIntegrity does).
// Ids for new items come from newId() (model_fragment.h), the one id generator.

#include "plumbline/model.h"
#include "plumbline/model_fragment.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plumb {

// Renames the element, context or flow `from` to `to` and every reference to it: flow ends,
// element contexts, waivers and layout boxes. The caller checks `to` with idProblem().
void renameId(Model& model, std::string_view from, std::string_view to);

// Why `id` cannot be the id of the item now called `currentId`, or empty when it can: not empty, at
// most kMaxIdLength characters, not used by another item.
std::string idError(const Model& model, std::string_view id, std::string_view currentId = {});

// What removeItems() took out, each item with its index in its list (ascending), so that
// restore() puts the model back exactly, list order included.
struct RemovedItems {
    template <typename T> struct Entry {
        std::size_t index;
        T value;
    };
    std::vector<Entry<Element>> elements;
    std::vector<Entry<Context>> contexts;
    std::vector<Entry<Flow>> flows;
    std::vector<Entry<Waiver>> waivers;
    std::vector<Entry<LayoutBox>> boxes;
    std::map<std::string, std::string> orphaned; // element -> the removed context it was in
    bool empty() const {
        return elements.empty() && contexts.empty() && flows.empty() && waivers.empty() &&
               boxes.empty() && orphaned.empty();
    }
};

// The ids of `ids` that name an element, context or flow of `model`, sorted and unique.
std::vector<std::string> existingIds(const Model& model, const std::vector<std::string>& ids);

// Deletes elements, contexts and flows by id, cascading: an element takes its flows and its
// layout box; a context leaves its elements in place without a context; every removed item
// takes the waivers naming it (those of flows taken along too). Ids naming nothing are ignored.
RemovedItems removeItems(Model& model, const std::vector<std::string>& ids);
// Undoes removeItems() on the model it left.
void restore(Model& model, const RemovedItems& removed);

// One way a model is not whole, with the JSON path of the offending value.
struct ModelProblem {
    std::string path;    // "/flows/3/to"
    std::string message; // "expected the id of an element, but there is no element \"x\""
    bool operator==(const ModelProblem&) const = default;
};

// The checks that need the whole model (the JSON reader runs them after reading): ids
// non-empty, at most kMaxIdLength characters and unique across contexts, elements and flows;
// element contexts, flow ends, waiver elements and layout boxes name existing items. Stops
// after `maxProblems`. Empty: the model is whole.
std::vector<ModelProblem> validateModel(const Model& model,
                                        std::size_t maxProblems = static_cast<std::size_t>(-1));

} // namespace plumb

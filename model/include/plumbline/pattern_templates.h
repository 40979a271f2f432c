#pragma once
// Pattern templates: the catalogue's patterns that map to structure, applied to one store of a
// model as a single edit that adds the pattern's elements and rewires the flows.
//
//   read-aside       a cache beside the store; the readers read the cache first, and only the
//                    misses (an assumed 90 % hit ratio, written on the flows) reach the store.
//   cqrs-read-model  the store's changes go by CDC into a stream that feeds a read-model store;
//                    the readers move to the read model, the writers stay.
//   connection-pooler a pooler between the services and functions and the store; their flows
//                    go to the pooler, which holds one flow with the summed rates to the store.
//                    Not offered for embedded engines (SQLite, DuckDB): nothing to pool there.
//   outbox-cdc       the store's changes published by CDC. A writer that writes the store and a
//                    stream (a dual write) stops publishing itself: the stream is fed from the
//                    store's log instead. Without a dual write, a new change stream is added.
//
// Templates never touch anything but the target's flows and the elements they add, keep every
// id that exists, and give the new elements ids free in the model. The new elements take the
// target's context and, when the target has a layout box (its own or as drawn), a free spot
// next to it inside that context's box, which grows to hold them.

#include "plumbline/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace plumb {

struct PatternTemplate {
    std::string id;                   // "read-aside"
    std::string pattern;              // the catalogue pattern it realises
    std::string title;                // "Insert a read-aside cache"
    std::string summary;              // one sentence: what changes in the model
    std::vector<std::string> alsoFor; // other catalogue patterns whose page offers it
};

// Every template, in menu order.
const std::vector<PatternTemplate>& patternTemplates();
const PatternTemplate* findPatternTemplate(std::string_view id);
// The templates a catalogue pattern's page offers (its own, or alsoFor it).
std::vector<const PatternTemplate*> templatesForPattern(std::string_view pattern);

// The hit ratio assumed for a new read-aside cache; the flows say so in their description.
inline constexpr double kAssumedCacheHitRatio = 0.9;

struct TemplateResult {
    Model model;                      // the edited model (valid only when `problem` is empty)
    std::vector<std::string> added;   // ids of the new elements and flows
    std::vector<std::string> changed; // ids of existing flows rewired or re-rated
    std::string summary;              // "Added orders-cache; 2 readers now read it first."
    std::string problem;              // why the template cannot apply; empty on success
};

// Why `templateId` cannot apply to `targetId` in `model` ("Select a store: …"); empty when it
// can. Cheap: menus call it to enable their actions. Technologies are read from the built-in
// knowledge base (a pooler is refused for an embedded engine such as SQLite).
std::string templateProblem(const Model& model, std::string_view templateId,
                            std::string_view targetId);

// Applies the template to a copy of `model`. `drawn` are the boxes the diagram shows: the
// workbench passes its provisional layout of a model saved without one (bundled examples,
// hand-written or imported JSON). The edited model keeps them for every element and context
// without a box of its own, so the new elements land beside the target as drawn and the rest of
// the drawing stays put. Without a box for the target, the new elements get none.
TemplateResult applyPatternTemplate(const Model& model, std::string_view templateId,
                                    std::string_view targetId,
                                    const std::vector<LayoutBox>& drawn = {});

} // namespace plumb

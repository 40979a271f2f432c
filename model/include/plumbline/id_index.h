#pragma once
// A hash index from id to one of a model's vectors (contexts, elements, flows, layout), for a
// pass that looks many ids up: Model::findElement and friends scan the vector, which made
// checking a model quadratic in its size (issue #16).
//
// The index lives for one pass and is not kept in Model, because the workbench edits Model's
// vectors directly and a stored index would go stale. Its keys are views into the items' ids:
// the vector must not change while the index is in use.

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plumb {

template <typename T> class IdIndex {
public:
    explicit IdIndex(const std::vector<T>& items) : items_(&items) {
        positions_.reserve(items.size());
        // emplace keeps the first of duplicate ids, as the linear find* functions do.
        for (std::size_t i = 0; i < items.size(); ++i)
            positions_.emplace(std::string_view(items[i].id), i);
    }

    const T* find(std::string_view id) const {
        auto it = positions_.find(id);
        return it == positions_.end() ? nullptr : &(*items_)[it->second];
    }
    bool contains(std::string_view id) const { return positions_.count(id) != 0; }

private:
    const std::vector<T>* items_;
    std::unordered_map<std::string_view, std::size_t> positions_;
};

} // namespace plumb

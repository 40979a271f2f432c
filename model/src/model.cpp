#include "plumbline/model.h"

#include <algorithm>

namespace plumb {
namespace {
template <typename Range> auto findById(Range& range, std::string_view id) {
    auto it = std::find_if(range.begin(), range.end(), [&](const auto& x) { return x.id == id; });
    return it == range.end() ? nullptr : &*it;
}
} // namespace

std::optional<CachePolicy> Element::effectiveCachePolicy() const {
    if (cachePolicy) return cachePolicy;
    return data ? data->cachePolicy : std::nullopt;
}

Number Element::effectiveTtlSeconds() const {
    if (ttlSeconds) return ttlSeconds;
    return data ? data->ttlSeconds : Number();
}

Number Element::effectiveRetentionDays() const {
    if (retentionDays) return retentionDays;
    return data ? data->retentionDays : Number();
}

const Element* Model::findElement(std::string_view id) const {
    return findById(elements, id);
}
Element* Model::findElement(std::string_view id) {
    return findById(elements, id);
}
const Context* Model::findContext(std::string_view id) const {
    return findById(contexts, id);
}
const Flow* Model::findFlow(std::string_view id) const {
    return findById(flows, id);
}
const LayoutBox* Model::findLayout(std::string_view id) const {
    return findById(layout, id);
}

} // namespace plumb

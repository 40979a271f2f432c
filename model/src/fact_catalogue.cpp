// The fact catalogue (names in facts.h) and the flat fact store indexed by FactId.
#include "plumbline/facts.h"

#include <unordered_map>

namespace plumb {

FactId factId(std::string_view name) {
    static const std::unordered_map<std::string_view, FactId> ids = [] {
        std::unordered_map<std::string_view, FactId> out;
        out.reserve(kFactCount * 2);
        for (std::size_t i = 0; i < kFactCount; ++i)
            out.emplace(kFactNames[i], static_cast<FactId>(i));
        return out;
    }();
    auto it = ids.find(name);
    return it == ids.end() ? kNoFact : it->second;
}

const std::vector<std::string>& knownFactNames() {
    static const std::vector<std::string> names(kFactNames.begin(), kFactNames.end());
    return names;
}

bool isKnownFact(const std::string& name) {
    return factId(name) != kNoFact;
}

void Facts::set(FactId id, FactValue value) {
    if (id >= kFactCount) return;
    if (const std::uint8_t s = slot_[id]) {
        values_[s - 1u] = std::move(value);
        return;
    }
    values_.push_back(std::move(value));
    slot_[id] = static_cast<std::uint8_t>(values_.size());
}

void Facts::set(const std::string& name, FactValue value) {
    if (const FactId id = factId(name); id != kNoFact) {
        set(id, std::move(value));
        return;
    }
    auto it = other_.find(name);
    if (it == other_.end())
        other_.emplace(name, std::move(value));
    else
        it->second = std::move(value);
}

const FactValue* Facts::find(std::string_view name) const {
    if (const FactId id = factId(name); id != kNoFact) return find(id);
    auto it = other_.find(name);
    return it == other_.end() ? nullptr : &it->second;
}

std::map<std::string, FactValue> Facts::all() const {
    std::map<std::string, FactValue> out(other_.begin(), other_.end());
    for (std::size_t i = 0; i < kFactCount; ++i)
        if (const FactValue* v = find(static_cast<FactId>(i)))
            out.emplace(std::string(kFactNames[i]), *v);
    return out;
}

// Equal when both hold the same facts with the same values, however they are stored (own or
// through a shared base).
bool Facts::operator==(const Facts& other) const {
    if (other_ != other.other_) return false;
    for (std::size_t i = 0; i < kFactCount; ++i) {
        const FactValue* a = find(static_cast<FactId>(i));
        const FactValue* b = other.find(static_cast<FactId>(i));
        if (a == b) continue;
        if (!a || !b || !(*a == *b)) return false;
    }
    return true;
}

} // namespace plumb

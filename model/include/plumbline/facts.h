#pragma once
// Facts: the named values the load analysis derives for one element (or the whole model) and
// the rule conditions read. A fact that was not estimated is absent ("unknown"), never 0.

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace plumb {

using FactValue = std::variant<double, bool, std::string, std::vector<std::string>>;

class Facts {
public:
    void set(const std::string& name, FactValue value) { values_[name] = std::move(value); }
    void setIf(const std::string& name, const std::optional<double>& v) {
        if (v) values_[name] = *v;
    }
    const FactValue* find(const std::string& name) const {
        auto it = values_.find(name);
        return it == values_.end() ? nullptr : &it->second;
    }
    std::optional<double> number(const std::string& name) const {
        const FactValue* v = find(name);
        return v && std::holds_alternative<double>(*v) ? std::optional<double>(std::get<double>(*v))
                                                       : std::nullopt;
    }
    const std::map<std::string, FactValue>& all() const { return values_; }

    bool operator==(const Facts&) const = default;

private:
    std::map<std::string, FactValue> values_;
};

} // namespace plumb

namespace plumb {

// The catalogue of fact names rules may read (model/src/fact_catalogue.cpp), so that a rule
// pack naming a fact that does not exist is refused at load time instead of never firing.
bool isKnownFact(const std::string& name);
const std::vector<std::string>& knownFactNames();

} // namespace plumb

#include "plumbline/technology_resolver.h"

#include <algorithm>
#include <cctype>

namespace plumb {
namespace {

std::string folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

// First version: the exact id, then the id or the name ignoring case. Aliases, versions and
// managed-service spellings come with the knowledge base's alias lists.
TechnologyResolution resolveTechnology(const KnowledgeBase& knowledge, std::string_view written) {
    TechnologyResolution result;
    if (const Technology* exact = knowledge.technology(written)) {
        result.technology = exact;
        result.how = "id";
        return result;
    }
    const std::string wanted = folded(written);
    for (const Technology& technology : knowledge.technologies) {
        if (folded(technology.id) == wanted || folded(technology.name) == wanted) {
            result.technology = &technology;
            result.how = folded(technology.id) == wanted ? "id" : "name";
            return result;
        }
    }
    return result;
}

} // namespace plumb

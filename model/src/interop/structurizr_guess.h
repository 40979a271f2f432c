#pragma once
// The guesses of the Structurizr mapping, each returning what it guessed from so that the import
// report can say so: an element's kind from its tags, technology or name; a technology id from
// the text people wrote; a flow's style from its technology and wording.

#include "plumbline/vocabulary.h"
#include "structurizr_workspace.h"

#include <optional>
#include <string>
#include <vector>

namespace plumb {
class KnowledgeBase;
}

namespace plumb::interop::structurizr {

struct Guess {
    ElementKind kind = ElementKind::Service;
    std::string why; // "tagged Database", "technology 'MySQL'", ...
};

struct TechnologyGuess {
    std::string id;       // knowledge-base id; empty: not recognised
    std::string category; // the technology's category ("relational", "stream", ...)
    std::string how;      // "name", "the word 'Oracle'", ...
    bool exact = false;   // id, name or alias, as opposed to a word found in a longer text
    std::vector<std::string> candidates; // more than one: ambiguous
};

TechnologyGuess guessTechnology(const KnowledgeBase* knowledge, const std::string& written);

// The kind of a container, component, custom element or software system without containers.
Guess guessKind(const Element& element, const TechnologyGuess& technology);

// A relationship's style, with why; nullopt when nothing says.
std::optional<std::pair<FlowStyle, std::string>> guessStyle(const Relationship& relationship,
                                                            std::optional<ElementKind> target);

// Lower-case runs of letters and digits: "Oracle Database Schema" -> oracle, database, schema.
std::vector<std::string> wordsOf(std::string_view text);

} // namespace plumb::interop::structurizr

#pragma once
// The catalogue's detail pages as HTML for a QTextBrowser: one page per pattern or technology.
// Links inside the catalogue use the "plumbline-pattern:" and "plumbline-technology:" schemes
// (see entryLink); sources keep their http(s) address and open in the user's browser.

#include "plumbline/knowledge.h"

#include <QString>
#include <QUrl>

namespace plumb::ui::catalogue {

inline constexpr const char* kPatternScheme = "plumbline-pattern";
inline constexpr const char* kTechnologyScheme = "plumbline-technology";
// "plumbline-template:read-aside": apply a pattern template to the selected store.
inline constexpr const char* kTemplateScheme = "plumbline-template";

// "schema-design" -> "Schema design", for tree headings and page subtitles.
QString categoryTitle(const std::string& category);

// The link to an entry of the catalogue: a pattern when `knowledge` has a pattern with this id,
// else a technology. Invalid when the id is neither.
QUrl entryLink(const plumb::KnowledgeBase& knowledge, const std::string& id);
// The entry id a catalogue link points at; empty for any other link.
QString entryIdOf(const QUrl& link);

QString patternPage(const plumb::KnowledgeBase& knowledge, const plumb::Pattern& pattern);
QString technologyPage(const plumb::KnowledgeBase& knowledge, const plumb::Technology& technology);

} // namespace plumb::ui::catalogue

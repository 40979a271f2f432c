#pragma once
// Escaping of user-supplied text for each report format. Every string that comes from a model
// (names, ids, descriptions, waiver reasons) or a rule pack passes through one of these before
// it reaches a document, so that no name can inject markup, links or diagram syntax.

#include <string>
#include <string_view>

namespace plumb {

// HTML/XML text and attribute values: & < > " ' are replaced by entities; control characters
// other than tab/newline, and invalid UTF-8, are dropped (they are not well-formed XML).
std::string escapeHtml(std::string_view text);

// True for an absolute http or https URL without spaces or control characters: the only links
// a report makes clickable (never javascript:, data:, file: or relative references).
bool isSafeLink(std::string_view url);

// Markdown inline text that must stay on one line (table cells, list items, headings): the
// characters Markdown or HTML treat specially are backslash-escaped or turned into entities,
// and newlines become spaces, so a name can neither end a table cell nor open a link or tag.
std::string escapeMarkdown(std::string_view text);

// A Mermaid node id made only of [A-Za-z0-9_], never empty, never a Mermaid keyword; distinct
// inputs map to distinct ids when `salt` distinguishes them (callers pass an index).
std::string mermaidId(std::string_view text, std::size_t salt);

// A Mermaid label to put between double quotes: quotes, brackets and the characters Mermaid
// or Markdown would interpret are written as HTML entities (#quot; style for Mermaid).
std::string mermaidLabel(std::string_view text);

// Text with invalid UTF-8 sequences and control characters removed (newline -> space).
std::string cleanText(std::string_view text);

} // namespace plumb

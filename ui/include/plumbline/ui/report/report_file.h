#pragma once
// File > Export Report: the architecture report of the open document, with the same content
// as `plumbline report` (same builder, same writers), in the format the file name's suffix
// names (.html, .md, .pdf; .svg and .png write the diagram alone).

#include "plumbline/knowledge.h"
#include "plumbline/ui/document.h"

#include <QString>

namespace plumb::ui {

// Writes the report; returns an error message, or an empty string when done.
QString writeDocumentReport(const Document& document, const plumb::KnowledgeBase& knowledge,
                            const QString& path);

} // namespace plumb::ui

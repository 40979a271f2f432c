#pragma once
// The import report for people: one line per note, grouped by element, guesses marked.

#include "plumbline/interop/importer.h"

#include <string>

namespace plumb::interop {

// "Imported aws.drawio as draw.io diagram: 12 elements, 3 contexts, 9 flows\n
//  orders-db (cell 'x7'): guessed store: icon 'rds'\n ..."
std::string importReportText(const ImportReport& report, const Model* model = nullptr);

} // namespace plumb::interop

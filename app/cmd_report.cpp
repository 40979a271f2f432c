// Placeholder until the report sub-command lands: it answers clearly instead of pretending.
#include "cli.h"

namespace plumb::cli {

int runReport(const Args&, Streams io) { return usageError(io, "report: not yet available in this build"); }

} // namespace plumb::cli

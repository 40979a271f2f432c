// Placeholder until the check sub-command lands: it answers clearly instead of pretending.
#include "cli.h"

namespace plumb::cli {

int runCheck(const Args&, Streams io) { return usageError(io, "check: not yet available in this build"); }

} // namespace plumb::cli

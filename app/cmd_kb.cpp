// Placeholder until the kb sub-command lands: it answers clearly instead of pretending.
#include "cli.h"

namespace plumb::cli {

int runKb(const Args&, Streams io) { return usageError(io, "kb: not yet available in this build"); }

} // namespace plumb::cli

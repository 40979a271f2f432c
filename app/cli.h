#pragma once
// The headless command line of ../shared/contracts/cli.md. Each sub-command returns the exit
// status: 0 done and clean, 1 findings at or above --fail-on, 2 bad input or usage.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plumb::cli {

using Args = std::vector<std::string>;

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool colour = false; // stdout is a terminal
};

constexpr int kOk = 0;
constexpr int kFindings = 1;
constexpr int kBadInput = 2;

// True when argv[1] names a sub-command or a global flag rather than a file to open.
bool isCommandLine(const std::string& first);
int run(const Args& args, Streams io);

int runConvert(const Args& args, Streams io);
int runCheck(const Args& args, Streams io);
int runReport(const Args& args, Streams io);
int runKb(const Args& args, Streams io);

// An option value that is a finite number in full (e.g. --scale 10); nullopt otherwise.
std::optional<double> parseNumber(const std::string& text);

// One line on stderr in the contract's shape, then exit status 2.
int usageError(Streams io, const std::string& message);

} // namespace plumb::cli

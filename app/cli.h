#pragma once
// The headless command line of ../shared/contracts/cli.md. Each sub-command returns the exit
// status: 0 done and clean, 1 findings at or above --fail-on, 2 bad input or usage.

#include <functional>
#include <optional>
#include <ostream>
#include <set>
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
int runDiff(const Args& args, Streams io);
int runImport(const Args& args, Streams io);
int runExport(const Args& args, Streams io);

// An option value that is a finite number in full (e.g. --scale 10); nullopt otherwise.
std::optional<double> parseNumber(const std::string& text);

// What check and report share: how the model is analysed (--scale, --horizon-months, --rules).
struct AnalysisArgs {
    double scale = 1.0;
    double horizonMonths = 0.0;
    std::vector<std::string> ruleDirs;
};

// A sub-command's arguments: every option takes a value ("--name value" or "--name=value"),
// one positional model file. `visit` is called for each option in `options` and returns the
// usage error it finds; unknown options, a missing value, a missing or second file are errors
// here. Returns the first usage error ("check: ..."), or nullopt.
using OptionVisitor =
    std::function<std::optional<std::string>(const std::string& name, const std::string& value)>;
std::optional<std::string> parseCommandArgs(const std::string& command, const Args& args,
                                            const std::set<std::string>& options, std::string& file,
                                            const OptionVisitor& visit);

// The same with any number of positional files, in order (the caller checks how many).
std::optional<std::string> parseCommandFiles(const std::string& command, const Args& args,
                                             const std::set<std::string>& options,
                                             std::vector<std::string>& files,
                                             const OptionVisitor& visit);

// Applies --scale, --horizon-months or --rules to `out`: true when `name` is one of them, with
// `error` set when its value is not acceptable.
bool applyAnalysisOption(const std::string& command, const std::string& name,
                         const std::string& value, AnalysisArgs& out,
                         std::optional<std::string>& error);

// One line on stderr in the contract's shape, then exit status 2.
int usageError(Streams io, const std::string& message);

} // namespace plumb::cli

#include "cli.h"

#include "plumbline/version.h"

#include <cmath>
#include <map>
#include <stdexcept>

namespace plumb::cli {
namespace {

constexpr const char* kHelp =
    R"(Plumbline: a workbench that checks data architectures against their workloads.

Usage:
  plumbline [FILE]                         open the workbench (on FILE, the last file, or the example)
  plumbline check FILE [options]           check a model against the knowledge base
  plumbline diff OLD NEW [options]         what changed between two models, and what it does
                                           to the store loads and findings
  plumbline report FILE -o OUT [options]   write an architecture report (.html, .md or .pdf),
                                           or the diagram alone (.svg or .png)
  plumbline convert IN OUT                 .json <-> .plumb, without loss
  plumbline import IN -o OUT [--report]    another tool's file (draw.io, Threat Dragon, OTM,
                                           Structurizr) to .json or .plumb; --report prints
                                           what was read and guessed
  plumbline export FILE -o OUT             a model as draw.io (.drawio) or Structurizr DSL
                                           (.dsl)
  plumbline kb list [stores|patterns|rules]  list the catalogue's entries
  plumbline kb show ID                     one entry; a rule shows its parameters and their
                                           provenance
  plumbline kb search WORDS                search the pattern and technology catalogues
  plumbline --version | --help             the version, or this text

kb options:
  --format text|json         for people (default) or tools (shape in cli.md)

FILE is a model as JSON (*.json) or a project file (*.plumb), or a file check, report and
export import on the fly (draw.io, Threat Dragon v2, OTM, Structurizr), found by content.

check options:
  --format text|json|sarif|gitlab|junit
                             output for people (default), tools, code-scanning dashboards,
                             GitLab Code Quality, or JUnit XML test reports
  --scale N                  what-if: multiply every rate, volume and growth by N (default 1)
  --horizon-months M         also judge the volumes after M months of growth (default 0)
  --fail-on error|warning|never   severity that makes the exit status 1 (default error)
  --rules DIR                also load the rule packs (*.json) in DIR
  --baseline OLD             report every finding, fail only on those OLD does not have
                             (OLD: a model, a check --format json file, or git:REV)

diff options: --scale, --horizon-months, --rules and --fail-on as for check, and
  --format text|json|markdown   for people (default), tools, or a pull-request comment
OLD may be git:REV, NEW's path at that git revision. Exit status 1 when NEW has findings
at or above --fail-on that OLD does not have.

report options: --scale, --horizon-months and --rules as for check, and
  --page a4|letter           PDF page size (default a4)
  --title T                  report title (default: the model's name)
  --baseline OLD             add a "Changes since OLD" section at the top

Exit status: 0 done and clean, 1 findings at or above --fail-on, 2 bad input or usage
(one line on stderr naming the file and, for JSON, the JSON path).
)";

using Command = int (*)(const Args&, Streams);
const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table{
        {"check", runCheck}, {"diff", runDiff},     {"report", runReport}, {"convert", runConvert},
        {"kb", runKb},       {"import", runImport}, {"export", runExport}};
    return table;
}

} // namespace

bool isCommandLine(const std::string& first) {
    return commands().count(first) || (!first.empty() && first[0] == '-');
}

std::optional<double> parseNumber(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<std::string> parseCommandFiles(const std::string& command, const Args& args,
                                             const std::set<std::string>& options,
                                             std::vector<std::string>& files,
                                             const OptionVisitor& visit) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i], value;
        bool hasValue = false;
        if (arg.starts_with("--") && arg.find('=') != std::string::npos) {
            value = arg.substr(arg.find('=') + 1);
            arg = arg.substr(0, arg.find('='));
            hasValue = true;
        }
        if (options.count(arg)) {
            if (!hasValue) {
                if (i + 1 >= args.size()) return command + ": " + arg + " needs a value";
                value = args[++i];
            }
            if (auto error = visit(arg, value)) return error;
        } else if (arg.starts_with("-") && arg != "-") {
            return command + ": unknown option '" + arg + "'; see plumbline --help";
        } else {
            files.push_back(arg);
        }
    }
    return std::nullopt;
}

std::optional<std::string> parseCommandArgs(const std::string& command, const Args& args,
                                            const std::set<std::string>& options, std::string& file,
                                            const OptionVisitor& visit) {
    std::vector<std::string> files;
    if (auto error = parseCommandFiles(command, args, options, files, visit)) return error;
    if (files.size() > 1)
        return command + ": expected one model file, got '" + files[0] + "' and '" + files[1] + "'";
    if (files.empty()) return command + ": expected a model file (.json or .plumb)";
    file = files.front();
    return std::nullopt;
}

bool applyAnalysisOption(const std::string& command, const std::string& name,
                         const std::string& value, AnalysisArgs& out,
                         std::optional<std::string>& error) {
    if (name == "--scale") {
        auto v = parseNumber(value);
        if (!v || *v <= 0)
            error = command + ": --scale expects a positive number, got '" + value + "'";
        else
            out.scale = *v;
    } else if (name == "--horizon-months") {
        auto v = parseNumber(value);
        if (!v || *v < 0)
            error =
                command + ": --horizon-months expects a number of months >= 0, got '" + value + "'";
        else
            out.horizonMonths = *v;
    } else if (name == "--rules") {
        out.ruleDirs.push_back(value);
    } else {
        return false;
    }
    return true;
}

int usageError(Streams io, const std::string& message) {
    io.err << "plumbline: " << message << "\n";
    return kBadInput;
}

int run(const Args& args, Streams io) {
    if (args.empty()) return usageError(io, "expected a sub-command; see plumbline --help");
    const std::string& first = args.front();
    if (first == "--help" || first == "-h" || first == "help") {
        io.out << kHelp;
        return kOk;
    }
    if (first == "--version" || first == "-V") {
        io.out << "plumbline " << PLUMBLINE_VERSION << "\n";
        return kOk;
    }
    auto it = commands().find(first);
    if (it == commands().end())
        return usageError(io,
                          "unknown option or sub-command '" + first + "'; see plumbline --help");
    return it->second(Args(args.begin() + 1, args.end()), io);
}

} // namespace plumb::cli

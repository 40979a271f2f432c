#pragma once
// The recursive-descent parser of the Structurizr DSL's model part. It reads one workspace
// (with its !include files) into a structurizr::Workspace; views, styles, deployment,
// configuration and scripts are skipped with a note. Every error carries file, line and column.

#include "structurizr_dsl_lexer.h"
#include "structurizr_workspace.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace plumb::interop::structurizr {

struct DslLimits {
    int maxDepth = 64;                                  // nested blocks
    int maxIncludeDepth = 8;                            // !include within !include
    std::size_t maxBytes = std::size_t{64} << 20;       // one file
    std::size_t maxTotalBytes = std::size_t{256} << 20; // all files of one workspace
};

class DslParser {
public:
    explicit DslParser(DslLimits limits = {}) : limits_(limits) {}

    // The workspace of `content` (from `path`, whose folder relative includes start from), or
    // nullopt with error() set.
    std::optional<Workspace> parse(std::string_view content, const std::string& path);
    const std::optional<InputError>& error() const { return error_; }

private:
    enum class ScopeKind { Top, Workspace, Model, Element, Group, Relationship, Archetype };
    struct Scope {
        ScopeKind kind = ScopeKind::Top;
        int element = -1;      // the element whose body this is (or that encloses the group)
        int group = -1;        // the innermost group
        int relationship = -1; // for a relationship's body
        std::string archetype; // for an archetype's body
    };
    struct Archetype {
        std::string base; // lower-case keyword: person, softwaresystem, container, component,
                          // element, group, relationship
        std::string description, technology;
        std::vector<std::string> tags;
        std::vector<Property> properties;
    };
    struct Pending { // a relationship whose ends are resolved after the whole model is read
        std::size_t relationship;
        Token source, destination; // empty text: the scope's element
        int scopeElement;
        int sourceElement = -1, destinationElement = -1;
    };

    bool fail(const Token& at, std::string message);
    bool fail(const Lexer& lexer, int line, int column, std::string message);
    bool parseFile(std::string_view content, const std::string& path, const Scope& scope, bool top);
    bool parseBlock(Lexer& lexer, const Scope& scope, bool untilEnd, int line, int column);
    bool statement(Lexer& lexer, Statement& s, const Scope& scope);
    bool workspaceHeader(Lexer& lexer, Statement& s);
    bool workspaceStatement(Lexer& lexer, Statement& s, const Scope& scope);
    bool modelStatement(Lexer& lexer, Statement& s, const Scope& scope);
    bool elementDeclaration(Lexer& lexer, Statement& s, const Scope& scope, std::size_t at);
    bool groupDeclaration(Lexer& lexer, Statement& s, const Scope& scope, std::size_t at);
    bool relationship(Lexer& lexer, Statement& s, const Scope& scope, std::size_t arrow);
    bool elementBodyStatement(Lexer& lexer, Statement& s, const Scope& scope, bool& handled);
    bool relationshipBodyStatement(Lexer& lexer, Statement& s, const Scope& scope);
    bool archetypesBlock(Lexer& lexer, const Statement& s);
    bool archetypeStatement(Lexer& lexer, Statement& s, const Scope& scope);
    bool properties(Lexer& lexer, const Statement& s, std::vector<Property>& into);
    bool skipBlock(Lexer& lexer, const Statement& s, std::string_view what, std::string_view why);
    bool include(Lexer& lexer, const Statement& s, const Scope& scope);
    bool extendWorkspace(Lexer& lexer, const Token& target);
    bool insideWorkspace(const std::filesystem::path& file, const Token& target);
    bool extendElement(Lexer& lexer, const Statement& s, const Scope& scope);
    bool resolvePending();
    bool substitute(Statement& s);
    static constexpr std::size_t kMaxTokenBytes = std::size_t{1} << 20;
    void drop(std::string_view what, std::string_view why, int line);
    std::string pathOf(int element) const;
    bool sawDeployment() const;
    int lookup(const std::string& name, int scopeElement) const;
    bool registerIdentifier(const Token& id, int element, int parent);
    bool allowedChild(const Scope& scope, std::string_view base, const Token& at);
    Location location(const Lexer& lexer, const Token& at) const;

    DslLimits limits_;
    Workspace ws_;
    std::optional<InputError> error_;
    bool hierarchical_ = false;
    bool sawWorkspace_ = false, sawModel_ = false, sawViews_ = false;
    int depth_ = 0;
    std::size_t totalBytes_ = 0;
    std::vector<std::string> includeStack_;
    std::map<std::string, std::string> constants_;
    std::unordered_map<std::string, int> identifiers_;           // full identifier -> element
    std::unordered_map<std::string, std::pair<int, int>> where_; // identifier -> line, column
    std::vector<std::string> paths_;                             // per element, hierarchical
    std::unordered_map<std::string, Archetype> archetypes_;
    std::vector<Pending> pending_;
    std::map<std::string, int> dropped_;
    std::set<std::string> skippedIdentifiers_; // deployment environments and the like // what was
                                               // skipped -> how often
};

} // namespace plumb::interop::structurizr

// The DSL parser's frame: files and includes, blocks, the workspace level, skipped blocks and
// the resolution of relationship ends. The model's statements are in structurizr_dsl_model.cpp.
#include "structurizr_dsl_parser.h"

#include "plumbline/json_parse.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace plumb::interop::structurizr {

namespace fs = std::filesystem;

std::string lowered(std::string_view text); // structurizr_dsl_model.cpp

bool DslParser::fail(const Token& at, std::string message) {
    if (!error_) {
        InputError e;
        e.file = includeStack_.empty() ? std::string() : includeStack_.back();
        e.message = std::move(message);
        e.line = at.line;
        e.column = at.column;
        error_ = std::move(e);
    }
    return false;
}

bool DslParser::fail(const Lexer& lexer, int line, int column, std::string message) {
    if (!error_) {
        InputError e;
        e.file = lexer.file();
        e.message = std::move(message);
        e.line = line;
        e.column = column;
        error_ = std::move(e);
    }
    return false;
}

Location DslParser::location(const Lexer& lexer, const Token& at) const {
    Location l;
    l.file = lexer.file();
    l.line = at.line;
    l.column = at.column;
    return l;
}

void DslParser::drop(std::string_view what, std::string_view why, int line) {
    const std::string key = std::string(what) + ": " + std::string(why);
    if (dropped_[key]++ == 0)
        ws_.notes.push_back({ImportNote::Kind::Dropped, {}, "line " + std::to_string(line), key});
}

std::optional<Workspace> DslParser::parse(std::string_view content, const std::string& path) {
    if (!parseFile(content, path, Scope{}, true)) return std::nullopt;
    if (!sawWorkspace_) {
        InputError e;
        e.file = path;
        e.message = "no workspace: a Structurizr DSL file starts with 'workspace {'";
        e.line = 1;
        e.column = 1;
        error_ = std::move(e);
        return std::nullopt;
    }
    if (!resolvePending()) return std::nullopt;
    for (const auto& [what, count] : dropped_)
        if (count > 1)
            for (ImportNote& n : ws_.notes)
                if (n.text == what) n.text += " (" + std::to_string(count) + " times)";
    return std::move(ws_);
}

bool DslParser::parseFile(std::string_view content, const std::string& path, const Scope& scope,
                          bool top) {
    includeStack_.push_back(path);
    Lexer lexer(content, path);
    if (content.size() > limits_.maxBytes)
        return fail(lexer, 1, 1,
                    "the file is larger than " + std::to_string(limits_.maxBytes >> 20) + " MB");
    totalBytes_ += content.size();
    if (totalBytes_ > limits_.maxTotalBytes)
        return fail(lexer, 1, 1,
                    "the workspace with its includes is larger than " +
                        std::to_string(limits_.maxTotalBytes >> 20) + " MB");
    if (const std::size_t bad = invalidUtf8At(content); bad != std::string_view::npos) {
        const auto [line, column] = lineAndColumn(content, bad);
        return fail(lexer, line, column, "not UTF-8 text (save the file as UTF-8)");
    }
    if (top) {
        Statement s;
        while (lexer.next(s)) {
            if (!sawWorkspace_ && s.tokens[0].text == "workspace" && !s.tokens[0].quoted) {
                if (!workspaceHeader(lexer, s)) return false;
                continue;
            }
            const std::string keyword = lowered(s.tokens[0].text);
            if (!sawWorkspace_ && (keyword == "!const" || keyword == "!var")) {
                if (!statement(lexer, s, Scope{})) return false;
                continue;
            }
            return fail(s.tokens[0], std::string("unexpected '") + s.tokens[0].text + "' " +
                                         (sawWorkspace_ ? "after" : "before") + " the workspace" +
                                         (sawWorkspace_ ? std::string()
                                                        : " (a workspace file starts with "
                                                          "'workspace {'; this may be a part "
                                                          "for !include)"));
        }
        if (lexer.error()) return error_ = lexer.error(), false;
    } else if (!parseBlock(lexer, scope, true, 1, 1)) {
        return false;
    }
    includeStack_.pop_back();
    return true;
}

bool DslParser::workspaceHeader(Lexer& lexer, Statement& s) {
    sawWorkspace_ = true;
    const auto& t = s.tokens;
    if (!s.opensBlock()) return fail(t.back(), "expected '{' at the end of 'workspace'");
    if (t.size() > 1 && t[1].is("extends")) {
        if (t.size() != 4) return fail(t[1], "expected workspace extends <file> {");
        if (!extendWorkspace(lexer, t[2])) return false;
        Scope scope;
        scope.kind = ScopeKind::Workspace;
        return parseBlock(lexer, scope, false, s.line, s.column);
    }
    if (t.size() > 4) return fail(t[3], "too many tokens: workspace [name] [description] {");
    if (t.size() > 2) ws_.name = t[1].text;
    if (t.size() > 3) ws_.description = t[2].text;
    Scope scope;
    scope.kind = ScopeKind::Workspace;
    return parseBlock(lexer, scope, false, s.line, s.column);
}

bool DslParser::extendWorkspace(Lexer& lexer, const Token& target) {
    if (target.text.find("://") != std::string::npos)
        return fail(target, "unsupported feature: 'workspace extends' a URL (only local files "
                            "are read)");
    if (target.text.ends_with(".json"))
        return fail(target, "unsupported feature: 'workspace extends' a workspace JSON file "
                            "(import that file itself)");
    const fs::path file = fs::path(lexer.file()).parent_path() / target.text;
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return fail(target, "cannot extend '" + target.text + "': no such file");
    if (!insideWorkspace(file, target)) return false;
    if (static_cast<int>(includeStack_.size()) > limits_.maxIncludeDepth)
        return fail(target,
                    "workspaces extended deeper than " + std::to_string(limits_.maxIncludeDepth));
    std::string content;
    if (auto problem = readFileBytes(file.string(), content))
        return fail(target, "cannot extend '" + target.text + "': " + problem->message);
    // The base workspace is read first; this one then adds to its model.
    sawWorkspace_ = false;
    if (!parseFile(content, file.string(), Scope{}, true)) return false;
    if (!sawWorkspace_) return fail(target, "'" + target.text + "' holds no workspace");
    sawModel_ = sawViews_ = false;
    return true;
}

bool DslParser::insideWorkspace(const fs::path& file, const Token& target) {
    std::error_code ec;
    const std::string root =
        fs::weakly_canonical(fs::absolute(fs::path(includeStack_.front()).parent_path(), ec), ec)
            .string();
    const std::string canonical = fs::weakly_canonical(fs::absolute(file, ec), ec).string();
    if (canonical.compare(0, root.size(), root) != 0 ||
        (canonical.size() > root.size() && canonical[root.size()] != '/' && root != "/"))
        return fail(target,
                    "cannot read '" + target.text + "': it is outside the workspace's folder");
    for (const std::string& open : includeStack_)
        if (fs::weakly_canonical(fs::absolute(open, ec), ec).string() == canonical)
            return fail(target, "include cycle: '" + target.text + "' is already being read");
    return true;
}

bool DslParser::parseBlock(Lexer& lexer, const Scope& scope, bool untilEnd, int line, int column) {
    if (++depth_ > limits_.maxDepth)
        return fail(lexer, line, column,
                    "blocks nested deeper than " + std::to_string(limits_.maxDepth));
    Statement s;
    while (lexer.next(s)) {
        if (s.tokens.size() == 1 && s.tokens[0].is("}")) {
            if (untilEnd) return fail(s.tokens[0], "unexpected '}': no block is open here");
            --depth_;
            return true;
        }
        if (!substitute(s) || !statement(lexer, s, scope)) return false;
    }
    if (lexer.error()) return error_ = lexer.error(), false;
    if (untilEnd) {
        --depth_;
        return true;
    }
    return fail(lexer, line, column, "this block is not closed with '}'");
}

bool DslParser::substitute(Statement& s) {
    if (constants_.empty()) return true;
    for (Token& t : s.tokens) {
        std::size_t at = 0;
        while ((at = t.text.find("${", at)) != std::string::npos) {
            const std::size_t end = t.text.find('}', at);
            if (end == std::string::npos) break;
            const auto found = constants_.find(t.text.substr(at + 2, end - at - 2));
            if (found == constants_.end()) {
                at = end;
                continue;
            }
            // ${A}${A}... over a long constant would otherwise grow without bound
            if (t.text.size() - (end - at + 1) + found->second.size() > kMaxTokenBytes)
                return fail(t, "this text is longer than " + std::to_string(kMaxTokenBytes >> 10) +
                                   " KB once its constants are substituted");
            t.text.replace(at, end - at + 1, found->second);
            at += found->second.size();
        }
    }
    return true;
}

bool DslParser::statement(Lexer& lexer, Statement& s, const Scope& scope) {
    const Token& first = s.tokens[0];
    const std::string keyword = first.quoted ? std::string() : lowered(first.text);
    if (keyword == "!include") return include(lexer, s, scope);
    if (keyword == "!const" || keyword == "!var") {
        if (s.tokens.size() != 3) return fail(first, keyword + " needs a name and a value");
        constants_[s.tokens[1].text] = s.tokens[2].text;
        return true;
    }
    if (keyword == "!constant")
        return fail(first, "unsupported feature: '!constant' (it was replaced by '!const')");
    if (keyword == "!script" || keyword == "!plugin") {
        drop(keyword, "scripts and plugins are not run", s.line);
        return !s.opensBlock() || lexer.skipRawBlock(s.line, s.column) ||
               (error_ = lexer.error(), false);
    }
    if (keyword == "!docs" || keyword == "!adrs" || keyword == "!decisions") {
        drop(keyword, "documentation and decisions are not modelled", s.line);
        return !s.opensBlock() || skipBlock(lexer, s, {}, {});
    }
    if (keyword == "!impliedrelationships") {
        drop(keyword, "implied relationships are not made (each flow is drawn explicitly)", s.line);
        return true;
    }
    if (keyword == "!identifiers") {
        if (s.tokens.size() != 2) return fail(first, "expected !identifiers flat|hierarchical");
        const std::string mode = lowered(s.tokens[1].text);
        if (mode != "flat" && mode != "hierarchical")
            return fail(s.tokens[1],
                        "expected flat or hierarchical, got '" + s.tokens[1].text + "'");
        hierarchical_ = mode == "hierarchical";
        return true;
    }
    if (scope.kind == ScopeKind::Workspace) return workspaceStatement(lexer, s, scope);
    if (scope.kind == ScopeKind::Relationship) return relationshipBodyStatement(lexer, s, scope);
    if (scope.kind == ScopeKind::Archetype) return archetypeStatement(lexer, s, scope);
    return modelStatement(lexer, s, scope);
}

bool DslParser::workspaceStatement(Lexer& lexer, Statement& s, const Scope& scope) {
    const Token& first = s.tokens[0];
    const std::string keyword = first.quoted ? std::string() : lowered(first.text);
    if ((keyword == "name" || keyword == "description") && s.tokens.size() == 2) {
        (keyword == "name" ? ws_.name : ws_.description) = s.tokens[1].text;
        return true;
    }
    if (keyword == "properties" && s.opensBlock()) return properties(lexer, s, ws_.properties);
    if (keyword == "model") {
        if (sawModel_) return fail(first, "a workspace has one model block; this is a second");
        if (!s.opensBlock() || s.tokens.size() != 2) return fail(first, "expected 'model {'");
        sawModel_ = true;
        Scope model = scope;
        model.kind = ScopeKind::Model;
        return parseBlock(lexer, model, false, s.line, s.column);
    }
    if (keyword == "views") {
        if (sawViews_) return fail(first, "a workspace has one views block; this is a second");
        sawViews_ = true;
        return skipBlock(lexer, s, "views",
                         "views are not modelled (the diagram is laid out "
                         "by Plumbline)");
    }
    if (keyword == "configuration" || keyword == "branding" || keyword == "terminology" ||
        keyword == "styles")
        return skipBlock(lexer, s, keyword, "presentation and tool settings are not modelled");
    if (keyword == "workspace") return fail(first, "unexpected 'workspace' inside a workspace");
    return fail(first, "unexpected '" + first.text +
                           "' in the workspace (expected model, views, "
                           "name, description, properties, ...)");
}

bool DslParser::skipBlock(Lexer& lexer, const Statement& s, std::string_view what,
                          std::string_view why) {
    if (!what.empty()) drop(what, why, s.line);
    if (!s.opensBlock()) return true;
    long depth = 1;
    Statement inner;
    while (lexer.next(inner)) {
        if (inner.tokens.size() == 1 && inner.tokens[0].is("}")) {
            if (--depth == 0) return true;
        } else if (inner.opensBlock()) {
            ++depth;
        }
    }
    if (lexer.error()) return error_ = lexer.error(), false;
    return fail(lexer, s.line, s.column, "this block is not closed with '}'");
}

bool DslParser::properties(Lexer& lexer, const Statement& s, std::vector<Property>& into) {
    if (s.tokens.size() != 2) return fail(s.tokens[0], "expected 'properties {'");
    Statement inner;
    while (lexer.next(inner)) {
        if (!substitute(inner)) return false;
        if (inner.tokens.size() == 1 && inner.tokens[0].is("}")) return true;
        if (inner.tokens.size() != 2)
            return fail(inner.tokens[0], "expected a property as: name value");
        into.push_back(
            {inner.tokens[0].text, inner.tokens[1].text, location(lexer, inner.tokens[1])});
    }
    if (lexer.error()) return error_ = lexer.error(), false;
    return fail(lexer, s.line, s.column, "this block is not closed with '}'");
}

bool DslParser::include(Lexer& lexer, const Statement& s, const Scope& scope) {
    if (s.tokens.size() != 2) return fail(s.tokens[0], "expected !include <file>");
    const Token& target = s.tokens[1];
    if (target.text.find("://") != std::string::npos)
        return fail(target, "unsupported feature: !include of a URL (only local files are read)");
    if (static_cast<int>(includeStack_.size()) > limits_.maxIncludeDepth)
        return fail(target,
                    "includes nested deeper than " + std::to_string(limits_.maxIncludeDepth));
    const fs::path base = fs::path(lexer.file()).parent_path();
    const fs::path wanted = base / target.text;
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(wanted, ec)) {
        for (const auto& entry : fs::recursive_directory_iterator(wanted, ec))
            if (entry.is_regular_file(ec)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
    } else if (fs::is_regular_file(wanted, ec)) {
        files.push_back(wanted);
    } else {
        return fail(target, "cannot include '" + target.text + "': no such file");
    }
    for (const fs::path& file : files) {
        // Includes stay inside the workspace's folder: a hostile file cannot make the importer
        // read /proc, devices or another user's files.
        if (!insideWorkspace(file, target)) return false;
        std::string content;
        if (auto problem = readFileBytes(file.string(), content))
            return fail(target, "cannot include '" + target.text + "': " + problem->message);
        if (!parseFile(content, file.string(), scope, false)) return false;
    }
    return true;
}

bool DslParser::resolvePending() {
    std::set<std::tuple<int, int, std::string>> seen;
    for (Pending& p : pending_) {
        Relationship& r = ws_.relationships[p.relationship];
        auto resolve = [&](const Token& token, int given, int& out) {
            if (given >= 0) return out = given, true;
            out = lookup(token.text, p.scopeElement);
            if (out >= 0) return true;
            error_.reset();
            InputError e;
            e.file = r.at.file;
            e.message = "unknown identifier '" + token.text + "' (no element was declared with it)";
            e.line = token.line;
            e.column = token.column;
            error_ = std::move(e);
            return false;
        };
        if (!resolve(p.source, p.sourceElement, r.source) ||
            !resolve(p.destination, p.destinationElement, r.destination))
            return false;
        if (!seen.insert({r.source, r.destination, r.description}).second) {
            InputError e;
            e.file = r.at.file;
            e.message = "a relationship from '" + ws_.elements[std::size_t(r.source)].name +
                        "' to '" + ws_.elements[std::size_t(r.destination)].name +
                        "' with this description already exists";
            e.line = r.at.line;
            e.column = r.at.column;
            error_ = std::move(e);
            return false;
        }
    }
    return true;
}

} // namespace plumb::interop::structurizr

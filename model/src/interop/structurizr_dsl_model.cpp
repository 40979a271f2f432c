// The DSL parser's model statements: elements, groups, relationships, archetypes and the
// statements inside an element's or a relationship's block.
#include "structurizr_dsl_parser.h"

#include <cctype>

namespace plumb::interop::structurizr {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {

bool isArrow(const Token& t) {
    return !t.quoted && (t.text == "->" ||
                         (t.text.size() > 4 && t.text.starts_with("--") && t.text.ends_with("->")));
}

bool validIdentifier(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    return true;
}

void addTags(std::vector<std::string>& tags, std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        std::string_view tag = text.substr(start, comma - start);
        while (!tag.empty() && tag.front() == ' ')
            tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ')
            tag.remove_suffix(1);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.emplace_back(tag);
        start = comma + 1;
    }
}

std::optional<ElementType> typeOf(std::string_view base) {
    if (base == "person") return ElementType::Person;
    if (base == "softwaresystem") return ElementType::SoftwareSystem;
    if (base == "container") return ElementType::Container;
    if (base == "component") return ElementType::Component;
    if (base == "element") return ElementType::Custom;
    return std::nullopt;
}

bool isDeployment(std::string_view keyword) {
    return keyword == "deploymentenvironment" || keyword == "deploymentnode" ||
           keyword == "infrastructurenode" || keyword == "softwaresysteminstance" ||
           keyword == "containerinstance" || keyword == "deploymentgroup";
}

} // namespace

bool DslParser::sawDeployment() const {
    for (const auto& [what, count] : dropped_)
        if (what.starts_with("deployment:")) return true;
    return false;
}

std::string DslParser::pathOf(int element) const {
    while (element >= 0) {
        if (!paths_[std::size_t(element)].empty()) return paths_[std::size_t(element)];
        element = ws_.elements[std::size_t(element)].parent;
    }
    return {};
}

int DslParser::lookup(const std::string& name, int scopeElement) const {
    std::string path = pathOf(scopeElement);
    while (true) {
        // identifiers are case-insensitive, as in the reference parser
        const auto found = identifiers_.find(lowered(path.empty() ? name : path + "." + name));
        if (found != identifiers_.end()) return found->second;
        if (path.empty()) return -1;
        const std::size_t dot = path.rfind('.');
        path = dot == std::string::npos ? std::string() : path.substr(0, dot);
    }
}

bool DslParser::registerIdentifier(const Token& id, int element, int parent) {
    if (!validIdentifier(id.text))
        return fail(id, "'" + id.text + "' is not an identifier (letters, digits, _ and - only)");
    const std::string parentPath = hierarchical_ ? pathOf(parent) : std::string();
    const std::string full = parentPath.empty() ? id.text : parentPath + "." + id.text;
    const std::string key = lowered(full);
    if (const auto used = where_.find(key); used != where_.end())
        return fail(id, "the identifier '" + full + "' is already used at line " +
                            std::to_string(used->second.first));
    identifiers_[key] = element;
    where_[key] = {id.line, id.column};
    paths_[std::size_t(element)] = full;
    return true;
}

bool DslParser::allowedChild(const Scope& scope, std::string_view base, const Token& at) {
    std::optional<ElementType> parent;
    if (scope.element >= 0) parent = ws_.elements[std::size_t(scope.element)].type;
    const auto type = typeOf(base);
    bool ok = false;
    if (!parent)
        ok = type == ElementType::Person || type == ElementType::SoftwareSystem ||
             type == ElementType::Custom;
    else if (*parent == ElementType::SoftwareSystem)
        ok = type == ElementType::Container;
    else if (*parent == ElementType::Container)
        ok = type == ElementType::Component;
    if (ok) return true;
    return fail(at, "a " + std::string(type ? typeName(*type) : "group") + " is not allowed " +
                        (parent ? "inside a " + std::string(typeName(*parent))
                                : std::string("at the model level")));
}

bool DslParser::modelStatement(Lexer& lexer, Statement& s, const Scope& scope) {
    auto& t = s.tokens;
    if (scope.kind == ScopeKind::Element) {
        bool handled = false;
        const bool ok = elementBodyStatement(lexer, s, scope, handled);
        if (handled) return ok;
    }
    for (std::size_t i = 0; i < t.size() && i < 4; ++i)
        if (isArrow(t[i])) {
            if (i == 0 || i == 1 || (i == 3 && t[1].is("=")))
                return relationship(lexer, s, scope, i);
            return fail(t[i], "expected a relationship as: [id =] source -> destination ...");
        }
    const std::size_t at = t.size() >= 3 && t[1].is("=") ? 2 : 0;
    const std::string keyword = t[at].quoted ? std::string() : lowered(t[at].text);
    const auto archetype = archetypes_.find(t[at].text);
    const std::string base = archetype != archetypes_.end() ? archetype->second.base : keyword;
    if (base == "group") return groupDeclaration(lexer, s, scope, at);
    if (typeOf(base)) return elementDeclaration(lexer, s, scope, at);
    if (isDeployment(keyword)) {
        if (at == 2) skippedIdentifiers_.insert(lowered(t[0].text));
        return skipBlock(lexer, s, "deployment", "deployment environments are not modelled");
    }
    if (at != 0) return fail(t[at], "unexpected '" + t[at].text + "' after '='");
    if (keyword == "archetypes" && scope.kind == ScopeKind::Model && s.opensBlock())
        return archetypesBlock(lexer, s);
    if (keyword == "properties" && scope.kind == ScopeKind::Model && s.opensBlock())
        return properties(lexer, s, ws_.properties);
    if (keyword == "enterprise")
        return fail(t[0], "unsupported feature: 'enterprise' (removed from the DSL; use group)");
    if (keyword == "!element" || keyword == "!extend" || keyword == "!ref")
        return extendElement(lexer, s, scope);
    if (keyword == "!elements" || keyword == "!relationships" || keyword == "!relationship")
        return skipBlock(lexer, s, keyword, "bulk operations on expressions are not evaluated");
    if (keyword == "!components")
        return skipBlock(lexer, s, keyword, "components found in code are not read");
    if (keyword == "perspectives")
        return skipBlock(lexer, s, "perspectives", "perspectives are not modelled");
    return fail(t[0], "unexpected '" + t[0].text + "' in " +
                          (scope.kind == ScopeKind::Group ? "a group" : "the model"));
}

bool DslParser::elementDeclaration(Lexer& lexer, Statement& s, const Scope& scope, std::size_t at) {
    const auto& t = s.tokens;
    auto archetype = archetypes_.find(t[at].text);
    if (archetype == archetypes_.end())
        archetype = archetypes_.find("default:" + lowered(t[at].text));
    const Archetype* arch = archetype != archetypes_.end() ? &archetype->second : nullptr;
    const std::string base = arch ? arch->base : lowered(t[at].text);
    if (!allowedChild(scope, base, t[at])) return false;
    const std::size_t end = t.size() - (s.opensBlock() ? 1 : 0);
    const ElementType type = *typeOf(base);
    const std::size_t most =
        type == ElementType::Person || type == ElementType::SoftwareSystem ? 3 : 4;
    if (end <= at + 1) return fail(t[at], "expected a name after '" + t[at].text + "'");
    if (end - at - 1 > most)
        return fail(t[at + 1 + most],
                    "too many tokens: " + t[at].text +
                        (most == 3                     ? " <name> [description] [tags]"
                         : type == ElementType::Custom ? " <name> [metadata] [description] "
                                                         "[tags]"
                                                       : " <name> [description] "
                                                         "[technology] [tags]"));
    for (std::size_t i = at + 1; i < end; ++i)
        if (t[i].is("{") || t[i].is("}") || t[i].is("="))
            return fail(t[i], "unexpected '" + t[i].text + "'");
    Element e;
    e.type = type;
    if (arch) {
        e.description = arch->description;
        e.technology = arch->technology;
        e.tags = arch->tags;
        e.properties = arch->properties;
    }
    e.name = t[at + 1].text;
    std::vector<std::string> args;
    for (std::size_t i = at + 2; i < end; ++i)
        args.push_back(t[i].text);
    if (type == ElementType::Custom && !args.empty()) { // metadata first
        e.technology = args[0];
        args.erase(args.begin());
    }
    if (!args.empty()) e.description = args[0];
    if (args.size() > 1 && most == 4 && type != ElementType::Custom) e.technology = args[1];
    if (args.size() > (most == 4 && type != ElementType::Custom ? 2 : 1))
        addTags(e.tags, args.back());
    e.parent = scope.element;
    e.group = scope.group;
    e.at = location(lexer, t[at]);
    if (at == 2) e.identifier = t[0].text;
    const int index = static_cast<int>(ws_.elements.size());
    ws_.elements.push_back(std::move(e));
    paths_.emplace_back();
    if (at == 2 && !registerIdentifier(t[0], index, scope.element)) return false;
    if (!s.opensBlock()) return true;
    Scope body;
    body.kind = ScopeKind::Element;
    body.element = index;
    return parseBlock(lexer, body, false, s.line, s.column);
}

bool DslParser::groupDeclaration(Lexer& lexer, Statement& s, const Scope& scope, std::size_t at) {
    const auto& t = s.tokens;
    if (scope.element >= 0 &&
        ws_.elements[std::size_t(scope.element)].type == ElementType::Component)
        return fail(t[at], "a group is not allowed inside a component");
    if (!s.opensBlock()) return fail(t.back(), "a group needs a block: group \"name\" {");
    if (t.size() != at + 3) return fail(t[at], "expected group \"name\" {");
    Group g;
    g.name = t[at + 1].text;
    g.parent = scope.group;
    g.element = scope.element;
    g.at = location(lexer, t[at]);
    ws_.groups.push_back(std::move(g));
    Scope body = scope;
    body.kind = ScopeKind::Group;
    body.group = static_cast<int>(ws_.groups.size() - 1);
    return parseBlock(lexer, body, false, s.line, s.column);
}

bool DslParser::relationship(Lexer& lexer, Statement& s, const Scope& scope, std::size_t arrow) {
    const auto& t = s.tokens;
    Pending p;
    p.scopeElement = scope.element;
    if (arrow == 0) {
        if (scope.kind != ScopeKind::Element)
            return fail(t[0], "a relationship without a source is allowed only inside an "
                              "element's block");
        p.sourceElement = scope.element;
    } else {
        p.source = t[arrow - 1];
        if (p.source.is("this")) {
            if (scope.kind != ScopeKind::Element)
                return fail(p.source, "'this' is allowed only inside an element's block");
            p.sourceElement = scope.element;
        }
    }
    const std::size_t end = t.size() - (s.opensBlock() ? 1 : 0);
    if (arrow + 1 >= end) return fail(t[arrow], "expected a destination after '->'");
    p.destination = t[arrow + 1];
    if (p.destination.is("this")) {
        if (scope.kind != ScopeKind::Element)
            return fail(p.destination, "'this' is allowed only inside an element's block");
        p.destinationElement = scope.element;
    }
    if (end - arrow - 2 > 3)
        return fail(t[arrow + 5], "too many tokens: source -> destination [description] "
                                  "[technology] [tags]");
    Relationship r;
    if (const auto defaults = archetypes_.find("default:->");
        t[arrow].text == "->" && defaults != archetypes_.end()) {
        r.description = defaults->second.description;
        r.technology = defaults->second.technology;
        r.tags = defaults->second.tags;
        r.properties = defaults->second.properties;
    }
    if (t[arrow].text != "->") {
        const std::string name = t[arrow].text.substr(2, t[arrow].text.size() - 4);
        const auto found = archetypes_.find(name);
        if (found == archetypes_.end() || found->second.base != "relationship")
            return fail(t[arrow], "no relationship archetype named '" + name + "'");
        r.description = found->second.description;
        r.technology = found->second.technology;
        r.tags = found->second.tags;
        r.properties = found->second.properties;
    }
    if (arrow + 2 < end) r.description = t[arrow + 2].text;
    if (arrow + 3 < end) r.technology = t[arrow + 3].text;
    if (arrow + 4 < end) addTags(r.tags, t[arrow + 4].text);
    if (arrow == 3) r.identifier = t[0].text;
    r.at = location(lexer, t[arrow]);
    p.relationship = ws_.relationships.size();
    ws_.relationships.push_back(std::move(r));
    pending_.push_back(std::move(p));
    if (!s.opensBlock()) return true;
    Scope body;
    body.kind = ScopeKind::Relationship;
    body.relationship = static_cast<int>(ws_.relationships.size() - 1);
    body.element = scope.element;
    return parseBlock(lexer, body, false, s.line, s.column);
}

bool DslParser::elementBodyStatement(Lexer& lexer, Statement& s, const Scope& scope,
                                     bool& handled) {
    Element& e = ws_.elements[std::size_t(scope.element)];
    const auto& t = s.tokens;
    const std::string keyword = t[0].quoted ? std::string() : lowered(t[0].text);
    handled = true;
    if ((keyword == "description" || keyword == "technology" || keyword == "metadata") &&
        t.size() == 2) {
        (keyword == "description" ? e.description : e.technology) = t[1].text;
        return true;
    }
    if ((keyword == "tags" || keyword == "tag") && t.size() >= 2) {
        for (std::size_t i = 1; i < t.size(); ++i)
            addTags(e.tags, t[i].text);
        return true;
    }
    if (keyword == "url" && t.size() == 2) return true;
    if (keyword == "properties" && s.opensBlock()) return properties(lexer, s, e.properties);
    if (keyword == "group" && t.size() == 2) { // the group a component finder assigns
        drop("group of " + std::string(typeName(e.type)) + " '" + e.name + "'",
             "a group named inside an element's block is not a bounded context", s.line);
        return true;
    }
    handled = false;
    return true;
}

bool DslParser::relationshipBodyStatement(Lexer& lexer, Statement& s, const Scope& scope) {
    Relationship& r = ws_.relationships[std::size_t(scope.relationship)];
    const auto& t = s.tokens;
    const std::string keyword = t[0].quoted ? std::string() : lowered(t[0].text);
    if ((keyword == "description" || keyword == "technology") && t.size() == 2) {
        (keyword == "description" ? r.description : r.technology) = t[1].text;
        return true;
    }
    if ((keyword == "tags" || keyword == "tag") && t.size() >= 2) {
        for (std::size_t i = 1; i < t.size(); ++i)
            addTags(r.tags, t[i].text);
        return true;
    }
    if (keyword == "url" && t.size() == 2) return true;
    if (keyword == "properties" && s.opensBlock()) return properties(lexer, s, r.properties);
    if (keyword == "perspectives")
        return skipBlock(lexer, s, "perspectives", "perspectives are not modelled");
    return fail(t[0], "unexpected '" + t[0].text + "' in a relationship's block");
}

bool DslParser::archetypesBlock(Lexer& lexer, const Statement& s) {
    Statement inner;
    while (lexer.next(inner)) {
        if (!substitute(inner)) return false;
        auto& t = inner.tokens;
        if (t.size() == 1 && t[0].is("}")) return true;
        if (t.size() == 2 && inner.opensBlock() &&
            (typeOf(lowered(t[0].text)) || t[0].is("->"))) { // defaults for a keyword
            const std::string name = "default:" + lowered(t[0].text);
            archetypes_[name].base = t[0].is("->") ? "relationship" : lowered(t[0].text);
            Scope body;
            body.kind = ScopeKind::Archetype;
            body.archetype = name;
            if (!parseBlock(lexer, body, false, inner.line, inner.column)) return false;
            continue;
        }
        if (t.size() < 3 || !t[1].is("=") || t.size() > 4 || (t.size() == 4 && !inner.opensBlock()))
            return fail(t[0], "expected an archetype as: name = base [{ ... }]");
        Archetype a;
        const std::string base = t[2].text;
        if (const auto parent = archetypes_.find(base); parent != archetypes_.end())
            a = parent->second;
        else if (isArrow(t[2]))
            a.base = "relationship";
        else if (typeOf(lowered(base)) || lowered(base) == "group")
            a.base = lowered(base);
        else
            return fail(t[2], "unknown archetype base '" + base + "'");
        const std::string name = t[0].text;
        archetypes_[name] = std::move(a);
        if (inner.opensBlock()) {
            Scope body;
            body.kind = ScopeKind::Archetype;
            body.archetype = name;
            if (!parseBlock(lexer, body, false, inner.line, inner.column)) return false;
        }
    }
    if (lexer.error()) return error_ = lexer.error(), false;
    return fail(lexer, s.line, s.column, "this block is not closed with '}'");
}

bool DslParser::archetypeStatement(Lexer& lexer, Statement& s, const Scope& scope) {
    Archetype& a = archetypes_[scope.archetype];
    const auto& t = s.tokens;
    const std::string keyword = t[0].quoted ? std::string() : lowered(t[0].text);
    if ((keyword == "description" || keyword == "technology" || keyword == "metadata") &&
        t.size() == 2) {
        (keyword == "description" ? a.description : a.technology) = t[1].text;
        return true;
    }
    if ((keyword == "tags" || keyword == "tag") && t.size() >= 2) {
        for (std::size_t i = 1; i < t.size(); ++i)
            addTags(a.tags, t[i].text);
        return true;
    }
    if (keyword == "url" && t.size() == 2) return true;
    if (keyword == "properties" && s.opensBlock()) return properties(lexer, s, a.properties);
    if (keyword == "perspectives")
        return skipBlock(lexer, s, "perspectives", "perspectives are not modelled");
    return fail(t[0], "unexpected '" + t[0].text + "' in an archetype's block");
}

bool DslParser::extendElement(Lexer& lexer, const Statement& s, const Scope& scope) {
    const auto& t = s.tokens;
    if (t.size() < 2 || t.size() > 3 || (t.size() == 3 && !s.opensBlock()))
        return fail(t[0], "expected " + t[0].text + " <identifier> {");
    const std::string& name = t[1].text;
    int found = lookup(name, scope.element);
    if (found < 0 && name.find("://") != std::string::npos) {
        if (name.starts_with("DeploymentNode://") || name.starts_with("InfrastructureNode://"))
            return skipBlock(lexer, s, "deployment", "deployment environments are not modelled");
        const std::string wanted = name.substr(name.find("://") + 3);
        for (std::size_t i = 0; i < ws_.elements.size() && found < 0; ++i) {
            std::string full = ws_.elements[i].name;
            for (int p = ws_.elements[i].parent; p >= 0; p = ws_.elements[std::size_t(p)].parent)
                full = ws_.elements[std::size_t(p)].name + "." + full;
            if (full == wanted) found = static_cast<int>(i);
        }
    }
    // Identifiers declared inside skipped deployment blocks are not known; such a name is taken
    // as one of them when the workspace has deployment environments.
    const bool deployment = skippedIdentifiers_.count(lowered(name)) ||
                            (!sawDeployment() ? false : name.find('.') == std::string::npos);
    if (found < 0 && deployment)
        return skipBlock(lexer, s, "deployment", "deployment environments are not modelled");
    if (found < 0) return fail(t[1], "unknown identifier '" + name + "'");
    if (!s.opensBlock()) return true;
    Scope body;
    body.kind = ScopeKind::Element;
    body.element = found;
    return parseBlock(lexer, body, false, s.line, s.column);
}

} // namespace plumb::interop::structurizr

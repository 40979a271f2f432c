// The Structurizr DSL importer: detection, then the parser, then the shared mapping.
#include "plumbline/interop/structurizr.h"
#include "structurizr_dsl_parser.h"

namespace plumb::interop {

bool isStructurizrDsl(std::string_view content) {
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
    structurizr::Lexer lexer(content.substr(0, std::min<std::size_t>(content.size(), 1 << 16)), {});
    structurizr::Statement first;
    return lexer.next(first) && first.tokens[0].is("workspace");
}

ImportResult readStructurizrDsl(const ImportSource& source) {
    structurizr::DslParser parser;
    std::optional<structurizr::Workspace> workspace = parser.parse(source.content, source.path);
    if (!workspace) {
        ImportResult result;
        result.report.format = "structurizr-dsl";
        result.report.file = source.path;
        result.errors.push_back(*parser.error());
        return result;
    }
    return structurizr::mapWorkspace(*workspace, source, "structurizr-dsl");
}

const Importer& structurizrDslImporter() {
    static const Importer importer{"structurizr-dsl", "Structurizr DSL", &isStructurizrDsl,
                                   &readStructurizrDsl};
    return importer;
}

} // namespace plumb::interop

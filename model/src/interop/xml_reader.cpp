#include "interop/xml_reader.h"

#include <expat.h>
#include <vector>

namespace plumb::interop::xml {
namespace {

struct State {
    XML_Parser parser = nullptr;
    Handler* handler = nullptr;
    int depth = 0;
    int maxDepth = 0;
    std::optional<Error> error;
    std::vector<Attribute> attributes;

    Position here() const {
        return {static_cast<int>(XML_GetCurrentLineNumber(parser)),
                static_cast<int>(XML_GetCurrentColumnNumber(parser)) + 1};
    }
    void fail(std::string message) {
        if (!error) error = Error{std::move(message), here()};
        XML_StopParser(parser, XML_FALSE);
    }
};

void XMLCALL onStart(void* data, const XML_Char* name, const XML_Char** attrs) {
    auto* s = static_cast<State*>(data);
    if (s->error) return;
    if (++s->depth > s->maxDepth)
        return s->fail("elements are nested deeper than " + std::to_string(s->maxDepth) +
                       " levels; refused");
    s->attributes.clear();
    for (int i = 0; attrs[i] && attrs[i + 1]; i += 2)
        s->attributes.push_back({attrs[i], attrs[i + 1]});
    s->handler->start(name, s->attributes, s->here());
    if (s->handler->stop) s->fail(*s->handler->stop);
}

void XMLCALL onEnd(void* data, const XML_Char* name) {
    auto* s = static_cast<State*>(data);
    if (s->error) return;
    --s->depth;
    s->handler->end(name);
    if (s->handler->stop) s->fail(*s->handler->stop);
}

void XMLCALL onText(void* data, const XML_Char* text, int length) {
    auto* s = static_cast<State*>(data);
    if (s->error) return;
    s->handler->text(std::string_view(text, static_cast<std::size_t>(length)));
    if (s->handler->stop) s->fail(*s->handler->stop);
}

void XMLCALL onDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<State*>(data)->fail(
        "a document type declaration (DTD) is refused: entities could expand without bound or "
        "read other files, and draw.io never writes one");
}

void XMLCALL onEntity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                      const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<State*>(data)->fail("entity declarations are refused");
}

int XMLCALL onExternalEntity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*,
                             const XML_Char*) {
    return XML_STATUS_ERROR; // never read another file or URL
}

} // namespace

std::optional<Error> parse(std::string_view content, Handler& handler, const Limits& limits) {
    State state;
    state.parser = XML_ParserCreate(nullptr);
    if (!state.parser) return Error{"out of memory creating the XML parser", {}};
    state.handler = &handler;
    state.maxDepth = limits.maxDepth;
    XML_SetUserData(state.parser, &state);
    XML_SetElementHandler(state.parser, onStart, onEnd);
    XML_SetCharacterDataHandler(state.parser, onText);
    XML_SetStartDoctypeDeclHandler(state.parser, onDoctype);
    XML_SetEntityDeclHandler(state.parser, onEntity);
    XML_SetExternalEntityRefHandler(state.parser, onExternalEntity);
    XML_SetParamEntityParsing(state.parser, XML_PARAM_ENTITY_PARSING_NEVER);
    // Feed in chunks: XML_Parse takes an int length.
    constexpr std::size_t kChunk = 1 << 24;
    std::size_t offset = 0;
    bool ok = true;
    do {
        const std::size_t n = std::min(kChunk, content.size() - offset);
        const bool last = offset + n == content.size();
        if (XML_Parse(state.parser, content.data() + offset, static_cast<int>(n),
                      last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
            ok = false;
            break;
        }
        offset += n;
    } while (offset < content.size());
    std::optional<Error> result = state.error;
    if (!ok && !result) {
        std::string message = XML_ErrorString(XML_GetErrorCode(state.parser));
        if (XML_GetErrorCode(state.parser) == XML_ERROR_NO_ELEMENTS)
            message = "no XML element found (empty or truncated file)";
        else if (XML_GetErrorCode(state.parser) == XML_ERROR_UNCLOSED_TOKEN ||
                 XML_GetErrorCode(state.parser) == XML_ERROR_UNCLOSED_CDATA_SECTION)
            message += " (the file looks truncated)";
        else
            message = "not well-formed XML: " + message;
        result = Error{message, state.here()};
    }
    XML_ParserFree(state.parser);
    return result;
}

} // namespace plumb::interop::xml

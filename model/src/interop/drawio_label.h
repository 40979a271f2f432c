#pragma once
// The text of a draw.io label: HTML labels made plain, and template placeholders filled in.

#include <map>
#include <string>
#include <string_view>

namespace plumb::interop::drawio {

// Label text without HTML: tags dropped (block tags become line breaks), entities decoded.
std::string stripHtml(std::string_view html);

// %name% placeholders of C4 and other templates, from the object's attributes.
std::string substitute(std::string text, const std::map<std::string, std::string>& attributes);

} // namespace plumb::interop::drawio

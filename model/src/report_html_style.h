#pragma once
// The stylesheet embedded in every HTML report (report_html_style.cpp).

namespace plumb {

const char* reportHtmlStyle();

} // namespace plumb

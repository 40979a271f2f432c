// The HTML report's stylesheet: inline, system fonts only (no external requests), with a
// print layout so the browser's "Print to PDF" gives clean A4/Letter pages too.
#include "report_html_style.h"

namespace plumb {

const char* reportHtmlStyle() {
    return R"CSS(
:root { --ink:#1c2833; --muted:#5d6d7e; --line:#d5dbe1; --soft:#f4f6f9; --accent:#1b3a5c;
  --error:#c0392b; --warning:#d68910; --info:#2e86c1; --ok:#1e8449; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; color:var(--ink); background:#eef1f5;
  font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 1120px; margin: 0 auto; background:#fff; padding: 0 48px 40px;
  box-shadow: 0 0 0 1px #dfe4ea, 0 8px 30px rgba(20,40,60,.06); }
header.cover { margin: 0 -48px 28px; padding: 36px 48px 28px; color:#fff;
  background: linear-gradient(135deg, #15314f 0%, #1f4e79 100%); }
header.cover .kicker { text-transform: uppercase; letter-spacing: .14em; font-size: 11.5px;
  opacity: .8; margin-bottom: 6px; }
header.cover h1 { margin: 0 0 8px; font-size: 30px; line-height: 1.2; font-weight: 650;
  overflow-wrap: anywhere; }
header.cover .description { margin: 0 0 18px; font-size: 15px; max-width: 820px; opacity: .92; }
header.cover dl { display:flex; flex-wrap:wrap; gap: 6px 28px; margin:0; font-size:12.5px; }
header.cover dt { opacity:.7; } header.cover dd { margin:0 0 0 6px; font-weight:600; }
header.cover dl div { display:flex; }
h2 { font-size: 21px; margin: 38px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent);
  color: var(--accent); }
h2 .num { color: var(--muted); font-weight: 400; margin-right: 8px; }
h3 { font-size: 16.5px; margin: 24px 0 8px; color: var(--ink); overflow-wrap:anywhere; }
h4 { font-size: 14px; margin: 14px 0 6px; }
p { margin: 6px 0 10px; }
a { color: #1f5f99; text-decoration: none; } a:hover { text-decoration: underline; }
nav.toc { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
  padding: 14px 22px; margin: 0 0 8px; columns: 2; column-gap: 36px; }
nav.toc h2 { border: 0; margin: 0 0 6px; font-size: 14px; color: var(--muted);
  text-transform: uppercase; letter-spacing: .1em; column-span: all; padding: 0; }
nav.toc ol { margin: 0; padding-left: 20px; } nav.toc > ol { list-style: none; padding-left: 0; }
nav.toc > ol > li > a .num { display: inline-block; min-width: 1.6em; color: var(--muted); } nav.toc li { margin: 2px 0; break-inside: avoid; }
nav.toc ol ol { font-size: 13px; color: var(--muted); }
.cards { display:grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 12px 0 18px; }
.card { border:1px solid var(--line); border-radius: 8px; padding: 12px 16px; background:#fff; }
.card .n { font-size: 28px; font-weight: 700; line-height: 1.1; }
.card .label { color: var(--muted); font-size: 12.5px; text-transform: uppercase; letter-spacing:.06em; }
.card.error { border-top: 4px solid var(--error); } .card.error .n { color: var(--error); }
.card.warning { border-top: 4px solid var(--warning); } .card.warning .n { color: var(--warning); }
.card.info { border-top: 4px solid var(--info); } .card.info .n { color: var(--info); }
.card.waived { border-top: 4px solid #95a5a6; } .card.waived .n { color: #7f8c8d; }
.verdict { padding: 10px 14px; border-radius: 6px; background: var(--soft); border-left: 4px solid var(--accent); }
ol.risks { padding-left: 0; list-style: none; margin: 8px 0; }
ol.risks li { display:flex; gap: 10px; align-items: baseline; padding: 8px 0; border-bottom: 1px solid #eceff2; }
ol.risks .where { font-weight: 600; white-space: nowrap; }
.pill { display:inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; font-weight: 700;
  color:#fff; text-transform: uppercase; letter-spacing: .04em; white-space: nowrap; vertical-align: 1px; }
.pill.error { background: var(--error); } .pill.warning { background: var(--warning); }
.pill.info { background: var(--info); } .pill.ok { background: var(--ok); }
.pill.muted { background: #95a5a6; }
.tag { display:inline-block; padding: 0 7px; border-radius: 4px; background: #eaf0f6; color: #1f4e79;
  font-size: 12px; margin: 1px 2px 1px 0; }
code, .id { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px;
  color: var(--muted); overflow-wrap:anywhere; }
figure { margin: 12px 0 18px; border: 1px solid var(--line); border-radius: 8px; padding: 12px; background:#fff;
  overflow-x: auto; }
figure svg { display:block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 12.5px; margin-top: 8px; text-align: center; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 9px; border-bottom: 1px solid #e5e8eb;
  overflow-wrap: anywhere; }
th { background: var(--soft); color: #34495e; font-weight: 600; font-size: 12px;
  border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
.context { border-left: 4px solid #b3bfcc; padding-left: 14px; margin: 18px 0; }
.context .meta { color: var(--muted); font-size: 13px; }
.stores { display:grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.store { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; break-inside: avoid; }
.store h4 { margin: 0 0 2px; font-size: 14.5px; overflow-wrap:anywhere; }
.store .sub { color: var(--muted); font-size: 12.5px; margin-bottom: 6px; }
.store table { margin: 4px 0 8px; font-size: 12.5px; }
.store td { padding: 3px 6px; } .store td:first-child { color: var(--muted); width: 46%; }
.fit { display:flex; align-items:center; gap: 8px; font-size: 12.5px; margin: 3px 0; }
.fit .bar { flex: 0 0 110px; height: 8px; background: #e5e8eb; border-radius: 4px; overflow: hidden; }
.fit .bar span { display:block; height: 100%; background: #2874a6; }
.fit .bar span.current { background: var(--ok); }
.fit .name { flex: 1; } .fit .score { font-variant-numeric: tabular-nums; color: var(--muted); }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 6px;
  padding: 12px 16px; margin: 12px 0; break-inside: avoid; }
.finding.error { border-left-color: var(--error); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding h4 { margin: 0 0 4px; font-size: 15px; overflow-wrap:anywhere; }
.finding .where { color: var(--muted); font-size: 12.5px; margin-bottom: 6px; }
.finding dl { display:grid; grid-template-columns: 130px 1fr; gap: 4px 12px; margin: 8px 0 0; font-size: 13px; }
.finding dt { color: var(--muted); font-weight: 600; } .finding dd { margin: 0; overflow-wrap:anywhere; }
.evidence { display:flex; flex-wrap: wrap; gap: 4px 8px; }
.evidence span { background: var(--soft); border: 1px solid #e5e8eb; border-radius: 4px; padding: 0 6px;
  font-variant-numeric: tabular-nums; }
.sources { margin: 0; padding-left: 18px; } .sources li { overflow-wrap: anywhere; }
.pattern { border-bottom: 1px solid #e5e8eb; padding: 8px 0 10px; break-inside: avoid; }
.pattern h3 { margin: 4px 0; font-size: 15px; }
.note { color: var(--muted); font-size: 12.5px; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--muted);
  font-size: 12px; display:flex; justify-content: space-between; gap: 20px; flex-wrap: wrap; }
@media (max-width: 820px) { .cards { grid-template-columns: 1fr 1fr; } .stores { grid-template-columns: 1fr; }
  nav.toc { columns: 1; } .page { padding: 0 18px 30px; } header.cover { margin: 0 -18px 20px; padding: 24px 18px; } }
@media print {
  @page { size: A4; margin: 15mm 14mm 16mm; }
  body { background: #fff; font-size: 11.5px; }
  .page { max-width: none; padding: 0; box-shadow: none; }
  header.cover { margin: 0 0 18px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .pill, .card, .finding, .fit .bar span, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
  section.major { break-before: page; }
  figure { overflow: visible; border: 0; padding: 0; }
  a { color: inherit; }
  nav.toc { break-after: page; }
}
)CSS";
}

} // namespace plumb

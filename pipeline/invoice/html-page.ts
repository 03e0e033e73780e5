import { escapeHtml as esc } from "../text-safety.ts";
export { esc };

export { yen } from "./print-model.ts";

/** What every printed page shares: A4 (landscape for wide tables), the type, the table. */
const STYLE = `
@page { size: A4; margin: 14mm 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm; }
body.landscape main { page: wide; max-width: 273mm; }
body.landscape table { font-size: 8.5pt; }
* { box-sizing: border-box; }
body { font-family: "Hiragino Mincho ProN", "Yu Mincho", "Noto Serif CJK JP", serif; color: #111; margin: 0; line-height: 1.45; font-size: 10pt; }
main { max-width: 182mm; margin: 0 auto; }
h1 { font-size: 17pt; text-align: center; letter-spacing: .3em; margin: 0 0 4mm; border-bottom: 2px solid #111; padding-bottom: 1.5mm; }
p { margin: 2mm 0; }
.parties { display: flex; justify-content: space-between; gap: 8mm; margin-bottom: 4mm; }
.to { font-size: 13pt; border-bottom: 1px solid #111; padding-bottom: 1mm; }
.from { text-align: right; font-size: 9pt; }
.amount { border: 2px solid #111; padding: 2mm 5mm; font-size: 14pt; margin: 3mm 0 4mm; display: flex; justify-content: space-between; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 3mm; }
th, td { border: 1px solid #555; padding: 1mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.totals td:first-child { text-align: right; }
.note { font-size: 8pt; color: #333; line-height: 1.35; }
td .note { margin-top: .3mm; }
.docmeta { text-align: right; font-size: 9pt; }
.blank { color: #555; }
tr { break-inside: avoid; }
@media print { .screen-only { display: none; } }
@media screen { body { background: #f4f4f4; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 6px rgba(0,0,0,.15); } }
`;

export const page = (title: string, body: string, orientation: "portrait" | "landscape" = "portrait") =>
  `<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body${orientation === "landscape" ? ' class="landscape"' : ""}>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

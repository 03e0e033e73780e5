/**
 * The default theme: plain CSS, no CDN, no tracker. Japanese typography (a Japanese-first system
 * font stack: `system-ui` first would pick a Chinese face for kanji on a Windows set to another
 * language, so Japanese families come first and sans-serif last;
 * generous line height, proportional kana spacing off for body text), readable line length,
 * good on phones. Colours meet WCAG 2.1 AA: text #1f2328 on #fff is 15.8:1, the default
 * accent #0b5e47 on #fff is 7.4:1 (links stay underlined, so colour is never the only cue).
 */
export function themeCss(accent: string): string {
  return `:root { --accent: ${accent}; --text: #1f2328; --muted: #545d68; --bg: #ffffff; --line: #d0d7de; --soft: #f6f8fa; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "BIZ UDPGothic", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo, "Noto Sans JP", "Noto Sans CJK JP", sans-serif; font-size: 1.0625rem; line-height: 1.85; letter-spacing: 0.02em; overflow-wrap: anywhere; }
a { color: var(--accent); text-underline-offset: 0.2em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--text); color: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
header.site, footer.site { border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; margin-top: 4rem; color: var(--muted); font-size: 0.875rem; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
header.site .wrap { display: flex; align-items: center; gap: 0.75rem; padding-top: 0.75rem; padding-bottom: 0.75rem; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--text); text-decoration: none; }
.brand img { height: 2rem; vertical-align: middle; margin-right: 0.5rem; }
nav.site { margin-left: auto; display: flex; gap: 1rem; flex-wrap: wrap; font-size: 0.9375rem; }
main { padding-top: 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.45; margin: 0.5rem 0 0.75rem; letter-spacing: 0.04em; }
h2 { font-size: 1.3rem; line-height: 1.5; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
p { margin: 0 0 1.25em; }
.card { display: grid; grid-template-columns: 1fr; column-gap: 1rem; }
.card.with-thumb { grid-template-columns: 1fr 8rem; }
.card .thumb { grid-column: 2; grid-row: 1 / span 3; margin: 0; }
.card .thumb img { width: 8rem; height: 5.33rem; object-fit: cover; border-radius: 6px; }
.writer .field { margin: 1rem 0; }
.writer label { display: block; font-weight: 600; }
.writer input:not([type=file]), .writer select, .writer textarea, .send input { width: 100%; font: inherit; padding: 0.5rem 0.75rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); color: var(--text); }
.writer textarea { line-height: 1.7; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.25rem 0; }
.toolbar button, .toolbar-photo, .send button, .finding button { font: inherit; font-size: 0.9375rem; padding: 0.25rem 0.75rem; border: 1px solid var(--accent); border-radius: 6px; background: var(--bg); color: var(--accent); cursor: pointer; }
.toolbar-photo input { display: block; margin-top: 0.25rem; font-size: 0.8125rem; }
.counter, .photo-status, .brief-note { color: var(--muted); font-size: 0.9375rem; margin: 0.25rem 0; }
.findings { list-style: none; padding: 0; margin: 0.25rem 0; }
.finding { border-left: 4px solid var(--line); padding: 0.25rem 0.75rem; margin: 0.25rem 0; background: var(--soft); }
.finding.error { border-color: #b42318; }
.finding.warning { border-color: #9a6700; }
.finding .severity { font-weight: 700; }
.paragraphs { padding-left: 1.25rem; }
.paragraphs .quote { margin: 0.75rem 0 0.25rem; color: var(--muted); white-space: pre-wrap; }
.check-status[data-state=ok] { color: var(--accent); font-weight: 700; }
.preview article { border: 1px dashed var(--line); padding: 0 1rem; }
.preview img { max-width: 100%; height: auto; }
.search-form { display: flex; gap: 0.5rem; margin: 1rem 0 1.5rem; }
.search-form input { flex: 1; font: inherit; padding: 0.5rem 0.75rem; border: 1px solid var(--muted); border-radius: 6px; }
.search-form button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: #fff; }
.search-status { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.contact th { text-align: left; padding-right: 1rem; white-space: nowrap; }
img, picture { max-width: 100%; height: auto; display: block; }
picture, figure { margin: 1.5rem 0; }
.cover img { border-radius: 8px; }
.meta { color: var(--muted); font-size: 0.875rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin-bottom: 1.25rem; }
.tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.tags a { display: inline-block; padding: 0.1rem 0.6rem; border: 1px solid var(--line); border-radius: 999px; font-size: 0.8125rem; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 1.5rem 0; font-size: 0.9375rem; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.5rem 0.75rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
blockquote { margin: 1.5rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
.cards { list-style: none; padding: 0; display: grid; gap: 1.5rem; }
.card a.title { font-size: 1.15rem; font-weight: 700; line-height: 1.5; }
.card p { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.9375rem; }
.pager { display: flex; justify-content: space-between; margin: 2rem 0; }
@media (max-width: 30rem) { body { font-size: 1rem; } h1 { font-size: 1.5rem; } }
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
}

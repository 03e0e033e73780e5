import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
const { textlintFor, loadTokenizer } = await import("./pipeline/checks/prose/textlint.mjs");
const root = process.cwd();
const linter = await textlintFor(root); await loadTokenizer();
const files = readdirSync("articles", { recursive: true }).filter((f) => f.endsWith(".md")).map((f) => path.join(root, "articles", f));
const mode = process.argv[2];
let t = performance.now();
for (const f of files) { const raw = readFileSync(f, "utf8"); await linter.lint(raw, f); if (mode === "fields") await linter.lint("# タイトルです\n\n要約の文章です。\n", f); }
console.log(mode, files.length, (performance.now() - t).toFixed(0), "ms");

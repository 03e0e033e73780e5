const { textlintFor, loadTokenizer } = await import("./pipeline/checks/prose/textlint.mjs");
const root = process.cwd();
const linter = await textlintFor(root); await loadTokenizer();
for (const text of ["", "短い文です。\n"]) {
  let t = performance.now();
  for (let i = 0; i < 200; i++) await linter.lint(text, root + "/articles/x.md");
  console.log(JSON.stringify(text), ((performance.now() - t) / 200).toFixed(2), "ms per lint");
}

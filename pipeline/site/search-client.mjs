// The site's search, in plain JavaScript: copied as it is to dist/assets/search.mjs and run in
// the reader's browser, and imported by the build for its tokenizer, so both split text alike.
// (Plain .mjs, not TypeScript: the browser gets this exact file, whatever bundles the build.)

/**
 * Japanese has no spaces between words: runs of kanji and kana become overlapping
 * two-character pieces (bigrams), anything else words. Width and case are folded (NFKC).
 */
export function tokenize(text) {
  const out = [];
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]/u;
  for (const match of text
    .normalize("NFKC")
    .toLowerCase()
    .matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]+|[\p{L}\p{N}]+/gu)) {
    const run = match[0];
    if (!cjk.test(run) || run.length === 1) out.push(run);
    else for (let i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/**
 * The city's own spellings as one word (prh.yml: 「子供」 and 「こども」 are written 「子ども」):
 * `variants` is [spelling, the city's form] pairs, longest first, applied to the articles and the
 * query alike, so a resident finds the article whichever spelling they type.
 */
export function unify(text, variants) {
  let out = text.normalize("NFKC").toLowerCase();
  for (const [from, to] of variants) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

const same = (term) => term;
export function searchOptions(variants) {
  return {
    fields: ["title", "summary", "text"],
    storeFields: ["title", "url", "date", "summary"],
    idField: "url",
    tokenize: variants.length ? (text) => tokenize(unify(text, variants)) : tokenize,
    processTerm: same,
  };
}
export const SEARCH_OPTIONS = searchOptions([]);

function run(form) {
  const base = form.dataset.base;
  const input = form.querySelector("input");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  // Beside this file in assets/: no CDN, no third party. Loaded once; searches wait for it.
  const variants = fetch(`${base}search-variants.json`)
    .then((r) => (r.ok ? r.json() : []))
    .catch(() => []);
  const ready = import(new URL("./minisearch.mjs", import.meta.url).href).then(async ({ default: MiniSearch }) =>
    MiniSearch.loadJSON(await (await fetch(`${base}search-index.json`)).text(), searchOptions(await variants)),
  );
  let asked = 0;
  const show = async (query) => {
    const turn = ++asked;
    const index = await ready;
    if (turn !== asked) return; // a newer search was asked for meanwhile
    list.textContent = "";
    if (!query.trim()) {
      status.textContent = "さがしたい言葉を入れてください。";
      return;
    }
    const hits = index.search(query, { combineWith: "AND", tokenize: searchOptions(await variants).tokenize, processTerm: same });
    status.textContent = hits.length
      ? `「${query}」の記事が ${hits.length} 件見つかりました。`
      : `「${query}」の記事は見つかりませんでした。言葉を短くするか、別の言葉でさがしてください。`;
    for (const hit of hits.slice(0, 50)) {
      const li = document.createElement("li");
      li.className = "card";
      const a = document.createElement("a");
      a.className = "title";
      a.href = base + hit.url;
      a.textContent = hit.title;
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = hit.date;
      const p = document.createElement("p");
      p.textContent = hit.summary;
      li.append(a, meta, p);
      list.append(li);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    show(input.value);
  });
  const query = new URLSearchParams(location.search).get("q") ?? "";
  if (query && !input.value) input.value = query;
  show(input.value);
}

if (typeof document !== "undefined") {
  const form = document.getElementById("kawaraban-search");
  if (form) run(form);
}

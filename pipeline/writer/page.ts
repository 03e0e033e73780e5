import type { Config } from "../article/config.ts";
import type { Brief } from "../desk/brief.ts";
import { imageLimits } from "../images/limits.ts";
import { esc, layout } from "../site/templates.ts";
import type { SiteContext } from "../site/model.ts";

/**
 * The writer's page (`/write/`): a static form generated from the config, a Markdown body with
 * a small toolbar, live findings from the project's own checks (a web worker), photos cleaned on
 * the device and one click to a pull request. Everything the page knows comes from this model,
 * written into the page as JSON data (never as script); the page's behaviour is `page.js`.
 */
export interface WriterModel {
  /** What the door needs to judge a draft as `check` would: no invoice names, rates or payer. */
  config: Pick<Config, "categories" | "limits" | "images" | "site"> & { writers: Record<string, { name: string }> };
  briefs: { id: string; title: string; category?: string; deadline: string; length?: { min?: number; max?: number }; writer?: string; issue?: number }[];
  /** The repository's pull request template, filled in by the page. */
  prTemplate: string;
  tags: string[];
  github: { repository?: string; api: string; web: string; defaultBranch: string };
  maxLongEdge: number;
}

export function writerModel(config: Config, briefs: readonly Brief[], tags: readonly string[], repository: string | undefined, prTemplate = ""): WriterModel {
  const writers = Object.fromEntries(Object.entries(config.writers).map(([handle, w]) => [handle, { name: w.name }]));
  const api = config.github.api;
  return {
    config: { categories: config.categories, limits: config.limits, images: config.images, site: config.site, writers } as WriterModel["config"],
    briefs: briefs
      .filter((b) => b.status === "open")
      .map(({ id, title, category, deadline, length, writer, issue }) => ({ id, title, category, deadline, length, writer, issue })),
    prTemplate,
    tags: [...tags].sort(),
    github: { repository: config.github.repository ?? repository, api, web: webOrigin(api), defaultBranch: config.github.defaultBranch },
    maxLongEdge: Math.min(imageLimits(config).maxLongEdge, 2400),
  };
}

/** github.com for api.github.com; https://host for a GitHub Enterprise Server's https://host/api/v3. */
export function webOrigin(api: string): string {
  const url = new URL(api);
  if (url.hostname === "api.github.com") return "https://github.com";
  return url.origin;
}

/**
 * The page's policy: scripts and the worker from the site only, connections to the site (the
 * tokenizer's dictionary) and the configured GitHub API only, photos shown from memory.
 */
export function writerCsp(model: WriterModel): string {
  const api = new URL(model.github.api).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    `connect-src 'self' ${api}`,
    "img-src 'self' blob:",
    "style-src 'self'",
    "font-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/** JSON inside a non-executed script element: `<` escaped so no text can close the element. */
const dataJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

export function writerPage(ctx: SiteContext, model: WriterModel): string {
  const categories = Object.entries(model.config.categories)
    .map(([slug, c]) => `<option value="${esc(slug)}">${esc(c.name)}</option>`)
    .join("");
  const writers = Object.entries(model.config.writers)
    .map(([handle, w]) => `<option value="${esc(handle)}">${esc(w.name)}（${esc(handle)}）</option>`)
    .join("");
  const html = layout(
    ctx,
    { title: "記事を書く", description: "ライターが記事を書いて送るためのページです", path: "write/", noindex: true },
    main(categories, writers, model),
  );
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${esc(writerCsp(model))}">`);
}

function main(categories: string, writers: string, model: WriterModel): string {
  return `<h1>記事を書く</h1>
<p class="lead">書いているあいだに、公開前と同じ確認をこの画面で行います。下書きはこの端末のブラウザーに自動で保存されます。写真の位置情報などは端末の中で取り除いてから送ります。</p>
<noscript><p>このページは JavaScript を使います。使えないときは、README の「コマンドで書く」の手順で書いてください。</p></noscript>
<form id="writer" class="writer" novalidate>
<p id="brief-note" class="brief-note" hidden></p>
<div class="field"><label for="w-writer">ライター</label><select id="w-writer" data-kawaraban="writer" required><option value="">選んでください</option>${writers}</select></div>
<div class="field"><label for="w-title">タイトル</label><input id="w-title" data-kawaraban="title" required autocomplete="off"><ul class="findings" data-for="title" aria-live="polite"></ul></div>
<div class="field"><label for="w-date">公開日</label><input id="w-date" type="date" data-kawaraban="date" required></div>
<div class="field"><label for="w-summary">概要（一覧やSNSに出る短い紹介）</label><textarea id="w-summary" data-kawaraban="summary" rows="3" aria-describedby="w-summary-count"></textarea><p class="counter" id="w-summary-count" aria-live="polite"></p><ul class="findings" data-for="summary" aria-live="polite"></ul></div>
<div class="field"><label for="w-category">カテゴリー</label><select id="w-category" data-kawaraban="category" required><option value="">選んでください</option>${categories}</select></div>
<div class="field"><label for="w-tags">タグ（読点「、」で区切ります）</label><input id="w-tags" data-kawaraban="tags" list="w-tag-list" autocomplete="off"><datalist id="w-tag-list"></datalist></div>
<div class="field"><label for="w-slug">記事のURLの名前（半角英小文字・数字・ハイフン）</label><input id="w-slug" data-kawaraban="slug" pattern="[a-z0-9][a-z0-9-]*[a-z0-9]" autocomplete="off"></div>
<div class="field"><label for="w-cover">表紙の写真</label><input id="w-cover" type="file" accept="image/*" data-kawaraban="photo"><p class="photo-status" id="w-cover-status" aria-live="polite"></p></div>
<div class="field"><label for="w-cover-alt">表紙の写真の説明（目の見えない人に読み上げられます）</label><input id="w-cover-alt" data-kawaraban="coverAlt" autocomplete="off"><ul class="findings" data-for="coverAlt" aria-live="polite"></ul></div>
<div class="field body-field">
<label for="w-body">本文（Markdown）</label>
<div class="toolbar" role="toolbar" aria-label="本文の書式">
<button type="button" data-insert="heading">見出し</button><button type="button" data-insert="list">箇条書き</button><button type="button" data-insert="link">リンク</button><label class="toolbar-photo">写真を入れる<input type="file" accept="image/*" id="w-body-photo" data-kawaraban="body-photo"></label>
</div>
<textarea id="w-body" data-kawaraban="body" rows="18"></textarea>
<p class="counter" id="w-body-count" aria-live="polite"></p>
</div>
</form>
<section class="check" aria-labelledby="check-title"><h2 id="check-title">確認の結果</h2>
<p id="check-status" class="check-status" aria-live="polite" data-kawaraban="status">確認の準備をしています（初回は辞書を読み込むため数秒かかります）。</p>
<p><button type="button" id="fix-all" data-kawaraban="fix-all" hidden></button></p>
<ol id="check-paragraphs" class="paragraphs" data-kawaraban="findings"></ol>
</section>
<section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">プレビュー</h2><article id="preview" class="article-body" data-kawaraban="preview"></article></section>
<section class="send" aria-labelledby="send-title"><h2 id="send-title">送る</h2>
<div class="field"><label for="w-token">GitHub のトークン（この端末のブラウザーにだけ保存します）</label><input id="w-token" type="password" autocomplete="off" data-kawaraban="token"><button type="button" id="w-forget">トークンを忘れる</button></div>
<details><summary>トークンの作り方</summary><ol>
<li>GitHub にログインし、右上の自分のアイコン →「Settings」→ 左の一番下「Developer settings」→「Personal access tokens」→「Fine-grained tokens」を開きます。</li>
<li>「Generate new token」を押し、名前（例: 瓦版の記事）と有効期限（例: 90日）を決めます。</li>
<li>「Repository access」で「Only select repositories」を選び、${esc(model.github.repository ?? "このサイトのリポジトリ")} だけを選びます（書き込み権限がない人は、自分のフォーク）。</li>
<li>「Permissions」で「Contents」と「Pull requests」を「Read and write」にします。ほかは「No access」のままにします。</li>
<li>「Generate token」を押し、表示された文字列をこの欄に貼り付けます。トークンはパスワードと同じです。人に見せないでください。</li>
</ol></details>
<p><button type="button" id="w-submit" data-kawaraban="submit">プルリクエストを作る</button> <button type="button" id="w-no-token" data-kawaraban="submit-without-token">トークンなしで送る</button></p>
<div id="send-status" class="send-status" aria-live="polite" data-kawaraban="send-status"></div>
</section>
<script type="application/json" id="kawaraban-writer">${dataJson(model)}</script>
<script src="page.js" defer></script>`;
}

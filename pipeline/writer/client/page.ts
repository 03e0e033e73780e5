/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The writer's page: the form → one article file (compose.ts), checked in a web worker as the
// writer types, photos cleaned on the device, the draft kept in this browser, and the pull request.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import { composeArticle, photoPathOf, relativeToArticle, slugOf, splitTags, type Composed, type DraftFields } from "../compose.ts";
import type { WriterModel } from "../page.ts";
import { newFileUrl, submitPullRequest, SubmitError } from "../submit.ts";
import { cleanPhoto } from "./photo.ts";
import { DraftStore, tokenStore, type StoredPhoto } from "./store.ts";
import { renderFindings } from "./view.ts";
import { renderPreview } from "./preview.ts";
import type { Root } from "hast";
import { pullRequestBody, toolbarInsert } from "./text.ts";
import { applyFixes } from "./fixes.ts";

const model = JSON.parse(document.getElementById("kawaraban-writer")!.textContent!) as WriterModel;
const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = (name: string) => document.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[data-kawaraban="${name}"]`)!;
const FIELDS = ["writer", "title", "date", "summary", "category", "tags", "slug", "coverAlt", "body"] as const;

const store = new DraftStore(`kawaraban-writer:${model.github.repository ?? "site"}`);
const photos: (StoredPhoto & { url: string })[] = [];
let brief: WriterModel["briefs"][number] | undefined;
let composed: Composed | undefined;
let findings: Diagnostic[] = [];

function fields(): DraftFields {
  const cover = photos.find((p) => p.role === "cover");
  const base = {
    ...(Object.fromEntries(FIELDS.map((f) => [f, input(f).value])) as Record<(typeof FIELDS)[number], string>),
    brief: brief?.id,
  };
  const draft: DraftFields = { ...base, tags: splitTags(base.tags) };
  return { ...draft, cover: cover && photoPathOf(draft, today, cover.n, "jpg") };
}

// --- checking -------------------------------------------------------------------------------
const worker = new Worker("check-worker.js");
let asked = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
worker.onmessage = (event: MessageEvent<{ id: number; diagnostics?: Diagnostic[]; preview?: Root; error?: string }>) => {
  if (event.data.id !== asked || !composed) return; // an answer to an older text
  const status = $("check-status");
  delete status.dataset.pending;
  if (event.data.error) {
    status.textContent = `確認の途中で問題が起きました: ${event.data.error}`;
    return;
  }
  findings = event.data.diagnostics ?? [];
  const draft = fields();
  renderPreview($("preview"), event.data.preview, (repoPath) => photos.find((p) => photoPathOf(draft, today, p.n, "jpg") === repoPath)?.url);
  const { errors, warnings } = renderFindings(findings, composed, { fix: applyFix });
  status.dataset.state = errors ? "error" : "ok";
  status.textContent =
    errors + warnings === 0 ? "問題は見つかりませんでした。送ることができます。" : `エラー ${errors} 件、注意 ${warnings} 件（エラーを直すと送れます）。`;
  // The city's 表記 and marks (info with a fix) are a choice with one right form: one click for all.
  notation = findings.filter((d) => d.severity === "info" && d.fix !== undefined && d.fix.range[0] >= composed!.bodyOffset);
  const fixAll = $<HTMLButtonElement>("fix-all");
  fixAll.disabled = false;
  fixAll.hidden = notation.length === 0;
  fixAll.textContent = `表記をまとめて直す（${notation.length} か所）`;
};

let notation: Diagnostic[] = [];
/**
 * Findings and their fixes belong to the text as it was checked. Between a keystroke and the next
 * answer they point at the old text: a fix applied then would land on the wrong characters, so
 * the buttons wait (disabled, and a click is ignored) until the new answer has drawn them again.
 */
const stale = () => $("check-status").dataset.pending !== undefined;
/** The text changed: the status says a check is coming, and the fixes wait for it. */
function awaitCheck(): void {
  $("check-status").dataset.pending = "true";
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-kawaraban="fix"], [data-kawaraban="fix-all"]')) button.disabled = true;
}
$("fix-all").addEventListener("click", () => {
  if (!composed || notation.length === 0 || stale()) return;
  const body = input("body");
  body.value = applyFixes(
    body.value,
    notation.map((d) => d.fix!),
    composed.bodyOffset,
  );
  notation = [];
  changed();
});

function check(): void {
  awaitCheck();
  const draft = fields();
  composed = composeArticle(draft, today);
  const files: [string, Uint8Array][] = photos.map((p) => [photoPathOf(draft, today, p.n, "jpg"), p.bytes]);
  asked++;
  worker.postMessage({ id: asked, config: model.config, path: composed.path, raw: composed.raw, photos: files });
  $("w-summary-count").textContent = `${[...draft.summary].length} 文字`;
  $("w-body-count").textContent =
    `${[...draft.body.replace(/\s/g, "")].length} 文字${brief?.length ? `（目安 ${brief.length.min ?? "?"}〜${brief.length.max ?? "?"} 文字）` : ""}`;
}

function changed(): void {
  awaitCheck();
  renamePhotos();
  store.saveFields(Object.fromEntries([...FIELDS.map((f) => [f, input(f).value]), ["brief", brief?.id ?? ""]]));
  clearTimeout(timer);
  timer = setTimeout(check, 250);
}

function applyFix(d: Diagnostic): void {
  if (!d.fix || !composed || stale()) return;
  const body = input("body");
  body.value = applyFixes(body.value, [d.fix], composed.bodyOffset);
  changed();
}

// --- photos ---------------------------------------------------------------------------------
let knownPaths = new Map<number, string>();
/** The date or URL name changed: the photos move with the article, and so do the body's references. */
function renamePhotos(): void {
  const draft = fields();
  const body = input("body");
  const next = new Map(photos.map((p) => [p.n, photoPathOf(draft, today, p.n, "jpg")]));
  for (const [n, path] of next) {
    const old = knownPaths.get(n);
    if (old && old !== path) body.value = body.value.split(relativeToArticle(old)).join(relativeToArticle(path));
  }
  knownPaths = next;
}

async function attach(file: File, role: "cover" | "body"): Promise<void> {
  const status = $("w-cover-status");
  status.textContent = "写真を小さくして、位置情報などを取り除いています…";
  try {
    const clean = await cleanPhoto(file, model.maxLongEdge);
    if (role === "cover") photos.splice(0, photos.length, ...photos.filter((p) => p.role !== "cover"));
    const n = Math.max(0, ...photos.map((p) => p.n)) + 1;
    photos.push({ n, role, bytes: clean.bytes, url: URL.createObjectURL(new Blob([clean.bytes as BlobPart], { type: "image/jpeg" })) });
    knownPaths.set(n, photoPathOf(fields(), today, n, "jpg"));
    if (role === "body") insert(`\n![](${relativeToArticle(knownPaths.get(n)!)})\n`);
    status.textContent = `写真を用意しました（${clean.width}×${clean.height}、${Math.round(clean.bytes.length / 1024)} KB、位置情報なし）。`;
    await store.savePhotos(photos.map(({ n, role, bytes }) => ({ n, role, bytes })));
    changed();
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

function insert(text: string): void {
  const body = input("body") as HTMLTextAreaElement;
  const at = body.selectionStart ?? body.value.length;
  body.value = body.value.slice(0, at) + text + body.value.slice(body.selectionEnd ?? at);
  body.focus();
  body.setSelectionRange(at + text.length, at + text.length);
}

// --- sending --------------------------------------------------------------------------------
function ready(): Composed | undefined {
  const status = $("send-status");
  if (!composed || findings.some((d) => d.severity === "error")) {
    status.textContent = "エラーがあるため、まだ送れません。「確認の結果」のエラーを直してください。";
    return undefined;
  }
  if (!model.github.repository) {
    status.textContent = "送り先のリポジトリが設定されていません（kawaraban.config.yml の github.repository）。編集担当に知らせてください。";
    return undefined;
  }
  return composed;
}

async function submitWithToken(): Promise<void> {
  const article = ready();
  const status = $("send-status");
  const token = (input("token") as HTMLInputElement).value.trim();
  if (!article) return;
  if (!token) return void (status.textContent = "トークンを貼り付けてから押してください（トークンがないときは「トークンなしで送る」）。");
  tokenStore.set(token);
  status.textContent = "GitHub に送っています…";
  const draft = fields();
  try {
    const pr = await submitPullRequest(
      { api: model.github.api, repository: model.github.repository!, defaultBranch: model.github.defaultBranch, token },
      {
        files: [
          { path: article.path, bytes: new TextEncoder().encode(article.raw) },
          ...photos.map((p) => ({ path: photoPathOf(draft, today, p.n, "jpg"), bytes: p.bytes })),
        ],
        title: `記事: ${draft.title}`,
        body: pullRequestBody(model, draft, brief, article.path),
        message: `記事「${draft.title}」を追加`,
        branch: `kawaraban/${slugOf(draft)}`,
      },
    );
    status.replaceChildren("プルリクエストを作りました: ", Object.assign(document.createElement("a"), { href: pr.url, textContent: pr.url, rel: "noopener" }));
    status.dataset.state = "sent";
  } catch (error) {
    status.textContent = error instanceof SubmitError ? error.message : `送れませんでした: ${String(error)}`;
  }
}

function submitWithoutToken(): void {
  const article = ready();
  if (!article) return;
  const draft = fields();
  const branch = `kawaraban/${slugOf(draft)}`;
  const status = $("send-status");
  const url = newFileUrl(model.github.web, model.github.repository!, model.github.defaultBranch, article.path, article.raw);
  const steps = document.createElement("ol");
  const step = (...parts: (string | Node)[]) => {
    const item = document.createElement("li");
    item.append(...parts);
    steps.append(item);
  };
  step("開いた GitHub のページで、一番下の「Create a new branch for this commit」を選び、ブランチ名に ", branch, " と入れて「Propose new file」を押します。");
  step("次の画面で「Create pull request」を押します。");
  if (photos.length > 0) {
    const links = photos.map((p) => {
      const name = photoPathOf(draft, today, p.n, "jpg").split("/").pop()!;
      return Object.assign(document.createElement("a"), { href: p.url, download: name, textContent: name });
    });
    const upload = `${model.github.web}/${model.github.repository}/upload/${branch}/${photoPathOf(draft, today, 1, "jpg").split("/").slice(0, 3).join("/")}`;
    step("位置情報を取り除いた写真をダウンロードします: ", ...links.flatMap((a) => [a, " "]));
    step(
      "写真は main ではなく、さっきのブランチに入れます: ",
      Object.assign(document.createElement("a"), { href: upload, textContent: "このブランチの写真のフォルダーに写真を追加する", rel: "noopener" }),
      "（ダウンロードした写真をそのまま入れます。元の写真は入れないでください）",
    );
  }
  status.replaceChildren(steps);
  window.open(url, "_blank", "noopener");
}

// --- start ----------------------------------------------------------------------------------
async function start(): Promise<void> {
  const list = $("w-tag-list");
  for (const tag of model.tags) list.append(Object.assign(document.createElement("option"), { value: tag }));
  const saved = store.loadFields();
  const wanted = new URLSearchParams(location.search).get("brief") ?? saved?.brief;
  brief = model.briefs.find((b) => b.id === wanted);
  if (saved) for (const f of FIELDS) if (saved[f] !== undefined) input(f).value = saved[f];
  if (brief) {
    const note = $("brief-note");
    note.hidden = false;
    note.textContent = `依頼「${brief.title}」の記事です（締め切り ${brief.deadline}${brief.length ? `、${brief.length.min ?? "?"}〜${brief.length.max ?? "?"} 文字` : ""}）。`;
    if (!input("title").value) input("title").value = brief.title;
    if (!input("category").value && brief.category) input("category").value = brief.category;
    if (!input("writer").value && brief.writer) input("writer").value = brief.writer;
  }
  if (!input("date").value) input("date").value = today;
  for (const p of await store.loadPhotos()) photos.push({ ...p, url: URL.createObjectURL(new Blob([p.bytes as BlobPart], { type: "image/jpeg" })) });
  knownPaths = new Map(photos.map((p) => [p.n, photoPathOf(fields(), today, p.n, "jpg")]));
  (input("token") as HTMLInputElement).value = tokenStore.get();
  $("writer").addEventListener("input", changed);
  input("photo").addEventListener("change", (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void attach(file, "cover");
  });
  input("body-photo").addEventListener("change", (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void attach(file, "body");
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-insert]"))
    button.addEventListener("click", () => {
      insert(toolbarInsert(button.dataset.insert!));
      changed();
    });
  $("w-forget").addEventListener("click", () => {
    tokenStore.set("");
    (input("token") as HTMLInputElement).value = "";
  });
  input("submit").addEventListener("click", () => void submitWithToken());
  input("submit-without-token").addEventListener("click", submitWithoutToken);
  check();
}

void start();

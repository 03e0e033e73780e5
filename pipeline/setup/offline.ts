import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { loadConfig, type Config } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { BRIEF_FORM } from "../desk/issue-form.ts";
import { item, type CheckItem } from "./checklist.ts";
import { prhCheck } from "./prh-check.ts";
import { actionUses } from "./pins.ts";
import { TEXTLINTRC } from "../checks/prose/textlint-config.mjs";
import { SAMPLE_CONTENT, ownersIn, sampleConfig, sampleFiles, sampleOwners, SAMPLE_DIR } from "./template.ts";

const SETUP = "npx kawaraban setup";
const FRESH = "npx kawaraban setup --fresh";
const list = (xs: readonly string[], n = 3) => `${xs.slice(0, n).join("、")}${xs.length > n ? ` ほか ${xs.length - n} 件` : ""}`;

/** Everything the doctor can check from the repository alone. */
export async function offlineChecks(root: string, sampleDir = SAMPLE_DIR): Promise<CheckItem[]> {
  const loaded = await loadConfig(await workTree(root));
  const items: CheckItem[] = [];
  if (!loaded.ok) {
    const d = loaded.diagnostics[0];
    items.push(
      item(
        "config",
        "fail",
        "設定ファイル kawaraban.config.yml",
        `${d?.line ? `${d.line} 行目: ` : ""}${d?.message ?? ""}`,
        "書き方を直してください（README「設定ファイル」）。",
      ),
    );
  } else {
    items.push(item("config", "ok", "設定ファイル kawaraban.config.yml"));
    items.push(...configChecks(loaded.config, await sampleConfig(sampleDir)));
    items.push(await formCheck(root, loaded.config));
  }
  items.push(...(await leftoverChecks(root, sampleDir)));
  items.push(await codeownersCheck(root, sampleDir));
  items.push(await pinsCheck(root));
  items.push(await dependabotCheck(root));
  items.push(await lintConfigCheck(root));
  items.push(await prhCheck(root));
  return items;
}

/**
 * Rule names the template renamed (`upgrade` never touches `.textlintrc.json`): the old name still
 * loads the rule, but what the new one does beside it (here: the filter's exceptions) is lost.
 */
const RENAMED_LINT_RULES: Record<string, { to: string; why: string }> = {
  "@textlint-ja/textlint-rule-no-insert-dropping-sa": {
    to: "@textlint-ja/no-insert-dropping-sa",
    why: "短い名前でないと、伝聞の「良いそうです」も「さ」の抜けとしてエラーになります",
  },
};

async function lintConfigCheck(root: string): Promise<CheckItem> {
  const title = `文章チェックの設定（${TEXTLINTRC}）`;
  const text = await readFile(path.join(root, TEXTLINTRC), "utf8").catch(() => undefined);
  let rules: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === undefined ? {} : JSON.parse(text);
    const value = typeof parsed === "object" && parsed !== null ? (parsed as { rules?: unknown }).rules : undefined;
    if (typeof value === "object" && value !== null) rules = value as Record<string, unknown>;
  } catch {
    return item("lint.config", "fail", title, "JSON として読めません。", "書き方を直してください（README「ルールを厳しく・ゆるくするには」）。");
  }
  const old = Object.keys(rules).filter((name) => Object.hasOwn(RENAMED_LINT_RULES, name));
  if (old.length === 0) return item("lint.config", "ok", title);
  const renames = old.map((name) => `「${name}」→「${RENAMED_LINT_RULES[name]!.to}」（${RENAMED_LINT_RULES[name]!.why}）`);
  return item(
    "lint.config",
    "warn",
    title,
    `古い名前のルールがあります: ${renames.join("、")}。`,
    "rules の中のキーを新しい名前に書き換えてください（設定の値はそのままで構いません）。",
  );
}

/** The config against the template's placeholders: a city's own names, address, writers and staff. */
function configChecks(config: Config, sample: Config | undefined): CheckItem[] {
  const items: CheckItem[] = [];
  const url = new URL(config.site.baseUrl);
  const exampleUrl = config.site.baseUrl === sample?.site.baseUrl || /(^|\.)example\.(com|org|net|github\.io)$/.test(url.hostname);
  items.push(
    exampleUrl
      ? item(
          "config.base-url",
          "fail",
          "サイトの URL（site.baseUrl）",
          `見本のまま（${config.site.baseUrl}）です。記事の正式な URL とフィードに入ります。`,
          `GitHub Pages の URL（Settings → Pages に出る https://… ）を site.baseUrl に書くか、${FRESH} で設定してください。`,
        )
      : item("config.base-url", "ok", "サイトの URL（site.baseUrl）"),
  );
  const samePayer = sample && config.payer.name === sample.payer.name;
  items.push(
    samePayer
      ? item(
          "config.payer",
          "fail",
          "支払者（payer.name）",
          `見本のまま（${config.payer.name}）です。明細書の支払者になります。`,
          "市・団体の部署名を payer.name に書いてください。",
        )
      : item("config.payer", "ok", "支払者（payer.name）"),
  );
  if (sample && config.site.title === sample.site.title)
    items.push(
      item("config.site-title", "warn", "サイト名（site.title）", `見本のまま（${config.site.title}）です。`, "サイトの名前を site.title に書いてください。"),
    );
  const sampleWriters = Object.entries(sample?.writers ?? {})
    .filter(([handle, w]) => Object.hasOwn(config.writers, handle) && config.writers[handle]!.invoiceName === w.invoiceName)
    .map(([h]) => h);
  if (sampleWriters.length > 0)
    items.push(
      item(
        "config.writers",
        "fail",
        "ライター（writers）",
        `見本のライター（${list(sampleWriters)}）が残っています。原稿料の支払先になります。`,
        `見本のライターを消して、市のライターを書いてください（${FRESH} で消せます）。`,
      ),
    );
  else if (Object.keys(config.writers).length === 0)
    items.push(
      item(
        "config.writers",
        "warn",
        "ライター（writers）",
        "ライターがまだいません。記事を受け付けるには、ライターの登録が必要です。",
        "README「設定ファイル」のとおり、writers にハンドル名ごとに書いてください。",
      ),
    );
  else items.push(item("config.writers", "ok", "ライター（writers）"));
  for (const [key, label] of [
    ["cityStaff", "市の担当者（github.cityStaff）"],
    ["editors", "編集担当（github.editors）"],
  ] as const) {
    const mine = config.github?.[key] ?? [];
    const theirs = new Set(sample?.github?.[key] ?? []);
    if (mine.some((u) => theirs.has(u)))
      items.push(
        item(
          `config.${key}`,
          "fail",
          label,
          `見本の GitHub ユーザー名（${list(mine.filter((u) => theirs.has(u)))}）のままです。`,
          `市の担当者・編集担当の GitHub ユーザー名に書き換えてください（${FRESH} で設定できます）。`,
        ),
      );
    else if (mine.length === 0)
      items.push(item(`config.${key}`, "warn", label, "だれも書かれていません。", `github.${key} に GitHub のユーザー名を書いてください。`));
    else items.push(item(`config.${key}`, "ok", label));
  }
  const contact = config.pages?.contact;
  items.push(
    contact && (contact.phone || contact.email || contact.form)
      ? item("config.contact", "ok", "問い合わせ先（pages.contact）")
      : item(
          "config.contact",
          "fail",
          "問い合わせ先（pages.contact）",
          "問い合わせページに、電話・メール・フォームのどれもありません。",
          "pages.contact に電話（phone）かメール（email）かフォームの URL（form）を書いてください。",
        ),
  );
  return items;
}

/** The 記事の依頼 form's categories must be the config's (the desk refuses others). */
async function formCheck(root: string, config: Config): Promise<CheckItem> {
  const text = await readFile(path.join(root, BRIEF_FORM), "utf8").catch(() => undefined);
  if (text === undefined) return item("form.categories", "fail", "記事の依頼のフォーム", `${BRIEF_FORM} がありません。`, `${SETUP} で作ってください。`);
  const options = formCategories(text);
  const wanted = Object.values(config.categories).map((c) => c.name);
  const same = options.length === wanted.length && options.every((o, i) => o === wanted[i]);
  return same
    ? item("form.categories", "ok", "記事の依頼のフォームのカテゴリー")
    : item(
        "form.categories",
        "fail",
        "記事の依頼のフォームのカテゴリー",
        `フォーム（${options.join("・")}）と設定（${wanted.join("・")}）が違います。`,
        `${SETUP} を実行すると、設定のカテゴリーでフォームを書き直します。`,
      );
}

/** The options of the form's category dropdown. */
export function formCategories(formYaml: string): string[] {
  const doc = parseDocument(formYaml).toJS() as { body?: { id?: string; attributes?: { options?: unknown[] } }[] };
  const dropdown = doc?.body?.find((b) => b.id === "category");
  return (dropdown?.attributes?.options ?? []).map(String);
}

/** Sample articles, photos and briefs still identical to the template's. */
async function leftoverChecks(root: string, sampleDir: string): Promise<CheckItem[]> {
  const samples = await sampleFiles(sampleDir);
  const left = new Map<string, string[]>(SAMPLE_CONTENT.map((d) => [d, []]));
  for (const [file, bytes] of samples) {
    const mine = await readFile(path.join(root, file)).catch(() => undefined);
    if (mine?.equals(bytes)) left.get(file.split("/")[0]!)!.push(file);
  }
  const names = { articles: "見本の記事", assets: "見本の写真", briefs: "見本の依頼" } as const;
  return SAMPLE_CONTENT.map((dir) => {
    const files = left.get(dir)!;
    return files.length === 0
      ? item(`samples.${dir}`, "ok", `${names[dir]}（${dir}/）`)
      : item(
          `samples.${dir}`,
          "fail",
          `${names[dir]}（${dir}/）`,
          `テンプレートの見本が ${files.length} 件残っています（${list(files)}）。残すと公開され、原稿料の集計にも入ります。`,
          `${FRESH} で見本を消してください。`,
        );
  });
}

/** CODEOWNERS naming the template's placeholder teams: GitHub ignores owners it cannot find, and owner review silently stops. */
async function codeownersCheck(root: string, sampleDir: string): Promise<CheckItem> {
  const text = await readFile(path.join(root, ".github/CODEOWNERS"), "utf8").catch(() => undefined);
  if (text === undefined)
    return item(
      "codeowners",
      "warn",
      "CODEOWNERS（だれの確認が要るか）",
      ".github/CODEOWNERS がありません。",
      `${SETUP} で、設定の市の担当者・編集担当から作ってください。`,
    );
  const template = await sampleOwners(sampleDir);
  const placeholders = ownersIn(text).filter((o) => template.has(o));
  return placeholders.length > 0
    ? item(
        "codeowners",
        "fail",
        "CODEOWNERS（だれの確認が要るか）",
        `見本のチーム（${list([...new Set(placeholders)])}）のままです。GitHub は見つからない担当を無視するため、確認が必要な変更も確認なしで通ります。`,
        `${SETUP} で、設定の github.cityStaff と github.editors から書き直してください。`,
      )
    : item("codeowners", "ok", "CODEOWNERS（だれの確認が要るか）");
}

/** Every action a workflow uses is pinned to a full commit SHA, with the version as a comment Dependabot keeps current. */
async function pinsCheck(root: string): Promise<CheckItem> {
  const dir = path.join(root, ".github/workflows");
  const files = (await readdir(dir).catch(() => [])).filter((f) => /\.ya?ml$/.test(f));
  const loose: string[] = [];
  for (const f of files) for (const use of actionUses(await readFile(path.join(dir, f), "utf8"))) if (!use.pinned) loose.push(`${f}:${use.line} ${use.uses}`);
  return loose.length === 0
    ? item("workflows.pins", "ok", "ワークフローのアクションの固定")
    : item(
        "workflows.pins",
        "fail",
        "ワークフローのアクションの固定",
        `コミットの SHA と版のコメントで固定されていないものがあります（${list(loose)}）。`,
        "uses: は owner/name@<40 文字の SHA> # v1.2.3 の形で書いてください（Dependabot が更新します）。",
      );
}

async function dependabotCheck(root: string): Promise<CheckItem> {
  const text = await readFile(path.join(root, ".github/dependabot.yml"), "utf8").catch(() => "");
  const both = /package-ecosystem:\s*"?github-actions/.test(text) && /package-ecosystem:\s*"?npm/.test(text);
  return both
    ? item("dependabot", "ok", "Dependabot（アクションとパッケージの更新）")
    : item(
        "dependabot",
        "warn",
        "Dependabot（アクションとパッケージの更新）",
        ".github/dependabot.yml に github-actions と npm の更新がありません。",
        "テンプレートの .github/dependabot.yml を置いてください（npx kawaraban upgrade で入ります）。",
      );
}

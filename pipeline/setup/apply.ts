import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { Config } from "../article/config.ts";
import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";
import { PRODUCT_LABELS, ensureLabels } from "../github/repo-labels.ts";
import { BRIEF_FORM } from "../desk/issue-form.ts";
import { item, type CheckItem } from "./checklist.ts";
import { rulesetFor, type Ruleset } from "./ruleset.ts";

const ADMIN = "管理者（Administration: write の権限）のトークンで実行してください。GITHUB_TOKEN ではできません（docs/setup.md「トークン」）。";

/** Runs one step; a refused call becomes a failed item saying what to do, never a stop. */
async function step(id: string, title: string, run: () => Promise<string>): Promise<CheckItem> {
  try {
    return item(id, "ok", title, await run());
  } catch (error) {
    const status = (error as { status?: number }).status;
    return item(
      id,
      "fail",
      title,
      status === 403 || status === 404 ? "権限がないため、できませんでした。" : `できませんでした（${(error as Error).message.slice(0, 200)}）。`,
      ADMIN,
    );
  }
}

/**
 * What `kawaraban setup` does through the API, each step idempotent (a second run finds
 * everything in place and changes nothing): the labels, the shipped ruleset (created, or updated
 * by name), the merge methods the billing policy trusts, Pages from GitHub Actions, Actions allowed
 * to open pull requests, and stopped scheduled workflows enabled again.
 */
export async function applyOnline(client: GithubClient, repo: Repo, root: string, config: Config, appId?: number): Promise<CheckItem[]> {
  const ruleset = await rulesetFor(root, config, appId);
  return [
    await step("github.labels", "ラベル", async () => {
      const created = await ensureLabels(client, repo, PRODUCT_LABELS);
      return created.length ? `作りました: ${created.join("、")}` : "そろっています";
    }),
    await step("github.rules", "main のルール（ルールセット）", () => importRuleset(client, repo, ruleset)),
    await step("github.merge-methods", "マージの方法", async () => {
      const policy = config.billing?.mergePolicy ?? "merge-commit";
      const wanted = { allow_merge_commit: policy === "merge-commit", allow_squash_merge: policy === "squash", allow_rebase_merge: false };
      const { data } = await client.rest.repos.get({ ...repo });
      if ((Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => Boolean(data[k]) === wanted[k])) return "設定どおりです";
      await client.rest.repos.update({ ...repo, ...wanted });
      return `${policy === "merge-commit" ? "Create a merge commit" : "Squash and merge"} だけにしました`;
    }),
    await step("github.pages", "GitHub Pages の公開元", async () => {
      const current = await client.rest.repos.getPages({ ...repo }).then(
        (r) => r.data.build_type,
        (error: { status?: number }) => {
          if (error.status === 404) return undefined;
          throw error;
        },
      );
      if (current === "workflow") return "GitHub Actions です";
      if (current === undefined) await client.rest.repos.createPagesSite({ ...repo, build_type: "workflow" });
      else await client.rest.repos.updateInformationAboutPagesSite({ ...repo, build_type: "workflow" });
      return "GitHub Actions にしました";
    }),
    await step("github.actions-pr", "GitHub Actions がプルリクエストを作れるか", async () => {
      const { data } = await client.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ ...repo });
      if (data.can_approve_pull_request_reviews) return "許可されています";
      await client.rest.actions.setGithubActionsDefaultWorkflowPermissionsRepository({
        ...repo,
        default_workflow_permissions: data.default_workflow_permissions,
        can_approve_pull_request_reviews: true,
      });
      return "許可しました";
    }),
    await step("github.schedules", "定期実行のワークフロー", () => enableWorkflows(client, repo)),
  ];
}

/** The ruleset by its name: updated in place when it exists (ids differ between repositories), created otherwise. */
async function importRuleset(client: GithubClient, repo: Repo, ruleset: Ruleset): Promise<string> {
  const existing = (await client.paginate(client.rest.repos.getRepoRulesets, { ...repo, per_page: 100, includes_parents: false })).find(
    (r) => r.name === ruleset.name,
  );
  // The shipped JSON is GitHub's own ruleset format (Settings → Rules → Rulesets → Import takes the same file).
  // Octokit's types list every rule shape; the file is checked against GitHub's schema by the stand-in in the tests.
  type Body = Parameters<typeof client.rest.repos.createRepoRuleset>[0] & { owner: string; repo: string; name: string };
  const body = { ...repo, ...ruleset } as unknown as Body;
  if (existing) {
    await client.rest.repos.updateRepoRuleset({ ...body, ruleset_id: existing.id });
    return `「${ruleset.name}」を同梱の内容にそろえました`;
  }
  await client.rest.repos.createRepoRuleset(body);
  return `「${ruleset.name}」を作りました`;
}

/** Scheduled workflows GitHub stopped (60 days without activity in a public repository) are enabled again. */
export async function enableWorkflows(client: GithubClient, repo: Repo): Promise<string> {
  const { data } = await client.rest.actions.listRepoWorkflows({ ...repo, per_page: 100 });
  const stopped = data.workflows.filter((w) => w.state === "disabled_inactivity");
  for (const w of stopped) await client.rest.actions.enableWorkflow({ ...repo, workflow_id: w.id });
  return stopped.length ? `有効にし直しました: ${stopped.map((w) => w.name).join("、")}` : "すべて動いています";
}

/** Days without a commit after which keepalive acts (GitHub stops schedules at 60). */
export const KEEPALIVE_AFTER_DAYS = 45;

/**
 * Keeps scheduled workflows (publish, desk, invoice) from being stopped in a quiet public repository:
 * GitHub disables them after 60 days without activity. When the last commit is older than
 * KEEPALIVE_AFTER_DAYS, each scheduled workflow is disabled and enabled again through the API
 * (actions: write), which starts GitHub's count anew; ones already stopped are enabled.
 */
export async function keepSchedulesAlive(client: GithubClient, repo: Repo, lastCommit: Date, now: Date): Promise<string> {
  const idle = Math.floor((now.getTime() - lastCommit.getTime()) / 86_400_000);
  if (idle < KEEPALIVE_AFTER_DAYS) return `最後のコミットから ${idle} 日です（${KEEPALIVE_AFTER_DAYS} 日を過ぎたら、定期実行を有効にし直します）`;
  const { data } = await client.rest.actions.listRepoWorkflows({ ...repo, per_page: 100 });
  const scheduled = data.workflows.filter((w) => w.state === "active" || w.state === "disabled_inactivity");
  for (const w of scheduled) {
    if (w.state === "active") await client.rest.actions.disableWorkflow({ ...repo, workflow_id: w.id });
    await client.rest.actions.enableWorkflow({ ...repo, workflow_id: w.id });
  }
  return `最後のコミットから ${idle} 日のため、定期実行を有効にし直しました: ${scheduled.map((w) => w.name).join("、")}`;
}

/** The repository's own files setup keeps in step with the config: the brief form's categories and CODEOWNERS. */
export async function applyOffline(root: string, config: Config): Promise<CheckItem[]> {
  return [
    await step("form.categories", "記事の依頼のフォームのカテゴリー", () => writeFormCategories(root, config)),
    await step("codeowners", "CODEOWNERS（だれの確認が要るか）", () => writeCodeowners(root, config)),
  ];
}

async function writeFormCategories(root: string, config: Config): Promise<string> {
  const file = path.join(root, BRIEF_FORM);
  const doc = parseDocument(await readFile(file, "utf8"));
  const body = doc.get("body") as { items: { get(key: string): unknown; setIn(path: string[], value: unknown): void }[] } | undefined;
  const dropdown = body?.items.find((i) => i.get("id") === "category");
  if (!dropdown) throw new Error(`${BRIEF_FORM} にカテゴリーの選択肢（id: category）がありません`);
  const names = Object.values(config.categories).map((c) => c.name);
  const before = doc.toString();
  dropdown.setIn(["attributes", "options"], doc.createNode(names, { flow: true }));
  if (doc.toString() === before) return "設定どおりです";
  await writeFile(file, doc.toString());
  return `カテゴリーを ${names.join("・")} にしました`;
}

/**
 * CODEOWNERS from the config's people (never teams that may not exist): city staff own everything
 * that is not content, editors own articles, photos and briefs, and fee approvals stay city staff's.
 */
export function codeownersText(config: Config): string {
  const staff = (config.github?.cityStaff ?? []).map((u) => `@${u}`).join(" ");
  const editors = (config.github?.editors ?? []).map((u) => `@${u}`).join(" ") || staff;
  if (!staff) throw new Error("github.cityStaff が空のため、CODEOWNERS を作れません");
  const rows: [string, string][] = [
    ["*", staff],
    ["/articles/", editors],
    ["/assets/", editors],
    ["/briefs/", editors],
    ["/briefs/approvals.yml", staff],
    ["/kawaraban.config.yml", staff],
    ["/invoices/", staff],
    ["/prh.yml", `${editors} ${staff}`],
    ["/proper-nouns.yml", `${editors} ${staff}`],
  ];
  return [
    "# kawaraban setup が kawaraban.config.yml の github.cityStaff と github.editors から作ります。",
    "# 人を変えるときは設定を直して、npx kawaraban setup をもう一度実行してください。",
    "",
    ...rows.map(([p, o]) => `${p.padEnd(26)}${[...new Set(o.split(" "))].join(" ")}`),
    "",
  ].join("\n");
}

async function writeCodeowners(root: string, config: Config): Promise<string> {
  const file = path.join(root, ".github/CODEOWNERS");
  const text = codeownersText(config);
  if ((await readFile(file, "utf8").catch(() => "")) === text) return "設定どおりです";
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return "設定の市の担当者・編集担当で書き直しました";
}

import type { Config } from "../article/config.ts";
import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";
import { PRODUCT_LABELS } from "../github/repo-labels.ts";
import { VERDICT_CHECK_NAME, GITHUB_ACTIONS_APP_ID } from "./ruleset.ts";
import { item, type CheckItem } from "./checklist.ts";

/** A call the token may not be allowed to make: the answer, or why it could not be asked. */
async function ask<T>(call: () => Promise<{ data: T }>): Promise<{ ok: true; data: T } | { ok: false; status: number }> {
  try {
    return { ok: true, data: (await call()).data };
  } catch (error) {
    return { ok: false, status: (error as { status?: number }).status ?? 0 };
  }
}

const noPermission = (id: string, title: string, where: string): CheckItem =>
  item(
    id,
    "skip",
    title,
    "このトークンでは確かめられません（権限がありません）。",
    `リポジトリの管理者が ${where} を確かめるか、管理の権限のあるトークンで doctor を実行してください。`,
  );

/**
 * What only GitHub knows: labels, the Actions permission, Pages, the rules on the default branch,
 * merge methods, CODEOWNERS errors, the App's variables and secret, scheduled workflows. A token
 * that may not read a setting (GITHUB_TOKEN cannot read administration or secrets) gives `skip`
 * with the place to look, never a guess.
 */
export async function onlineChecks(client: GithubClient, repo: Repo, config: Config, only = ""): Promise<CheckItem[]> {
  const ctx: Context = { client, repo, config, info: await ask(() => client.rest.repos.get({ ...repo })) };
  const items: CheckItem[] = [];
  // Each check asks on its own: one refused call never hides the others.
  for (const [id, check] of Object.entries(CHECKS)) if (id.startsWith(only) || only.startsWith(id)) items.push(...(await check(ctx)));
  return items;
}

interface Context {
  client: GithubClient;
  repo: Repo;
  config: Config;
  info: Awaited<ReturnType<typeof ask<Awaited<ReturnType<GithubClient["rest"]["repos"]["get"]>>["data"]>>>;
}

const CHECKS: Record<string, (ctx: Context) => Promise<CheckItem[]>> = {
  "github.labels": async ({ client, repo }) => {
    const labels = await ask(() => client.rest.issues.listLabelsForRepo({ ...repo, per_page: 100 }));
    if (!labels.ok) return [noPermission("github.labels", "ラベル", "Issues → Labels")];
    const have = new Set(labels.data.map((l) => l.name));
    const missing = PRODUCT_LABELS.filter((l) => !have.has(l.name)).map((l) => l.name);
    return [
      missing.length === 0
        ? item("github.labels", "ok", "ラベル")
        : item(
            "github.labels",
            "fail",
            "ラベル",
            `ありません: ${missing.join("、")}。テンプレートから作ったリポジトリにはラベルがなく、「記事の依頼」フォームのラベルは黙って外されます。`,
            "npx kawaraban setup でラベルを作ってください。",
          ),
    ];
  },
  "github.actions-pr": async ({ client, repo }) => {
    const actions = await ask(() => client.rest.actions.getGithubActionsDefaultWorkflowPermissionsRepository({ ...repo }));
    if (!actions.ok)
      return [noPermission("github.actions-pr", "GitHub Actions がプルリクエストを作れるか", "Settings → Actions → General → Workflow permissions")];
    return [
      actions.data.can_approve_pull_request_reviews
        ? item("github.actions-pr", "ok", "GitHub Actions がプルリクエストを作れるか")
        : item(
            "github.actions-pr",
            "fail",
            "GitHub Actions がプルリクエストを作れるか",
            "許可されていないため、依頼の窓口（desk）が依頼のプルリクエストを作れません。",
            "Settings → Actions → General → Workflow permissions の「Allow GitHub Actions to create and approve pull requests」をオンにしてください（npx kawaraban setup でもできます）。",
          ),
    ];
  },
  "github.pages": async ({ client, repo }) => {
    const title = "GitHub Pages の公開元";
    const pages = await ask(() => client.rest.repos.getPages({ ...repo }));
    const toActions = "Settings → Pages → Build and deployment の Source を「GitHub Actions」にしてください（npx kawaraban setup でもできます）。";
    if (pages.ok)
      return [
        pages.data.build_type === "workflow"
          ? item("github.pages", "ok", title)
          : item("github.pages", "fail", title, "公開元がブランチになっています。publish.yml のサイトが公開されません。", toActions),
      ];
    if (pages.status === 404) return [item("github.pages", "fail", title, "GitHub Pages が有効になっていません。", toActions)];
    return [noPermission("github.pages", title, "Settings → Pages")];
  },
  "github.rules": ({ client, repo, info }) => ruleChecks(client, repo, info.ok ? info.data.default_branch : "main"),
  "github.merge-methods": async ({ config, info }) => (info.ok ? [mergeMethodCheck(info.data, config)] : []),
  "github.codeowners": async ({ client, repo }) => {
    const owners = await ask(() => client.rest.repos.codeownersErrors({ ...repo }));
    if (!owners.ok) return [];
    const errors = owners.data.errors;
    return [
      errors.length === 0
        ? item("github.codeowners", "ok", "CODEOWNERS の担当（GitHub の判定）")
        : item(
            "github.codeowners",
            "fail",
            "CODEOWNERS の担当（GitHub の判定）",
            errors
              .slice(0, 3)
              .map((e) => `${e.line} 行目: ${e.message.split("\n")[0]}`)
              .join(" / "),
            "見つからないユーザーやチームを直してください（npx kawaraban setup で設定から書き直せます）。チームは組織の Teams にあり、リポジトリへの書き込み権限が必要です。",
          ),
    ];
  },
  "github.app": ({ client, repo }) => appChecks(client, repo),
  "github.schedules": async ({ client, repo, info }) => [await scheduleCheck(client, repo, info.ok ? info.data.visibility : undefined)],
};

/** The default branch's rules: PRs only, code-owner review, the most recent push approved, and the verdict required. */
async function ruleChecks(client: GithubClient, repo: Repo, branch: string): Promise<CheckItem[]> {
  const rules = await ask(() => client.rest.repos.getBranchRules({ ...repo, branch, per_page: 100 }));
  if (!rules.ok) return [noPermission("github.rules", "main のルール（ルールセット）", "Settings → Rules → Rulesets")];
  const pr = rules.data.find((r) => r.type === "pull_request") as { parameters?: Record<string, unknown> } | undefined;
  const checks = rules.data.find((r) => r.type === "required_status_checks") as
    | { parameters?: { required_status_checks?: { context: string; integration_id?: number }[] } }
    | undefined;
  const verdict = checks?.parameters?.required_status_checks?.find((c) => c.context === VERDICT_CHECK_NAME);
  const problems = [
    !pr && "プルリクエストを通さない変更（直接の push）が止められていません",
    pr && !pr.parameters?.require_code_owner_review && "CODEOWNERS の担当の確認（Require review from Code Owners）が必須になっていません",
    pr && !pr.parameters?.require_last_push_approval && "最後の push の承認（Require approval of the most recent reviewable push）が必須になっていません",
    !verdict && `チェック「${VERDICT_CHECK_NAME}」が必須になっていません`,
  ].filter(Boolean);
  const items = [
    problems.length === 0
      ? item("github.rules", "ok", "main のルール（ルールセット）")
      : item(
          "github.rules",
          "fail",
          "main のルール（ルールセット）",
          `${problems.join("。")}。`,
          "npx kawaraban setup で、同梱のルールセット（.github/rulesets/main.json）を取り込んでください。",
        ),
  ];
  if (verdict && (verdict.integration_id === undefined || verdict.integration_id === GITHUB_ACTIONS_APP_ID))
    items.push(
      item(
        "github.verdict-source",
        "warn",
        `「${VERDICT_CHECK_NAME}」を書けるもの`,
        `だれが書いた「${VERDICT_CHECK_NAME}」でも通ります（${verdict.integration_id ? "GitHub Actions のジョブなら、プルリクエストのワークフローでも" : "どのアプリでも"}）。守りは市の担当者の承認です。`,
        "GitHub App を作り、npx kawaraban setup --app-id <App の ID> で、その App のチェックだけを認めるようにしてください（docs/setup.md「GitHub App」）。",
      ),
    );
  return items;
}

/** Only the merge method the billing policy trusts may be offered on the merge button. */
function mergeMethodCheck(info: { allow_merge_commit?: boolean; allow_squash_merge?: boolean; allow_rebase_merge?: boolean }, config: Config): CheckItem {
  const policy = config.billing?.mergePolicy ?? "merge-commit";
  const wanted = { allow_merge_commit: policy === "merge-commit", allow_squash_merge: policy === "squash", allow_rebase_merge: false };
  const wrong = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((k) => Boolean(info[k]) !== wanted[k]);
  const names = { allow_merge_commit: "Allow merge commits", allow_squash_merge: "Allow squash merging", allow_rebase_merge: "Allow rebase merging" };
  return wrong.length === 0
    ? item("github.merge-methods", "ok", "マージの方法")
    : item(
        "github.merge-methods",
        "fail",
        "マージの方法",
        `billing.mergePolicy（${policy}）と違う方法が選べます: ${wrong.map((k) => `${names[k]} が${info[k] ? "オン" : "オフ"}`).join("、")}。請求月が決まらない記事が出ます。`,
        `Settings → General → Pull Requests で ${policy === "merge-commit" ? "「Allow merge commits」だけ" : "「Allow squash merging」だけ"}をオンにしてください（npx kawaraban setup でもできます）。`,
      );
}

/** The App the workflows mint tokens from: its client ID (a variable) and private key (a secret, by name only). */
async function appChecks(client: GithubClient, repo: Repo): Promise<CheckItem[]> {
  const variables = await ask(() => client.rest.actions.listRepoVariables({ ...repo, per_page: 30 }));
  if (!variables.ok) return [noPermission("github.app", "GitHub App（ボットのトークン）", "Settings → Secrets and variables → Actions")];
  const names = new Set(variables.data.variables.map((v) => v.name));
  if (!names.has("KAWARABAN_APP_CLIENT_ID"))
    return [
      item(
        "github.app",
        "warn",
        "GitHub App（ボットのトークン）",
        "App がありません。ボットは GITHUB_TOKEN で動き、依頼のプルリクエストのチェックは自動では動きません。",
        "docs/setup.md「GitHub App」のとおり App を作り、変数 KAWARABAN_APP_CLIENT_ID・KAWARABAN_APP_SLUG とシークレット KAWARABAN_APP_PRIVATE_KEY を登録してください。",
      ),
    ];
  const secrets = await ask(() => client.rest.actions.listRepoSecrets({ ...repo, per_page: 100 }));
  if (!secrets.ok)
    return [
      item(
        "github.app",
        "skip",
        "GitHub App（ボットのトークン）",
        "変数はあります。シークレットはこのトークンでは確かめられません。",
        "Settings → Secrets and variables → Actions に KAWARABAN_APP_PRIVATE_KEY があるか確かめてください。",
      ),
    ];
  const missing = ["KAWARABAN_APP_PRIVATE_KEY"].filter((n) => !secrets.data.secrets.some((s) => s.name === n));
  if (!names.has("KAWARABAN_APP_SLUG")) missing.push("変数 KAWARABAN_APP_SLUG");
  return [
    missing.length === 0
      ? item("github.app", "ok", "GitHub App（ボットのトークン）")
      : item(
          "github.app",
          "fail",
          "GitHub App（ボットのトークン）",
          `足りません: ${missing.join("、")}。`,
          "Settings → Secrets and variables → Actions に登録してください（docs/setup.md「GitHub App」）。",
        ),
  ];
}

/** Scheduled workflows (publish, invoice, desk): GitHub disables them after 60 days without activity in a public repository. */
async function scheduleCheck(client: GithubClient, repo: Repo, visibility: string | undefined): Promise<CheckItem> {
  const workflows = await ask(() => client.rest.actions.listRepoWorkflows({ ...repo, per_page: 100 }));
  if (!workflows.ok) return noPermission("github.schedules", "定期実行のワークフロー", "Actions");
  const stopped = workflows.data.workflows
    .filter((w) => w.state !== "active")
    .map((w) => `${w.name}（${w.state === "disabled_inactivity" ? "活動がないため停止" : "停止"}）`);
  if (stopped.length > 0)
    return item(
      "github.schedules",
      "fail",
      "定期実行のワークフロー",
      `止まっています: ${stopped.join("、")}。予約記事の公開・月ごとの集計・依頼の状況が動きません。`,
      "Actions の各ワークフローで「Enable workflow」を押すか、npx kawaraban setup を実行してください。",
    );
  return visibility === "public"
    ? item(
        "github.schedules",
        "ok",
        "定期実行のワークフロー",
        "公開リポジトリでは、60 日間活動がないと GitHub が定期実行を止めます。publish と desk は実行のたびにほかの定期実行を有効にし直します（keepalive）。",
      )
    : item("github.schedules", "ok", "定期実行のワークフロー");
}

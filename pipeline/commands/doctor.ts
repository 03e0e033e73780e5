import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { blocks, checklistPretty, item, type CheckItem } from "../setup/checklist.ts";
import { offlineChecks } from "../setup/offline.ts";
import { onlineChecks } from "../setup/online.ts";
import { githubFromEnv } from "../github/env-client.ts";

export const doctorHelp = `使い方: kawaraban doctor [--format pretty|json] [--offline] [--only <項目>]

  市・団体がこのリポジトリを使い始めるための設定を、ひとつずつ確かめます。
  リポジトリの中（設定ファイル、テンプレートの見本の残り、フォーム、CODEOWNERS、ワークフロー）と、
  GITHUB_TOKEN と GITHUB_REPOSITORY があれば GitHub の設定（ラベル、Actions の権限、Pages、
  ルールセット、マージの方法、CODEOWNERS の担当、GitHub App、定期実行）も確かめます。
  --offline   GitHub には問い合わせません
  --only      その名前で始まる項目だけ（例: --only github.pages）
  直すことがあると終了コード 1 です。手順は docs/setup.md にあります。
`;

export async function doctorCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: "string", default: "pretty" }, offline: { type: "boolean" }, only: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(doctorHelp);
    return EXIT.ok;
  }
  if (values.format !== "pretty" && values.format !== "json") throw new UsageError("--format には pretty か json を指定してください。");
  const items = await doctorItems(await findRoot(io.cwd), io, Boolean(values.offline), values.only);
  const shown = values.only ? items.filter((i) => i.id.startsWith(values.only!)) : items;
  if (values.only && shown.length === 0) throw new UsageError(`「${values.only}」で始まる項目はありません。`);
  io.stdout.write(values.format === "json" ? `${JSON.stringify({ version: 1, items: shown }, null, 2)}\n` : checklistPretty(shown));
  return blocks(shown) ? EXIT.contentErrors : EXIT.ok;
}

/** The whole checklist: the repository's own files, then GitHub's settings when a token is there. */
export async function doctorItems(root: string, io: Io, offline: boolean, only = ""): Promise<CheckItem[]> {
  // Only GitHub's settings asked for (publish.yml checks Pages before it builds): no repository checks then.
  const items = only.startsWith("github.") ? [] : await offlineChecks(root);
  if (offline) return items;
  if (!io.env.GITHUB_TOKEN || !io.env.GITHUB_REPOSITORY) {
    items.push(
      item(
        "github",
        "skip",
        "GitHub の設定",
        "GITHUB_TOKEN と GITHUB_REPOSITORY がないため、GitHub には問い合わせていません。",
        "GitHub の設定も確かめるには、GITHUB_TOKEN=<トークン> GITHUB_REPOSITORY=<owner/name> npx kawaraban doctor のように実行してください。",
      ),
    );
    return items;
  }
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) return items;
  const { client, repo } = githubFromEnv(io);
  return [...items, ...(await onlineChecks(client, repo, loaded.config, only))];
}

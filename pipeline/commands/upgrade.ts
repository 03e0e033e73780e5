import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { checklistPretty } from "../setup/checklist.ts";
import { offlineChecks } from "../setup/offline.ts";
import { UpgradeError, upgradeEngine } from "../setup/upgrade.ts";

export const upgradeHelp = `使い方: kawaraban upgrade --from <テンプレートの git の URL かフォルダー> [--to <タグ>]

  kawaraban の本体（pipeline/、tests/、.github/workflows/、docs/、package.json など）だけを、
  テンプレートの新しい版にそろえます。記事・写真・依頼・請求の記録・設定ファイル・表記の辞書・
  CODEOWNERS には触れません。変更はコミットせずに残すので、確かめてからコミットしてください。
  そのあと npm ci と npm test、npx kawaraban doctor を実行します（docs/setup.md「更新」）。
`;

export async function upgradeCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.stdout.write(upgradeHelp);
    return EXIT.ok;
  }
  if (!values.from) throw new UsageError("--from にテンプレートのリポジトリ（git の URL かフォルダー）を指定してください。");
  const root = await findRoot(io.cwd);
  let result: Awaited<ReturnType<typeof upgradeEngine>>;
  try {
    result = await upgradeEngine(root, values.from, values.to);
  } catch (error) {
    if (error instanceof UpgradeError) throw new UsageError(error.message);
    throw error;
  }
  const sample = (xs: string[]) => (xs.length ? `（${xs.slice(0, 5).join("、")}${xs.length > 5 ? ` ほか ${xs.length - 5} 件` : ""}）` : "");
  io.stdout.write(
    `${values.to ?? "最新"}（${result.commit.slice(0, 7)}）にそろえました: 追加 ${result.added.length} 件${sample(result.added)}、変更 ${result.changed.length} 件${sample(result.changed)}、削除 ${result.removed.length} 件${sample(result.removed)}。\n` +
      "記事・写真・依頼・設定には触れていません。git diff --cached で確かめてからコミットし、npm ci と npm test を実行してください。\n\n",
  );
  io.stdout.write(checklistPretty(await offlineChecks(root)));
  return EXIT.ok;
}

import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig, type Config } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { blocks, checklistPretty } from "../setup/checklist.ts";
import { applyOffline, applyOnline, keepSchedulesAlive } from "../setup/apply.ts";
import { git } from "../git/git.ts";
import { freshStart, type CityFacts } from "../setup/fresh.ts";
import { githubFromEnv } from "../github/env-client.ts";

export const setupHelp = `使い方: kawaraban setup [--app-id <GitHub App の ID>] [--offline]
       kawaraban setup --fresh [--site-title <サイト名>] [--base-url <URL>] [--payer <支払者>]
                       [--phone <電話>] [--email <メール>] [--form <問い合わせフォームの URL>]
                       [--organization <問い合わせ先の部署>] [--staff <ユーザー,…>] [--editors <ユーザー,…>]

  setup       設定ファイルから「記事の依頼」フォームのカテゴリーと CODEOWNERS を書き直し、
              GITHUB_TOKEN（管理者のトークン）と GITHUB_REPOSITORY があれば GitHub の設定をします:
              ラベル、ルールセット（.github/rulesets/main.json）、マージの方法、Pages、
              Actions がプルリクエストを作る許可、止まった定期実行。何度実行しても同じ状態になります。
  --app-id    「記事の判定」を、この GitHub App からのものだけ認めるようにします
  --keepalive 最後のコミットから 45 日を過ぎていたら、定期実行のワークフローを有効にし直します
              （公開リポジトリでは 60 日活動がないと GitHub が止めます。publish.yml が毎日実行します）
  --fresh     テンプレートの見本（記事・写真・依頼・ライター）を消し、市の名前・URL・支払者・
              連絡先・GitHub のユーザーを設定します。足りない値は質問します。
`;

const list = (v: string | undefined) => (v ?? "").split(/[,\s]+/).filter(Boolean);

export async function setupCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      fresh: { type: "boolean" },
      keepalive: { type: "boolean" },
      offline: { type: "boolean" },
      "app-id": { type: "string" },
      "site-title": { type: "string" },
      "base-url": { type: "string" },
      payer: { type: "string" },
      phone: { type: "string" },
      email: { type: "string" },
      form: { type: "string" },
      organization: { type: "string" },
      staff: { type: "string" },
      editors: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.stdout.write(setupHelp);
    return EXIT.ok;
  }
  const root = await findRoot(io.cwd);
  if (values.keepalive) return keepalive(root, io);
  const items = [];
  if (values.fresh) {
    const ask = askFor(io);
    const facts: CityFacts = {
      siteTitle: values["site-title"] ?? (await ask("サイト名（例: ○○市 市民ライターの瓦版）")),
      baseUrl: values["base-url"] ?? (await ask("サイトの URL（Settings → Pages の https://… ）")),
      payer: values.payer ?? (await ask("支払者（明細書に載る部署名）")),
      contact: {
        organization: values.organization,
        phone: values.phone,
        email: values.email,
        form: values.form,
      },
      cityStaff: values.staff !== undefined ? list(values.staff) : list(await ask("市の担当者の GitHub ユーザー名（カンマ区切り）")),
      editors: values.editors !== undefined ? list(values.editors) : list(await ask("編集担当の GitHub ユーザー名（カンマ区切り）")),
    };
    if (!facts.contact.phone && !facts.contact.email && !facts.contact.form) facts.contact.phone = await ask("問い合わせの電話番号");
    try {
      items.push(...(await freshStart(root, facts)));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new UsageError(`kawaraban.config.yml に問題があります: ${loaded.diagnostics[0]?.message ?? ""}`);
  const config: Config = loaded.config;
  items.push(...(await applyOffline(root, config)));
  if (!values.offline && !values.fresh && io.env.GITHUB_TOKEN && io.env.GITHUB_REPOSITORY) {
    const appId = values["app-id"] ? Number(values["app-id"]) : undefined;
    if (appId !== undefined && !Number.isSafeInteger(appId)) throw new UsageError("--app-id には GitHub App の ID（数字）を指定してください。");
    const { client, repo } = githubFromEnv(io);
    items.push(...(await applyOnline(client, repo, root, config, appId)));
  }
  io.stdout.write(checklistPretty(items));
  io.stdout.write("変わったファイルを確かめてコミットし、npx kawaraban doctor で残りを確かめてください。\n");
  return blocks(items) ? EXIT.contentErrors : EXIT.ok;
}

/** `setup --keepalive` (publish.yml, daily): scheduled workflows re-enabled before GitHub's 60 days run out. */
async function keepalive(root: string, io: Io): Promise<number> {
  const last = new Date((await git(root, ["log", "-1", "--format=%cI"])).trim());
  const { client, repo } = githubFromEnv(io);
  io.stdout.write(`${await keepSchedulesAlive(client, repo, last, io.now?.() ?? new Date())}\n`);
  return EXIT.ok;
}

/** A question on the terminal, or a usage error naming the flag when nobody is there to answer. */
function askFor(io: Io): (question: string) => Promise<string> {
  return async (question) => {
    if (!process.stdin.isTTY || io.env.CI) throw new UsageError(`${question} を指定してください（setup --help に、指定のしかたがあります）。`);
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = (await rl.question(`${question}: `)).trim();
      if (!answer) throw new UsageError(`${question} が空です。`);
      return answer;
    } finally {
      rl.close();
    }
  };
}

import { EXIT, UsageError, type Io } from "./cli-io.ts";
import { VERSION } from "./version.ts";

type Command = (argv: string[], io: Io) => Promise<number>;

// Commands load on demand: `kawaraban check` in a PR should not pay for the site builder or sharp.
const commands: Record<string, { load: () => Promise<Command>; summary: string }> = {
  check: {
    load: async () => (await import("./commands/check.ts")).checkCommand,
    summary: "記事を確認します（front matter・文章・Markdown・アクセシビリティ）",
  },
  baseline: {
    load: async () => (await import("./commands/baseline.ts")).baselineCommand,
    summary: "今ある指摘をベースラインに記録します（既存の記事の指摘で PR が止まらないように）",
  },
  images: {
    load: async () => (await import("./commands/images.ts")).imagesCommand,
    summary: "画像を確認し、--fix で位置情報の削除・向きの補正・縮小を行います",
  },
  build: { load: async () => (await import("./commands/build.ts")).buildCommand, summary: "公開用のサイト（記事・一覧・フィード）を作ります" },
  preview: {
    load: async () => (await import("./commands/preview.ts")).previewCommand,
    summary: "書いている記事をブラウザーで確かめます（保存すると自動で更新）",
  },
  publish: { load: async () => (await import("./commands/publish.ts")).publishCommand, summary: "記事を公開先（Pages・webhook・note）に届けます" },
  invoice: {
    load: async () => (await import("./commands/invoice.ts")).invoiceCommand,
    summary: "月ごと・ライターごとの原稿料を集計します（源泉徴収・消費税、CSV・印刷用の書類）",
  },
  desk: {
    load: async () => (await import("./commands/desk.ts")).deskCommand,
    summary: "記事の依頼（briefs/）の状況を一覧にし、引き受け・割り当てを記録します",
  },
  autofix: {
    load: async () => (await import("./commands/autofix.ts")).autofixCommand,
    summary: "プルリクエストの直せるところを直してコミットします（GitHub Actions から使います）",
  },
  report: {
    load: async () => (await import("./commands/report.ts")).reportCommand,
    summary: "チェックの結果をプルリクエストに書き込みます（GitHub Actions から使います）",
  },
  start: { load: async () => (await import("./commands/start.ts")).startCommand, summary: "見本の記事でひととおりの作業を実行します（npm start）" },
  doctor: {
    load: async () => (await import("./commands/doctor.ts")).doctorCommand,
    summary: "使い始めるための設定を確かめます（設定ファイル・見本の残り・GitHub）",
  },
  setup: {
    load: async () => (await import("./commands/setup.ts")).setupCommand,
    summary: "ラベル・ルールセット・Pages などを設定し、見本を市の内容に入れ替えます",
  },
  upgrade: { load: async () => (await import("./commands/upgrade.ts")).upgradeCommand, summary: "kawaraban の本体をテンプレートの新しい版にそろえます" },
};

const usage = () =>
  [
    `kawaraban ${VERSION} — 市民ライター記事のワークフロー`,
    "",
    "使い方: kawaraban <コマンド> [オプション]",
    "",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`),
    "",
    "各コマンドの詳細: kawaraban <コマンド> --help",
    "終了コード: 0 問題なし / 1 記事にエラーあり / 2 使い方・設定・内部のエラー",
    "",
  ].join("\n");

/** Entry point: argv without node and script; streams and cwd injected. Returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return name === undefined ? EXIT.failure : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`不明なコマンドです: ${name}\n\n${usage()}`);
    return EXIT.failure;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`kawaraban ${name}: ${error.message}\n`);
      return EXIT.failure;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`kawaraban ${name}: オプションが正しくありません: ${error.message}\n`);
      return EXIT.failure;
    }
    io.stderr.write(`kawaraban ${name}: 内部エラーが起きました（不具合です）。\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
}

import { EXIT, type Io } from "../cli-io.ts";
import { runCheck, render } from "./check.ts";
import { lineTextsOf } from "../checks/baseline.ts";
import { buildReport } from "../diagnostics/report.ts";
import { CONFIG_FILE } from "../article/config.ts";
import { BASELINE_FILE, buildBaseline, writeBaseline } from "../checks/baseline.ts";

/** `kawaraban baseline`: records today's findings on every article (run it on `main`). */
export async function baselineCommand(argv: string[], io: Io): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout.write(
      `使い方: kawaraban baseline\n\n  今ある指摘をすべて ${BASELINE_FILE} に記録します（main ブランチで実行します）。\n  以後のチェックでは、記録された指摘は表示されず、新しく増えた指摘だけがエラーになります。\n`,
    );
    return EXIT.ok;
  }
  const run = await runCheck(io, { paths: [], baseline: false });
  if ("configFailure" in run) {
    io.stdout.write(render(buildReport([CONFIG_FILE], run.configFailure), "pretty", io));
    return EXIT.failure;
  }
  const diagnostics = run.report.files.flatMap((f) => f.messages);
  const baseline = buildBaseline(diagnostics, lineTextsOf(run.outcomes.flatMap((o) => (o.text ? [o.text] : []))));
  await writeBaseline(run.root, baseline);
  const total = baseline.findings.reduce((sum, f) => sum + f.count, 0);
  io.stdout.write(`${BASELINE_FILE} に既存の指摘 ${total} 件（${baseline.findings.length} 種類）を記録しました。変更をコミットしてください。\n`);
  return run.exitCode === EXIT.failure ? EXIT.failure : EXIT.ok;
}

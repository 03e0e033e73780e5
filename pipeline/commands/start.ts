import { EXIT, type Io } from "../cli-io.ts";
import { runCheck, render } from "./check.ts";
import { buildReport } from "../diagnostics/report.ts";
import { CONFIG_FILE } from "../article/config.ts";

/**
 * `npm start`: the main job on the repository's own content, offline and without accounts.
 * Each step reports in Japanese; the exit code is the worst of the steps.
 */
export async function startCommand(_argv: string[], io: Io): Promise<number> {
  io.stdout.write("■ 記事の確認（kawaraban check）\n");
  const run = await runCheck(io, { paths: [] });
  if ("configFailure" in run) {
    io.stdout.write(render(buildReport([CONFIG_FILE], run.configFailure), "pretty", io));
    return EXIT.failure;
  }
  io.stdout.write(render(run.report, "pretty", io));
  return run.exitCode;
}

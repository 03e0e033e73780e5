import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { REPO_ROOT } from "./repo.ts";

export interface CliMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
  /** 1 warning, 2 error, 3 info. */
  severity: number;
}

/** The plain textlint CLI (the reference kawaraban must agree with), as JSON. */
export async function textlintCli(files: string[], config = ".textlintrc.json"): Promise<Map<string, CliMessage[]>> {
  const run = promisify(execFile);
  const bin = path.join(REPO_ROOT, "node_modules/textlint/bin/textlint.js");
  const { stdout } = await run(process.execPath, [bin, "--config", config, "--format", "json", ...files], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "[]" }), // exit 1 when it finds problems
  );
  const results = JSON.parse(stdout) as { filePath: string; messages: CliMessage[] }[];
  return new Map(results.map((r) => [path.relative(REPO_ROOT, r.filePath).split(path.sep).join("/"), r.messages]));
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import path from "node:path";
import { REPO_ROOT, SAMPLE_ROOT } from "./repo.ts";

export interface CliMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
  /** 1 warning, 2 error, 3 info. */
  severity: number;
}

/**
 * The plain textlint CLI (the reference kawaraban must agree with), as JSON, with the sample
 * site's configuration by default. Paths are as the tests name them: `articles/…` are the sample
 * site's, anything else is relative to the repository.
 */
export async function textlintCli(files: string[], config = path.join(SAMPLE_ROOT, ".textlintrc.json")): Promise<Map<string, CliMessage[]>> {
  const run = promisify(execFile);
  const bin = path.join(REPO_ROOT, "node_modules/textlint/bin/textlint.js");
  const absolute = new Map(files.map((f) => [path.join(f.startsWith("articles/") ? SAMPLE_ROOT : REPO_ROOT, f), f]));
  const { stdout } = await run(process.execPath, [bin, "--config", path.resolve(REPO_ROOT, config), "--format", "json", ...absolute.keys()], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "[]" }), // exit 1 when it finds problems
  );
  const results = JSON.parse(stdout) as { filePath: string; messages: CliMessage[] }[];
  return new Map(results.map((r) => [absolute.get(r.filePath) ?? r.filePath, r.messages]));
}

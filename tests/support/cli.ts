import { main } from "../../pipeline/cli.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI core in-process with captured streams. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}, now?: Date): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd,
    env: { NO_COLOR: "1", ...env },
    ...(now && { now: () => now }),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}

import { execFile } from "node:child_process";

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** Runs git in `cwd` and returns stdout. Paths come back unquoted (`-z` or core.quotepath off). */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      ["-c", "core.quotepath=false", ...args],
      { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8", env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(`git ${args.join(" ")} failed: ${stderr.trim() || error.message}`, stderr));
        else resolve(stdout);
      },
    );
  });
}

export async function isGitRepository(cwd: string): Promise<boolean> {
  try {
    return (await git(cwd, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
  } catch {
    return false;
  }
}

/** The branch billing and delivery are read from: `main` when the repository has it, else HEAD. */
export async function mainRef(cwd: string): Promise<string> {
  return (await git(cwd, ["rev-parse", "--verify", "--quiet", "main"]).catch(() => "")).trim() ? "main" : "HEAD";
}

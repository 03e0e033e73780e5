import { CONFIG_FILE, loadConfig, type Config } from "../article/config.ts";
import { buildReport } from "../diagnostics/report.ts";
import { formatPretty } from "../diagnostics/format/pretty.ts";
import { repositoryUrlFromEnv } from "../diagnostics/report.ts";
import { workTree } from "../source/work-tree.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { EXIT, findRoot, useColor, type Io } from "../cli-io.ts";

export interface Repository {
  root: string;
  /** The working tree: the only way any command reads the repository's content. */
  tree: Snapshot;
  config: Config;
}

/**
 * For every command: the repository root, its working tree as a snapshot and its config, or —
 * when the config is broken — its diagnostics printed as check would print them, and exit code 2.
 */
export async function openRepository(io: Io): Promise<Repository | { exitCode: number }> {
  const root = await findRoot(io.cwd);
  const tree = await workTree(root);
  const loaded = await loadConfig(tree);
  if (loaded.ok) return { root, tree, config: loaded.config };
  io.stdout.write(
    formatPretty(buildReport([CONFIG_FILE], loaded.diagnostics), { color: useColor(io.stdout, io.env), repositoryUrl: repositoryUrlFromEnv(io.env) }),
  );
  return { exitCode: EXIT.failure };
}

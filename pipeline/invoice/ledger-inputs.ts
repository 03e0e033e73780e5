import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { firstParentHistory, type HistoryCommit } from "../git/history.ts";
import { ARTICLES_DIR } from "../article/paths.ts";
import { parseConfig, CONFIG_FILE, type Config } from "../article/config.ts";
import { BRIEFS_DIR } from "../desk/brief.ts";
import { LINT_CONFIG_FILES } from "../checks/prose/textlint-config.mjs";
import { CACHE_DIR } from "../cache-dir.ts";
import { sha256 } from "../hash.ts";
import { GitObjects } from "../source/git-objects.ts";
import { HistorySnapshots } from "../source/history.ts";
import { readText } from "../source/decode.ts";

/** Everything the ledger is planned from, read from git: main's history and each version of it as a snapshot. */
export interface LedgerInputs {
  history: HistoryCommit[];
  snapshots: HistorySnapshots;
  /** The config in force at a commit index: the last valid one at or before it. */
  configAt(index: number): Config | undefined;
  /** Which version of the config that is (equal numbers, equal config). */
  configVersion(index: number): number;
  /** Where the lint configuration of a commit lives: the checkout's when it is the same, else a copy of that commit's. */
  lintRootAt(index: number): Promise<string>;
}

const kept = (p: string) =>
  p === CONFIG_FILE || LINT_CONFIG_FILES.includes(p) || p.startsWith(`${ARTICLES_DIR}/`) || p.startsWith("assets/") || p.startsWith(`${BRIEFS_DIR}/`);

/**
 * One `git log` pass for the history; every version is then read through a snapshot of the
 * branch as it stood after that commit, by the same door as `check`. Every path under articles/
 * is kept: which ones are articles is the door's decision, not this reader's.
 */
export async function readLedgerInputs(root: string, ref = "HEAD"): Promise<LedgerInputs> {
  const history = await firstParentHistory(root, ref, kept);
  const snapshots = new HistorySnapshots(history, new GitObjects(root));
  const configCommits = history.flatMap((c, i) => (c.changes.some((ch) => ch.path === CONFIG_FILE) ? [i] : []));
  // A broken config at some commit leaves the previous one in force (the check refused that PR).
  const configs: (Config | undefined)[] = [];
  for (const [n, index] of configCommits.entries()) {
    const read = await readText(snapshots.at(index), CONFIG_FILE, 1024 * 1024);
    const parsed = read.ok ? parseConfig(read.text) : undefined;
    configs.push(parsed?.ok ? parsed.config : configs[n - 1]);
  }
  const configVersion = (index: number): number => {
    let found = -1;
    for (let n = 0; n < configCommits.length && configCommits[n]! <= index; n++) found = n;
    return found;
  };
  const configAt = (index: number) => configs[configVersion(index)];
  return { history, snapshots, configAt, configVersion, lintRootAt: lintRoots(root, snapshots) };
}

/**
 * A past commit's lint configuration (.textlintrc.json, the prh dictionaries, the proper nouns,
 * .remarkrc.json): the ledger judges a version by the rules it was written under, so a rule a
 * city adds later never changes a closed month. Identical to the checkout's: the checkout. Else
 * a copy of that commit's files under the cache (rules still load from the project's
 * node_modules); a commit without a lint configuration is judged by the checkout's.
 */
function lintRoots(root: string, snapshots: HistorySnapshots): (index: number) => Promise<string> {
  const made = new Map<string, Promise<string>>();
  const byVersion = new Map<string, Promise<string>>();
  return (index) => {
    // The same blobs are the same configuration: read once however many commits share it.
    const version = LINT_CONFIG_FILES.map((f) => snapshots.entryAt(f, index)?.id ?? "-").join(" ");
    let found = byVersion.get(version);
    if (!found) byVersion.set(version, (found = lintRootOf(root, snapshots, index, made)));
    return found;
  };
}

async function lintRootOf(root: string, snapshots: HistorySnapshots, index: number, made: Map<string, Promise<string>>): Promise<string> {
  const snapshot = snapshots.at(index);
  const files = await Promise.all(LINT_CONFIG_FILES.map(async (f) => [f, await readText(snapshot, f, 1024 * 1024)] as const));
  if (files.some(([, r]) => !r.ok)) return root;
  const texts = files.map(([f, r]) => [f, r.ok ? r.text : ""] as const);
  const current = await Promise.all(LINT_CONFIG_FILES.map((f) => readFile(path.join(root, f), "utf8").catch(() => undefined)));
  if (texts.every(([, t], i) => t === current[i])) return root;
  const key = sha256(...texts.flat()).slice(0, 16);
  let dir = made.get(key);
  if (!dir) {
    dir = (async () => {
      const at = path.join(root, CACHE_DIR, "lint-config", key);
      await mkdir(at, { recursive: true });
      for (const [f, t] of texts) await writeFile(path.join(at, f), t);
      return at;
    })();
    made.set(key, dir);
  }
  return dir;
}

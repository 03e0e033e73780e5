/**
 * The whole-run cache of `kawaraban check`: when nothing a check reads has changed since a check
 * that finished, its output and exit code are replayed without loading the pipeline (a warm
 * re-check of 1,000 articles in about the time Node takes to start).
 *
 * Plain JavaScript, used by the launcher before any bundle or TypeScript loader exists.
 *
 * What a check reads, and so what the key holds: kawaraban's code, the locked dependencies and
 * Node's version; the arguments, the folder it runs from and the environment variables kawaraban
 * reads; today's date in Japan (brief deadlines); every entry of the working tree except `.git`,
 * `node_modules` and `.cache` (path, kind, size, inode, modification and change times, as git's
 * own index does); and git's refs, index and configuration (which commit `main` is, what is
 * tracked). Git objects need no entry: they never change under a name.
 *
 * A file changed while a check ran, or so soon before its end that a coarse file-system clock
 * could give a later change the same times, makes that run unsaved. Nothing is replayed on CI
 * (a runner starts with no cache and GitHub's step summary is a side effect) nor for --fix,
 * --changed-since, --no-cache or options the check itself will reject.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const CONFIG_FILE = "kawaraban.config.yml";
const RUNS_DIR = path.join(".cache", "kawaraban", "runs");
const SKIPPED = new Set([".git", "node_modules", ".cache"]);
const MAX_ENTRIES = 200_000;
const KEPT_RUNS = 8;
/** Longer than any file system's clock tick (FAT: 2 s): a later change always shows. */
const SETTLE_NS = 3_000_000_000n;
const ENV = /^(KAWARABAN_|GITHUB_)|^(NO_COLOR|FORCE_COLOR|TZ)$/;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * @typedef {{ write(chunk: string): unknown; isTTY?: boolean }} OutStream
 * @typedef {{ root: string; key: string; fingerprint: string }} RunKey
 */

/**
 * The run's key when this invocation may be replayed or saved, else undefined.
 * @param {readonly string[]} argv
 * @param {{ cwd: string; env: NodeJS.ProcessEnv; stdout: OutStream; stderr: OutStream; codeKey: string; now?: Date }} context
 * @returns {RunKey | undefined}
 */
export function runKey(argv, context) {
  const [command, ...rest] = argv;
  const { env } = context;
  if (command !== "check" || env.CI || env.GITHUB_ACTIONS || env.GITHUB_STEP_SUMMARY) return undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { format: { type: "string" }, "no-baseline": { type: "boolean" } },
    });
  } catch {
    return undefined; // --fix, --changed-since, --no-cache, --help and typos: the check decides
  }
  const root = findRoot(context.cwd);
  if (!root) return undefined;
  const fingerprint = treeFingerprint(root);
  if (fingerprint === undefined) return undefined;
  const read = Object.entries(env)
    .filter(([name]) => ENV.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const today = new Date((context.now ?? new Date()).getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
  const key = createHash("sha256")
    .update(
      JSON.stringify({
        code: context.codeKey,
        argv: [parsed.values, parsed.positionals],
        at: path.relative(root, path.resolve(context.cwd)),
        env: read,
        tty: [context.stdout.isTTY === true, context.stderr.isTTY === true],
        today,
      }),
    )
    .update(fingerprint)
    .digest("hex");
  return { root, key, fingerprint };
}

/**
 * Writes a saved run's output and returns its exit code, or undefined when there is none.
 * @param {RunKey} run
 * @param {OutStream} stdout
 * @param {OutStream} stderr
 * @returns {number | undefined}
 */
export function replay(run, stdout, stderr) {
  let saved;
  try {
    saved = JSON.parse(readFileSync(runFile(run), "utf8"));
  } catch {
    return undefined;
  }
  if (saved?.key !== run.key || typeof saved.stdout !== "string" || typeof saved.stderr !== "string" || !Number.isInteger(saved.exitCode)) {
    return undefined;
  }
  if (saved.stdout) stdout.write(saved.stdout);
  if (saved.stderr) stderr.write(saved.stderr);
  return saved.exitCode;
}

/**
 * A stream that passes everything on and keeps a copy.
 * @param {OutStream} stream
 * @returns {OutStream & { text(): string }}
 */
export function recording(stream) {
  const chunks = /** @type {string[]} */ ([]);
  return {
    isTTY: stream.isTTY,
    write(chunk) {
      chunks.push(String(chunk));
      return stream.write(chunk);
    },
    text: () => chunks.join(""),
  };
}

/**
 * Saves a finished run for replay when the tree is as it was when the run started and settled.
 * Runs that failed (exit code 2: an internal error, a broken configuration) are never saved.
 * @param {RunKey} run
 * @param {{ stdout: string; stderr: string; exitCode: number }} outcome
 */
export function save(run, outcome) {
  if (outcome.exitCode !== 0 && outcome.exitCode !== 1) return;
  if (treeFingerprint(run.root, BigInt(Date.now()) * 1_000_000n - SETTLE_NS) !== run.fingerprint) return;
  try {
    const dir = path.join(run.root, RUNS_DIR);
    mkdirSync(dir, { recursive: true });
    const temp = `${runFile(run)}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify({ key: run.key, ...outcome }));
    renameSync(temp, runFile(run));
    pruneRuns(dir);
  } catch {
    // A cache that cannot be written only makes the next run slower.
  }
}

/** @param {RunKey} run */
const runFile = (run) => path.join(run.root, RUNS_DIR, `${run.key.slice(0, 32)}.json`);

/** @param {string} dir */
function pruneRuns(dir) {
  const runs = readdirSync(dir)
    .map((name) => ({ name, time: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of runs.slice(KEPT_RUNS)) rmSync(path.join(dir, old.name), { force: true });
}

/**
 * Every entry's identity and times, and git's refs and index. Undefined when the tree is too
 * large to list cheaply, `.git` is not a plain folder (a linked work tree), or — with
 * `settledBefore` — when any entry changed at or after that time (nanoseconds since the epoch).
 * @param {string} root
 * @param {bigint} [settledBefore]
 * @returns {string | undefined}
 */
export function treeFingerprint(root, settledBefore) {
  const lines = /** @type {string[]} */ ([]);
  const gitDir = path.join(root, ".git");
  const git = existsSync(gitDir) ? lstatSync(gitDir) : undefined;
  if (git && !git.isDirectory()) return undefined;
  const visit = (/** @type {string} */ dir, /** @type {string} */ rel, /** @type {(name: string) => boolean} */ skip) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip(entry.name)) continue;
      if (lines.length >= MAX_ENTRIES) throw new RangeError("too many entries");
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      const s = lstatSync(abs, { bigint: true });
      if (settledBefore !== undefined && (s.ctimeNs >= settledBefore || s.mtimeNs >= settledBefore)) throw new RangeError("unsettled");
      const kind = s.isDirectory() ? "d" : s.isFile() ? "f" : s.isSymbolicLink() ? `l${readlinkSync(abs)}` : "o";
      lines.push(`${relPath}\0${kind}\0${s.size}\0${s.ino}\0${s.mode}\0${s.mtimeNs}\0${s.ctimeNs}`);
      if (s.isDirectory()) visit(abs, relPath, () => false);
    }
  };
  try {
    visit(root, "", (name) => SKIPPED.has(name));
    if (git) {
      const wanted = new Set(["HEAD", "packed-refs", "config", "index", "shallow", "refs", "info"]);
      visit(gitDir, ".git", (name) => !wanted.has(name));
    }
  } catch {
    return undefined;
  }
  return lines.join("\n");
}

/**
 * The folder holding kawaraban.config.yml at or above `cwd`.
 * @param {string} cwd
 */
export function findRoot(cwd) {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

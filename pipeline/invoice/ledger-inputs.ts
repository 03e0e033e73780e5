import { firstParentHistory, readBlobs, readBlobBytes, blobSizes, type HistoryCommit } from "../git/history.ts";
import { ARTICLES_DIR } from "../article/paths.ts";
import { parseConfig, CONFIG_FILE, type Config } from "../article/config.ts";
import { DEFAULT_ARTICLE_BYTES } from "../article/config.ts";
import { BRIEFS_DIR, MAX_BRIEF_BYTES } from "../desk/brief.ts";

/** Everything the ledger is planned from, read from git in a few passes. */
export interface LedgerInputs {
  history: HistoryCommit[];
  /** Article texts by blob id; `undefined` for a blob over the size limit (never read). */
  texts: ReadonlyMap<string, string | undefined>;
  /** The config in force at a commit index: the last valid one at or before it. */
  configAt(index: number): Config | undefined;
  /** The blob of a file under assets/ on the branch after the commit at `index` (undefined: absent). */
  assetAt(path: string, index: number): string | undefined;
  /** The text of a file under briefs/ on the branch after the commit at `index` (undefined: absent or too large). */
  briefTextAt(path: string, index: number): string | undefined;
  /** The brief files on the branch after the commit at `index`. */
  briefPathsAt(index: number): string[];
}

const underArticles = (p: string) => p.startsWith(`${ARTICLES_DIR}/`);
/** No config can raise the article limit above this for history reads (a pasted video stays unread). */
const MAX_HISTORY_BLOB = 4 * DEFAULT_ARTICLE_BYTES;

/**
 * One `git log` pass for the history, one size check, and one `git cat-file --batch` pass for
 * the config versions and every article version. Every path under articles/ is kept: which
 * ones are articles is the gate's decision, not this reader's.
 */
export async function readLedgerInputs(root: string, ref = "HEAD"): Promise<LedgerInputs> {
  const history = await firstParentHistory(root, ref, (p) => p === CONFIG_FILE || underArticles(p) || p.startsWith("assets/") || p.startsWith(`${BRIEFS_DIR}/`));
  const configCommits = history.flatMap((c, i) => (c.changes.some((ch) => ch.path === CONFIG_FILE && ch.status !== "D") ? [i] : []));
  const configTexts = await readBlobs(root, configCommits.map((i) => history[i]!.changes.find((c) => c.path === CONFIG_FILE && c.status !== "D")!.blob));
  // A broken config at some commit leaves the previous one in force (the check refused that PR).
  const configs: (Config | undefined)[] = [];
  configTexts.forEach((text, i) => {
    const parsed = text === undefined ? undefined : parseConfig(text);
    configs.push(parsed?.ok ? parsed.config : configs[i - 1]);
  });
  const configAt = (index: number): Config | undefined => {
    let low = 0;
    let high = configCommits.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (configCommits[mid]! <= index) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found === -1 ? undefined : configs[found];
  };
  const ids = [...new Set(history.flatMap((c) => c.changes.filter((ch) => ch.status !== "D" && underArticles(ch.path)).map((ch) => ch.blob)))];
  const sizes = await blobSizes(root, ids);
  const readable = ids.filter((id) => (sizes.get(id) ?? Infinity) <= MAX_HISTORY_BLOB);
  const read = await readBlobs(root, readable);
  const texts = new Map<string, string | undefined>(ids.map((id) => [id, undefined]));
  readable.forEach((id, i) => texts.set(id, read[i]));
  const assetAt = fileLives(history, "assets/");
  const briefBlobAt = fileLives(history, `${BRIEFS_DIR}/`);
  const briefBlobs = [...new Set(history.flatMap((c) => c.changes.filter((ch) => ch.status !== "D" && ch.path.startsWith(`${BRIEFS_DIR}/`)).map((ch) => ch.blob)))];
  const briefSizes = await blobSizes(root, briefBlobs);
  const smallBriefs = briefBlobs.filter((id) => (briefSizes.get(id) ?? Infinity) <= MAX_BRIEF_BYTES);
  const briefTexts = new Map(smallBriefs.map((id, i) => [id, i] as const));
  const briefRead = await readBlobs(root, smallBriefs);
  const briefTextAt = (p: string, index: number) => {
    const blob = briefBlobAt(p, index);
    const at = blob === undefined ? undefined : briefTexts.get(blob);
    return at === undefined ? undefined : briefRead[at];
  };
  const briefPathsAt = (index: number) => briefBlobAt.paths().filter((p) => briefBlobAt(p, index) !== undefined);
  return { history, texts, configAt, assetAt, briefTextAt, briefPathsAt };
}

/** Each file's life under `prefix`: the blob it had after the commit at an index (undefined: absent). */
function fileLives(history: readonly HistoryCommit[], prefix: string): ((path: string, index: number) => string | undefined) & { paths: () => string[] } {
  const lives = new Map<string, { index: number; blob?: string }[]>();
  const mark = (p: string, index: number, blob: string | undefined) => {
    if (!p.startsWith(prefix)) return;
    let life = lives.get(p);
    if (!life) lives.set(p, (life = []));
    life.push({ index, blob });
  };
  history.forEach((commit, index) => {
    for (const change of commit.changes) {
      if (change.status === "R" && change.from) mark(change.from, index, undefined);
      mark(change.path, index, change.status === "D" ? undefined : change.blob);
    }
  });
  const at = (p: string, index: number) => {
    let blob: string | undefined;
    for (const step of lives.get(p) ?? []) {
      if (step.index > index) break;
      blob = step.blob;
    }
    return blob;
  };
  return Object.assign(at, { paths: () => [...lives.keys()] });
}

/**
 * What check says of each photo version (by blob), header only: format, size, pixels, shape,
 * animation and personal metadata. Read one at a time, bounded by the image size limit.
 */
export async function inspectImageBlobs(root: string, blobs: readonly { blob: string; path: string }[], config: Config | undefined): Promise<Map<string, string | undefined>> {
  const { inspectImage } = await import("../images/inspect.ts");
  const { imageLimits } = await import("../images/limits.ts");
  const limits = imageLimits(config);
  const sizes = await blobSizes(root, blobs.map((b) => b.blob));
  const problems = new Map<string, string | undefined>();
  for (const { blob, path } of blobs) {
    const size = sizes.get(blob);
    if (size === undefined) {
      problems.set(blob, "この時点のリポジトリにありません");
      continue;
    }
    if (size > limits.maxBytes) {
      problems.set(blob, "画像が大きすぎます");
      continue;
    }
    const [bytes] = await readBlobBytes(root, [blob]);
    const inspection = await inspectImage(path, bytes!, limits, { header: true });
    problems.set(blob, inspection.problems.find((p) => p.rule.severity === "error")?.message);
  }
  return problems;
}

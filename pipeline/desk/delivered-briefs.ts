import { git } from "../git/git.ts";
import { splitFrontMatter } from "../article/front-matter.ts";
import { readText } from "../source/decode.ts";
import type { Snapshot } from "../source/snapshot.ts";
import type { Config } from "../article/config.ts";
import { articleBytes } from "../core/admit.ts";
import { resolveBrief, type Brief } from "./brief.ts";

/**
 * Which brief each article on the default branch delivers (brief id → the article's path, the
 * first by path when several cite one). A brief is one piece of work: `check` and the PR verdict
 * refuse a second article for a delivered brief (the ledger pays its fee once, brief-fee.ts).
 *
 * Reading every article on main for each PR would be slow on a city's years of articles, so
 * `git grep` finds the few files with a `brief:` line, and only those are read, with the front
 * matter parsed properly (a `brief:` line in a body does not count). `ref` undefined: the
 * checked-out work tree (the verdict's base); otherwise a commit (`check` reads main).
 */
export async function deliveredBriefs(
  root: string,
  ref: string | undefined,
  main: Snapshot,
  config: Config,
  briefs: ReadonlyMap<string, Brief>,
): Promise<Map<string, string>> {
  const args = ["grep", "-l", "-z", "-I", "-E", "-e", "^brief[[:space:]]*:", ...(ref ? [ref] : []), "--", "articles/"];
  const out = await git(root, args).catch(() => ""); // exit 1: no file cites a brief
  const paths = out
    .split("\0")
    .filter(Boolean)
    .map((p) => (ref && p.startsWith(`${ref}:`) ? p.slice(ref.length + 1) : p))
    .sort();
  const delivered = new Map<string, string>();
  for (const path of paths) {
    const text = await readText(main, path, articleBytes(config));
    if (!text.ok) continue;
    const split = splitFrontMatter(text.text);
    const cited = split.ok ? (split.yaml.data as { brief?: unknown } | undefined)?.brief : undefined;
    if (typeof cited !== "string") continue;
    const id = resolveBrief(briefs, cited).brief?.id;
    if (id && !delivered.has(id)) delivered.set(id, path);
  }
  return delivered;
}

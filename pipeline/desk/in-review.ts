import type { Config } from "../article/config.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { admit } from "../core/admit.ts";
import { git } from "../git/git.ts";
import { commitSnapshot } from "../source/commit.ts";
import type { InReview } from "./desk.ts";

/** A desk run looks at this many branches at most (a busy repository has a few dozen). */
const MAX_REFS = 300;

/**
 * Articles citing a brief on branches that are not main yet: the pull requests under review.
 * Branches and remote branches are read as git has them (in Actions, a checkout with
 * fetch-depth 0, plus `refs/pull/*` when fetched). Every article goes through the gate, as any
 * untrusted file does; only valid article paths are read, each within the article size limit.
 */
export async function briefsInReview(root: string, config: Config, mainRef: string): Promise<InReview[]> {
  const refs = (await git(root, ["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes", "refs/pull"]).catch(() => ""))
    .split("\n")
    .filter((r) => r && r !== `refs/heads/${mainRef}` && !/^refs\/remotes\/[^/]+\/(HEAD|main)$/.test(r) && r !== mainRef)
    .slice(0, MAX_REFS);
  const found: InReview[] = [];
  for (const ref of refs) {
    const changed = await git(root, ["diff", "--name-only", "-z", "--diff-filter=AM", `${mainRef}...${ref}`, "--", "articles/"]).catch(() => "");
    const paths = changed.split("\0").filter((p) => p && classifyArticlePath(p).kind === "article");
    if (paths.length === 0) continue;
    const snapshot = await commitSnapshot(root, ref);
    for (const article of paths) {
      const brief = (await admit(snapshot, article, config)).article?.frontMatter.brief;
      if (brief) found.push({ brief, article, branch: ref.replace(/^refs\/(heads|remotes)\//, "") });
    }
  }
  return found;
}

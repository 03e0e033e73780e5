import type { Config } from "../article/config.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { admitText } from "../article/gate.ts";
import { DEFAULT_ARTICLE_BYTES } from "../article/config.ts";
import { git } from "../git/git.ts";
import { blobSizes, readBlobs } from "../git/history.ts";
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
    const specs = paths.map((p) => `${ref}:${p}`);
    const sizes = await blobSizes(root, specs);
    const readable = specs.filter((s) => (sizes.get(s) ?? Infinity) <= (config.limits.articleBytes ?? DEFAULT_ARTICLE_BYTES));
    const texts = await readBlobs(root, readable);
    readable.forEach((spec, i) => {
      const text = texts[i];
      const article = spec.slice(ref.length + 1);
      const brief = text === undefined ? undefined : admitText(article, text.replace(/^\ufeff/, ""), config).admitted?.frontMatter.brief;
      if (brief) found.push({ brief, article, branch: ref.replace(/^refs\/(heads|remotes)\//, "") });
    });
  }
  return found;
}

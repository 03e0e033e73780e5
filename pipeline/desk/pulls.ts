import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { admit, articleBytes } from "../core/admit.ts";
import { overlay } from "../source/overlay.ts";
import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";
import type { InReview } from "./desk.ts";

/**
 * What the open pull requests say about briefs, from the API (never from fetched refs: a closed
 * PR, a fork's leftover ref or a push of 12,000 paths costs nothing here):
 * - the desk's own PRs waiting for an editor (a brief proposal, a claim), recognised by author,
 *   branch and the marker in their body, which only the bot writes;
 * - articles citing a brief in other open PRs (in review), read at the PR's head through the
 *   contents API and admitted by the same door as everywhere else.
 * Articles of a head already read are taken from a small cache (`.cache/kawaraban/desk/`), so a
 * run's cost grows with new pushes, not with the number of open PRs.
 */
export interface DeskPull {
  number: number;
  kind: "brief" | "claim";
  brief: string;
  writer?: string;
  /** The request it answers: `c<comment id>` or `e<assignment event id>`. */
  request?: string;
  url: string;
}

export interface OpenPulls {
  desk: DeskPull[];
  inReview: InReview[];
  /** Open PRs not read this run (past the per-run cap): the next runs read them. */
  unread: number;
}

/** The marker in a desk PR's body. */
export const deskPullMarker = (facts: Omit<DeskPull, "number" | "url">) => `<!-- kawaraban:desk-pr=${JSON.stringify(facts)} -->`;
const MARKER = /<!-- kawaraban:desk-pr=(\{[^<>]{1,400}\}) -->/;

/** At most this many PRs are read a run (newest first); articles read per PR. */
export const MAX_PULLS_READ = 60;
const MAX_ARTICLES = 5;

type Cached = Record<string, { sha: string; found: InReview[] }>;

export async function readOpenPulls(client: GithubClient, repo: Repo, config: Config, botLogin: string, cacheDir: string | undefined): Promise<OpenPulls> {
  const pulls = await client.paginate(client.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
  const own = `${repo.owner}/${repo.repo}`.toLowerCase();
  const desk: DeskPull[] = [];
  const others: typeof pulls = [];
  for (const pull of pulls) {
    const facts =
      pull.user?.login === botLogin && pull.head.ref.startsWith("desk/") && pull.head.repo?.full_name?.toLowerCase() === own
        ? parseMarker(pull.body ?? "")
        : undefined;
    if (facts) desk.push({ ...facts, number: pull.number, url: pull.html_url });
    else others.push(pull);
  }
  const cacheFile = cacheDir && path.join(cacheDir, "pulls.json");
  const cache: Cached = cacheFile
    ? await readFile(cacheFile, "utf8").then(
        (t) => JSON.parse(t) as Cached,
        () => ({}),
      )
    : {};
  const next: Cached = {};
  const inReview: InReview[] = [];
  let read = 0;
  let unread = 0;
  for (const pull of others) {
    const known = cache[pull.number];
    if (known?.sha === pull.head.sha) {
      next[pull.number] = known;
      inReview.push(...known.found);
      continue;
    }
    if (read >= MAX_PULLS_READ) {
      unread++;
      continue;
    }
    read++;
    const found = await articlesCiting(client, repo, config, pull.number, pull.head.sha, pull.user?.login ?? "");
    next[pull.number] = { sha: pull.head.sha, found };
    inReview.push(...found);
  }
  if (cacheFile) {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify(next));
  }
  return { desk, inReview, unread };
}

function parseMarker(body: string): Omit<DeskPull, "number" | "url"> | undefined {
  const match = MARKER.exec(body);
  if (!match) return undefined;
  try {
    const facts = JSON.parse(match[1]!) as Record<string, unknown>;
    if ((facts.kind !== "brief" && facts.kind !== "claim") || typeof facts.brief !== "string") return undefined;
    return {
      kind: facts.kind,
      brief: facts.brief,
      ...(typeof facts.writer === "string" && { writer: facts.writer }),
      ...(typeof facts.request === "string" && { request: facts.request }),
    };
  } catch {
    return undefined;
  }
}

/** The briefs the PR's articles cite, each article read at the PR's head and admitted like any other. */
async function articlesCiting(client: GithubClient, repo: Repo, config: Config, number: number, sha: string, author: string): Promise<InReview[]> {
  const files = (await client.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: 100 })).data;
  const articles = files
    .filter((f) => f.status !== "removed" && classifyArticlePath(f.filename).kind === "article")
    .slice(0, MAX_ARTICLES)
    .map((f) => f.filename);
  const found: InReview[] = [];
  for (const file of articles) {
    const { data } = await client.rest.repos.getContent({ ...repo, path: file, ref: sha }).catch(() => ({ data: undefined }));
    if (!data || Array.isArray(data) || data.type !== "file" || !("content" in data) || data.encoding !== "base64" || data.size > articleBytes(config))
      continue;
    const admitted = await admit(overlay(undefined, new Map([[file, Buffer.from(data.content, "base64")]])), file, config);
    const brief = admitted.article?.frontMatter.brief;
    if (brief) found.push({ brief, article: file, branch: `#${number}`, author, writer: admitted.article!.frontMatter.writer });
  }
  return found;
}

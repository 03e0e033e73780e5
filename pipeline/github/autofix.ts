import * as z from "zod";
import type { Config } from "../article/config.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { isImagePath } from "../images/stage.ts";
import { runCore } from "../core/check.ts";
import { overlay } from "../source/overlay.ts";
import type { Snapshot } from "../source/snapshot.ts";
import type { GithubClient } from "./client.ts";
import type { Repo } from "./pr-report.ts";

/**
 * "Fix it for me" from the PR's summary: the unprivileged job computes the fixed files (check
 * --fix, images --fix on the PR's own articles and photos) into a bundle; the privileged job
 * applies it only after validating that it touches nothing but that PR's article and image files,
 * each still a valid article or a clean photo, against the PR's current head, and only to a
 * branch in this repository (a fork's branch is not ours to push to).
 */
export const AUTOFIX_MARKER = "<!-- kawaraban:autofix -->";
export const AUTOFIX_CHECKBOX = /^- \[[xX]\] .*<!-- kawaraban:autofix -->$/m;
const MAX_FILES = 100;

const bundleSchema = z.strictObject({
  version: z.literal(1),
  pr: z.number().int().positive(),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  files: z.array(z.strictObject({ path: z.string().max(300), base64: z.string().max(30 * 1024 * 1024) })).max(MAX_FILES),
});
export type AutofixBundle = z.output<typeof bundleSchema>;

export function parseBundle(text: string): AutofixBundle | undefined {
  try {
    const parsed = bundleSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface PullFacts {
  headSha: string;
  /** The PR's changed files as GitHub lists them. */
  files: readonly { filename: string; status: string }[];
}

/**
 * The bundle's files, or every reason to refuse it. A file is accepted only when it is one the
 * PR itself added or modified, a plain file in the PR's head commit (never a link, a submodule
 * or an executable: its bytes must be the PR's own), under articles/ (an article the door lets
 * linters read) or assets/ (a photo with no finding that is an error: no personal metadata, no
 * data beyond the image), and the bundle was made for the PR's current head. Each file is judged
 * by the one check core on the head with the bundle applied.
 */
export async function validateAutofix(
  bundle: AutofixBundle,
  pr: PullFacts,
  config: Config,
  head: Snapshot,
): Promise<{ ok: true; files: { path: string; bytes: Buffer }[] } | { ok: false; problems: string[] }> {
  const problems: string[] = [];
  if (bundle.headSha !== pr.headSha)
    problems.push("直したファイルは古いコミットのものです（そのあとにプッシュがありました）。もう一度チェックを入れてください。");
  const changed = new Map(pr.files.map((f) => [f.filename, f.status]));
  const files = new Map<string, Buffer>();
  for (const file of bundle.files) {
    if (files.has(file.path)) {
      problems.push(`${file.path}: 同じファイルが 2 回あります。`);
      continue;
    }
    const status = changed.get(file.path);
    const entry = await head.entry(file.path);
    if (status !== "added" && status !== "modified") problems.push(`${file.path}: このプルリクエストが追加・変更したファイルではありません。`);
    else if (entry?.kind !== "file") problems.push(`${file.path}: プルリクエストの中では普通のファイルではありません（シンボリックリンクなど）。`);
    else if (classifyArticlePath(file.path).kind !== "article" && !isImagePath(file.path))
      problems.push(`${file.path}: 記事（articles/）と写真（assets/）のほかは直しません。`);
    else files.set(file.path, Buffer.from(file.base64, "base64"));
  }
  if (problems.length > 0) return { ok: false, problems };
  const paths = [...files.keys()];
  const core = await runCore({
    snapshot: overlay(head, files),
    config,
    lintRoot: ".",
    articles: paths.filter((p) => p.startsWith("articles/")),
    images: paths.filter(isImagePath),
    decodeImages: false,
    prose: { enabled: false },
  });
  for (const a of core.articles) if (!a.text) problems.push(`${a.path}: 直したあとの記事が読めません（${a.diagnostics[0]?.message ?? "不明"}）。`);
  for (const d of core.diagnostics) if (d.source === "image" && d.severity === "error" && files.has(d.path)) problems.push(`${d.path}: ${d.message}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: paths.map((p) => ({ path: p, bytes: files.get(p)! })) };
}

/**
 * One commit on the PR's branch with the fixed files, through the Git Data API (the privileged
 * job checks nothing out): blobs, a tree on the head's tree, a commit whose parent is the head,
 * and a fast-forward of the branch (refused by GitHub if the branch moved meanwhile).
 */
export async function applyAutofix(
  client: GithubClient,
  repo: Repo,
  branch: string,
  headSha: string,
  files: readonly { path: string; bytes: Buffer }[],
): Promise<string> {
  const head = await client.rest.git.getCommit({ ...repo, commit_sha: headSha });
  const tree = [];
  for (const f of files) {
    const blob = await client.rest.git.createBlob({ ...repo, content: f.bytes.toString("base64"), encoding: "base64" });
    tree.push({ path: f.path, mode: "100644" as const, type: "blob" as const, sha: blob.data.sha });
  }
  const newTree = await client.rest.git.createTree({ ...repo, base_tree: head.data.tree.sha, tree });
  const commit = await client.rest.git.createCommit({
    ...repo,
    message: "kawaraban: 直せるところを直しました（写真の撮影情報・向き・大きさ、文章の安全な直し）",
    tree: newTree.data.sha,
    parents: [headSha],
  });
  await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
  return commit.data.sha;
}

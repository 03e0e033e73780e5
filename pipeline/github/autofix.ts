import { z } from "zod";
import type { Config } from "../article/config.ts";
import { articleBytes } from "../article/gate.ts";
import { classifyArticlePath } from "../article/article-path.ts";
import { decodeUtf8 } from "../article/safe-read.ts";
import { imageLimits } from "../images/limits.ts";
import { EXTENSIONS } from "../images/sniff.ts";
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

const isImagePath = (p: string) => p.startsWith("assets/") && /^[a-z0-9/._-]+$/i.test(p) && EXTENSIONS[p.slice(p.lastIndexOf(".")).toLowerCase()] !== undefined;

/**
 * Pure apart from reading image headers: the bundle's files, or every reason to refuse it.
 * A file is accepted only when it is one the PR itself added or modified, under articles/ (a
 * valid article path, UTF-8, within the size limit) or assets/ (a supported photo within the
 * image limits, with no personal metadata left), and the bundle was made for the PR's current head.
 */
export async function validateAutofix(bundle: AutofixBundle, pr: PullFacts, config: Config): Promise<{ ok: true; files: { path: string; bytes: Buffer }[] } | { ok: false; problems: string[] }> {
  const problems: string[] = [];
  if (bundle.headSha !== pr.headSha) problems.push("直したファイルは古いコミットのものです（そのあとにプッシュがありました）。もう一度チェックを入れてください。");
  const changed = new Map(pr.files.map((f) => [f.filename, f.status]));
  const seen = new Set<string>();
  const files: { path: string; bytes: Buffer }[] = [];
  const { inspectImage } = await import("../images/inspect.ts");
  for (const file of bundle.files) {
    if (seen.has(file.path)) {
      problems.push(`${file.path}: 同じファイルが 2 回あります。`);
      continue;
    }
    seen.add(file.path);
    const status = changed.get(file.path);
    if (status !== "added" && status !== "modified") {
      problems.push(`${file.path}: このプルリクエストが追加・変更したファイルではありません。`);
      continue;
    }
    const bytes = Buffer.from(file.base64, "base64");
    if (classifyArticlePath(file.path).kind === "article") {
      if (bytes.length > articleBytes(config) || !decodeUtf8(bytes, file.path).ok) problems.push(`${file.path}: 記事として読めないか、大きすぎます。`);
      else files.push({ path: file.path, bytes });
    } else if (isImagePath(file.path)) {
      const inspection = await inspectImage(file.path, bytes, imageLimits(config), { header: true });
      const error = inspection.problems.find((p) => p.rule.severity === "error");
      if (error) problems.push(`${file.path}: ${error.message}`);
      else files.push({ path: file.path, bytes });
    } else {
      problems.push(`${file.path}: 記事（articles/）と写真（assets/）のほかは直しません。`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}

/**
 * One commit on the PR's branch with the fixed files, through the Git Data API (the privileged
 * job checks nothing out): blobs, a tree on the head's tree, a commit whose parent is the head,
 * and a fast-forward of the branch (refused by GitHub if the branch moved meanwhile).
 */
export async function applyAutofix(client: GithubClient, repo: Repo, branch: string, headSha: string, files: readonly { path: string; bytes: Buffer }[]): Promise<string> {
  const head = await client.rest.git.getCommit({ ...repo, commit_sha: headSha });
  const tree = [];
  for (const f of files) {
    const blob = await client.rest.git.createBlob({ ...repo, content: f.bytes.toString("base64"), encoding: "base64" });
    tree.push({ path: f.path, mode: "100644" as const, type: "blob" as const, sha: blob.data.sha });
  }
  const newTree = await client.rest.git.createTree({ ...repo, base_tree: head.data.tree.sha, tree });
  const commit = await client.rest.git.createCommit({ ...repo, message: "kawaraban: 直せるところを直しました（写真の撮影情報・向き・大きさ、文章の安全な直し）", tree: newTree.data.sha, parents: [headSha] });
  await client.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.data.sha, force: false });
  return commit.data.sha;
}

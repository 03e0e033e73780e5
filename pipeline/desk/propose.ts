import type { GithubClient } from "../github/client.ts";
import type { Repo } from "../github/pr-report.ts";

export interface Proposal {
  branch: string;
  path: string;
  text: string;
  title: string;
  body: string;
  /** The blob sha of `path` on main (the contents API needs it to replace a file). */
  blobSha?: string;
}

/**
 * One file proposed as a pull request, converging whatever an earlier run or an editor left:
 * - the branch is made from main, or — when it is left over (its PR was closed, GitHub keeps the
 *   branch) — moved back onto main by force; the caller has checked that no open PR uses it;
 * - the file is written on it;
 * - the PR is opened, or the open one for that branch is used (an earlier run stopped after
 *   opening it).
 * Running it again after a failure at any step reaches the same state. Returns the PR's URL.
 */
export async function proposeFile(client: GithubClient, repo: Repo, p: Proposal): Promise<string> {
  const main = (await client.rest.git.getRef({ ...repo, ref: "heads/main" })).data.object.sha;
  const existing = await client.rest.git.getRef({ ...repo, ref: `heads/${p.branch}` }).catch((error: { status?: number }) => {
    if (error.status === 404) return undefined;
    throw error;
  });
  if (existing) await client.rest.git.updateRef({ ...repo, ref: `heads/${p.branch}`, sha: main, force: true });
  else await client.rest.git.createRef({ ...repo, ref: `refs/heads/${p.branch}`, sha: main });
  await client.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: p.path,
    branch: p.branch,
    message: p.title,
    content: Buffer.from(p.text, "utf8").toString("base64"),
    ...(p.blobSha && { sha: p.blobSha }),
  });
  try {
    return (await client.rest.pulls.create({ ...repo, head: p.branch, base: "main", title: p.title, body: p.body })).data.html_url;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    const open = await client.rest.pulls.list({ ...repo, state: "open", head: `${repo.owner}:${p.branch}`, per_page: 1 });
    if (!open.data[0]) throw error;
    return open.data[0].html_url;
  }
}

/**
 * One click to a pull request from the writer's page: a branch (in a fork when the writer may
 * not push), the article and its photos in one commit through the Git Data API, and the PR with
 * the project's template body. Uses `fetch` only, so it runs in the browser and in the tests.
 * Every answer GitHub gives that is not what we asked for becomes a Japanese message.
 */
export interface SubmitTarget {
  /** The REST API base from the config (never from the page's address). */
  api: string;
  /** `owner/name` of the city's repository. */
  repository: string;
  defaultBranch: string;
  token: string;
}

export interface SubmitFiles {
  files: { path: string; bytes: Uint8Array }[];
  /** The PR's title and body, and the commit message. */
  title: string;
  body: string;
  message: string;
  /** The branch to create (a new name is chosen when it exists already). */
  branch: string;
}

export interface Submitted {
  number: number;
  url: string;
  branch: string;
  /** Where the commit went: the city's repository or the writer's fork. */
  repository: string;
}

export class SubmitError extends Error {}

type Fetch = typeof fetch;

export async function submitPullRequest(target: SubmitTarget, change: SubmitFiles, fetcher: Fetch = fetch): Promise<Submitted> {
  const call = caller(target, fetcher);
  const upstream = await call<{ permissions?: { push?: boolean } }>("GET", `/repos/${target.repository}`);
  const base = await call<{ object: { sha: string } }>("GET", `/repos/${target.repository}/git/ref/heads/${encodeURIComponent(target.defaultBranch)}`);
  const repository = upstream.permissions?.push ? target.repository : await forkOf(call, target.repository);
  // GitHub makes a fork in the background: its objects may take a moment to be readable.
  const baseCommit = await patiently(
    () => call<{ tree: { sha: string } }>("GET", `/repos/${repository}/git/commits/${base.object.sha}`),
    repository !== target.repository,
  );
  const tree = [];
  for (const file of change.files) {
    const blob = await call<{ sha: string }>("POST", `/repos/${repository}/git/blobs`, { content: base64(file.bytes), encoding: "base64" });
    tree.push({ path: file.path, mode: "100644" as const, type: "blob" as const, sha: blob.sha });
  }
  const newTree = await call<{ sha: string }>("POST", `/repos/${repository}/git/trees`, { base_tree: baseCommit.tree.sha, tree });
  const commit = await call<{ sha: string }>("POST", `/repos/${repository}/git/commits`, {
    message: change.message,
    tree: newTree.sha,
    parents: [base.object.sha],
  });
  const branch = await createBranch(call, repository, change.branch, commit.sha);
  const owner = repository.split("/")[0]!;
  const head = repository === target.repository ? branch : `${owner}:${branch}`;
  const pull = await call<{ number: number; html_url: string }>("POST", `/repos/${target.repository}/pulls`, {
    title: change.title,
    head,
    base: target.defaultBranch,
    body: change.body,
    maintainer_can_modify: repository !== target.repository ? true : undefined,
  });
  return { number: pull.number, url: pull.html_url, branch, repository };
}

async function patiently<T>(run: () => Promise<T>, wait: boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!wait || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1500 * attempt));
    }
  }
}

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function caller(target: SubmitTarget, fetcher: Fetch): Call {
  const api = target.api.replace(/\/+$/, "");
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetcher(`${api}${path}`, {
        method,
        headers: {
          accept: "application/vnd.github+json",
          authorization: `Bearer ${target.token}`,
          "x-github-api-version": "2022-11-28",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body, (_k, v) => (v === undefined ? undefined : v)),
      });
    } catch {
      throw new SubmitError("GitHub につながりませんでした。インターネットの接続を確かめて、もう一度送ってください。下書きはこのブラウザーに残っています。");
    }
    if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
    const detail = await response.json().catch(() => ({}) as { message?: string });
    throw new SubmitError(explain(response.status, String((detail as { message?: string }).message ?? ""), path));
  };
}

function explain(status: number, message: string, path: string): string {
  if (status === 401) return "トークンが正しくないか、期限が切れています。新しいトークンを作って貼り付けてください。";
  if (status === 403 && /rate limit/i.test(message)) return "GitHub への送信が多すぎると言われました。1 時間ほど待ってから、もう一度送ってください。";
  if (status === 403 || status === 404)
    return "このトークンでは送れません。トークンの「Repository access」にこのリポジトリ（またはあなたのフォーク）が入っていて、「Contents」と「Pull requests」が「Read and write」になっているか確かめてください。";
  if (status === 422 && /already exists/i.test(message) && path.endsWith("/pulls"))
    return "同じブランチのプルリクエストがすでにあります。GitHub で確かめてください。";
  return `GitHub に送れませんでした（${status}）: ${message.slice(0, 200)}`;
}

/** The writer's fork of the repository (GitHub creates it, or returns the existing one). */
async function forkOf(call: Call, repository: string): Promise<string> {
  const fork = await call<{ full_name: string }>("POST", `/repos/${repository}/forks`, { default_branch_only: true });
  return fork.full_name;
}

/** `kawaraban/<slug>`, or with -2, -3… when a branch of that name exists (GitHub keeps closed PRs' branches). */
async function createBranch(call: Call, repository: string, wanted: string, sha: string): Promise<string> {
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? wanted : `${wanted}-${n}`;
    try {
      await call("POST", `/repos/${repository}/git/refs`, { ref: `refs/heads/${name}`, sha });
      return name;
    } catch (error) {
      if (!(error instanceof SubmitError) || !/already exists|422/.test(error.message)) throw error;
    }
  }
  throw new SubmitError("ブランチを作れませんでした。同じ名前の記事が多すぎます。記事の URL の名前を変えてください。");
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Without a token: GitHub's new-file page with the article filled in, on a new branch of the writer's choosing. */
export function newFileUrl(web: string, repository: string, defaultBranch: string, path: string, raw: string): string {
  const url = new URL(`${web.replace(/\/+$/, "")}/${repository}/new/${encodeURIComponent(defaultBranch)}`);
  url.searchParams.set("filename", path);
  url.searchParams.set("value", raw);
  return url.href;
}

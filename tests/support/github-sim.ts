/**
 * A local GitHub REST API for tests. Every request is checked against GitHub's official
 * OpenAPI description (@octokit/openapi): an unknown route, a wrong method, a path or query
 * parameter of the wrong type, an unknown query parameter or a body that does not match the
 * schema is recorded as a violation (and answered 404/422), so a wrong call fails the test.
 * It keeps just enough state — comments, reviews, labels, check runs, statuses — to assert
 * outcomes, and can inject faults (5xx, rate limits, 403s) per operation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import AjvModule from "ajv";
import ajvFormats from "ajv-formats";

type Json = Record<string, any>;
const require = createRequire(import.meta.url);
const spec: Json = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"));

// CommonJS with exports.default: what NodeNext types see.
// OpenAPI 3.0 allows `nullable` beside `allOf`/`oneOf` without a `type`; JSON Schema
// validators do not. Those few nodes get an explicit "or null" instead.
function openApiNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) openApiNullable(item);
    return;
  }
  if (!node || typeof node !== "object") return;
  const schema = node as Json;
  for (const value of Object.values(schema)) openApiNullable(value);
  if (schema.nullable === true && schema.type === undefined) {
    delete schema.nullable;
    const copy = { ...schema };
    for (const key of Object.keys(schema)) delete schema[key];
    schema.anyOf = [copy, { type: "null" }];
  }
}
openApiNullable(spec.components?.schemas);
openApiNullable(spec.paths);

const ajv = new AjvModule.default({ strict: false, allErrors: true, validateFormats: true });
ajvFormats.default(ajv);
ajv.addSchema({ ...spec, $id: "gh" });
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
}
const routes: Route[] = Object.keys(spec.paths).map((template) => {
  const names: string[] = [];
  const regex = new RegExp(
    `^${template
      .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === "{" || c === "}" ? c : `\\${c}`))
      .replace(/\{([^}]+)\}/g, (_m, n) => {
        names.push(n);
        return "([^/]+)";
      })}$`,
  );
  return { template, regex, names };
});

const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validator(ref: string) {
  let v = validators.get(ref);
  if (!v) validators.set(ref, (v = ajv.compile({ $ref: `gh#/${ref}` })));
  return v;
}

export interface Fault {
  operationId: string;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
  times?: number;
}

export interface PullState {
  number: number;
  draft: boolean;
  merged: boolean;
  headSha: string;
  baseSha: string;
  mergeSha?: string;
  /** The PR author's login. */
  author?: string;
  /** The head branch (a PR the simulator was asked to create), and the repository it lives in. */
  head?: string;
  headRepo?: string;
  title?: string;
  body?: string;
  /** GitHub keeps a closed PR (and its branch); `merged` PRs are closed too. */
  state?: "open" | "closed";
  files: { filename: string; patch?: string; status?: string; previous_filename?: string }[];
}

/** GitHub lists at most this many files of a PR (its `changed_files` still counts them all). */
export const MAX_PR_FILES = 3000;

/** GitHub's limit for comment, review and check-run summary bodies. */
export const MAX_BODY = 65_536;

/** Lines a review comment may be placed on, per side, as GitHub computes them from the patch. */
export function diffLines(patch: string | undefined): { LEFT: Set<number>; RIGHT: Set<number> } {
  const sides = { LEFT: new Set<number>(), RIGHT: new Set<number>() };
  let left = 0;
  let right = 0;
  for (const line of (patch ?? "").split("\n")) {
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      left = Number(hunk[1]);
      right = Number(hunk[2]);
    } else if (right === 0) continue;
    else if (line.startsWith("+")) sides.RIGHT.add(right++);
    else if (line.startsWith("-")) sides.LEFT.add(left++);
    else if (line.startsWith(" ")) {
      sides.LEFT.add(left++);
      sides.RIGHT.add(right++);
    }
  }
  return sides;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operationId?: string;
  body?: Json;
}

export class GithubSim {
  readonly violations: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly pulls = new Map<number, PullState>();
  readonly issueComments: { id: number; issue: number; body: string; user: string }[] = [];
  readonly reviewComments: { id: number; pull: number; path: string; line: number; start_line?: number; body: string; commit_id: string; user: string }[] = [];
  readonly reviews: { id: number; pull: number; user: string; state: string; body?: string; commit_id?: string }[] = [];
  /** Who each token is; a token listed in `readOnlyTokens` gets 403 on every write, as a fork's GITHUB_TOKEN does. */
  readonly tokens = new Map<string, string>([["test-token", "github-actions[bot]"]]);
  readonly readOnlyTokens = new Set<string>(["read-only-token"]);
  /** Commits the repository has (every PR head is one). */
  readonly commits = new Set<string>();
  readonly repoLabels: { name: string; color: string; description?: string }[] = [];
  readonly issueLabels = new Map<number, string[]>();
  readonly checkRuns: { id: number; head_sha: string; name: string; conclusion?: string; annotations: Json[]; updates: number }[] = [];
  readonly statuses: Json[] = [];
  readonly issues: { number: number; title: string; body: string; labels: string[]; state: string; assignees?: string[] }[] = [];
  /** Who can be assigned: GitHub silently drops an assignee without access to the repository. */
  readonly collaborators = new Set<string>();
  /** Branches (name → commit sha) and the files committed to them through the contents API. */
  readonly branches = new Map<string, string>([["main", "a".repeat(40)]]);
  readonly contents = new Map<string, { branch: string; path: string; text: string; message: string }>();
  /** Files already in the repository (path → blob sha): updating one needs its sha, as on GitHub. */
  readonly existingFiles = new Map<string, string>();
  /** Git objects made through the Git Data API, and the branch updates. */
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, { base?: string; entries: { path: string; mode: string; sha: string }[] }>();
  readonly gitCommits = new Map<string, { tree: string; parents: string[]; message: string }>();
  faults: Fault[] = [];
  private nextId = 1000;
  private login = "github-actions[bot]";
  private server = createServer((req, res) => void this.handle(req, res));
  url = "";

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.handleRequest(req, res);
    } catch (error) {
      this.violations.push(`simulator failure: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "simulator failure" }));
    }
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const method = (req.method ?? "GET").toLowerCase();
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const route = routes.find((r) => r.regex.test(url.pathname));
    const operation: Json | undefined = route && spec.paths[route.template][method];
    const recorded: RecordedRequest = { method: method.toUpperCase(), path: url.pathname, operationId: operation?.operationId };
    this.requests.push(recorded);
    if (!route || !operation) {
      this.violations.push(`no such route in GitHub's API: ${method.toUpperCase()} ${url.pathname}`);
      return send(404, { message: "Not Found" });
    }
    if (!req.headers.authorization) this.violations.push(`${operation.operationId}: no Authorization header`);
    const token = String(req.headers.authorization ?? "").replace(/^(token|bearer)\s+/i, "");
    if (method !== "get" && this.readOnlyTokens.has(token)) {
      return send(403, { message: "Resource not accessible by integration", status: "403" });
    }
    this.login = this.tokens.get(token) ?? "someone";
    const params: Record<string, string> = {};
    for (const [i, v] of route.regex.exec(url.pathname)!.slice(1).entries()) params[route.names[i]!] = decodeURIComponent(v);
    const problems = this.validate(route.template, method, operation, params, url.searchParams, raw);
    let body: Json | undefined;
    if (raw) body = JSON.parse(raw);
    recorded.body = body;
    if (problems.length) {
      this.violations.push(...problems.map((p) => `${operation.operationId}: ${p}`));
      return send(422, { message: "Validation Failed", errors: problems });
    }
    const fault = this.faults.find((f) => f.operationId === operation.operationId && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      return send(fault.status, fault.body ?? { message: "fault" }, fault.headers);
    }
    const answer = this.answer(operation.operationId, params, url.searchParams, body ?? {});
    if (Array.isArray(answer.body) && url.searchParams.has("per_page")) {
      const perPage = Number(url.searchParams.get("per_page"));
      const page = Number(url.searchParams.get("page") ?? 1);
      const all = answer.body;
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next}>; rel="next"`;
      }
      return send(200, all.slice((page - 1) * perPage, page * perPage), headers);
    }
    send(answer.status ?? 200, answer.body);
  }

  private validate(template: string, method: string, operation: Json, params: Record<string, string>, query: URLSearchParams, raw: string): string[] {
    const problems: string[] = [];
    const declared: Json[] = [...(spec.paths[template].parameters ?? []), ...(operation.parameters ?? [])].map((p: Json) =>
      p.$ref ? spec.components.parameters[p.$ref.split("/").pop()] : p,
    );
    const check = (p: Json, value: string) => {
      const schema = p.schema ?? {};
      const typed = schema.type === "integer" || schema.type === "number" ? Number(value) : schema.type === "boolean" ? value === "true" : value;
      if (!ajv.validate(schema, typed)) problems.push(`parameter ${p.name}=${value}: ${ajv.errorsText()}`);
    };
    for (const p of declared.filter((d) => d.in === "path")) check(p, params[p.name] ?? "");
    const known = new Set(declared.filter((d) => d.in === "query").map((d) => d.name));
    for (const [name, value] of query) {
      const p = declared.find((d) => d.in === "query" && d.name === name);
      if (!known.has(name) || !p) problems.push(`unknown query parameter ${name}`);
      else check(p, value);
    }
    const content = operation.requestBody?.content?.["application/json"];
    if (content) {
      if (!raw) {
        if (operation.requestBody.required) problems.push("missing request body");
      } else {
        const v = validator(pointer("paths", template, method, "requestBody", "content", "application/json", "schema"));
        if (!v(JSON.parse(raw))) problems.push(`body: ${ajv.errorsText(v.errors)}`);
      }
    } else if (raw && method !== "get") {
      problems.push("a body where the operation takes none");
    }
    return problems;
  }

  private id(): number {
    return this.nextId++;
  }

  private pull(params: Record<string, string>): PullState {
    const pull = this.pulls.get(Number(params.pull_number ?? params.issue_number));
    if (!pull) throw new Error(`unknown pull request ${JSON.stringify(params)}`);
    return pull;
  }

  private answer(operationId: string, params: Record<string, string>, query: URLSearchParams, body: Json): { status?: number; body: unknown } {
    switch (operationId) {
      case "pulls/get": {
        const p = this.pull(params);
        return {
          body: {
            number: p.number,
            draft: p.draft,
            merged: p.merged,
            state: p.merged ? "closed" : (p.state ?? "open"),
            changed_files: p.files.length,
            user: { login: p.author ?? "writer" },
            head: { sha: p.headSha, ref: p.head ?? "writer-branch", repo: p.headRepo ? { full_name: p.headRepo } : null },
            base: { sha: p.baseSha, ref: "main", repo: { full_name: "hibarino/kawaraban", default_branch: "main" } },
          },
        };
      }
      case "pulls/list": {
        // `head` is "owner:branch"; `state` is open unless asked otherwise; newest first, as GitHub sorts by default.
        const head = query.get("head")?.split(":").pop();
        const state = query.get("state") ?? "open";
        const stateOf = (p: PullState) => (p.merged ? "closed" : (p.state ?? "open"));
        return {
          body: [...this.pulls.values()]
            .filter((p) => (!head || p.head === head) && (state === "all" || stateOf(p) === state))
            .sort((a, b) => b.number - a.number)
            .map((p) => ({ number: p.number, state: stateOf(p), head: { sha: p.headSha, ref: p.head ?? "" }, title: p.title ?? "" })),
        };
      }
      case "pulls/create": {
        if (!this.branches.has(body.head))
          return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "PullRequest", field: "head", code: "invalid" }] } };
        if ([...this.pulls.values()].some((p) => p.head === body.head && !p.merged))
          return {
            status: 422,
            body: {
              message: "Validation Failed",
              errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${body.head}.` }],
            },
          };
        if ((body.body ?? "").length > MAX_BODY) return { status: 422, body: { message: "body is too long (maximum is 65536 characters)" } };
        const number = this.id();
        this.pulls.set(number, {
          number,
          draft: false,
          merged: false,
          headSha: this.branches.get(body.head)!,
          baseSha: this.branches.get(body.base) ?? "",
          head: body.head,
          title: body.title,
          body: body.body,
          author: this.login,
          files: [],
        });
        return { status: 201, body: { number, html_url: `https://github.com/o/r/pull/${number}`, head: { ref: body.head } } };
      }
      case "git/get-commit":
        return this.commits.has(params.commit_sha!) || this.gitCommits.has(params.commit_sha!)
          ? { body: { sha: params.commit_sha, tree: { sha: `tree-of-${params.commit_sha}` } } }
          : { status: 404, body: { message: "Not Found" } };
      case "git/create-blob": {
        const sha = this.id().toString(16).padStart(40, "b");
        this.blobs.set(sha, Buffer.from(body.content, body.encoding === "base64" ? "base64" : "utf8"));
        return { status: 201, body: { sha } };
      }
      case "git/create-tree": {
        for (const e of body.tree) if (!this.blobs.has(e.sha) || e.mode !== "100644") return { status: 422, body: { message: "tree.sha is not a valid blob" } };
        const sha = this.id().toString(16).padStart(40, "c");
        this.trees.set(sha, { base: body.base_tree, entries: body.tree });
        return { status: 201, body: { sha } };
      }
      case "git/create-commit": {
        if (!this.trees.has(body.tree)) return { status: 422, body: { message: "Tree SHA does not exist" } };
        const sha = this.id().toString(16).padStart(40, "d");
        this.gitCommits.set(sha, { tree: body.tree, parents: body.parents, message: body.message });
        return { status: 201, body: { sha } };
      }
      case "git/update-ref": {
        const name = String(params.ref).replace(/^heads\//, "");
        const current = this.branches.get(name);
        if (!current) return { status: 422, body: { message: "Reference does not exist" } };
        const commit = this.gitCommits.get(body.sha);
        // Not a fast-forward unless the new commit's parent is the branch's current head.
        if (!body.force && !commit?.parents.includes(current)) return { status: 422, body: { message: "Update is not a fast forward" } };
        this.branches.set(name, body.sha);
        return { body: { ref: `refs/heads/${name}`, object: { sha: body.sha } } };
      }
      case "git/get-ref": {
        const sha = this.branches.get(String(params.ref).replace(/^heads\//, ""));
        return sha ? { body: { ref: `refs/${params.ref}`, object: { sha, type: "commit" } } } : { status: 404, body: { message: "Not Found" } };
      }
      case "git/create-ref": {
        const name = String(body.ref).replace(/^refs\/heads\//, "");
        if (!String(body.ref).startsWith("refs/heads/")) return { status: 422, body: { message: "Reference name must start with 'refs/'" } };
        if (this.branches.has(name)) return { status: 422, body: { message: "Reference already exists" } };
        this.branches.set(name, body.sha);
        return { status: 201, body: { ref: body.ref, object: { sha: body.sha, type: "commit" } } };
      }
      case "repos/create-or-update-file-contents": {
        const branch = body.branch ?? "main";
        if (!this.branches.has(branch)) return { status: 404, body: { message: "Branch not found" } };
        const key = `${branch}:${params.path}`;
        const existing = this.existingFiles.get(params.path!);
        if ((this.contents.has(key) || existing) && !body.sha) return { status: 422, body: { message: 'Invalid request. "sha" wasn\'t supplied.' } };
        if (existing && !this.contents.has(key) && body.sha !== existing)
          return { status: 409, body: { message: `${params.path} does not match ${body.sha}` } };
        const text = Buffer.from(body.content, "base64").toString("utf8");
        this.contents.set(key, { branch, path: params.path!, text, message: body.message });
        const commit = this.id().toString(16).padStart(40, "0");
        this.branches.set(branch, commit);
        return { status: this.contents.has(key) ? 201 : 200, body: { content: { path: params.path, sha: "b".repeat(40) }, commit: { sha: commit } } };
      }
      case "pulls/list-files":
        // At most 3,000 files, whatever the PR changes; a file without a patch (binary, too large) has none.
        return {
          body: this.pull(params)
            .files.slice(0, MAX_PR_FILES)
            .map((f) => ({ status: "modified", ...f })),
        };
      case "pulls/list-review-comments":
        return { body: this.reviewComments.filter((c) => c.pull === Number(params.pull_number)).map((c) => ({ ...c, user: { login: c.user } })) };
      case "pulls/create-review": {
        const pull = this.pull(params);
        // GitHub checks the whole review and creates nothing when any comment is off the diff.
        const problems: string[] = [];
        if (body.commit_id !== undefined && !this.commits.has(body.commit_id) && body.commit_id !== pull.headSha)
          problems.push(`commit_id ${body.commit_id} does not exist`);
        if ((body.body ?? "").length > MAX_BODY) problems.push("body is too long");
        for (const c of body.comments ?? []) {
          const file = pull.files.find((f) => f.filename === c.path);
          const side = (c.side ?? "RIGHT") as "LEFT" | "RIGHT";
          if (!file) problems.push(`path ${c.path} is not part of the diff`);
          else if (side !== "LEFT" && side !== "RIGHT") problems.push(`side ${c.side} is not LEFT or RIGHT`);
          else {
            const lines = diffLines(file.patch)[side];
            if (!lines.has(c.line)) problems.push(`line ${c.line} of ${c.path} is not part of the diff`);
            if (c.start_line !== undefined && (c.start_line >= c.line || !diffLines(file.patch)[(c.start_side ?? side) as "LEFT" | "RIGHT"].has(c.start_line)))
              problems.push(`start_line ${c.start_line} must be a diff line before line ${c.line}`);
          }
          if ((c.body ?? "").length > MAX_BODY) problems.push("comment body is too long");
        }
        if (problems.length) return { status: 422, body: { message: "Unprocessable Entity", errors: problems } };
        const review = {
          id: this.id(),
          pull: pull.number,
          user: this.login,
          state: body.event === "COMMENT" ? "COMMENTED" : body.event,
          body: body.body,
          commit_id: body.commit_id ?? pull.headSha,
        };
        this.reviews.push(review);
        for (const c of body.comments ?? [])
          this.reviewComments.push({ id: this.id(), pull: pull.number, commit_id: review.commit_id, user: this.login, ...c });
        return { body: { id: review.id, state: review.state } };
      }
      case "pulls/update-review-comment": {
        const comment = this.reviewComments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return { status: 404, body: { message: "Not Found" } };
        if (body.body.length > MAX_BODY) return { status: 422, body: { message: "body is too long" } };
        comment.body = body.body;
        return { body: { ...comment, user: { login: comment.user } } };
      }
      case "pulls/list-reviews":
        return {
          body: this.reviews
            .filter((r) => r.pull === Number(params.pull_number))
            .map((r) => ({ id: r.id, user: { login: r.user }, state: r.state, commit_id: r.commit_id ?? null })),
        };
      case "issues/list-comments":
        return { body: this.issueComments.filter((c) => c.issue === Number(params.issue_number)).map((c) => ({ ...c, user: { login: c.user } })) };
      case "issues/create-comment": {
        if (body.body.length > MAX_BODY)
          return {
            status: 422,
            body: { message: "Validation Failed", errors: [{ field: "body", code: "custom", message: "body is too long (maximum is 65536 characters)" }] },
          };
        const comment = { id: this.id(), issue: Number(params.issue_number), body: body.body, user: this.login };
        this.issueComments.push(comment);
        return { status: 201, body: { ...comment, user: { login: comment.user } } };
      }
      case "issues/update-comment": {
        const comment = this.issueComments.find((c) => c.id === Number(params.comment_id));
        if (!comment) return { status: 404, body: { message: "Not Found" } };
        if (comment.user !== this.login) return { status: 403, body: { message: "Resource not accessible by integration" } };
        if (body.body.length > MAX_BODY) return { status: 422, body: { message: "body is too long (maximum is 65536 characters)" } };
        comment.body = body.body;
        return { body: { ...comment, user: { login: comment.user } } };
      }
      case "checks/create": {
        if ((body.output?.summary ?? "").length > MAX_BODY || (body.output?.annotations ?? []).length > 50)
          return { status: 422, body: { message: "Invalid output" } };
        const run = {
          id: this.id(),
          head_sha: body.head_sha,
          name: body.name,
          conclusion: body.conclusion,
          annotations: [...(body.output?.annotations ?? [])],
          updates: 0,
        };
        this.checkRuns.push(run);
        return { status: 201, body: { id: run.id } };
      }
      case "checks/update": {
        const run = this.checkRuns.find((r) => r.id === Number(params.check_run_id));
        if (!run) return { status: 404, body: { message: "Not Found" } };
        if ((body.output?.annotations ?? []).length > 50) return { status: 422, body: { message: "Invalid output" } };
        run.annotations.push(...(body.output?.annotations ?? []));
        run.updates++;
        return { body: { id: run.id } };
      }
      case "repos/create-commit-status":
        this.statuses.push({ sha: params.sha, ...body });
        return { status: 201, body: { id: this.id(), ...body } };
      case "issues/list-labels-for-repo":
        return { body: this.repoLabels };
      case "issues/create-label":
        if (this.repoLabels.some((l) => l.name.toLowerCase() === String(body.name).toLowerCase())) {
          return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] } };
        }
        this.repoLabels.push({ name: body.name, color: body.color, description: body.description });
        return { status: 201, body: { name: body.name } };
      case "issues/list-labels-on-issue":
        return { body: (this.issueLabels.get(Number(params.issue_number)) ?? []).map((name) => ({ name })) };
      case "issues/add-labels": {
        const list = this.issueLabels.get(Number(params.issue_number)) ?? [];
        list.push(...(body.labels as string[]).filter((l) => !list.includes(l)));
        this.issueLabels.set(Number(params.issue_number), list);
        return { body: list.map((name) => ({ name })) };
      }
      case "issues/remove-label": {
        const list = (this.issueLabels.get(Number(params.issue_number)) ?? []).filter((l) => l !== params.name);
        this.issueLabels.set(Number(params.issue_number), list);
        return { body: list.map((name) => ({ name })) };
      }
      case "repos/list-pull-requests-associated-with-commit":
        return {
          body: [...this.pulls.values()]
            .filter((p) => p.headSha === params.commit_sha || p.mergeSha === params.commit_sha)
            .map((p) => ({
              number: p.number,
              state: p.merged ? "closed" : "open",
              head: { sha: p.headSha },
              merged_at: p.merged ? "2026-11-20T00:00:00Z" : null,
            })),
        };
      case "issues/list-for-repo": {
        const label = query.get("labels");
        return {
          body: this.issues
            .filter((i) => !label || i.labels.includes(label))
            .map((i) => ({ ...i, labels: i.labels.map((name) => ({ name })), assignees: (i.assignees ?? []).map((login) => ({ login })) })),
        };
      }
      case "issues/create": {
        const issue = { number: this.id(), title: body.title, body: body.body ?? "", labels: (body.labels ?? []) as string[], state: "open" };
        this.issues.push(issue);
        return { status: 201, body: { ...issue, labels: issue.labels.map((name) => ({ name })) } };
      }
      case "issues/update": {
        const issue = this.issues.find((i) => i.number === Number(params.issue_number))!;
        Object.assign(issue, { title: body.title ?? issue.title, body: body.body ?? issue.body });
        return { body: { ...issue, labels: issue.labels.map((name) => ({ name })) } };
      }
      case "issues/add-assignees": {
        const issue = this.issues.find((i) => i.number === Number(params.issue_number));
        if (!issue) return { status: 404, body: { message: "Not Found" } };
        issue.assignees = [...new Set([...(issue.assignees ?? []), ...(body.assignees as string[]).filter((a) => this.collaborators.has(a))])];
        if (issue.assignees.length > 10) return { status: 422, body: { message: "Validation Failed: at most 10 assignees" } };
        return { status: 201, body: { ...issue, labels: issue.labels.map((name) => ({ name })), assignees: issue.assignees.map((login) => ({ login })) } };
      }
      default:
        this.violations.push(`the simulator has no handler for ${operationId} (${query})`);
        return { status: 501, body: { message: "not simulated" } };
    }
  }
}

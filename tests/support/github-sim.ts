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
import { HANDLERS } from "./sim/handlers.ts";
import { defaultSettings, permissionDenied, type SimSettings } from "./sim/settings.ts";

export interface SimIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: string;
  assignees?: string[];
  /** Who filed it (default: a writer). */
  user?: string;
  /** When it last changed (ISO; default: now). */
  updated_at?: string;
}

/** One request as a handler sees it. */
export interface Call {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  login: string;
}

export type Answer = { status?: number; body: unknown };
export type Handler = (sim: GithubSim, call: Call) => Answer;

export type Json = Record<string, any>;
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
        // A git ref (`heads/main`) and a file path keep their slashes on GitHub, encoded or not.
        return n === "ref" || n === "path" ? "(.+)" : "([^/]+)";
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

/** What GitHub's API sends for CORS (the headers its responses carry). */
const CORS_EXPOSED =
  "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";
const CORS_ALLOWED_HEADERS =
  "Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, X-GitHub-Api-Version";

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
  readonly issues: SimIssue[] = [];
  /** Issue events (assignments), newest last: who assigned whom. */
  readonly issueEvents: { id: number; issue: number; event: string; actor: string; assignee?: string; created_at: string }[] = [];
  /** File contents at a commit, as the contents API serves them (`<sha>:<path>`): PR heads the desk reads. */
  readonly files = new Map<string, { bytes: Buffer; type?: "file" | "symlink" | "submodule" }>();
  /**
   * What each token may do, per GitHub's permission names (`issues: write`…). A token not listed
   * may do everything a workflow's GITHUB_TOKEN can (no `administration`, `secrets`, `variables`).
   */
  readonly scopes = new Map<string, Set<string>>();
  /** Repository settings the bots and the doctor read (see sim/settings.ts). */
  readonly settings: SimSettings = defaultSettings();
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
  /** GitHub's clock as the tests set it (ISO): issue updates are stamped with it. */
  time = "2026-12-01T00:00:00Z";
  private nextId = 1000;
  login = "github-actions[bot]";
  /** The token of the request being handled. */
  token = "";
  /** Forks made through the API (owner → full name). */
  readonly forks = new Map<string, string>();
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
    // GitHub's REST API answers CORS requests from any origin (docs: "Cross origin resource sharing").
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", CORS_EXPOSED);
    if (method === "options") {
      res.writeHead(204, {
        "access-control-allow-headers": CORS_ALLOWED_HEADERS,
        "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE",
        "access-control-max-age": "86400",
      });
      return void res.end();
    }
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
    this.token = token;
    const denied = permissionDenied(this, token, operation.operationId, method);
    if (denied) return send(403, { message: denied, documentation_url: "https://docs.github.com/rest", status: "403" });
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
    const handler = HANDLERS[operation.operationId];
    if (!handler) this.violations.push(`the simulator has no handler for ${operation.operationId} (${url.searchParams})`);
    const answer = handler
      ? handler(this, { params, query: url.searchParams, body: body ?? {}, login: this.login })
      : { status: 501, body: { message: "not simulated" } };
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

  id(): number {
    return this.nextId++;
  }

  pull(params: Record<string, string>): PullState {
    const pull = this.pulls.get(Number(params.pull_number ?? params.issue_number));
    if (!pull) throw new Error(`unknown pull request ${JSON.stringify(params)}`);
    return pull;
  }

  /** A comment someone posts on GitHub (updates the issue's `updated_at`, as GitHub does). */
  comment(issue: number, user: string, body: string): number {
    const id = this.id();
    this.issueComments.push({ id, issue, body, user });
    const found = this.issues.find((i) => i.number === issue);
    if (found) found.updated_at = this.time;
    return id;
  }

  /** An issue filed through an issue form: GitHub applies the form's labels only if they exist in the repository. */
  fileIssueForm(issue: Omit<SimIssue, "number" | "state"> & { number?: number }): SimIssue {
    const existing = new Set(this.repoLabels.map((l) => l.name));
    const filed = { ...issue, number: issue.number ?? this.id(), state: "open", labels: issue.labels.filter((l) => existing.has(l)) };
    this.issues.push(filed);
    return filed;
  }
}

import type { GithubSim, Handler } from "../github-sim.ts";

/**
 * Repository settings the bots and `kawaraban doctor` read, as GitHub keeps them. A repository
 * made from a template starts with none of them: no labels, Pages off, no rulesets, Actions not
 * allowed to create pull requests.
 */
export interface SimSettings {
  /** Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests". */
  actionsCanCreatePulls: boolean;
  defaultWorkflowPermissions: "read" | "write";
  /** GitHub Pages: undefined when not enabled. */
  pages?: { build_type: "legacy" | "workflow" };
  rulesets: {
    id: number;
    name: string;
    target: string;
    enforcement: string;
    conditions?: unknown;
    rules: { type: string; parameters?: Record<string, unknown> }[];
    bypass_actors?: unknown[];
  }[];
  codeownersErrors: { line: number; column: number; kind: string; message: string; path: string }[];
  workflows: { id: number; name: string; path: string; state: string }[];
  secrets: string[];
  variables: { name: string; value: string }[];
  merge: { allow_merge_commit: boolean; allow_squash_merge: boolean; allow_rebase_merge: boolean };
  visibility: "public" | "private";
}

export const defaultSettings = (): SimSettings => ({
  actionsCanCreatePulls: true,
  defaultWorkflowPermissions: "read",
  rulesets: [],
  codeownersErrors: [],
  workflows: [],
  secrets: [],
  variables: [],
  merge: { allow_merge_commit: true, allow_squash_merge: true, allow_rebase_merge: true },
  visibility: "public",
});

/** GitHub's permission names for what an operation needs (fine-grained tokens, App tokens and GITHUB_TOKEN alike). */
function needs(operationId: string, method: string): string | undefined {
  const write = method !== "get";
  if (/^repos\/(create|update|delete)-repo-ruleset$|^actions\/set-github-actions-default-workflow-permissions-repository$|^repos\/update$/.test(operationId))
    return "administration:write";
  if (operationId === "actions/get-github-actions-default-workflow-permissions-repository") return "administration:read";
  if (operationId === "repos/create-pages-site") return "administration:write";
  if (operationId === "repos/get-pages") return "pages:read";
  if (operationId === "actions/list-repo-secrets") return "secrets:read";
  if (operationId === "actions/list-repo-variables") return "variables:read";
  if (operationId === "actions/enable-workflow" || operationId === "actions/disable-workflow") return "actions:write";
  if (!write) return undefined; // metadata, contents, issues and pulls are readable by every token here
  if (operationId.startsWith("pulls/")) return "pull-requests:write";
  if (operationId.startsWith("issues/")) return "issues:write";
  if (operationId.startsWith("git/") || operationId === "repos/create-or-update-file-contents") return "contents:write";
  if (operationId.startsWith("checks/")) return "checks:write";
  if (operationId === "repos/create-commit-status") return "statuses:write";
  return undefined;
}

function mayPush(sim: GithubSim): boolean {
  if (sim.readOnlyTokens.has(sim.token)) return false;
  const scopes = sim.scopes.get(sim.token);
  return !scopes || scopes.has("contents:write");
}

/** What a workflow's GITHUB_TOKEN may be given: never administration, secrets or variables. */
const GITHUB_TOKEN = new Set([
  "pull-requests:write",
  "issues:write",
  "contents:write",
  "checks:write",
  "statuses:write",
  "actions:write",
  "pages:read",
  "pages:write",
]);

/** The 403 message for a token without the permission, or undefined when it may. */
export function permissionDenied(sim: GithubSim, token: string, operationId: string, method: string): string | undefined {
  const needed = needs(operationId, method);
  if (!needed) return undefined;
  const has = sim.scopes.get(token) ?? GITHUB_TOKEN;
  const [name, level] = needed.split(":") as [string, string];
  return has.has(needed) || (level === "read" && has.has(`${name}:write`)) || (name === "issues" && has.has("pull-requests:write"))
    ? undefined
    : "Resource not accessible by integration";
}

export const settingsHandlers: Record<string, Handler> = {
  "repos/get": (sim) => ({
    body: {
      full_name: "hibarino/kawaraban",
      default_branch: "main",
      visibility: sim.settings.visibility,
      private: sim.settings.visibility === "private",
      ...sim.settings.merge,
      // What the requesting token's user may do: push needs write access (contents: write for a fine-grained token).
      permissions: { admin: false, maintain: false, push: mayPush(sim), triage: true, pull: true },
    },
  }),
  "repos/create-fork": (sim, { login }) => {
    const full = `${login}/kawaraban`;
    sim.forks.set(login, full);
    return { status: 202, body: { full_name: full, name: "kawaraban", owner: { login }, default_branch: "main", fork: true } };
  },
  "repos/update": (sim, { body }) => {
    for (const key of ["allow_merge_commit", "allow_squash_merge", "allow_rebase_merge"] as const)
      if (typeof body[key] === "boolean") sim.settings.merge[key] = body[key];
    return { body: { full_name: "hibarino/kawaraban", ...sim.settings.merge } };
  },
  "actions/get-github-actions-default-workflow-permissions-repository": (sim) => ({
    body: { default_workflow_permissions: sim.settings.defaultWorkflowPermissions, can_approve_pull_request_reviews: sim.settings.actionsCanCreatePulls },
  }),
  "actions/set-github-actions-default-workflow-permissions-repository": (sim, { body }) => {
    if (typeof body.can_approve_pull_request_reviews === "boolean") sim.settings.actionsCanCreatePulls = body.can_approve_pull_request_reviews;
    if (body.default_workflow_permissions) sim.settings.defaultWorkflowPermissions = body.default_workflow_permissions;
    return { status: 204, body: undefined };
  },
  "repos/get-pages": (sim) =>
    sim.settings.pages
      ? { body: { url: "", status: "built", build_type: sim.settings.pages.build_type, html_url: "https://hibarino.github.io/kawaraban/" } }
      : { status: 404, body: { message: "Not Found" } },
  "repos/create-pages-site": (sim, { body }) => {
    if (sim.settings.pages) return { status: 409, body: { message: "GitHub Pages is already enabled." } };
    sim.settings.pages = { build_type: body.build_type ?? "legacy" };
    return { status: 201, body: { build_type: sim.settings.pages.build_type } };
  },
  "repos/update-information-about-pages-site": (sim, { body }) => {
    if (!sim.settings.pages) return { status: 404, body: { message: "Not Found" } };
    if (body.build_type) sim.settings.pages.build_type = body.build_type;
    return { status: 204, body: undefined };
  },
  "repos/get-repo-rulesets": (sim) => ({
    body: sim.settings.rulesets.map(({ id, name, target, enforcement }) => ({
      id,
      name,
      target,
      enforcement,
      source_type: "Repository",
      source: "hibarino/kawaraban",
    })),
  }),
  "repos/get-repo-ruleset": (sim, { params }) => {
    const found = sim.settings.rulesets.find((r) => r.id === Number(params.ruleset_id));
    return found ? { body: found } : { status: 404, body: { message: "Not Found" } };
  },
  "repos/create-repo-ruleset": (sim, { body }) => {
    if (sim.settings.rulesets.some((r) => r.name === body.name))
      return { status: 422, body: { message: "Validation Failed", errors: ["Name must be unique"] } };
    const ruleset = {
      id: sim.id(),
      name: body.name,
      target: body.target ?? "branch",
      enforcement: body.enforcement,
      conditions: body.conditions,
      rules: body.rules ?? [],
      bypass_actors: body.bypass_actors ?? [],
    };
    sim.settings.rulesets.push(ruleset);
    return { status: 201, body: ruleset };
  },
  "repos/update-repo-ruleset": (sim, { params, body }) => {
    const found = sim.settings.rulesets.find((r) => r.id === Number(params.ruleset_id));
    if (!found) return { status: 404, body: { message: "Not Found" } };
    Object.assign(found, { ...body, id: found.id });
    return { body: found };
  },
  "repos/get-branch-rules": (sim) => ({
    body: sim.settings.rulesets
      .filter((r) => r.enforcement === "active")
      .flatMap((r) => r.rules.map((rule) => ({ ...rule, ruleset_source_type: "Repository", ruleset_source: "hibarino/kawaraban", ruleset_id: r.id }))),
  }),
  "repos/codeowners-errors": (sim) => ({ body: { errors: sim.settings.codeownersErrors } }),
  "actions/list-repo-workflows": (sim) => ({ body: { total_count: sim.settings.workflows.length, workflows: sim.settings.workflows } }),
  "actions/enable-workflow": (sim, { params }) => {
    const found = sim.settings.workflows.find((w) => String(w.id) === params.workflow_id || w.path.endsWith(`/${params.workflow_id}`));
    if (!found) return { status: 404, body: { message: "Not Found" } };
    found.state = "active";
    return { status: 204, body: undefined };
  },
  "actions/disable-workflow": (sim, { params }) => {
    const found = sim.settings.workflows.find((w) => String(w.id) === params.workflow_id || w.path.endsWith(`/${params.workflow_id}`));
    if (!found) return { status: 404, body: { message: "Not Found" } };
    found.state = "disabled_manually";
    return { status: 204, body: undefined };
  },
  "actions/list-repo-secrets": (sim) => ({
    body: {
      total_count: sim.settings.secrets.length,
      secrets: sim.settings.secrets.map((name) => ({ name, created_at: "2026-12-01T00:00:00Z", updated_at: "2026-12-01T00:00:00Z" })),
    },
  }),
  "actions/list-repo-variables": (sim, { query }) => {
    if (Number(query.get("per_page") ?? 10) > 30) return { status: 422, body: { message: "per_page must be 30 or less" } };
    return {
      body: {
        total_count: sim.settings.variables.length,
        variables: sim.settings.variables.map((v) => ({ ...v, created_at: "2026-12-01T00:00:00Z", updated_at: "2026-12-01T00:00:00Z" })),
      },
    };
  },
};

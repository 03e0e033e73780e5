import { actionUses } from "../../pipeline/setup/pins.ts";
import { describe, it, expect } from "vitest";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { validateWorkflow } from "@action-validator/core";
import { REPO_ROOT } from "../support/repo.ts";

const dir = path.join(REPO_ROOT, ".github/workflows");
const files = (await readdir(dir)).filter((f) => f.endsWith(".yml")).sort();
const workflows = await Promise.all(
  files.map(async (file) => {
    const source = await readFile(path.join(dir, file), "utf8");
    return { file, source, doc: parse(source) as Record<string, any> };
  }),
);

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
const jobsOf = (doc: Record<string, any>) => Object.entries(doc.jobs as Record<string, any>);
const steps = (job: any): Step[] => job.steps ?? [];
const permissionsOf = (doc: any, job: any): Record<string, string> => job.permissions ?? doc.permissions ?? {};
const writes = (perms: Record<string, string>) => Object.values(perms).some((v) => v === "write");

describe("GitHub workflows", () => {
  it("has the check, report and ci workflows", () => {
    expect(files).toEqual(expect.arrayContaining(["check.yml", "ci.yml", "report.yml"]));
  });

  it("uses a validator that does reject a malformed workflow", () => {
    expect(validateWorkflow("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n").errors.length).toBeGreaterThan(0);
  });

  it.each(workflows.map((w) => [w.file, w] as const))("%s validates against the GitHub workflow schema", (_file, w) => {
    expect(validateWorkflow(w.source).errors).toEqual([]);
  });

  it.each(workflows.map((w) => [w.file, w] as const))("%s pins every action by full commit SHA", (_file, w) => {
    for (const [, job] of jobsOf(w.doc)) {
      for (const step of steps(job).filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });

  it.each(workflows.map((w) => [w.file, w] as const))("%s sets least-privilege permissions and a timeout on every job", (_file, w) => {
    expect(w.doc.permissions).toBeDefined();
    for (const [, job] of jobsOf(w.doc)) {
      expect(job.permissions).toBeDefined();
      expect(job["timeout-minutes"]).toBeGreaterThan(0);
      expect(
        Object.keys(job.permissions).every((k) => ["contents", "actions", "pull-requests", "checks", "statuses", "issues", "pages", "id-token"].includes(k)),
      ).toBe(true);
    }
  });

  it.each(workflows.map((w) => [w.file, w] as const))("%s never interpolates expressions into shell scripts and never keeps credentials", (_file, w) => {
    for (const [, job] of jobsOf(w.doc)) {
      for (const step of steps(job)) {
        if (step.run) expect(step.run).not.toContain("${{");
        if (step.uses?.startsWith("actions/checkout@")) expect(step.with?.["persist-credentials"]).toBe(false);
      }
    }
    expect(w.source).not.toContain("pull_request_target");
  });

  it("never checks out or runs PR code in a job that can write", () => {
    for (const w of workflows) {
      const triggers = Object.keys(w.doc.on ?? {});
      for (const [name, job] of jobsOf(w.doc)) {
        if (!writes(permissionsOf(w.doc, job))) continue;
        // Writers run only on events whose code is the repository's own.
        expect(
          triggers.every((t) => ["workflow_run", "push", "schedule", "workflow_dispatch"].includes(t)),
          `${w.file}/${name}`,
        ).toBe(true);
        for (const step of steps(job)) {
          if (step.uses?.startsWith("actions/checkout@")) {
            // The default branch, never a ref taken from the triggering run.
            expect(step.with?.ref, `${w.file}/${name} checks out a ref`).toBeUndefined();
            expect(step.with?.repository).toBeUndefined();
          }
          if (step.run) expect(step.run).not.toMatch(/npm (run|test|start)|npm ci(?! --omit=dev --ignore-scripts)/);
        }
      }
    }
  });

  it("checks a PR on the base tree with only its articles and photos overlaid, once, without caches", () => {
    const check = workflows.find((w) => w.file === "check.yml")!;
    const [, job] = jobsOf(check.doc)[0]!;
    const checkout = steps(job).find((s) => s.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with?.ref).toBe("${{ github.event.pull_request.base.sha }}");
    const scripts = steps(job)
      .map((s) => s.run ?? "")
      .join("\n");
    expect(scripts).toContain("for dir in articles assets; do");
    expect(scripts).toContain('git checkout "$HEAD_SHA" -- "$dir"');
    expect(scripts).toContain("rm -rf .cache node_modules/.cache");
    expect(scripts).toContain("npm ci --omit=dev --ignore-scripts");
    expect(scripts.match(/npx kawaraban check/g)).toHaveLength(1);
    expect(scripts).toContain("--no-cache");
    expect(scripts).not.toContain("--format github"); // annotations come from the one check run
    expect(checkout.with?.["fetch-depth"]).toBe(1); // nothing on its path reads history
    // Only npm's package cache (integrity-checked against the lockfile), never kawaraban's own caches.
    expect(steps(job).every((s) => s.with?.cache === undefined || s.with.cache === "npm")).toBe(true);
    expect(writes(permissionsOf(check.doc, job))).toBe(false);
  });

  it("derives the verdict in the report workflow from the head commit's objects, on check and review events", () => {
    const report = workflows.find((w) => w.file === "report.yml")!;
    expect(report.doc.on.workflow_run.workflows).toEqual(["check", "review"]);
    expect(report.doc.concurrency["cancel-in-progress"]).toBe(false);
    const [, job] = jobsOf(report.doc)[0]!;
    const run = steps(job)
      .map((s) => s.run ?? "")
      .join("\n");
    expect(run).toContain("fetch --no-tags --depth=1");
    expect(run).toContain('npx kawaraban report --head-sha "$HEAD_SHA"');
    expect(run).not.toMatch(/git (checkout|switch|worktree|merge|reset)/);
    expect(run).not.toContain("pr.json");
    const review = workflows.find((w) => w.file === "review.yml")!;
    const [, relay] = jobsOf(review.doc)[0]!;
    expect(relay.permissions).toEqual({});
    expect(steps(relay).every((s) => !s.uses)).toBe(true);
  });

  it("pins every action as owner/name@<SHA> # vX.Y.Z, one pin per action across the workflows (Dependabot's form, not a frozen table)", () => {
    const pins = new Map<string, Set<string>>();
    for (const w of workflows) {
      const uses = actionUses(w.source);
      expect(uses.length, w.file).toBe(w.source.match(/(?<=[\s-])uses: /g)?.length ?? 0);
      for (const u of uses) {
        expect(u.pinned, `${w.file}:${u.line} ${u.uses}`).toBe(true);
        const [action] = u.uses.split("@");
        pins.set(action!, new Set([...(pins.get(action!) ?? []), `${u.uses} ${u.version}`]));
      }
    }
    for (const [action, seen] of pins) expect([...seen], action).toHaveLength(1);
    expect([...pins.keys()]).toEqual(expect.arrayContaining(["actions/checkout", "actions/create-github-app-token"]));
  });

  it("still holds when Dependabot bumps a pin: another SHA and version, written the same way", () => {
    const bumped = workflows[0]!.source.replace(/@[0-9a-f]{40} # v(\d+)\.(\d+)\.(\d+)/, (_m, a, b) => `@${"f".repeat(40)} # v${a}.${Number(b) + 1}.0`);
    expect(bumped).not.toBe(workflows[0]!.source);
    expect(actionUses(bumped).every((u) => u.pinned)).toBe(true);
    expect(actionUses(bumped.replace(/@[0-9a-f]{40}/, "@v4")).every((u) => u.pinned)).toBe(false);
    expect(actionUses(`      - uses: actions/checkout@${"a".repeat(40)}\n`).every((u) => u.pinned)).toBe(false); // no version comment
  });

  it("acts on a workflow_run only for the triggering workflow's file and event, never its name alone", () => {
    for (const w of workflows.filter((x) => x.doc.on?.workflow_run)) {
      const names: string[] = w.doc.on.workflow_run.workflows;
      // A job that needs another runs only after that one passed its check.
      for (const [name, job] of jobsOf(w.doc).filter(([, j]) => !j.needs)) {
        const condition = String(job.if ?? "");
        for (const source of names) {
          const file = workflows.find((x) => x.doc.name === source)!.file;
          expect(condition, `${w.file}/${name} for ${source}`).toContain(`github.event.workflow_run.path == '.github/workflows/${file}'`);
        }
        expect(condition).toContain("github.event.workflow_run.event ==");
      }
    }
  });

  it("asks autofix only on a fresh tick, passes who ticked it, and writes with a token minted per run", () => {
    const relay = workflows.find((w) => w.file === "autofix-event.yml")!;
    const [, job] = jobsOf(relay.doc)[0]!;
    expect(job.if).toContain("!contains(github.event.changes.body.from, '- [x] ')");
    expect(relay.source).toContain("SENDER: ${{ github.event.sender.login }}");
    const autofix = workflows.find((w) => w.file === "autofix.yml")!;
    expect(autofix.source).toContain('autofix requested --pr "$PR_NUMBER" --sender "$SENDER"');
    expect(autofix.source).toContain("autofix clear");
    for (const w of workflows) expect(w.source, w.file).not.toContain("DESK_TOKEN");
  });

  it("installs only runtime dependencies, with scripts off and npm's cache, in every job but the developer suite", () => {
    for (const w of workflows.filter((x) => x.file !== "ci.yml")) {
      for (const [name, job] of jobsOf(w.doc)) {
        const all = steps(job);
        for (const s of all.filter((x) => x.run?.includes("npm ci"))) expect(s.run, `${w.file}/${name}`).toContain("npm ci --omit=dev --ignore-scripts");
        for (const s of all.filter((x) => x.uses?.startsWith("actions/setup-node@"))) expect(s.with?.cache, `${w.file}/${name}`).toBe("npm");
      }
    }
    const ci = workflows.find((w) => w.file === "ci.yml")!;
    expect(ci.doc.concurrency["cancel-in-progress"]).toContain("pull_request");
    expect(ci.source).toContain("grep -qvE '^(articles|assets|briefs)/'");
  });

  it("publishes from the branch's own previous build: the site and the build caches, keyed per branch and commit", () => {
    const publish = workflows.find((w) => w.file === "publish.yml")!;
    const build = steps(publish.doc.jobs.build);
    const restore = build.findIndex((s) => s.uses?.startsWith("actions/cache@"));
    const make = build.findIndex((s) => s.run?.includes("kawaraban build --out dist"));
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(make);
    const cache = build[restore]!.with!;
    // The writer page's scripts are published content like dist; never kawaraban's own executable bundle.
    expect(String(cache.path).split("\n").filter(Boolean).sort()).toEqual([".cache/kawaraban", "dist", "node_modules/.cache/kawaraban-writer"]);
    expect(cache.key).toBe("kawaraban-site-${{ github.ref_name }}-${{ github.sha }}-${{ github.run_attempt }}");
    expect(String(cache["restore-keys"]).trim()).toBe("kawaraban-site-${{ github.ref_name }}-");
    // Only the publish workflow (default branch pushes, its schedule, a manual run) saves site caches.
    const others = workflows.filter((w) => w.file !== "publish.yml").flatMap((w) => jobsOf(w.doc).flatMap(([, job]) => steps(job)));
    expect(others.filter((s) => s.uses?.startsWith("actions/cache"))).toEqual([]);
    expect(Object.keys(publish.doc.on).sort()).toEqual(["push", "schedule", "workflow_dispatch"]);
  });

  it("keeps invoice artifacts no longer than a public repository allows, and runs the monthly job off the hour", () => {
    const invoice = workflows.find((w) => w.file === "invoice.yml")!;
    expect(invoice.source).toContain("retention-days: 90");
    const cron: string = invoice.doc.on.schedule[0].cron;
    expect(cron.split(" ")[0]).not.toBe("0");
    const ci = workflows.find((w) => w.file === "ci.yml")!;
    expect(ci.doc.on.pull_request?.paths).toBeUndefined();
  });
});

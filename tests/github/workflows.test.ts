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
      expect(Object.keys(job.permissions).every((k) => ["contents", "actions", "pull-requests", "checks", "statuses", "issues", "pages", "id-token"].includes(k))).toBe(true);
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
        expect(triggers.every((t) => ["workflow_run", "push", "schedule", "workflow_dispatch"].includes(t)), `${w.file}/${name}`).toBe(true);
        for (const step of steps(job)) {
          if (step.uses?.startsWith("actions/checkout@")) {
            // The default branch, never a ref taken from the triggering run.
            expect(step.with?.ref, `${w.file}/${name} checks out a ref`).toBeUndefined();
            expect(step.with?.repository).toBeUndefined();
          }
          if (step.run) expect(step.run).not.toMatch(/npm (run|test|start)|npm ci(?! --ignore-scripts)/);
        }
      }
    }
  });

  it("lints a PR with the base branch's configuration and fails the check when it has errors", () => {
    const check = workflows.find((w) => w.file === "check.yml")!;
    const [, job] = jobsOf(check.doc)[0]!;
    const scripts = steps(job).map((s) => s.run ?? "").join("\n");
    expect(scripts).toMatch(/git checkout "\$BASE_SHA" -- \.textlintrc\.json \.remarkrc\.json prh\.yml proper-nouns\.yml kawaraban\.config\.yml/);
    expect(scripts).toContain("npm ci --ignore-scripts");
    expect(scripts).toContain("--format github");
    expect(scripts).toContain('exit "$CHECK_EXIT"');
    expect(writes(permissionsOf(check.doc, job))).toBe(false);
  });

  it("posts from the report workflow by looking the PR up from the head commit", () => {
    const report = workflows.find((w) => w.file === "report.yml")!;
    const [, job] = jobsOf(report.doc)[0]!;
    const run = steps(job).map((s) => s.run ?? "").join("\n");
    expect(run).toContain('npx kawaraban report --from "$REPORT" --head-sha "$HEAD_SHA"');
    expect(run).not.toContain("pr.json");
  });
});

import type { Handler } from "../github-sim.ts";
import { MAX_BODY } from "../github-sim.ts";

/** Check runs (summary limit 65,535), commit statuses, and the PRs of a commit. */
export const checkHandlers: Record<string, Handler> = {
  "checks/create": (sim, { body }) => {
    // A check run's summary holds at most 65,535 characters (one less than a comment).
    if ((body.output?.summary ?? "").length > MAX_BODY - 1 || (body.output?.annotations ?? []).length > 50)
      return { status: 422, body: { message: "Invalid output" } };
    const run = {
      id: sim.id(),
      head_sha: body.head_sha,
      name: body.name,
      conclusion: body.conclusion,
      annotations: [...(body.output?.annotations ?? [])],
      updates: 0,
    };
    sim.checkRuns.push(run);
    return { status: 201, body: { id: run.id } };
  },
  "checks/update": (sim, { params, body }) => {
    const run = sim.checkRuns.find((r) => r.id === Number(params.check_run_id));
    if (!run) return { status: 404, body: { message: "Not Found" } };
    if ((body.output?.annotations ?? []).length > 50) return { status: 422, body: { message: "Invalid output" } };
    run.annotations.push(...(body.output?.annotations ?? []));
    run.updates++;
    return { body: { id: run.id } };
  },
  "repos/create-commit-status": (sim, { params, body }) => {
    sim.statuses.push({ sha: params.sha, ...body });
    return { status: 201, body: { id: sim.id(), ...body } };
  },
  "repos/list-pull-requests-associated-with-commit": (sim, { params }) => {
    return {
      body: [...sim.pulls.values()]
        .filter((p) => p.headSha === params.commit_sha || p.mergeSha === params.commit_sha)
        .map((p) => ({
          number: p.number,
          state: p.merged ? "closed" : "open",
          head: { sha: p.headSha },
          merged_at: p.merged ? "2026-11-20T00:00:00Z" : null,
        })),
    };
  },
};

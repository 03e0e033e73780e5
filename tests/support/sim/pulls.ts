import type { Handler, PullState } from "../github-sim.ts";
import { diffLines, MAX_BODY, MAX_PR_FILES } from "../github-sim.ts";

/** Pull requests, their files and reviews, with GitHub's rules. */
export const pullHandlers: Record<string, Handler> = {
  "pulls/get": (sim, { params }) => {
    const p = sim.pull(params);
    return {
      body: {
        number: p.number,
        draft: p.draft,
        merged: p.merged,
        state: p.merged ? "closed" : (p.state ?? "open"),
        changed_files: p.files.length,
        user: { login: p.author ?? "writer" },
        body: p.body ?? "",
        head: { sha: p.headSha, ref: p.head ?? "writer-branch", repo: p.headRepo ? { full_name: p.headRepo } : null },
        base: { sha: p.baseSha, ref: "main", repo: { full_name: "hibarino/kawaraban", default_branch: "main" } },
      },
    };
  },
  "pulls/list": (sim, { query }) => {
    // `head` is "owner:branch"; `state` is open unless asked otherwise; newest first, as GitHub sorts by default.
    const head = query.get("head")?.split(":").pop();
    const state = query.get("state") ?? "open";
    const stateOf = (p: PullState) => (p.merged ? "closed" : (p.state ?? "open"));
    return {
      body: [...sim.pulls.values()]
        .filter((p) => (!head || p.head === head) && (state === "all" || stateOf(p) === state))
        .sort((a, b) => b.number - a.number)
        .map((p) => ({
          number: p.number,
          state: stateOf(p),
          title: p.title ?? "",
          body: p.body ?? "",
          user: { login: p.author ?? "writer" },
          head: { sha: p.headSha, ref: p.head ?? "", repo: { full_name: p.headRepo ?? "hibarino/kawaraban" } },
        })),
    };
  },
  "pulls/create": (sim, { body, login }) => {
    // The repository setting "Allow GitHub Actions to create and approve pull requests", off by default.
    if (login === "github-actions[bot]" && !sim.settings.actionsCanCreatePulls)
      return { status: 403, body: { message: "GitHub Actions is not permitted to create or approve pull requests.", status: "403" } };
    // A fork's branch is named `owner:branch` (the simulator keeps one set of branches for the network).
    const headBranch = String(body.head).replace(/^[^:]+:/, "");
    if (!sim.branches.has(headBranch))
      return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "PullRequest", field: "head", code: "invalid" }] } };
    // Only an open PR blocks another for the same head: a closed one keeps its branch, and a new PR may use it.
    if ([...sim.pulls.values()].some((p) => p.head === body.head && !p.merged && (p.state ?? "open") === "open"))
      return {
        status: 422,
        body: {
          message: "Validation Failed",
          errors: [{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${body.head}.` }],
        },
      };
    if ((body.body ?? "").length > MAX_BODY) return { status: 422, body: { message: "body is too long (maximum is 65536 characters)" } };
    const number = sim.id();
    sim.pulls.set(number, {
      number,
      draft: false,
      merged: false,
      headSha: sim.branches.get(headBranch)!,
      baseSha: sim.branches.get(body.base) ?? "",
      head: headBranch,
      headRepo: body.head.includes(":") ? sim.forks.get(body.head.split(":")[0]) : undefined,
      title: body.title,
      body: body.body,
      author: sim.login,
      files: [],
    });
    return { status: 201, body: { number, html_url: `https://github.com/o/r/pull/${number}`, head: { ref: body.head } } };
  },
  "pulls/list-files": (sim, { params }) => {
    // At most 3,000 files, whatever the PR changes; a file without a patch (binary, too large) has none.
    return {
      body: sim
        .pull(params)
        .files.slice(0, MAX_PR_FILES)
        .map((f) => ({ status: "modified", ...f })),
    };
  },
  "pulls/list-review-comments": (sim, { params }) => {
    return { body: sim.reviewComments.filter((c) => c.pull === Number(params.pull_number)).map((c) => ({ ...c, user: { login: c.user } })) };
  },
  "pulls/create-review": (sim, { params, body }) => {
    const pull = sim.pull(params);
    // GitHub checks the whole review and creates nothing when any comment is off the diff.
    const problems: string[] = [];
    if (body.commit_id !== undefined && !sim.commits.has(body.commit_id) && body.commit_id !== pull.headSha)
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
      id: sim.id(),
      pull: pull.number,
      user: sim.login,
      state: body.event === "COMMENT" ? "COMMENTED" : body.event,
      body: body.body,
      commit_id: body.commit_id ?? pull.headSha,
    };
    sim.reviews.push(review);
    for (const c of body.comments ?? []) sim.reviewComments.push({ id: sim.id(), pull: pull.number, commit_id: review.commit_id, user: sim.login, ...c });
    return { body: { id: review.id, state: review.state } };
  },
  "pulls/update-review-comment": (sim, { params, body }) => {
    const comment = sim.reviewComments.find((c) => c.id === Number(params.comment_id));
    if (!comment) return { status: 404, body: { message: "Not Found" } };
    if (body.body.length > MAX_BODY) return { status: 422, body: { message: "body is too long" } };
    comment.body = body.body;
    return { body: { ...comment, user: { login: comment.user } } };
  },
  "pulls/list-reviews": (sim, { params }) => {
    return {
      body: sim.reviews
        .filter((r) => r.pull === Number(params.pull_number))
        .map((r) => ({ id: r.id, user: { login: r.user }, state: r.state, commit_id: r.commit_id ?? null })),
    };
  },
};

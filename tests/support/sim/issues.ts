import type { Handler, SimIssue } from "../github-sim.ts";
import { MAX_BODY } from "../github-sim.ts";

const issueJson = (i: SimIssue) => ({
  number: i.number,
  title: i.title,
  body: i.body,
  state: i.state,
  user: { login: i.user ?? "writer" },
  updated_at: i.updated_at ?? "2026-12-01T00:00:00Z",
  labels: i.labels.map((name) => ({ name })),
  assignees: (i.assignees ?? []).map((login) => ({ login })),
});
const tooLong = (resource: string) => ({
  status: 422,
  body: { message: "Validation Failed", errors: [{ resource, code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }] },
});

/** Issues, comments, labels and assignees, with GitHub's rules (body limits, dropped assignees, assignment events). */
export const issueHandlers: Record<string, Handler> = {
  "issues/list-comments": (sim, { params }) => {
    return {
      body: sim.issueComments
        .filter((c) => c.issue === Number(params.issue_number))
        .map((c) => ({ ...c, user: { login: c.user, type: c.user.endsWith("[bot]") ? "Bot" : "User" }, created_at: "2026-12-01T00:00:00Z" })),
    };
  },
  "issues/create-comment": (sim, { params, body }) => {
    if (body.body.length > MAX_BODY)
      return {
        status: 422,
        body: { message: "Validation Failed", errors: [{ field: "body", code: "custom", message: "body is too long (maximum is 65536 characters)" }] },
      };
    const comment = { id: sim.id(), issue: Number(params.issue_number), body: body.body, user: sim.login };
    sim.issueComments.push(comment);
    return { status: 201, body: { ...comment, user: { login: comment.user } } };
  },
  "issues/update-comment": (sim, { params, body }) => {
    const comment = sim.issueComments.find((c) => c.id === Number(params.comment_id));
    if (!comment) return { status: 404, body: { message: "Not Found" } };
    if (comment.user !== sim.login) return { status: 403, body: { message: "Resource not accessible by integration" } };
    if (body.body.length > MAX_BODY) return { status: 422, body: { message: "body is too long (maximum is 65536 characters)" } };
    comment.body = body.body;
    return { body: { ...comment, user: { login: comment.user } } };
  },
  "issues/list-labels-for-repo": (sim) => {
    return { body: sim.repoLabels };
  },
  "issues/create-label": (sim, { body }) => {
    if (sim.repoLabels.some((l) => l.name.toLowerCase() === String(body.name).toLowerCase())) {
      return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] } };
    }
    sim.repoLabels.push({ name: body.name, color: body.color, description: body.description });
    return { status: 201, body: { name: body.name } };
  },
  "issues/list-labels-on-issue": (sim, { params }) => {
    return { body: (sim.issueLabels.get(Number(params.issue_number)) ?? []).map((name) => ({ name })) };
  },
  "issues/add-labels": (sim, { params, body }) => {
    const list = sim.issueLabels.get(Number(params.issue_number)) ?? [];
    list.push(...(body.labels as string[]).filter((l) => !list.includes(l)));
    sim.issueLabels.set(Number(params.issue_number), list);
    return { body: list.map((name) => ({ name })) };
  },
  "issues/remove-label": (sim, { params }) => {
    const list = (sim.issueLabels.get(Number(params.issue_number)) ?? []).filter((l) => l !== params.name);
    sim.issueLabels.set(Number(params.issue_number), list);
    return { body: list.map((name) => ({ name })) };
  },
  "issues/list-for-repo": (sim, { query }) => {
    // Filters as GitHub's: labels, state (open by default), since (updated at or after); newest created first.
    const labels = query.get("labels")?.split(",") ?? [];
    const state = query.get("state") ?? "open";
    const since = query.get("since");
    const updated = (i: SimIssue) => i.updated_at ?? "2026-12-01T00:00:00Z";
    return {
      body: sim.issues
        .filter((i) => labels.every((l) => i.labels.includes(l)) && (state === "all" || i.state === state) && (!since || updated(i) >= since))
        .sort((a, b) => b.number - a.number)
        .map((i) => ({
          ...issueJson(i),
          comments: sim.issueComments.filter((c) => c.issue === i.number).length,
        })),
    };
  },
  "issues/get": (sim, { params }) => {
    const issue = sim.issues.find((i) => i.number === Number(params.issue_number));
    return issue ? { body: issueJson(issue) } : { status: 404, body: { message: "Not Found" } };
  },
  "issues/create": (sim, { body, login }) => {
    if ((body.body ?? "").length > MAX_BODY) return tooLong("Issue");
    // Only users with push access can set labels for new issues; others' are silently dropped (the bots have it).
    const issue: SimIssue = { number: sim.id(), title: body.title, body: body.body ?? "", labels: (body.labels ?? []) as string[], state: "open", user: login };
    sim.issues.push(issue);
    return { status: 201, body: issueJson(issue) };
  },
  "issues/update": (sim, { params, body }) => {
    const issue = sim.issues.find((i) => i.number === Number(params.issue_number));
    if (!issue) return { status: 404, body: { message: "Not Found" } };
    if ((body.body ?? "").length > MAX_BODY) return tooLong("Issue");
    Object.assign(issue, {
      title: body.title ?? issue.title,
      body: body.body ?? issue.body,
      state: body.state ?? issue.state,
      updated_at: new Date().toISOString(),
    });
    return { body: issueJson(issue) };
  },
  "issues/add-assignees": (sim, { params, body, login }) => {
    const issue = sim.issues.find((i) => i.number === Number(params.issue_number));
    if (!issue) return { status: 404, body: { message: "Not Found" } };
    // GitHub silently drops an assignee without access to the repository.
    const added = (body.assignees as string[]).filter((a) => sim.collaborators.has(a) && !(issue.assignees ?? []).includes(a));
    issue.assignees = [...(issue.assignees ?? []), ...added];
    if (issue.assignees.length > 10) return { status: 422, body: { message: "Validation Failed: at most 10 assignees" } };
    for (const assignee of added)
      sim.issueEvents.push({ id: sim.id(), issue: issue.number, event: "assigned", actor: login, assignee, created_at: new Date().toISOString() });
    return { status: 201, body: issueJson(issue) };
  },
  "issues/list-events": (sim, { params }) => ({
    body: sim.issueEvents
      .filter((e) => e.issue === Number(params.issue_number))
      .map((e) => ({ id: e.id, event: e.event, actor: { login: e.actor }, ...(e.assignee && { assignee: { login: e.assignee } }), created_at: e.created_at })),
  }),
};

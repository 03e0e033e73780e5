import { git } from "../git/git.ts";
import type { Config } from "../article/config.ts";
import { loadSiteSources } from "../site/sources.ts";
import { workTree } from "../source/work-tree.ts";
import { isPublished } from "../site/model.ts";
import type { GithubClient } from "./client.ts";
import { EDITORIAL_LABELS, managedLabelNames } from "./labels.ts";
import type { Repo } from "./pr-report.ts";

/** How far back merges are looked at: a scheduled article is rarely planned further ahead. */
export const PUBLISHED_LOOKBACK_DAYS = 60;

/**
 * 公開済み from what is live, not from the event that ran: every article the site shows today
 * (admitted, not a draft, its date reached) whose PR was merged in the last weeks gets the label.
 * A scheduled article is labelled by the daily run on the day it goes live; a run whose deploy
 * was replaced by a newer one loses nothing, since the next run labels from the same state.
 */
export async function labelPublished(client: GithubClient, repo: Repo, root: string, config: Config, today: string): Promise<number[]> {
  const { sources } = await loadSiteSources(await workTree(root), root, config, undefined, "labels");
  const live = new Set(sources.filter((s) => isPublished(s.frontMatter, today)).map((s) => s.path));
  const log = await git(root, ["log", "--first-parent", `--since=${PUBLISHED_LOOKBACK_DAYS}.days`, "-z", "--format=%x1e%H", "--name-only", "--", "articles/"]);
  const commits = log
    .split("\x1e")
    .filter(Boolean)
    .map((record) => record.split(/[\n\0]/).filter(Boolean))
    .filter(([, ...paths]) => paths.some((p) => live.has(p)))
    .map(([sha]) => sha!);
  const prs = new Set<number>();
  for (const sha of commits) {
    const pulls = await client.paginate(client.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 });
    for (const p of pulls) if (p.merged_at) prs.add(p.number);
  }
  const wanted = EDITORIAL_LABELS.published;
  const labelled: number[] = [];
  let ensured = false;
  for (const number of [...prs].sort((a, b) => a - b)) {
    const current = (await client.rest.issues.listLabelsOnIssue({ ...repo, issue_number: number, per_page: 100 })).data.map((l) => l.name);
    if (current.includes(wanted.name)) continue;
    if (!ensured) {
      const existing = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
      if (!existing.some((l) => l.name === wanted.name)) {
        await client.rest.issues.createLabel({ ...repo, ...wanted }).catch((error: { status?: number }) => {
          if (error.status !== 422) throw error; // created meanwhile by another run
        });
      }
      ensured = true;
    }
    for (const name of current) if (managedLabelNames.includes(name)) await client.rest.issues.removeLabel({ ...repo, issue_number: number, name });
    await client.rest.issues.addLabels({ ...repo, issue_number: number, labels: [wanted.name] });
    labelled.push(number);
  }
  return labelled;
}

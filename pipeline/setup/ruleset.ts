import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../article/config.ts";
import { CHECK_NAME } from "../github/checks.ts";

/** The check the verdict posts, which the default branch's rules require. */
export const VERDICT_CHECK_NAME = CHECK_NAME;
/** GitHub Actions' own app id: a check from it may come from any workflow, a PR's own included. */
export const GITHUB_ACTIONS_APP_ID = 15368;
/** The ruleset shipped with the template, importable by `setup` or by hand (Settings → Rules → Rulesets → Import). */
export const RULESET_FILE = ".github/rulesets/main.json";

export interface Ruleset {
  name: string;
  target: string;
  enforcement: string;
  conditions?: unknown;
  bypass_actors?: unknown[];
  rules: { type: string; parameters?: Record<string, unknown> }[];
}

/**
 * The shipped ruleset made right for this repository: the merge method the billing policy trusts
 * (the only one offered), and the verdict required from the city's GitHub App when there is one
 * (otherwise from GitHub Actions, which a PR's own workflow can also post as).
 */
export async function rulesetFor(root: string, config: Config, appId?: number): Promise<Ruleset> {
  const shipped = JSON.parse(await readFile(path.join(root, RULESET_FILE), "utf8")) as Ruleset;
  const method = (config.billing?.mergePolicy ?? "merge-commit") === "squash" ? "squash" : "merge";
  return {
    ...shipped,
    rules: shipped.rules.map((rule) => {
      if (rule.type === "pull_request") return { ...rule, parameters: { ...rule.parameters, allowed_merge_methods: [method] } };
      if (rule.type === "required_status_checks")
        return {
          ...rule,
          parameters: { ...rule.parameters, required_status_checks: [{ context: VERDICT_CHECK_NAME, integration_id: appId ?? GITHUB_ACTIONS_APP_ID }] },
        };
      return rule;
    }),
  };
}

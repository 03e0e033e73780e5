import { cp, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, SAMPLE_ROOT, tempDir } from "./repo.ts";
import { LINT_CONFIG_FILES } from "../../pipeline/checks/prose/textlint-config.mjs";

/** What a fork of the template holds: content plus the native lint configuration. */
const TEMPLATE_FILES = ["kawaraban.config.yml", "articles", "assets", "briefs", ".github/ISSUE_TEMPLATE", ...LINT_CONFIG_FILES];

/**
 * A copy of the template's sample content and configuration (tests/fixtures/sample-site) in a temp folder. Rules are
 * resolved from a node_modules link to this repository's, as a fork's would be after npm ci.
 */
export async function copySampleContent(): Promise<string> {
  const root = await tempDir();
  for (const entry of TEMPLATE_FILES) {
    await cp(path.join(SAMPLE_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  await cp(path.join(REPO_ROOT, "package.json"), path.join(root, "package.json"));
  await writeFile(path.join(root, ".gitignore"), "node_modules\n.cache\n");
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"));
  return root;
}

/** Kept as a name for tests that are about linting. */
export const lintRepo = copySampleContent;

import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_URL } from "../self.ts";
import { parseConfig, type Config } from "../article/config.ts";

/**
 * The template's sample site, as the engine ships it (tests/fixtures/sample-site): what a city's
 * repository starts with and must replace. The doctor compares the city's files and config with
 * it; `setup --fresh` removes what is still identical.
 */
export const SAMPLE_DIR = fileURLToPath(new URL("tests/fixtures/sample-site/", PACKAGE_URL));

/** The sample content folders. */
export const SAMPLE_CONTENT = ["articles", "assets", "briefs"] as const;

/** Every sample content file, repository-relative, with its bytes. */
export async function sampleFiles(sampleDir = SAMPLE_DIR): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const dir of SAMPLE_CONTENT) {
    const entries = await readdir(path.join(sampleDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile() || e.name.startsWith(".")) continue; // .gitkeep and the like are not samples
      const abs = path.join(e.parentPath, e.name);
      files.set(path.relative(sampleDir, abs).split(path.sep).join("/"), await readFile(abs));
    }
  }
  return files;
}

/** The sample config, parsed (its placeholders: names, URL, writers, staff). */
export async function sampleConfig(sampleDir = SAMPLE_DIR): Promise<Config | undefined> {
  const parsed = parseConfig(await readFile(path.join(sampleDir, "kawaraban.config.yml"), "utf8").catch(() => ""));
  return parsed.ok ? parsed.config : undefined;
}

/** The GitHub owners the sample CODEOWNERS names (teams of an organisation that is not the city's). */
export async function sampleOwners(sampleDir = SAMPLE_DIR): Promise<Set<string>> {
  const text = await readFile(path.join(sampleDir, ".github/CODEOWNERS"), "utf8").catch(() => "");
  return new Set(ownersIn(text));
}

export const ownersIn = (codeowners: string) =>
  codeowners
    .split("\n")
    .filter((l) => !l.trim().startsWith("#"))
    .flatMap((l) => l.trim().split(/\s+/).slice(1))
    .filter((o) => o.startsWith("@"));

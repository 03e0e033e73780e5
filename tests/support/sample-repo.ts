import { cp } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT, tempDir } from "./repo.ts";

/** A copy of the repository's own content (config, articles, photos) in a temp folder. */
export async function copySampleContent(): Promise<string> {
  const dir = await tempDir();
  for (const entry of ["kawaraban.config.yml", "articles", "assets"]) {
    await cp(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

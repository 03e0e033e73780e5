import { readFile } from "node:fs/promises";
import path from "node:path";
import { VERSION } from "../../version.ts";
import { pipelineCodeHash } from "../../self.ts";
import { sha256 } from "../../hash.ts";
import { referencedDataFiles, TEXTLINTRC } from "./textlint-config.mjs";

/** remark-lint's config file, beside textlint's. */
export const REMARKRC = ".remarkrc.json";

/**
 * Everything that can change prose findings: the native configs, every file they point at
 * (prh dictionaries, the proper-noun allowlist), the locked package versions, and kawaraban.
 * Its own small module: the site build keys the writer page's scripts on it without loading the
 * prose stage.
 */
export async function proseFingerprint(root: string): Promise<string> {
  const read = (file: string) => readFile(path.join(root, file), "utf8").catch(() => "");
  const textlintrc = await read(TEXTLINTRC);
  const referenced = new Set<string>();
  try {
    for (const f of referencedDataFiles(JSON.parse(textlintrc))) referenced.add(f);
  } catch {
    // An unreadable config fails loudly when textlint loads it; here it only changes the key.
  }
  const files = await Promise.all([...referenced].sort().map(async (f) => `${f}\n${await read(f)}`));
  return sha256(pipelineCodeHash(), VERSION, textlintrc, await read(REMARKRC), await read("package-lock.json"), ...files);
}

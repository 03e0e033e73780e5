import type * as z from "zod";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.ts";
import type { ParsedYaml, YamlPath } from "./safe-yaml.ts";

type Issue = z.core.$ZodIssue;
type Build = (issue: Issue, key: string, span: Span | undefined) => Diagnostic;

/**
 * Maps schema issues back to the YAML they came from (Astro content collections style):
 * each issue points at its key's line, an unknown key at that key itself, and a missing
 * key at the mapping that should hold it.
 */
export function issuesToDiagnostics(issues: readonly Issue[], yaml: ParsedYaml, build: Build): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push(build({ ...issue, keys: [key] }, keyLabel([...path, key]), yaml.locate([...path, key])));
      }
      continue;
    }
    out.push(build(issue, keyLabel(path), yaml.locate(path as YamlPath, "key")));
  }
  return out;
}

export function keyLabel(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === "number" ? `[${p + 1} 番目]` : p)).join(".");
}

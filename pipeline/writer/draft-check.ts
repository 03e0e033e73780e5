import type { Processor } from "unified";
import type { Config } from "../article/config.ts";
import type { ArticleText } from "../article/article.ts";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { TextlintMessage } from "../checks/prose/textlint.mjs";
import { lintArticle, proseFindings } from "../checks/prose/findings.ts";
import { admit } from "../core/admit.ts";
import { overlay } from "../source/overlay.ts";

/** A draft as the writer's page holds it: the article file it will commit and the cleaned photos beside it. */
export interface Draft {
  /** Repository path of the article (`articles/YYYY/MM/<slug>.md`). */
  path: string;
  raw: string;
  /** Repository paths of the photos the page will commit with it, and their bytes. */
  photos: ReadonlyMap<string, Uint8Array>;
}

export interface DraftLinters {
  /** textlint with the project's configuration (kernel in the browser, the linter in Node). */
  lint(raw: string, path: string): Promise<readonly TextlintMessage[]>;
  remark: Processor;
}

/**
 * What `check` would say about the draft, computed from the same door and the same prose
 * findings as `check` (core/check.ts): the writer's page runs this in a web worker, and the
 * parity test runs it beside `kawaraban check` on the same files. Photos are judged by the
 * page itself, which re-encodes them within the limits before they are ever attached.
 */
export async function checkDraft(config: Config, draft: Draft, linters: DraftLinters): Promise<{ diagnostics: Diagnostic[]; text?: ArticleText }> {
  const files = new Map<string, Buffer>([[draft.path, Buffer.from(draft.raw, "utf8")]]);
  for (const [p, bytes] of draft.photos) files.set(p, Buffer.from(bytes));
  const admission = await admit(overlay(undefined, files), draft.path, config);
  const diagnostics = [...admission.diagnostics];
  if (admission.text) {
    const text = admission.text;
    const messages = await lintArticle(text, (t) => linters.lint(t, text.path));
    diagnostics.push(...(await proseFindings(admission.text, messages, linters.remark)));
  }
  return { diagnostics: diagnostics.sort(compareDiagnostics), text: admission.text };
}

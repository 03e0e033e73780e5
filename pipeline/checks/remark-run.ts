import type { Processor } from "unified";
import { VFile } from "vfile";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { ruleDocsUrl, stamp } from "../diagnostics/rules.ts";
import type { ArticleText } from "../article/article.ts";
import { remarkMessageJa } from "./prose/messages-ja.ts";

/**
 * remark-lint's findings on an article, given the processor (built from `.remarkrc.json` in Node,
 * or compiled into the writer's page for the browser): the same mapping in both places.
 */
export async function runRemark(processor: Processor, article: ArticleText): Promise<Diagnostic[]> {
  const file = new VFile({ path: article.path, value: article.raw });
  await processor.run(article.tree, file);
  return file.messages.map((m) => {
    const start = m.place && "start" in m.place ? m.place.start : m.place;
    const end = m.place && "end" in m.place ? m.place.end : undefined;
    const id = m.ruleId ?? "unknown";
    // Explained in Japanese in docs/rules.md, like every other rule (remark's own pages are English).
    const identity = { id, source: "remark-lint" as const, url: ruleDocsUrl(id) };
    return stamp(identity, m.fatal ? "error" : "warning", article.path, remarkMessageJa(identity.id), start && { start, ...(end && { end }) });
  });
}

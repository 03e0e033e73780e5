/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// How findings are shown: under the field they are about, or under their paragraph of the body,
// each with the same Japanese message as `check` and a button when a fix exists. Everything is
// built with text nodes: nothing the writer typed ever reaches the page as HTML.
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { Composed, FieldName } from "../compose.ts";

const SEVERITY: Record<Diagnostic["severity"], string> = { error: "エラー", warning: "注意", info: "参考" };

export interface FindingActions {
  /** Applies a finding's fix to the draft (only offered for fixes inside the body). */
  fix(finding: Diagnostic): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function findingItem(d: Diagnostic, where: string, composed: Composed, actions: FindingActions): HTMLLIElement {
  const item = element("li", { "data-kawaraban": "finding", "data-rule": d.ruleId, "data-severity": d.severity, class: `finding ${d.severity}` });
  item.append(
    element("span", { class: "severity" }, SEVERITY[d.severity]),
    " ",
    element("span", { class: "where" }, where),
    " ",
    element("span", { class: "message" }, d.message),
  );
  if (d.fix && d.fix.range[0] >= composed.bodyOffset) {
    const before = composed.raw.slice(d.fix.range[0], d.fix.range[1]);
    const label = !before ? `「${d.fix.text}」を入れる` : !d.fix.text ? `「${before}」を消す` : `「${before}」を「${d.fix.text}」に直す`;
    const button = element("button", { type: "button", "data-kawaraban": "fix" }, label);
    button.addEventListener("click", () => actions.fix(d));
    item.append(" ", button);
  }
  return item;
}

/** Which field a front-matter line belongs to. */
function fieldAt(composed: Composed, line: number | undefined): FieldName | undefined {
  if (line === undefined) return undefined;
  return (Object.entries(composed.fieldLines) as [FieldName, number][]).find(([, l]) => l === line)?.[0];
}

/** Paragraphs of the body: runs of non-blank lines, with their first line in the composed file. */
function paragraphs(composed: Composed): { line: number; end: number; text: string }[] {
  const lines = composed.raw.slice(composed.bodyOffset).split("\n");
  const out: { line: number; end: number; text: string }[] = [];
  lines.forEach((text, i) => {
    const line = composed.bodyLine + i;
    const last = out[out.length - 1];
    if (text.trim() === "") return;
    if (last && last.end === line - 1) {
      last.end = line;
      last.text += `\n${text}`;
    } else out.push({ line, end: line, text });
  });
  return out;
}

export function renderFindings(findings: readonly Diagnostic[], composed: Composed, actions: FindingActions): { errors: number; warnings: number } {
  for (const list of document.querySelectorAll<HTMLUListElement>("ul.findings[data-for]")) list.replaceChildren();
  const list = document.getElementById("check-paragraphs")!;
  list.replaceChildren();
  const general = element("ul", { class: "findings" });
  const byParagraph = new Map<number, HTMLUListElement>();
  const paras = paragraphs(composed);
  for (const d of findings) {
    const field = d.line !== undefined && d.line < composed.bodyLine ? fieldAt(composed, d.line) : undefined;
    const fieldList = field && document.querySelector<HTMLUListElement>(`ul.findings[data-for="${field}"]`);
    if (fieldList) {
      fieldList.append(findingItem(d, "", composed, actions));
      continue;
    }
    const para = d.line !== undefined && d.line >= composed.bodyLine ? paras.find((p) => d.line! >= p.line && d.line! <= p.end) : undefined;
    if (!para) {
      general.append(findingItem(d, field ? `${field}:` : "", composed, actions));
      continue;
    }
    let items = byParagraph.get(para.line);
    if (!items) byParagraph.set(para.line, (items = element("ul", { class: "findings" })));
    items.append(findingItem(d, `本文 ${d.line! - composed.bodyLine + 1} 行目:`, composed, actions));
  }
  if (general.childElementCount > 0) {
    const item = element("li", { class: "paragraph" });
    item.append(element("p", { class: "quote" }, "記事の情報"), general);
    list.append(item);
  }
  for (const p of paras) {
    const items = byParagraph.get(p.line);
    if (!items) continue;
    const item = element("li", { class: "paragraph" });
    item.append(element("p", { class: "quote" }, p.text.length > 80 ? `${p.text.slice(0, 80)}…` : p.text), items);
    list.append(item);
  }
  return { errors: findings.filter((d) => d.severity === "error").length, warnings: findings.filter((d) => d.severity === "warning").length };
}

import type { Diagnostic, Severity, Source, Span } from "./diagnostic.ts";
import { withSpan } from "./diagnostic.ts";

/**
 * A rule's identity is declared once (remark-lint style) and stamped on every message
 * it produces. Rule ids are permanent: baselines, PR comments and editors' habits key on them.
 */
export interface Rule {
  id: string;
  source: Source;
  severity: Severity;
  /** One line of Japanese saying what the rule is for (docs, SARIF, PR summaries). */
  title: string;
}

/** Documentation lives in the repository itself, so a fork's links point at its own rules. */
export const RULE_DOCS = "docs/rules.md";

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS}#${ruleId.toLowerCase().replace(/[^a-z0-9\- ]/g, "")}`;
}

const registry = new Map<string, Rule>();

export function defineRule(rule: Rule): Rule {
  if (registry.has(rule.id)) throw new Error(`rule ${rule.id} defined twice`);
  registry.set(rule.id, rule);
  return rule;
}

export function findRule(id: string): Rule | undefined {
  return registry.get(id);
}

export function allRules(): Rule[] {
  return [...registry.values()];
}

export interface ReportOptions {
  severity?: Severity;
  cause?: unknown;
  fix?: Diagnostic["fix"];
}

/** Builds a diagnostic stamped with the rule's identity. */
export function report(rule: Rule, path: string, message: string, span?: Span, options: ReportOptions = {}): Diagnostic {
  const d: Diagnostic = {
    ruleId: rule.id,
    source: rule.source,
    severity: options.severity ?? rule.severity,
    message,
    path,
    ...withSpan(span),
    url: ruleDocsUrl(rule.id),
  };
  if (options.fix) d.fix = options.fix;
  if (options.cause !== undefined) d.cause = options.cause;
  return d;
}

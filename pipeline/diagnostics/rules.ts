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

/** Declares a rule (listed in rule-catalog.ts, which the documentation test reads). */
export function defineRule(rule: Rule): Rule {
  return Object.freeze(rule);
}

export interface ReportOptions {
  severity?: Severity;
  cause?: unknown;
  fix?: Diagnostic["fix"];
}

/** Who a message is from: a kawaraban rule, or a textlint or remark rule mapped into the one shape. */
export interface RuleIdentity {
  id: string;
  source: Source;
  /** Where the rule is explained; none for a remark plugin that publishes no docs. */
  url?: string;
}

/** The one place a diagnostic gets its rule's identity (kawaraban's own rules and mapped ones alike). */
export function stamp(
  identity: RuleIdentity,
  severity: Severity,
  path: string,
  message: string,
  span?: Span,
  options: Omit<ReportOptions, "severity"> = {},
): Diagnostic {
  const d: Diagnostic = { ruleId: identity.id, source: identity.source, severity, message, path, ...withSpan(span) };
  if (identity.url) d.url = identity.url;
  if (options.fix) d.fix = options.fix;
  if (options.cause !== undefined) d.cause = options.cause;
  return d;
}

/** Builds a diagnostic stamped with the rule's identity. */
export function report(rule: Rule, path: string, message: string, span?: Span, options: ReportOptions = {}): Diagnostic {
  return stamp({ id: rule.id, source: rule.source, url: ruleDocsUrl(rule.id) }, options.severity ?? rule.severity, path, message, span, options);
}

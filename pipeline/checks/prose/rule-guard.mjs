/**
 * A lint rule that throws on one node (an upstream rule meeting input its author never saw:
 * 「十二三回」 made arabic-kanji-numbers throw "Wrong sequence of numerals") loses its own
 * finding there, and nothing else: every other rule still checks that node, every other node
 * and article is still checked, and the writer sees an info note on the place instead of an
 * internal error on every article of the run.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** The id of the note left where a rule failed (documented in docs/rules.md). */
export const RULE_FAILED = "kawaraban/rule-failed";

/** The failures of the lint call in progress (each lintText call runs in its own store). */
const failures = new AsyncLocalStorage();

/**
 * @typedef {{ ruleId: string; line: number; column: number; range: [number, number] }} RuleFailure
 * @typedef {(context: any, options?: any) => Record<string, (node: any) => unknown>} RuleCreator
 */

/**
 * `rule` (a textlint rule module: a creator function, or { linter, fixer }) with every node
 * handler made safe: a throw or a rejected promise is recorded for the current lint call.
 * @param {string} ruleId
 * @param {any} rule
 */
export function guardRule(ruleId, rule) {
  /** @param {RuleCreator} create @returns {RuleCreator} */
  const wrap = (create) => (context, options) => {
    const handlers = create(context, options) ?? {};
    /** @type {Record<string, (node: any) => unknown>} */
    const safe = {};
    for (const [type, handler] of Object.entries(handlers)) {
      safe[type] = (node) => {
        const failed = () => record(ruleId, node);
        try {
          const result = handler(node);
          return result && typeof (/** @type {any} */ (result).then) === "function" ? /** @type {Promise<unknown>} */ (result).catch(failed) : result;
        } catch {
          failed();
          return undefined;
        }
      };
    }
    return safe;
  };
  if (typeof rule === "function") return wrap(rule);
  if (rule && typeof rule.linter === "function") return { ...rule, linter: wrap(rule.linter), fixer: wrap(rule.fixer ?? rule.linter) };
  return rule;
}

/**
 * The rule's own error text is English and for developers (the same input reproduces it): the
 * writer is told which check stopped where, in Japanese.
 * @param {string} ruleId @param {any} node
 */
function record(ruleId, node) {
  const start = node?.loc?.start ?? { line: 1, column: 0 };
  failures.getStore()?.push({
    ruleId,
    line: start.line,
    column: start.column + 1,
    range: node?.range ?? [0, 0],
  });
}

/**
 * Runs one lint call, returning its messages with an info message for each rule failure in it.
 * @param {() => Promise<any[]>} lint
 */
export async function withRuleFailures(lint) {
  /** @type {RuleFailure[]} */
  const failed = [];
  const messages = await failures.run(failed, lint);
  return [
    ...messages,
    ...failed.map((f) => ({
      // Its own id: the failing rule's message rewrites (messages-ja.ts) must not read this note.
      ruleId: RULE_FAILED,
      message: `この部分は「${f.ruleId.slice(f.ruleId.lastIndexOf("/") + 1)}」の確認を最後までできませんでした（kawaraban か、使っているルールの不具合です。記事はこのままで構いません）。`,
      line: f.line,
      column: f.column,
      index: f.range[0],
      range: f.range,
      loc: { start: { line: f.line, column: f.column }, end: { line: f.line, column: f.column } },
      severity: 3,
      type: "lint",
    })),
  ];
}

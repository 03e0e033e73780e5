import type { Rule } from "./diagnostics/rules.ts";
import { inputRules } from "./diagnostics/input-rules.ts";
import { limitRules } from "./article/structure-limits.ts";
import { frontMatterSyntaxRules } from "./article/article.ts";
import { frontMatterRules } from "./article/schema.ts";
import { configRules } from "./article/config.ts";
import { imageRefRules } from "./article/image-refs.ts";
import { tagRules } from "./core/admit.ts";
import { lintConfigRule } from "./core/check.ts";
import { a11yRules } from "./checks/a11y.ts";
import { imageRules } from "./images/rules.ts";
import { briefRules } from "./desk/brief.ts";
import { verdictRules } from "./github/verdict.ts";

/**
 * Every rule kawaraban reports under its own id, listed by hand: a table left out of this list
 * fails the documentation test, so no rule reaches a writer without a Japanese explanation in
 * docs/rules.md. (textlint and remark rules carry their own ids and docs links.)
 */
export const RULE_TABLES: readonly Readonly<Record<string, Rule>>[] = [
  inputRules,
  limitRules,
  frontMatterSyntaxRules,
  frontMatterRules,
  tagRules,
  configRules,
  { lint: lintConfigRule },
  imageRefRules,
  a11yRules,
  imageRules,
  briefRules,
  verdictRules,
];

export const allRules = (): Rule[] => RULE_TABLES.flatMap((table) => Object.values(table));

const byId = new Map(allRules().map((r) => [r.id, r]));
export const findRule = (id: string): Rule | undefined => byId.get(id);

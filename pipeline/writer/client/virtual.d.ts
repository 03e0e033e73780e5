// Modules the writer bundle generates (writer/bundle.ts, writer/lint-entry.ts).
declare module "kawaraban:lint" {
  import type { Processor } from "unified";
  export const rules: unknown[];
  export const filterRules: unknown[];
  export const plugins: unknown[];
  export const remark: Processor;
}
declare module "kawaraban:vfs" {}

export function tokenize(text: string): string[];
export function unify(text: string, variants: readonly (readonly [string, string])[]): string;
export interface SearchOptions {
  fields: string[];
  storeFields: string[];
  idField: string;
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string;
}
export function searchOptions(variants: readonly (readonly [string, string])[]): SearchOptions;
export const SEARCH_OPTIONS: SearchOptions;

export function tokenize(text: string): string[];
export const SEARCH_OPTIONS: {
  fields: string[];
  storeFields: string[];
  idField: string;
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string;
};

export interface Doc {
  url: string;
  title: string;
  summary: string;
  date: string;
  text: string;
}
export interface IndexJob {
  indexFile?: string;
  previous: boolean;
  remove: string[];
  add: Doc[];
  variants: (readonly [string, string])[];
}
export function updatedIndex(job: IndexJob): string;

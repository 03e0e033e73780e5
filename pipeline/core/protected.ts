import { APPROVALS_FILE, BRIEFS_DIR } from "../desk/brief.ts";
import { ARTICLES_DIR } from "../article/paths.ts";

/**
 * What editors review without city staff: articles, photos and briefs (a brief's fee binds only
 * through approvals.yml, which is city staff's). Everything else — workflows, the config, rates,
 * lint rules, the approvals — is protected: a PR touching it fails until city staff approve its
 * head. The verdict and the PR summary both ask this one function, for every name a change has
 * (a rename counts under its old name and its new one).
 */
export function isContentPath(p: string): boolean {
  return p.startsWith(`${ARTICLES_DIR}/`) || p.startsWith("assets/") || (p.startsWith(`${BRIEFS_DIR}/`) && p !== APPROVALS_FILE);
}

export const isProtectedPath = (p: string) => !isContentPath(p);

/** A changed file as GitHub lists it: a rename carries its old name. */
export interface ChangedFile {
  filename: string;
  status: string;
  previous_filename?: string;
}

/** Every name a change touches: the new one, and the old one of a rename. */
export const namesOf = (f: ChangedFile) => (f.previous_filename && f.previous_filename !== f.filename ? [f.filename, f.previous_filename] : [f.filename]);

/** The protected paths a PR touches, each once. */
export const protectedNames = (files: readonly ChangedFile[]) => [...new Set(files.flatMap(namesOf).filter(isProtectedPath))].sort();

import path from "node:path";

/** Repository-relative path with `/` separators, or undefined when `abs` lies outside `root`. */
export function toRepoPath(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join("/");
}

export function isInside(root: string, abs: string): boolean {
  return toRepoPath(root, abs) !== undefined;
}

export function fromRepoPath(root: string, repoPath: string): string {
  return path.join(root, ...repoPath.split("/"));
}

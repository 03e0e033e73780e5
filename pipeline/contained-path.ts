import path from "node:path";

export class OutsideOutputError extends Error {}

/**
 * A relative path inside an output folder, or an error. Every writer (the site, the statements,
 * the note export, image variants) takes its file names through this: whatever a name was made
 * from, nothing it writes can leave its folder (no `..`, no absolute path, no `\`, no NUL, no
 * empty or dot-only segment).
 */
export function containedRel(rel: string): string {
  const parts = rel.split("/");
  const bad =
    rel === "" ||
    rel.includes("\0") ||
    rel.includes("\\") ||
    path.isAbsolute(rel) ||
    parts.some((p, i) => p === "" && i !== parts.length - 1) ||
    parts.some((p) => p === "." || p === "..");
  if (bad) throw new OutsideOutputError(`refusing to write outside the output folder: ${JSON.stringify(rel.slice(0, 200))}`);
  return rel;
}

/** `containedRel`, joined onto `dir` and checked again after resolution. */
export function containedJoin(dir: string, rel: string): string {
  const target = path.resolve(dir, containedRel(rel));
  const back = path.relative(path.resolve(dir), target);
  if (back === "" || back.startsWith("..") || path.isAbsolute(back))
    throw new OutsideOutputError(`refusing to write outside the output folder: ${JSON.stringify(rel.slice(0, 200))}`);
  return target;
}

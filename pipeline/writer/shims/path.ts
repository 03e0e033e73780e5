// node:path for the browser bundle (POSIX only): what the bundled lint rules and the door call.
function normalizeParts(parts: readonly string[], absolute: boolean): string[] {
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === ".") continue;
    if (p !== "..") out.push(p);
    else if (out.length && out[out.length - 1] !== "..") out.pop();
    else if (!absolute) out.push("..");
  }
  return out;
}
export function normalize(p: string): string {
  const absolute = p.startsWith("/");
  const joined = normalizeParts(p.split("/"), absolute).join("/");
  return (absolute ? "/" : "") + joined || (absolute ? "/" : ".");
}
export const join = (...parts: string[]): string => normalize(parts.filter((x) => x !== "").join("/"));
export function resolve(...parts: string[]): string {
  let out = "";
  for (const p of parts) out = p.startsWith("/") ? p : `${out}/${p}`;
  return normalize(out.startsWith("/") ? out : `/${out}`);
}
export function dirname(p: string): string {
  const i = p.replace(/\/+$/, "").lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i);
}
export function basename(p: string, ext?: string): string {
  const base = p.replace(/\/+$/, "").split("/").pop() ?? "";
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}
export function extname(p: string): string {
  const base = basename(p);
  const i = base.lastIndexOf(".");
  return i <= 0 ? "" : base.slice(i);
}
export function relative(from: string, to: string): string {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}
export const isAbsolute = (p: string): boolean => p.startsWith("/");
export const format = (o: { dir?: string; base?: string; name?: string; ext?: string }): string =>
  `${o.dir ? `${o.dir}/` : ""}${o.base ?? `${o.name ?? ""}${o.ext ?? ""}`}`;
export function parse(p: string) {
  const base = basename(p);
  const ext = extname(p);
  return { root: p.startsWith("/") ? "/" : "", dir: dirname(p), base, ext, name: ext ? base.slice(0, -ext.length) : base };
}
export const sep = "/";
export const delimiter = ":";
const api = { normalize, join, resolve, dirname, basename, extname, relative, isAbsolute, format, parse, sep, delimiter };
export const posix: typeof api & { posix?: unknown } = api;
posix.posix = api;
export default posix;

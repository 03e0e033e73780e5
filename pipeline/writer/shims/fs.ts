// node:fs for the browser bundle: a read-only file system holding exactly the data files the
// bundled lint rules read (the city's dictionaries, rule data), mounted by the bundle's entry.
import { Buffer } from "./buffer.ts";

const files = new Map<string, string>();

export function __mount(entries: Record<string, string>): void {
  for (const [p, text] of Object.entries(entries)) files.set(key(p), text);
}
const key = (p: unknown): string => String(p).replace(/\/+/g, "/");
const missing = (p: unknown) => Object.assign(new Error(`ENOENT: no such file or directory, open '${String(p)}'`), { code: "ENOENT" });
const isDir = (p: unknown) => [...files.keys()].some((f) => f.startsWith(`${key(p).replace(/\/$/, "")}/`));

export const existsSync = (p: unknown): boolean => files.has(key(p)) || isDir(p);
export function readFileSync(p: unknown, encoding?: unknown): string | Buffer {
  const text = files.get(key(p));
  if (text === undefined) throw missing(p);
  return encoding ? text : Buffer.from(text, "utf8");
}
export function statSync(p: unknown) {
  const text = files.get(key(p));
  if (text === undefined && !isDir(p)) throw missing(p);
  return { isFile: () => text !== undefined, isDirectory: () => text === undefined, size: text?.length ?? 0 };
}
export function readdirSync(p: unknown): string[] {
  const prefix = `${key(p).replace(/\/$/, "")}/`;
  return [...new Set([...files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split("/")[0] ?? ""))];
}
export const promises = {
  readFile: async (p: unknown, encoding?: unknown) => readFileSync(p, encoding),
  access: async (p: unknown) => {
    if (!existsSync(p)) throw missing(p);
  },
};
export const readFile = promises.readFile;
export const access = promises.access;
export const lstatSync = statSync;
export const realpathSync = (p: string): string => p;
export default { existsSync, readFileSync, statSync, lstatSync, readdirSync, realpathSync, promises, readFile, access };

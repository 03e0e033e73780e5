// Node modules nothing in the browser path calls (createRequire, worker_threads, child_process…):
// importing them is harmless; calling one says so.
const unavailable = (name: string) => (): never => {
  throw new Error(`${name} is not available in the browser`);
};
export const createRequire = unavailable("createRequire");
export const fileURLToPath = (u: unknown): string => String(u).replace(/^file:\/\//, "");
export const pathToFileURL = (p: string): URL => new URL(`file://${p}`);
export const execFile = unavailable("execFile");
export const spawn = unavailable("spawn");
export const Worker = class {};
export const parentPort = undefined;
export const inspect = (v: unknown): string => String(v);
export const promisify = <T>(f: T): T => f;
export const deprecate = <T>(f: T): T => f;
export function inherits(child: { prototype: object }, parent: { prototype: object }): void {
  Object.setPrototypeOf(child.prototype, parent.prototype);
}
export default { createRequire, fileURLToPath, pathToFileURL, execFile, spawn, Worker, parentPort, inspect, promisify, deprecate, inherits };

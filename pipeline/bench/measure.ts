import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Measurement {
  seconds: number;
  /** Peak resident set size in MB (GNU time's %M), when /usr/bin/time is available. */
  peakMB?: number;
  exitCode: number;
}

const GNU_TIME = "/usr/bin/time";
export const hasGnuTime = existsSync(GNU_TIME);

/** Runs a command to completion and measures wall time and peak memory of the whole process tree's main process. */
export function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measurement {
  const dir = mkdtempSync(path.join(tmpdir(), "kawaraban-bench-"));
  const out = path.join(dir, "time.txt");
  const started = process.hrtime.bigint();
  const result = hasGnuTime
    ? spawnSync(GNU_TIME, ["-f", "%e %M", "-o", out, command, ...args], {
        cwd,
        env: { ...process.env, ...env },
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 1 << 28,
      })
    : spawnSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMB: number | undefined;
  if (hasGnuTime && existsSync(out)) {
    const [, kb] = readFileSync(out, "utf8").trim().split(/\s+/).slice(-2);
    peakMB = Math.round(Number(kb) / 1024);
  }
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMB, exitCode: result.status ?? -1 };
}

/** measure(), without blocking this process (a stand-in server it runs must keep answering). */
export async function measureAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  const dir = mkdtempSync(path.join(tmpdir(), "kawaraban-bench-"));
  const out = path.join(dir, "time.txt");
  const started = process.hrtime.bigint();
  const child = hasGnuTime
    ? spawn(GNU_TIME, ["-f", "%e %M", "-o", out, command, ...args], { cwd, env: { ...process.env, ...env }, stdio: "ignore" })
    : spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "ignore" });
  const exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakMB: number | undefined;
  if (hasGnuTime && existsSync(out)) peakMB = Math.round(Number(readFileSync(out, "utf8").trim().split(/\s+/).at(-1)) / 1024);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMB, exitCode };
}

/**
 * The median of `runs` measurements, for commands of a second or two where one run's noise
 * (±0.1 s here) would decide a ratio near its goal. `between` runs before each repetition (e.g.
 * to edit the article again).
 */
export function measureMedian(runs: number, command: string, args: string[], cwd: string, between?: () => void): Measurement {
  const all: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    between?.();
    all.push(measure(command, args, cwd));
  }
  all.sort((a, b) => a.seconds - b.seconds);
  return all[Math.floor(all.length / 2)]!;
}

export const fmtSeconds = (s: number) => (s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(1)} s`);
export const fmtMB = (mb: number | undefined) => (mb === undefined ? "—" : `${mb} MB`);
export const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`;

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ")).join("\n");
}

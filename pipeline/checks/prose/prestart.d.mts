import type { Worker } from "node:worker_threads";

export const WORKER_THRESHOLD: number;
export function poolWorkers(): number;
export function prestartLintWorkers(argv: readonly string[], cwd: string): Worker[];

import type { Worker } from "node:worker_threads";

export function prestartLintWorker(argv: readonly string[], cwd: string): Worker | undefined;

import { parentPort } from "node:worker_threads";
import { textlintFor } from "./textlint.ts";
import { textlintToDiagnostics } from "./textlint-diagnostics.ts";

export interface LintJob {
  id: number;
  root: string;
  path: string;
  absPath: string;
  raw: string;
}

/** A worker thread that owns one textlint instance (rules and tokenizer dictionary loaded once). */
parentPort?.on("message", async (job: LintJob) => {
  try {
    const linter = await textlintFor(job.root);
    const messages = await linter.lint(job.raw, job.absPath);
    parentPort?.postMessage({ id: job.id, diagnostics: textlintToDiagnostics(job.path, job.raw, messages) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: { name: (error as Error).name, message: String((error as Error).message ?? error) } });
  }
});

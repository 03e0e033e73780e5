#!/usr/bin/env node
// Thin launcher: registers tsx so the TypeScript pipeline runs without a build step,
// then hands argv and the process streams to the CLI core.
import { register } from "tsx/esm/api";

// `kawaraban check | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
register();
const argv = process.argv.slice(2);
// Before the pipeline loads: let a worker start loading textlint on the other core.
const { prestartLintWorker } = await import("../pipeline/checks/prose/prestart.ts");
const lintWorker = prestartLintWorker(argv, process.cwd());
const { main } = await import("../pipeline/cli.ts");
process.exitCode = await main(argv, {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  lintWorker,
});

#!/usr/bin/env node
// Thin launcher: loads the pipeline (prebuilt by esbuild when possible, else the TypeScript
// sources through tsx), then hands argv and the process streams to the CLI core.
import { prestartLintWorkers } from "../pipeline/checks/prose/prestart.mjs";
import { pipelineLoader } from "./prebuilt.js";

// `kawaraban check | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const argv = process.argv.slice(2);
// Before the pipeline is even found: let workers start loading textlint on the other cores.
const lintWorkers = prestartLintWorkers(argv, process.cwd());
const load = await pipelineLoader();
const { main } = await load("cli");
process.exitCode = await main(argv, {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  lintWorkers,
});

#!/usr/bin/env node
// Thin launcher: replays an unchanged check, or loads the pipeline (prebuilt by esbuild when
// possible, else the TypeScript sources through tsx) and hands argv and the process streams to
// the CLI core.
import { prestartLintWorkers } from "../pipeline/checks/prose/prestart.mjs";
import { recording, replay, runKey, save } from "../pipeline/run-cache.mjs";
import { prestartSearchIndex } from "../pipeline/site/search-prestart.mjs";
import { codeKey, pipelineLoader } from "./prebuilt.js";

// `kawaraban check | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const argv = process.argv.slice(2);
const run = runKey(argv, { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, codeKey: codeKey() });
const replayed = run && replay(run, process.stdout, process.stderr);
if (replayed !== undefined) {
  process.exitCode = replayed;
} else {
  // Before the pipeline is even found: let workers start loading textlint on the other cores.
  const lintWorkers = prestartLintWorkers(argv, process.cwd());
  // A site build: the previous search index starts loading on a thread at once.
  const searchCache = prestartSearchIndex(argv, process.cwd());
  const load = await pipelineLoader();
  const { main } = await load("cli");
  // Only a check that may be saved keeps a copy of its output (a preview server writes for hours).
  const recorded = run && { out: recording(process.stdout), err: recording(process.stderr) };
  const [stdout, stderr] = recorded ? [recorded.out, recorded.err] : [process.stdout, process.stderr];
  const exitCode = await main(argv, { cwd: process.cwd(), stdout, stderr, env: process.env, lintWorkers, searchCache });
  process.exitCode = exitCode;
  if (run && recorded) save(run, { stdout: recorded.out.text(), stderr: recorded.err.text(), exitCode });
}

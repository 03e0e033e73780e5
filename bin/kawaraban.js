#!/usr/bin/env node
// Thin launcher: registers tsx so the TypeScript pipeline runs without a build step,
// then hands argv and the process streams to the CLI core.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../pipeline/cli.ts");
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

/**
 * A lint worker thread: owns one textlint instance (rules and the tokenizer dictionary load
 * once) and answers jobs with textlint's raw messages; the main thread maps them.
 * Messages: { type: "warm", root } starts loading early; { id, root, absPath, raw } lints.
 */
import { parentPort } from "node:worker_threads";
import { loadTokenizer, textlintFor, warmUp } from "./textlint.mjs";

parentPort?.on("message", async (message) => {
  if (message.type === "warm") {
    warmUp(message.root);
    return;
  }
  try {
    const linter = await textlintFor(message.root);
    // Everything loads before the article's clock starts (the rules, then the tokenizer dictionary):
    // the budget measures this article alone, and a worker is never stopped while it loads modules.
    await loadTokenizer();
    parentPort?.postMessage({ id: message.id, started: true });
    const started = performance.now();
    const messages = await linter.lint(message.raw, message.absPath);
    // This article's own time, measured where it runs: the main thread's queue never counts.
    const elapsedMs = performance.now() - started;
    // Plain objects only: rule-specific `data` may not survive structured cloning.
    parentPort?.postMessage({
      id: message.id,
      elapsedMs,
      messages: messages.map(({ ruleId, message: text, line, column, index, range, loc, severity, fix, suggestions }) => ({
        ruleId,
        message: text,
        line,
        column,
        index,
        range,
        loc,
        severity,
        fix,
        suggestions,
        type: "lint",
      })),
    });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    parentPort?.postMessage({ id: message.id, error: { name: failure.name, message: failure.message } });
  }
});

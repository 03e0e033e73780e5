import { describe, expect, it } from "vitest";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { poolWorkers, prestartLintWorkers } from "../../pipeline/checks/prose/prestart.mjs";

describe("the launcher's prestarted lint workers", () => {
  it("starts the whole pool for a whole repository of many articles, one worker for a few files, none with a cache", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "kawaraban-prestart-"));
    await writeFile(path.join(root, "kawaraban.config.yml"), "");
    await mkdir(path.join(root, "articles"), { recursive: true });
    for (let i = 0; i < 30; i++) await writeFile(path.join(root, "articles", `a${i}.md`), "");
    const count = (...argv: string[]) => {
      const workers = prestartLintWorkers(argv, root);
      for (const w of workers) void w.terminate();
      return workers.length;
    };
    // An option's value (「--format json」) is not a path: this is still the whole repository.
    expect(count("check", "--format", "json")).toBe(poolWorkers());
    expect(count("check", "--no-cache", "--format=json")).toBe(poolWorkers());
    expect(count("check", "articles/a1.md")).toBe(1);
    expect(count("check", "--changed-since", "main")).toBe(1);
    expect(count("check", "--help")).toBe(0);
    expect(count("build")).toBe(0);
    await mkdir(path.join(root, ".cache", "kawaraban", "prose"), { recursive: true });
    expect(count("check", "--format", "json")).toBe(0);
    expect(count("check", "--no-cache", "--format", "json")).toBe(poolWorkers());
  }, 60_000);
});

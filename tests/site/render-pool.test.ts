import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../pipeline/bench/corpus.ts";
import { renderAll } from "../../pipeline/site/render-pool.ts";
import { renderer, type Rendered } from "../../pipeline/site/render.ts";

const settings = { basePath: "/site/", images: [] };
const jobs = generateCorpus(60, 7).map((a) => ({ source: a.path, raw: a.text }));

async function renderWith(threads: number): Promise<{ results: Rendered[]; order: number[] }> {
  const results: Rendered[] = [];
  const order: number[] = [];
  await renderAll(
    jobs,
    settings,
    (i, r) => {
      results[i] = r;
      order.push(i);
    },
    { threads, threshold: 1 },
  );
  return { results, order };
}

describe("rendering articles on several threads", () => {
  it("gives exactly what the main thread alone gives, for every article, each once", async () => {
    const render = renderer(settings);
    const expected = jobs.map(render);
    const single = await renderWith(1);
    const shared = await renderWith(3); // the main thread and two workers
    expect(single.results).toEqual(expected);
    expect(shared.results).toEqual(expected);
    expect([...shared.order].sort((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    const first = expected[0]!;
    if (first.error !== undefined) throw new Error(first.error);
    expect(first.body).toContain("<h2>");
    expect(first.stats.characters).toBeGreaterThan(100);
  });

  it("reports a worker that cannot start instead of hanging", async () => {
    const bad = { ...settings, images: [{ source: "x", width: 1, height: 1, variants: { avif: [], webp: [], jpeg: [] }, fn: () => 1 }] } as never;
    await expect(renderAll(jobs, bad, () => undefined, { threads: 2, threshold: 1 })).rejects.toThrow();
  });
});

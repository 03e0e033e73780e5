import { prepareFor, renderer, type Rendered, type RenderJob, type RenderSettings } from "./render.ts";
import { share, SiteThreads, type SiteThreadOptions } from "./site-threads.ts";

export type RenderPoolOptions = SiteThreadOptions;

/**
 * Renders every job, calling `done` as each result arrives (so pages are written while others
 * render). Parsing Markdown with micromark is CPU-bound and synchronous; on the 2-core runners
 * the main thread and one helper share a large build, taking batches from one queue. A build
 * passes the helpers it started for admission (`threads`); without them they start here.
 */
export async function renderAll(
  jobs: readonly RenderJob[],
  settings: RenderSettings,
  done: (index: number, result: Rendered) => void,
  options: RenderPoolOptions = {},
  threads?: SiteThreads,
): Promise<void> {
  const own = threads ? undefined : new SiteThreads(options);
  try {
    const helpers = (threads ?? own!).for(jobs.length);
    for (const helper of helpers) helper.postMessage({ kind: "render-settings", settings });
    const render = renderer(settings);
    await prepareFor(jobs);
    await share(
      jobs,
      helpers,
      (items) => ({ kind: "render", items }),
      (batch) => batch.map(render),
      done,
    );
  } finally {
    await own?.close();
  }
}

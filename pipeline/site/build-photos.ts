import path from "node:path";
import type { Config } from "../article/config.ts";
import type { Snapshot } from "../source/snapshot.ts";
import { checkImages, listAssets, photoNameProblems } from "../images/stage.ts";
import { imageLimits } from "../images/limits.ts";
import { writeVariants, type ImageVariants } from "../images/variants.ts";
import { CACHE_DIR } from "../cache-dir.ts";
import type { SiteOutput } from "./output.ts";
import type { SiteContext } from "./model.ts";

export type Skipped = { path: string; reason: string; scheduled?: boolean };

export interface SitePhotos {
  /** The context with the logo's site path, when the logo is usable. */
  ctx: SiteContext;
  manifest: ImageVariants[];
  images: Map<string, ImageVariants>;
}

/**
 * Every photo's variants, written into the output (made once per photo, kept in the cache), and
 * the logo. A photo that cannot be used is reported in `skipped`; its articles show without it.
 */
export async function sitePhotos(
  tree: Snapshot,
  root: string,
  config: Config,
  siteCtx: SiteContext,
  output: SiteOutput,
  skipped: Skipped[],
): Promise<SitePhotos> {
  const limits = imageLimits(config);
  const assets = await listAssets(tree);
  // A photo whose name no file system takes never gets variants: its articles show without it.
  const unnamable = new Set(
    photoNameProblems(assets, assets)
      .filter((d) => d.severity === "error")
      .map((d) => d.path),
  );
  for (const p of unnamable) skipped.push({ path: p, reason: "ファイル名が使えないため、サイトに載せません" });
  const inspected = await checkImages(
    { snapshot: tree, limits },
    assets.filter((a) => !unnamable.has(a)),
    new Map(),
  );
  const variants = await writeVariants(
    tree,
    inspected.usable.map((u) => u.info),
    output,
    path.join(root, CACHE_DIR, "images", "variants"),
    limits.maxBytes,
  );
  for (const f of variants.failed)
    skipped.push({ path: f.source, reason: `サイト用の画像を作れなかったため、この写真は載せません（${f.error.slice(0, 120)}）` });
  const manifest = variants.plans;

  let ctx = siteCtx;
  const logo = config.site.logo;
  const logoImage = logo ? inspected.usable.find((u) => u.info.path === logo) : undefined;
  if (logo && logoImage) {
    ctx = { ...ctx, logo: `assets/logo${path.extname(logo).toLowerCase()}` };
    output.copy(ctx.logo!, path.join(root, logo), logoImage.info.hash);
  } else if (logo) {
    skipped.push({ path: logo, reason: "ロゴの画像が見つからないか、使えない画像のため表示しません" });
  }
  return { ctx, manifest, images: new Map(manifest.map((m) => [m.source, m])) };
}

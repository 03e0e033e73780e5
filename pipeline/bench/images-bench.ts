import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { cp, mkdir, readFile, writeFile, symlink } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { inspectImage } from "../images/inspect.ts";
import { fixImage } from "../images/fix.ts";
import { DEFAULT_IMAGE_LIMITS } from "../images/limits.ts";
import { ssim } from "./ssim.ts";
import { measure, fmtMB, fmtSeconds, table } from "./measure.ts";
import { formatBytes } from "../source/decode.ts";
import { LINT_CONFIG_FILES } from "../checks/prose/textlint-config.mjs";

/** Debian packages whose wallpapers are real photographs (fetched here, never committed). */
const PACKAGES = ["mate-backgrounds", "lomiri-wallpapers-20.04", "ukui-wallpapers"];

function fetchPhotos(dir: string): string[] {
  const debs = path.join(dir, "debs");
  const root = path.join(dir, "root");
  if (!existsSync(root)) {
    mkdirSync(debs, { recursive: true });
    for (const p of PACKAGES) execFileSync("apt-get", ["download", p], { cwd: debs, stdio: "ignore" });
    for (const deb of readdirSync(debs)) execFileSync("dpkg-deb", ["-x", path.join(debs, deb), root]);
  }
  const found = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.jpe?g$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
  // Textures and the same photo at other sizes are not separate photographs.
  return found.filter((f) => !/GreenTraditional|Elephants_3840/.test(f)).sort();
}

/**
 * calibreapp/image-actions' defaults, applied with sharp as its source does: JPEG 85 4:4:4
 * non-progressive without mozjpeg; the original kept unless it saves ≥ 5 % and ≥ 1 KB.
 */
async function imageActions(input: Buffer): Promise<Buffer> {
  const out = await sharp(input).jpeg({ quality: 85, chromaSubsampling: "4:4:4", progressive: false, mozjpeg: false }).toBuffer();
  const saved = input.length - out.length;
  return saved >= 1024 && saved / input.length >= 0.05 ? out : input;
}

export async function imagesBench(repoRoot: string, workDir: string): Promise<string> {
  const dir = path.join(workDir, "images");
  const photos = fetchPhotos(dir);
  const noResize = { ...DEFAULT_IMAGE_LIMITS, maxLongEdge: 100_000, maxPixels: 120_000_000, maxBytes: 200 * 1024 * 1024 };
  let original = 0,
    ours = 0,
    oursResized = 0,
    theirs = 0,
    ssimOurs = 0,
    ssimTheirs = 0,
    megapixels = 0,
    tOurs = 0,
    tTheirs = 0;
  for (const file of photos) {
    const input = await readFile(file);
    const { info } = await inspectImage("assets/x.jpg", input, noResize);
    megapixels += ((info.width ?? 0) * (info.height ?? 0)) / 1e6;
    let t = performance.now();
    const fixed = (await fixImage(input, info, noResize)).output ?? input;
    tOurs += performance.now() - t;
    t = performance.now();
    const actions = await imageActions(input);
    tTheirs += performance.now() - t;
    const resized = (await fixImage(input, info, DEFAULT_IMAGE_LIMITS)).output ?? input;
    original += input.length;
    ours += fixed.length;
    oursResized += resized.length;
    theirs += actions.length;
    ssimOurs += await ssim(input, fixed);
    ssimTheirs += await ssim(input, actions);
  }
  const n = photos.length;

  // Peak memory for one 100-megapixel photo through `kawaraban images --fix` (limits raised for it).
  const repo = path.join(dir, "repo-100mp");
  rmSync(repo, { recursive: true, force: true });
  await mkdir(path.join(repo, "assets"), { recursive: true });
  for (const f of [...LINT_CONFIG_FILES, "package.json"]) await cp(path.join(repoRoot, f), path.join(repo, f));
  await symlink(path.join(repoRoot, "node_modules"), path.join(repo, "node_modules"));
  const config = await readFile(path.join(repoRoot, "kawaraban.config.yml"), "utf8");
  await writeFile(path.join(repo, "kawaraban.config.yml"), `${config}\nimages:\n  maxPixels: 120000000\n  maxBytes: 209715200\n`);
  const big = photos.find((p) => /Elephants_5640/.test(p)) ?? photos[0]!;
  await sharp(await readFile(big))
    .resize({ width: 13334, height: 7500, fit: "fill" })
    .jpeg({ quality: 92 })
    .toFile(path.join(repo, "assets/huge.jpg"));
  const huge = measure(process.execPath, [path.join(repoRoot, "bin/kawaraban.js"), "images", "--fix"], repo);

  const pct = (a: number) => `${((1 - a / original) * 100).toFixed(1)} %`;
  const rows = [
    ["", "total bytes", "saved", "mean SSIM (luma)", "time / MP"],
    ["originals", formatBytes(original), "", "1.0000", ""],
    ["kawaraban images --fix (same size)", formatBytes(ours), pct(ours), (ssimOurs / n).toFixed(4), `${(tOurs / megapixels).toFixed(0)} ms`],
    ["image-actions defaults", formatBytes(theirs), pct(theirs), (ssimTheirs / n).toFixed(4), `${(tTheirs / megapixels).toFixed(0)} ms`],
    ["kawaraban images --fix (default, ≤ 2400 px)", formatBytes(oursResized), pct(oursResized), "(resized)", ""],
  ];
  return (
    `Images: ${n} photographs from Debian's ${PACKAGES.join(", ")} (${megapixels.toFixed(0)} MP in all)\n${table(rows)}\n` +
    `100 MP photo (13334×7500) through images --fix: ${fmtSeconds(huge.seconds)}, peak RSS ${fmtMB(huge.peakMB)} (goal < 1 GB), exit ${huge.exitCode}`
  );
}

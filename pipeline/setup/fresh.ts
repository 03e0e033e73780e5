import { readFile, readdir, rm, rmdir, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parseDocument, type Document } from "yaml";
import { CONFIG_FILE, parseConfig, type Config } from "../article/config.ts";
import { item, type CheckItem } from "./checklist.ts";
import { SAMPLE_CONTENT, SAMPLE_DIR, sampleConfig, sampleFiles } from "./template.ts";

/** What a city tells `setup --fresh` (flags, or answers to its questions). */
export interface CityFacts {
  siteTitle: string;
  baseUrl: string;
  payer: string;
  /** At least one way to reach the city: a phone number, an e-mail address or a form's URL. */
  contact: { organization?: string; phone?: string; email?: string; form?: string };
  cityStaff: string[];
  editors: string[];
}

/**
 * A repository made from the template, made the city's: the sample articles, photos and briefs
 * that are still the template's are removed (ones the city already edited are kept and named),
 * the sample writers and staff leave the config, and the city's name, site URL, payer, contact and
 * GitHub users take their places — comments and everything else in the config stay as they are.
 */
export async function freshStart(root: string, facts: CityFacts, sampleDir = SAMPLE_DIR): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  const removed: string[] = [];
  const kept: string[] = [];
  for (const [file, bytes] of await sampleFiles(sampleDir)) {
    const mine = await readFile(path.join(root, file)).catch(() => undefined);
    if (!mine) continue;
    if (mine.equals(bytes)) {
      await rm(path.join(root, file));
      removed.push(file);
    } else kept.push(file);
  }
  for (const dir of SAMPLE_CONTENT) await pruneEmpty(path.join(root, dir));
  for (const dir of ["articles", "assets"]) {
    await mkdir(path.join(root, dir), { recursive: true });
    if ((await readdir(path.join(root, dir))).length === 0) await writeFile(path.join(root, dir, ".gitkeep"), "");
  }
  items.push(
    item(
      "samples",
      "ok",
      "見本の記事・写真・依頼",
      `${removed.length} 件を消しました。${kept.length ? `書き換えてあった ${kept.length} 件は残しました（${kept.slice(0, 3).join("、")}）。` : ""}`,
    ),
  );
  const configFile = path.join(root, CONFIG_FILE);
  const doc = parseDocument(await readFile(configFile, "utf8"));
  const dropped = cityConfig(doc, facts, await sampleConfig(sampleDir));
  const text = doc.toString();
  const parsed = parseConfig(text);
  if (!parsed.ok) throw new Error(`書き直した設定が読めません: ${parsed.diagnostics[0]?.message ?? ""}`);
  await writeFile(configFile, text);
  items.push(
    item(
      "config",
      "ok",
      "設定ファイル kawaraban.config.yml",
      `市の名前・URL・支払者・連絡先・GitHub のユーザーを書きました。${dropped.length ? `見本のライター（${dropped.join("、")}）を消しました。` : ""}`,
    ),
  );
  return items;
}

/** Writes the city's facts into the config document; returns the sample writers it removed. */
function cityConfig(doc: Document, facts: CityFacts, sample: Config | undefined): string[] {
  doc.setIn(["site", "title"], facts.siteTitle);
  doc.setIn(["site", "baseUrl"], facts.baseUrl);
  if (sample?.site.description && doc.getIn(["site", "description"]) === sample.site.description) doc.deleteIn(["site", "description"]);
  doc.setIn(["payer", "name"], facts.payer);
  for (const key of ["address", "contact"] as const) if (sample?.payer[key] && doc.getIn(["payer", key]) === sample.payer[key]) doc.deleteIn(["payer", key]);
  const contact = Object.fromEntries(Object.entries(facts.contact).filter(([, v]) => v));
  doc.setIn(["pages", "contact"], doc.createNode(contact));
  doc.setIn(["github", "cityStaff"], doc.createNode(facts.cityStaff, { flow: true }));
  doc.setIn(["github", "editors"], doc.createNode(facts.editors, { flow: true }));
  const dropped: string[] = [];
  for (const [handle, w] of Object.entries(sample?.writers ?? {})) {
    if (doc.getIn(["writers", handle, "invoiceName"]) !== w.invoiceName) continue;
    doc.deleteIn(["writers", handle]);
    dropped.push(handle);
  }
  if (!doc.get("writers") || (doc.get("writers") as { items?: unknown[] }).items?.length === 0) doc.set("writers", doc.createNode({}));
  return dropped;
}

async function pruneEmpty(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return;
  for (const e of entries) if (e.isDirectory()) await pruneEmpty(path.join(dir, e.name));
  if ((await readdir(dir)).length === 0) await rmdir(dir).catch(() => {});
}

import { containedRel } from "../contained-path.ts";
import { longComponent, MAX_NAME_BYTES } from "../source/names.ts";
import { createHash } from "node:crypto";
import {
  constants,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/** What the output folder is known to hold, file by file: a content key, and size and mtime to notice hand edits. */
type FileState = { key: string; size: number; mtimeMs: number; from?: string };
type Tree = Record<string, FileState>;
interface State {
  live: Tree;
  spare: Tree;
  /** Both folders are free of temporary names left by kawaraban before 2026-12 (see sweepTemporaries). */
  swept?: true;
}
const TEMPORARY = ".kawaraban-tmp";

const contentKey = (content: string | Uint8Array) => createHash("sha1").update(content).digest("base64url");

/** A name no file system takes (a component over 255 bytes): refused for that one file, never the build. */
export class UnwritableName extends Error {}

function writable(rel: string): string {
  containedRel(rel);
  const long = longComponent(rel);
  if (long !== undefined)
    throw new UnwritableName(`名前が長すぎて書き出せません（${Buffer.byteLength(long)} バイト、上限 ${MAX_NAME_BYTES} バイト）: ${long.slice(0, 40)}…`);
  return rel;
}

/**
 * The site folder, replaced atomically: a build writes into a separate folder and swaps it in,
 * so a failed build never leaves a half-written site.
 *
 * The folder swapped out is not deleted: it is kept next to the output (`.dist.previous` for
 * `dist`) and becomes the working folder of the next build, which rewrites only the files
 * whose content differs from what it holds. Deleting and recreating thousands of small files
 * was most of an incremental build (0.5 s of removal alone for 4,000 articles). A state file
 * records each file's content key, size and mtime, so a file edited or removed by hand is
 * noticed and written again; without it, the build starts from an empty folder.
 */
export class SiteOutput {
  private readonly produced: Tree = {};
  private readonly folders = new Set<string>();

  private constructor(
    readonly out: string,
    /** The folder being written: the spare (reused) or a new empty one. */
    private readonly work: string,
    /** What `work` holds already (empty for a new folder). */
    private readonly prior: Tree,
    /** What `out` holds, when known: a new folder links unchanged files from it. */
    private readonly live: Tree | undefined,
    private readonly stateFile: string | undefined,
    private readonly spare: string,
  ) {}

  /** `stateFile` undefined: no reuse (preview), every build starts empty and nothing is kept. */
  static async begin(out: string, stateFile: string | undefined): Promise<SiteOutput> {
    const spare = path.join(path.dirname(out), `.${path.basename(out)}.previous`);
    if (stateFile) {
      await mkdir(path.dirname(stateFile), { recursive: true });
      // Another build of the same folder is running: build privately and keep nothing.
      if (!lock(`${stateFile}.lock`)) stateFile = undefined;
    }
    const state = stateFile ? readState(stateFile) : undefined;
    if (state && !state.swept) for (const folder of [out, spare]) sweepTemporaries(folder);
    if (stateFile && state && lstatSync(spare, { throwIfNoEntry: false })?.isDirectory()) {
      return new SiteOutput(out, spare, state.spare, state.live, stateFile, spare);
    }
    if (stateFile) await rm(spare, { recursive: true, force: true });
    const work = `${out}.building-${process.pid}`;
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    return new SiteOutput(out, work, {}, state?.live, stateFile, spare);
  }

  /** Writes `rel` unless the working folder already holds exactly this content. `from`: see `has`. */
  put(rel: string, content: string | Uint8Array, from?: string): void {
    writable(rel);
    const key = contentKey(content);
    if (this.keep(rel, (known) => known.key === key, from)) return;
    this.replace(rel, key, from, (target) => writeFileSync(target, content));
  }

  /** Copies a file (a cached image variant) unless it is already there; `key` names its content. */
  copy(rel: string, from: string, key: string): void {
    writable(rel);
    if (this.keep(rel, (known) => known.key === key)) return;
    this.replace(rel, key, undefined, (target) => copyFileSync(from, target, constants.COPYFILE_FICLONE));
  }

  /**
   * Keeps `rel` when it was made from the same inputs (`from`, e.g. an article page's key) and
   * is unchanged on disk: the caller then need not even produce it.
   */
  has(rel: string, from: string): boolean {
    return this.keep(rel, (known) => known.from === from, from);
  }

  /** Finishes the writes, removes what this build no longer has, and swaps the folder in. */
  async commit(): Promise<void> {
    for (const rel of Object.keys(this.prior)) {
      if (!(rel in this.produced)) removeWithEmptyParents(this.work, rel);
    }
    const swapped = `${this.out}.old-${process.pid}`;
    const hadOut = await rename(this.out, swapped).then(
      () => true,
      () => false,
    );
    await rename(this.work, this.out);
    // The folder just replaced becomes the next build's working folder, when its content is known.
    const keepSpare = hadOut && this.stateFile !== undefined && this.live !== undefined;
    if (keepSpare) await rename(swapped, this.spare);
    else if (hadOut) await rm(swapped, { recursive: true, force: true });
    if (this.stateFile) {
      if (!keepSpare) await rm(this.spare, { recursive: true, force: true });
      writeFileSync(this.stateFile, JSON.stringify({ live: this.produced, spare: keepSpare ? this.live! : {}, swept: true } satisfies State));
      rmSync(`${this.stateFile}.lock`, { force: true });
    }
  }

  /**
   * A failed build: the live site is untouched. The working folder is removed, the spare one
   * too: it may now hold files the state does not list, which a later build would publish.
   */
  async abandon(): Promise<void> {
    await rm(this.work, { recursive: true, force: true });
    if (this.stateFile) {
      if (this.work === this.spare) writeFileSync(this.stateFile, JSON.stringify({ live: this.live ?? {}, spare: {}, swept: true } satisfies State));
      rmSync(`${this.stateFile}.lock`, { force: true });
    }
  }

  /**
   * True when `rel` can stay as it is: the working folder holds it unchanged since it was
   * recorded (size and mtime, as git's index checks), or the live site does and it is
   * hard-linked from there (a new folder, or a page the spare has in an older version).
   */
  private keep(rel: string, same: (known: FileState) => boolean, from?: string): boolean {
    const use = (known: FileState) => {
      this.produced[rel] = from === undefined ? known : { ...known, from };
      return true;
    };
    const held = this.prior[rel];
    if (held && same(held) && unchanged(path.join(this.work, rel), held)) return use(held);
    const live = this.live?.[rel];
    return live !== undefined && same(live) && this.linkFromLive(rel, live) && use(live);
  }

  /** Hard-links the live file into place, if it is still the one recorded (checked on the new link: one lstat). */
  private linkFromLive(rel: string, live: FileState): boolean {
    // The spare folder may hold this very file already (a link made by an earlier build): then
    // there is nothing to link. Linking it again and renaming would leave the temporary name
    // behind, since rename() does nothing when both names are links of one file.
    if (this.work === this.spare && sameFile(path.join(this.work, rel), path.join(this.out, rel))) return unchanged(path.join(this.work, rel), live);
    return this.place(rel, (at) => {
      try {
        linkSync(path.join(this.out, rel), at);
      } catch {
        return false;
      }
      if (unchanged(at, live)) return true;
      unlinkSync(at);
      return false;
    });
  }

  /**
   * Synchronous: a page is a few kilobytes, and handing each open, write and close to the
   * thread pool cost more CPU (150,000 futex calls for 4,000 pages) than the writes themselves,
   * on the cores the render threads need.
   */
  private replace(rel: string, key: string, from: string | undefined, write: (at: string) => void): void {
    this.place(rel, (at) => {
      write(at);
      return true;
    });
    const s = statSync(path.join(this.work, rel));
    this.produced[rel] = { key, size: s.size, mtimeMs: s.mtimeMs, ...(from !== undefined && { from }) };
  }

  /**
   * Puts a file at `rel` through `make(at)`: directly in a new folder; in the spare one through
   * a new file renamed into place, never into the existing one, because files of the two
   * folders may be hard links of each other and the live one must not change. `make` returning
   * false leaves nothing behind.
   */
  private place(rel: string, make: (at: string) => boolean): boolean {
    this.folder(rel);
    const target = path.join(this.work, rel);
    if (this.work !== this.spare) return make(target);
    const at = `${target}${TEMPORARY}`;
    // A name left by a build that stopped may be a link of a live file: writing through it would
    // change the live site.
    rmSync(at, { force: true });
    if (!make(at)) return false;
    renameSync(at, target);
    return true;
  }

  /**
   * Makes the file's folder, synchronously and parents first: thousands of article folders
   * through the promise API's recursive mkdir kept the main thread busy for 0.7 s.
   */
  private folder(rel: string): void {
    const make = (dir: string): void => {
      if (dir === "." || this.folders.has(dir)) return;
      make(path.dirname(dir));
      try {
        mkdirSync(path.join(this.work, dir));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      this.folders.add(dir);
    };
    make(path.dirname(rel));
  }
}

/**
 * Earlier versions left a temporary name next to a page that was a link of the live file
 * already, and those names were published with the site. Removed once, on the first build
 * that finds a state without `swept`.
 */
function sweepTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: "utf8" });
  } catch {
    return; // no such folder yet
  }
  for (const name of names) if (name.endsWith(TEMPORARY)) rmSync(path.join(folder, name), { force: true });
}

function sameFile(a: string, b: string): boolean {
  const one = lstatSync(a, { throwIfNoEntry: false });
  const other = one && lstatSync(b, { throwIfNoEntry: false });
  return one !== undefined && other !== undefined && one.ino === other.ino && one.dev === other.dev;
}

function unchanged(file: string, known: FileState): boolean {
  const now = lstatSync(file, { throwIfNoEntry: false });
  return now?.isFile() === true && now.size === known.size && now.mtimeMs === known.mtimeMs;
}

function readState(file: string): State | undefined {
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as State;
    return state && typeof state.live === "object" && typeof state.spare === "object" ? state : undefined;
  } catch {
    return undefined;
  }
}

function removeWithEmptyParents(root: string, rel: string): void {
  try {
    unlinkSync(path.join(root, rel));
  } catch {
    return;
  }
  for (let dir = path.dirname(rel); dir !== "."; dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(root, dir));
    } catch {
      return; // not empty
    }
  }
}

/** One build at a time reuses the spare folder; a lock left by a process that died is taken over. */
function lock(file: string): boolean {
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch {
    const holder = Number(readFileSync(file, "utf8"));
    try {
      // Our own (a build of this process that failed part-way) is ours to take over.
      if (!holder || holder === process.pid) throw new Error("stale");
      process.kill(holder, 0);
      return false;
    } catch {
      writeFileSync(file, String(process.pid));
      return true;
    }
  }
}

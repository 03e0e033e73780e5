import type { Config } from "../article/config.ts";
import type { Io } from "../cli-io.ts";
import type { BuildResult } from "../site/build.ts";
import type { Records } from "./records.ts";

/** What a channel is handed: the built site (its items are admitted articles only) and its records. */
export interface DeliveryContext {
  io: Io;
  config: Config;
  site: BuildResult;
  /** Where the site was built: `--out` for pages, a throw-away folder otherwise. */
  siteDir: string;
  basePath: string;
  /** `--out` as given, resolved. */
  out: string;
  records: Records;
  now: () => Date;
}

/**
 * A place articles are delivered to. Adding one is a file here and a line in the registry:
 * `publish` knows nothing of any channel's details.
 */
export interface Channel {
  name: string;
  /** pages publishes the folder it builds; others build into a throw-away folder. */
  buildsIntoOut: boolean;
  /** Delivers, updates `records` in place, returns the exit code. */
  deliver(ctx: DeliveryContext): Promise<number>;
}

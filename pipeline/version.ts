import { readFileSync } from "node:fs";

/** kawaraban's own version, for SARIF and cache keys. */
export const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

import { readFileSync } from "node:fs";
import { PACKAGE_URL } from "./self.ts";

/** kawaraban's own version, for SARIF and cache keys. */
export const VERSION: string = JSON.parse(readFileSync(new URL("package.json", PACKAGE_URL), "utf8")).version;

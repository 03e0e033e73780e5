/** Where kawaraban keeps its caches (gitignored). */
export const CACHE_DIR = ".cache/kawaraban";

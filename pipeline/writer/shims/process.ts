// The `process` global the bundled rules read: no environment but where the tokenizer's
// dictionary is served (kuromojin reads KUROMOJIN_DIC_PATH before anything else).
declare const KAWARABAN_DICT_URL: string;
export const process = {
  env: { KUROMOJIN_DIC_PATH: KAWARABAN_DICT_URL } as Record<string, string | undefined>,
  cwd: () => "/repo",
  platform: "browser",
  version: "v20.0.0",
  versions: {} as Record<string, string>,
  argv: [] as string[],
  nextTick: (fn: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  emitWarning: () => undefined,
};

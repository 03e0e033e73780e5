// The two kuromoji 0.1.2 internals fast-dictionary.mjs replaces (kuromoji ships no types).
declare module "kuromoji/src/loader/NodeDictionaryLoader.js" {
  const NodeDictionaryLoader: {
    prototype: {
      loadArrayBuffer(file: string, callback: (error: Error | null, buffer?: ArrayBuffer) => void): void;
      [installed: symbol]: boolean;
    };
  };
  export = NodeDictionaryLoader;
}

declare module "kuromoji/src/dict/TokenInfoDictionary.js" {
  const TokenInfoDictionary: {
    prototype: { target_map: Record<string, number[]>; loadTargetMap(bytes: Uint8Array): unknown };
  };
  export = TokenInfoDictionary;
}

declare module "doublearray" {
  const doublearray: { builder(initialSize?: number): { build(keys: { k: string; v: number }[]): object } };
  export = doublearray;
}

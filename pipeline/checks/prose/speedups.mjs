/**
 * Installs the faster equivalents of the tokenizer's and the rules' internals (fast-*.mjs) into
 * this thread, before any rule loads or asks for the tokenizer: the dictionary then loads in a
 * third of the time, each sentence is tokenized in time proportional to its length and split
 * once, and the city's dictionaries and proper-noun list are built once. KAWARABAN_STOCK_TOKENIZER=1 keeps the
 * packages' own code (the differential tests compare both). Idempotent.
 */
import { installFastAllowlist } from "./fast-allowlist.mjs";
import { installFastDictionary } from "./fast-dictionary.mjs";
import { installFastPrh } from "./fast-prh.mjs";
import { installFastSplitter } from "./fast-splitter.mjs";
import { installFastTokenizer } from "./fast-tokenizer.mjs";

export function installSpeedups() {
  if (process.env.KAWARABAN_STOCK_TOKENIZER === "1") return;
  installFastDictionary();
  installFastTokenizer();
  installFastSplitter();
  installFastPrh();
  installFastAllowlist();
}

import { createHash } from "node:crypto";

/** sha256 of several parts, each ended by NUL so ("ab","c") and ("a","bc") differ. */
export const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
};

/** sha256 of one buffer as is (image bytes: the key of every derived image). */
export const sha256Bytes = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// node:buffer for the browser bundle: the `buffer` package (Node's API in JavaScript), plus
// `isUtf8`, which the door uses to refuse text that is not UTF-8.
import { Buffer } from "buffer/index.js";

export { Buffer };
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

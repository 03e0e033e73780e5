// node:assert for the browser bundle: the checks some rules make on their own inputs.
function fail(message?: string): never {
  throw new Error(message ?? "Assertion failed");
}
function assert(value: unknown, message?: string): asserts value {
  if (!value) fail(message);
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
export const ok = assert;
// Node's loose equality, as the rules expect of assert.equal.
// biome-ignore lint/suspicious/noDoubleEquals: the semantics of node:assert.equal
export const equal = (a: unknown, b: unknown, m?: string) => assert(a == b, m);
export const strictEqual = (a: unknown, b: unknown, m?: string) => assert(a === b, m);
// biome-ignore lint/suspicious/noDoubleEquals: the semantics of node:assert.notEqual
export const notEqual = (a: unknown, b: unknown, m?: string) => assert(a != b, m);
export const deepEqual = (a: unknown, b: unknown, m?: string) => assert(same(a, b), m);
export const deepStrictEqual = deepEqual;
export { fail };
export default Object.assign(assert, { ok, equal, strictEqual, notEqual, deepEqual, deepStrictEqual, fail });

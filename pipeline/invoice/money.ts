/**
 * Exact money: amounts are integer yen, rates are fractions (10.21 % = 1021/10000), and
 * every product is computed in BigInt, then truncated toward zero (端数切り捨て) once.
 * Never a float, never a division by 1.1.
 */
export interface Rate {
  numerator: bigint;
  denominator: bigint;
}

/** "10%", "10.21%" → 1021/10000. */
export function parsePercent(text: string): Rate {
  const match = /^(\d+)(?:\.(\d+))?%$/.exec(text);
  if (!match) throw new Error(`not a percentage: ${text}`);
  const decimals = match[2] ?? "";
  return { numerator: BigInt(`${match[1]}${decimals}`), denominator: 100n * 10n ** BigInt(decimals.length) };
}

/** "2.5" → 25/10 (yen per unit). */
export function parseDecimal(text: string): Rate {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const decimals = match[2] ?? "";
  return { numerator: BigInt(`${match[1]}${decimals}`), denominator: 10n ** BigInt(decimals.length) };
}

/** amount × rate, truncated toward zero. */
export function applyRate(amount: number, rate: Rate): number {
  if (!Number.isSafeInteger(amount)) throw new Error(`not a whole yen amount: ${amount}`);
  return Number((BigInt(amount) * rate.numerator) / rate.denominator);
}

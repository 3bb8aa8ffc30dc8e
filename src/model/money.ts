// Money // 金额: integer fen (0.01 yuan) everywhere inside; 万元 with exact digits at the edges.
// One home for formatting and for reading the API's own Decimal text, used by parse, load, query
// and api alike (the documents' printed amounts, with their repairs, are read in src/parse/amount.ts).

/** Fen in one 万元. */
export const FEN_PER_WAN = 1_000_000n;

/** Formats fen as 万元 with at least two decimals and no trailing noise: 1234500000n → "1234.50". */
export function formatWan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / FEN_PER_WAN;
  let frac = (abs % FEN_PER_WAN).toString().padStart(6, '0').replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/**
 * Half a unit of the last decimal an amount was printed with, in fen (12.5 万元 → 0.05 万元,
 * 3.21 → 0.005): how far the unrounded value behind a printed amount can lie from it.
 */
export function halfUnitOfPrinted(fen: bigint): bigint {
  const abs = fen < 0n ? -fen : fen;
  for (let d = 0; d < 6; d++) if (abs % 10n ** BigInt(6 - d) === 0n) return 10n ** BigInt(6 - d) / 2n;
  return 0n;
}

/**
 * The API's Decimal input ("1590.00", "-0.5", at most six decimals) as fen; null for anything
 * else. Strict on purpose: no thousands separators, no full-width digits, no repairs.
 */
export function parseDecimalWan(text: string): bigint | null {
  const [, minus, whole, decimals] = /^(-)?(\d{1,13})(?:\.(\d{1,6}))?$/.exec(text.trim()) ?? [];
  if (whole === undefined) return null;
  const fen = BigInt(whole) * FEN_PER_WAN + BigInt((decimals ?? '').padEnd(6, '0'));
  return minus ? -fen : fen;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/parse/amount.js';
import { formatWan } from '../../src/model/money.js';

describe('amounts in 万元 become exact fen', () => {
  it.each([
    ['6,928', 6_928_000_000n, null],
    ['1,321.38', 1_321_380_000n, null],
    ['298.644346', 298_644_346n, null],
    ['492. 42', 492_420_000n, 'removed spaces inside the number'],
    ['36, 202. 77', 36_202_770_000n, 'removed spaces inside the number'],
    ['5,314,40', 5_314_400_000n, 'read the last comma as the decimal point'],
    ['１２３．５', 123_500_000n, null],
    ['-', 0n, null],
    ['', 0n, null],
    ['-18.00', -18_000_000n, null],
  ])('"%s" → %s fen', (text, fen, repair) => {
    const parsed = parseAmount(text);
    expect(parsed?.fen).toBe(fen);
    if (repair) expect(parsed?.repair).toContain(repair);
    else expect(parsed?.repair ?? null).toBeNull();
  });

  it('rejects text that is not a number', () => {
    expect(parseAmount('不适用')).toBeNull();
    expect(parseAmount('≥95%')).toBeNull();
  });

  it('formats fen back to 万元 with at least two decimals', () => {
    expect(formatWan(1_590_000_000n)).toBe('1590.00');
    expect(formatWan(298_644_346n)).toBe('298.644346');
    expect(formatWan(-18_000_000n)).toBe('-18.00');
  });

  it('round-trips every amount up to 0.01 yuan, with or without thousands commas and inner spaces', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.boolean(), fc.boolean(), (fen, commas, spaces) => {
        let text = formatWan(fen);
        if (commas) text = text.replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        if (spaces) text = text.replace('.', '. ');
        expect(parseAmount(text)?.fen).toBe(fen);
      }),
    );
  });

  it('sums exactly where floats drift', () => {
    const parts = ['0.1', '0.2', '14,763.55', '0.000001'].map((t) => parseAmount(t)!.fen);
    expect(formatWan(parts.reduce((a, b) => a + b, 0n))).toBe('14763.850001');
  });
});

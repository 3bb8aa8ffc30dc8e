// A 三公 table that prints one row per year (年度 | 合计 | 因公出国（境）费 | 公务接待费 | 公务用车购置及
// 运行维护费: 小计 | 购置费 | 运行维护费) reads each figure in its own column, a blank cell blank: the
// row's amounts were read by position with the blanks dropped, so a blank 因公出国 took 公务接待费's
// figure and every figure after it moved left, without a word (#37: blank cells collapse).
// data/000 表八 (lines 411-417) prints 2020年 | 19.50 | 0.00 | 6.00 | 13.50 | 0.00 | 13.50; other
// producers leave the zeros blank (the HTML export of the same table does).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';

const FILE = '000_5c682a4da5e2a113.txt';
const WAN = 1_000_000n;

describe('data/000 表八 with its 0.00 cells printed blank', () => {
  it('reads 2020: 合计 19.50, 因公出国 blank, 公务接待 6.00, 公务用车 13.50 (购置 blank, 运行维护 13.50)', () => {
    const lines = readFileSync(join(projectRoot, 'data', FILE), 'utf8').split('\n');
    expect(lines[416]).toBe('2020年\t19.50\t0.00\t6.00\t13.50\t0.00\t13.50');
    lines[416] = '2020年\t19.50\t\t6.00\t13.50\t\t13.50';
    const row = parseDocument(lines.join('\n'), FILE).threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2020);
    expect(row).toMatchObject({ total: 1950n * WAN / 100n, abroad: null, reception: 6n * WAN, vehicles: 1350n * WAN / 100n, vehiclePurchase: null, vehicleRunning: 1350n * WAN / 100n });
  });

  it('as printed, reads the zeros as printed zeros', () => {
    const row = parseDocument(readFileSync(join(projectRoot, 'data', FILE), 'utf8'), FILE).threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2020);
    expect(row).toMatchObject({ total: 1950n * WAN / 100n, abroad: 0n, reception: 6n * WAN, vehicles: 1350n * WAN / 100n, vehiclePurchase: 0n, vehicleRunning: 1350n * WAN / 100n });
  });
});

describe('a 三公 row shorter than its header, with a blank among its cells', () => {
  it('is read in printed order and said: a THREE_COSTS_BY_POSITION WARNING with its line', () => {
    const lines = readFileSync(join(projectRoot, 'data', FILE), 'utf8').split('\n');
    // 2020年 | 19.50 | (blank) | 6.00 | 13.50 | 0.00, the row's last cell not printed: which figure the
    // blank stands for cannot be told from the row, and read in order 6.00 lands under 因公出国.
    lines[416] = '2020年\t19.50\t\t6.00\t13.50\t0.00';
    const doc = parseDocument(lines.join('\n'), FILE);
    const said = doc.diagnostics.filter((d) => d.code === 'THREE_COSTS_BY_POSITION');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ level: 'WARNING', line: 417 });
  });

  it('says nothing of a full row (as printed)', () => {
    const doc = parseDocument(readFileSync(join(projectRoot, 'data', FILE), 'utf8'), FILE);
    expect(doc.diagnostics.filter((d) => d.code === 'THREE_COSTS_BY_POSITION')).toEqual([]);
  });
});

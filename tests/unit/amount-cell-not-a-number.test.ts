// Text where a 科目 table prints an amount is no amount and is said (#37 item 6, "never a wrong
// number without a word"): an OCR-like misreading such as "4,6x8" was skipped in silence; only a
// parent-sum anomaly far from the cell hinted at it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';

const FILE = '000_5c682a4da5e2a113.txt';
const printed = () => readFileSync(join(projectRoot, 'data', FILE), 'utf8').split('\n');

describe('an amount cell that is no number (data/000 部门支出总表, line 252: 20103 | 政府办公厅（室）及相关机构事务 | 4,668 | 1,720 | 2,947)', () => {
  it('as printed: 20103 has 合计 4,668 万元 and no such warning', () => {
    const doc = parseDocument(printed().join('\n'), FILE);
    const line = doc.lines.find((l) => l.source.line === 252 && l.code === '20103');
    expect(line?.total).toBe(4_668_000_000n);
    expect(doc.diagnostics.filter((d) => d.line === 252 && d.code === 'AMOUNT_UNREADABLE')).toEqual([]);
  });

  it('misprinted 4,6x8: the line keeps no 合计, and a WARNING names the cell, its column and its line', () => {
    const lines = printed();
    expect(lines[251]).toBe('20103\t政府办公厅（室）及相关机构事务\t4,668\t1,720\t2,947');
    lines[251] = lines[251]!.replace('4,668', '4,6x8');
    const doc = parseDocument(lines.join('\n'), FILE);
    const line = doc.lines.find((l) => l.source.line === 252 && l.code === '20103');
    expect(line?.total).toBeNull();
    expect(line?.basic).toBe(1_720_000_000n);
    const said = doc.diagnostics.filter((d) => d.line === 252 && d.code === 'AMOUNT_UNREADABLE');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ level: 'WARNING', original: '4,6x8' });
    expect(said[0]!.message).toContain('支出合计');
  });
});

// The prose restating a 三公 figure under the shorter name Shanghai prints (#38 follow-up 3).
// dept_budget.pdf p. 21 (2026年部门“三公”经费和机关运行经费预算表, 单位:万元) prints 合计 10.81 |
// 因公出国(境)费 0 | 公务接待费 0.83 | 公务用车购置及运行费 小计 9.98, 购置费 0, 运行费 9.98 |
// 机关运行经费预算数 217.83; p. 22 says "（二）公务用车购置及运行费9.98万元 … 公务用车购置费0万元 …
// 公务用车运行费9.98万元". Prose and table agree. Before, the 三公 record's names were only
// 公务用车购置及运行维护费 / 公务用车运行维护费, so the sentence matched a figure by its column label
// alone — and where the labels are carried by text (no PDF grid: the document's text stored and
// read again) that label sat over 217.83: "公务用车购置及运行费 9.98 vs 217.83", a false alarm.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { restatements } from '../../src/load/restatements.js';
import { readSource, type SourceDocument } from '../../src/source/index.js';

const FILE = 'dept_budget.pdf';
let source: SourceDocument;
beforeAll(async () => {
  source = await readSource(readFileSync(`tests/fixtures/real/${FILE}`), FILE, { ocr: false });
}, 60_000);

describe('dept_budget.pdf p. 22: 公务用车购置及运行费 9.98 against the 三公 table of p. 21', () => {
  for (const grid of [true, false]) {
    it(`restates the table’s 公务用车 figures, no mismatch (${grid ? 'columns from the PDF grid' : 'the text alone'})`, () => {
      const doc = parseDocument(source.text, FILE, source.notes, grid ? source.places : null);
      const { links, anomalies } = restatements(doc, []);
      expect(anomalies.filter((a) => a.message.includes('公务用车'))).toEqual([]);
      const table = doc.threeCosts.find((t) => t.origin === 'TABLE' && t.year === 2026)!;
      // p. 21: 小计 9.98, 购置费 0, 运行费 9.98 (万元).
      expect([table.vehicles, table.vehiclePurchase, table.vehicleRunning]).toEqual([9_980_000n, 0n, 9_980_000n]);
      const restated = (item: string) => {
        const i = doc.proseAmounts.findIndex((p) => p.item === item && p.source.text.includes('公务用车购置及运行费9.98万元'));
        return links.find((l) => l.proseIndex === i);
      };
      for (const item of ['公务用车购置及运行费', '公务用车运行费']) expect(restated(item), item).toMatchObject({ kind: 'ThreeCosts', target: doc.threeCosts.indexOf(table) });
    });
  }
});

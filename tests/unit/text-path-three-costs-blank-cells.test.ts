// The text path (tab-separated text, no span information) and a 三公 row ending in blank cells (#37
// item 6, "never a wrong number without a word"). The table is 上海市普陀区商务委员会25年预算.pdf p. 21
// (2025年部门“三公”经费和机关运行经费预算表; `pdftoppm -r 80 -f 21 -l 21`), its “三公” part as a 三公
// table printed alone has it (单位:万元): 合计 1.00, 因公出国(境)费 blank, 公务接待费 1.00, 公务用车购置及
// 运行费 (小计, 购置费, 运行费) blank. Before, the row gave no 三公 record and no diagnostic either way.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';

const LINES = [
  '# 上海市普陀区商务委员会2025年部门预算',
  '预算主管部门：上海市普陀区商务委员会',
  '### 2025年部门“三公”经费预算表',
  '编制部门：上海市普陀区商务委员会　单位:万元',
  '“三公”经费预算数\t\t\t\t\t',
  '合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t',
  '\t\t\t小计\t购置费\t运行费',
];
const parse = (row: string) => parseDocument([...LINES, row].join('\n'), 'three-costs.txt');
const figures = (doc: ReturnType<typeof parse>) =>
  doc.threeCosts.filter((t) => t.origin === 'TABLE').map((t) => [t.total, t.abroad, t.reception, t.vehicles, t.vehiclePurchase, t.vehicleRunning]);

describe('a 三公 text row printing as many cells as its header, its last ones blank', () => {
  const doc = parse('1.00\t\t1.00\t\t\t');

  it('is read in the header’s columns, its blanks blank, nothing shifted left', () => {
    expect(figures(doc)).toEqual([[1_000_000n, null, 1_000_000n, null, null, null]]);
    expect(doc.threeCosts.find((t) => t.origin === 'TABLE')?.cellsRead).toEqual([0, 2]);
  });

  it('is no unplaced row', () => {
    expect(doc.diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED')).toEqual([]);
  });
});

describe('a 三公 text row printing fewer cells than its header', () => {
  // The same row with its trailing blank cells not printed: 1.00 | | 1.00 could be 合计 and 公务接待费
  // or any two figures; which cannot be told from the text.
  const doc = parse('1.00\t\t1.00');

  it('gives no figure, and a WARNING names its line', () => {
    expect(figures(doc)).toEqual([]);
    expect(doc.diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED').map((d) => [d.level, d.line])).toEqual([['WARNING', LINES.length + 1]]);
  });

  it('and printing one cell more than its header, it is not placed either', () => {
    const wider = parse('1.00\t\t1.00\t\t\t\t');
    expect(figures(wider)).toEqual([]);
    expect(wider.diagnostics.filter((d) => d.code === 'THREE_COSTS_ROW_UNPLACED').map((d) => d.line)).toEqual([LINES.length + 1]);
  });
});

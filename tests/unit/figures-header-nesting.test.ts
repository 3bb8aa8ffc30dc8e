// A figure's header path without a grid (#38 item 3): a label carried right along a lower header
// row stops at a column an upper row's label heads down to the header's last row, as a header cell
// lies inside the cell above it. Rows as printed: dept_budget.pdf p. 21 (its text, no grid), data/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerLabels } from '../../src/parse/figures.js';
import { parseDocument } from '../../src/parse/index.js';
import type { Row } from '../../src/parse/layout.js';

const rows = (lines: string[]): Row[] => lines.map((text, i) => ({ line: i + 1, cells: text.split('\t'), text }));

// dept_budget.pdf p. 21, 2026年部门“三公”经费和机关运行经费预算表: 机关运行经费预算数 spans the header's
// three rows in the last column; 公务用车购置及运行费 spans 小计 | 购置费 | 运行费 below it.
const THREE_COSTS_HEADER = [
  '“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数',
  '合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t',
  '\t\t\t小计\t购置费\t运行费\t',
];

describe('a label carried right stops where an upper cell heads its column to the bottom', () => {
  it('dept_budget p. 21: 机关运行经费预算数 is not under 公务用车购置及运行费; 小计 | 购置费 | 运行费 are', () => {
    const labels = headerLabels(rows(THREE_COSTS_HEADER));
    expect(labels[6]).toBe('机关运行经费预算数');
    expect(labels.slice(3, 6)).toEqual(['“三公”经费预算数/公务用车购置及运行费/小计', '“三公”经费预算数/公务用车购置及运行费/购置费', '“三公”经费预算数/公务用车购置及运行费/运行费']);
  });

  it('so its figure 217.83 万元, read from the text without the PDF grid, is labelled 机关运行经费预算数', () => {
    const text = ['上海市普陀区2026年区级部门预算', '2026年部门“三公”经费和机关运行经费预算表', '编制部门：上海市普陀区司法局\t单位:万元', ...THREE_COSTS_HEADER, '10.81\t0\t0.83\t9.98\t0\t9.98\t217.83'].join('\n');
    const figure = parseDocument(text, 'dept_budget.txt').figures.find((f) => f.value === '217.83');
    expect(figure?.column).toBe('机关运行经费预算数');
  });

  it('data/002 line 283: 上年结余、结转 (934.34 on line 286) is not under 其他收入, its neighbour', () => {
    const lines = readFileSync(join(import.meta.dirname, '../../data/002_94a530100b90bc43.txt'), 'utf8').split('\n');
    const labels = headerLabels(rows(lines.slice(282, 285)));
    // 其他收入 (column 14) is printed on the row below 、结转's; 、结转's column is blank there and below.
    expect(labels[15]).toBe('、结转');
  });

  it('a label with printed cells below it stops nothing: a form’s 主管部门 above 其中：财政拨款 (data/001 lines 469-471)', () => {
    const labels = headerLabels(rows(['单位名称\t\t深圳市龙岗区政务服务数据管理局（本级）\t主管部门\t深圳市龙岗区政务服务数据管理局\t', '任务名称\t主要内容\t预算金额（万元）\t\t\t', '\t\t总额\t其中：财政拨款\t其中：其他资金\t']));
    expect(labels[3]).toBe('主管部门/预算金额（万元）/其中：财政拨款');
  });
});

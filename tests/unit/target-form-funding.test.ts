// A 财政项目支出绩效目标填报表 prints two money blocks side by side under 项目资金（元）: the project's
// 资金来源 on the left (项目资金总额, 其中：财政资金, 其他资金) and the year's request on the right
// (年度资金申请总额, 其中：当年财政拨款, 上年结转资金, 其他资金). A target form has no execution: the
// right block's amounts are not the left sources' executed, and its rows are not sources of the
// project. Before, "其中：财政资金 | 10,903,043.00 | 其中：当年财政拨款 | 11,419,043.00" gave a source
// 财政资金 executed 11,419,043.00 (stored as executedFen with no word), and "上年结转资金 | 0.00", printed
// in the right block only, a source of the project (found by the PAGES helper, 2026-12-07).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';
import { formFundsAnomalies } from '../../src/parse/anomalies.js';
import type { Figure, Source } from '../../src/parse/records.js';
import { readSource } from '../../src/source/index.js';

const FILE = '上海市普陀区人民政府万里街道办事处23年预算.pdf';

describe(`given ${FILE} p. 35 (pdftoppm -r 80): 公共服务设施运行经费's target form`, async () => {
  const source = await readSource(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', FILE)), FILE);
  const doc = parseDocument(source.printed, FILE, source.notes);
  const project = doc.projects.find((p) => p.name === '公共服务设施运行经费' && p.sourceKind === 'TARGET_FORM');

  it("the project's sources are the left block's, each its budget and no executed", () => {
    // 元 on the page: 其中：财政资金 10,903,043.00; 其他资金 0.00.
    expect(project?.funding?.map((f) => [f.source, f.budget, f.executed])).toEqual([
      ['财政资金', 1_090_304_300n, null],
      ['其他资金', 0n, null],
    ]);
  });

  it('the right block is held as the figures it prints, each on its own line', () => {
    const right = doc.figures.filter((f) => f.source.table === '财政项目支出绩效目标填报表' && f.source.line >= (project?.funding?.[0]?.line.line ?? Infinity) - 1 && f.source.line <= (project?.funding?.[1]?.line.line ?? 0));
    expect(right.map((f) => [f.item, f.value])).toEqual([
      ['年度资金申请总额', '10,903,043.00'],
      ['其中：当年财政拨款', '11,419,043.00'],
      ['上年结转资金', '0.00'],
      ['其他资金', '0.00'],
    ]);
  });

  it('its request block adds up to more than its total: one WARNING naming both lines, and none on the other four forms (pp. 31-34 add up)', () => {
    // p. 35: 年度资金申请总额 10,903,043.00; 其中：当年财政拨款 11,419,043.00, 上年结转资金 0.00, 其他资金 0.00.
    const found = doc.anomalies.filter((a) => a.kind === 'PARENT_SUM_MISMATCH' && a.sources.some((s) => s.table === '财政项目支出绩效目标填报表'));
    expect(found).toHaveLength(1);
    expect(found[0]?.delta).toBe(-51_600_000n);
    expect(found[0]?.message).toMatch(/^年度资金申请总额 1090\.3043 万元 ≠ Σ its 3 sources 1141\.9043 万元/);
    expect(found[0]?.sources.map((s) => s.text)).toEqual([expect.stringContaining('10,903,043.00'), expect.stringContaining('11,419,043.00')]);
  });
});

describe('given a form money block of figures (a total, then its sources on the lines below)', () => {
  const at = (line: number): Source => ({ file: 'f.txt', table: '财政项目支出绩效目标填报表', line, text: '' });
  const figure = (item: string, yuan: number, line: number): Figure => ({ family: 'PERFORMANCE_TARGETS', side: null, item, column: '', measure: 'MONEY', value: String(yuan), amount: BigInt(yuan) * 100n, basis: 'BUDGET', source: at(line) });

  it('sources named in part (其中 only, no 其他资金) that come to less than the total are no finding', () => {
    expect(formFundsAnomalies([], [figure('年度资金申请总额', 100, 10), figure('其中：当年财政拨款', 80, 11)])).toEqual([]);
  });

  it('sources ending with 其他资金 that come to less than the total are a WARNING with the difference', () => {
    const [a] = formFundsAnomalies([], [figure('年度资金申请总额', 100, 10), figure('其中：当年财政拨款', 80, 11), figure('其他资金', 10, 12)]);
    expect(a?.severity).toBe('WARNING');
    expect(a?.delta).toBe(1_000n);
  });

  it('sources that add up exactly are no finding; a line between ends the block', () => {
    expect(formFundsAnomalies([], [figure('年度资金申请总额', 100, 10), figure('其中：当年财政拨款', 90, 11), figure('其他资金', 10, 12)])).toEqual([]);
    expect(formFundsAnomalies([], [figure('年度资金申请总额', 100, 10), figure('其中：当年财政拨款', 90, 11), figure('其他资金', 50, 13)])).toEqual([]);
  });
});

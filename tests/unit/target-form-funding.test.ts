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
});

// A project table's 预算单位 rows against what they head (issue #38: a check that was missing).
// Given 000 (data/000_5c682a4da5e2a113.txt, 部门预算绩效管理项目情况表): line 511 prints the
// department 4,545; line 512 prints 本级 (深圳市龙岗区政务服务数据管理局) 2,858, and its 7 projects
// on lines 513-516 and 519-521 (a wrapped goal between) print 2303 + 133 + 280 + 71 + 22 + 20 + 28 = 2,857; line 522 prints
// 深圳市龙岗区大数据中心 1,687 over its own projects. 000 declares no rounding.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { parseDocument } from '../../src/parse/index.js';

const FILE = '000_5c682a4da5e2a113.txt';
const text = readFileSync(join(projectRoot, 'data', FILE), 'utf8');
const found = (t: string) => parseDocument(t, FILE).anomalies.filter((a) => a.kind === 'UNIT_PROJECTS_SUM_MISMATCH');

describe('预算单位 rows of a project table', () => {
  it('given 000, 本级 2,858 against its 7 projects\' 2,857: a WARNING with the unit row and every project line', () => {
    const [a, ...rest] = found(text);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({ severity: 'WARNING', delta: 1_000_000n });
    expect(a!.sources.map((s) => s.line)).toEqual([512, 513, 514, 515, 516, 519, 520, 521]);
    expect(a!.message).toContain('2858.00 万元 ≠ Σ its 7 projects 2857.00 万元');
  });

  it('given 000 as printed, the department row 4,545 = 2,858 + 1,687 raises nothing; printed 4,546 it is the department row against its 2 unit rows', () => {
    const lines = text.split('\n');
    expect(lines[510]).toMatch(/^深圳市龙岗区政务服务数据管理局\t+4,545\t/);
    lines[510] = lines[510]!.replace('4,545', '4,546');
    const anomalies = found(lines.join('\n'));
    const department = anomalies.find((a) => a.sources[0]!.line === 511);
    expect(department).toMatchObject({ severity: 'WARNING', delta: 1_000_000n });
    expect(department!.sources.map((s) => s.line)).toEqual([511, 512, 522]);
  });

  it('given 000 with the 本级 row printed 2,857 (as its projects add up), nothing about 本级', () => {
    const fixed = text.replace(/^(深圳市龙岗区政务服务数据管理局\t+)2,858(\t)/m, '$12,857$2').replace(/^(深圳市龙岗区政务服务数据管理局\t+)4,545(\t)/m, '$14,544$2');
    expect(found(fixed)).toEqual([]);
  });
});

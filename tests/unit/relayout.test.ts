// Re-laid-out documents of the same family give the same records: renumbered tables, a page
// break anywhere inside a table (title and header printed again), a project row wrapped over two
// lines. Property tests (fast-check) generate the tables; the parser must read the layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClassification } from '../../src/parse/classification.js';
import { layout } from '../../src/parse/layout.js';
import { projectsFromCodedTable } from '../../src/parse/projects.js';
import type { Diagnostic } from '../../src/parse/records.js';

const TITLE = '部门支出总表（按功能科目）';
const HEADER = '科目编码\t科目名称\t支出合计\t基本支出\t项目支出';
const wan = (fen: bigint) => `${(fen / 1_000_000n).toLocaleString('en-US')}.${((fen % 1_000_000n) / 10_000n).toString().padStart(2, '0')}`;

type Style = 'cn' | 'arabic' | 'public';
const heading = (style: Style, title: string) => (style === 'cn' ? `表三：${title}` : style === 'arabic' ? `表 3\n\n## ${title}` : `公开03表\n\n${title}`);

/** 项 lines (code suffix, basic, project in 0.01 万元) → a 功能分类 table with its 款, 类 and 合计 rows. */
function functionTable(items: { basic: number; project: number }[], style: Style, breakAfter: number | null) {
  const lines = items.map((x, i) => ({ code: `20103${String(i + 1).padStart(2, '0')}`, name: `事务${i + 1}`, basic: BigInt(x.basic) * 10_000n, project: BigInt(x.project) * 10_000n }));
  const sum = (k: 'basic' | 'project') => lines.reduce((a, l) => a + l[k], 0n);
  const row = (code: string, name: string, b: bigint, p: bigint) => `${code}\t${name}\t${wan(b + p)}\t${wan(b)}\t${wan(p)}`;
  const rows = [
    row('', '合计', sum('basic'), sum('project')),
    row('201', '一般公共服务支出', sum('basic'), sum('project')),
    row('20103', '政府办公厅（室）及相关机构事务', sum('basic'), sum('project')),
    ...lines.map((l) => row(l.code, l.name, l.basic, l.project)),
  ];
  const head = `${heading(style, TITLE)}\n\n部门：某区某局\n\n单位：万元\n\n${HEADER}`;
  if (breakAfter !== null) rows.splice(breakAfter, 0, `\n- 12 -\n\n${head}`);
  const expected = [
    `201 ${sum('basic') + sum('project')} ${sum('basic')} ${sum('project')}`,
    `20103 ${sum('basic') + sum('project')} ${sum('basic')} ${sum('project')}`,
    ...lines.map((l) => `${l.code} ${l.basic + l.project} ${l.basic} ${l.project}`),
  ];
  return { text: `${head}\n${rows.join('\n')}\n`, expected };
}

function readLines(text: string) {
  const lay = layout(text);
  const diagnostics: Diagnostic[] = [];
  const tables = lay.tables.filter((t) => t.title === TITLE);
  return { tables: tables.length, lines: tables.flatMap((t) => extractClassification(t, 'f.txt', '万元', 'BUDGET', diagnostics).lines.map((l) => `${l.code} ${l.total} ${l.basic} ${l.project}`)) };
}

const items = fc.array(fc.record({ basic: fc.integer({ min: 0, max: 900_000 }), project: fc.integer({ min: 1, max: 900_000 }) }), { minLength: 1, maxLength: 9 });
const style = fc.constantFrom<Style>('cn', 'arabic', 'public');

describe('a 功能分类 table, re-laid out', () => {
  it('gives the same lines in every numbering style', () => {
    fc.assert(
      fc.property(items, style, (xs, s) => {
        const { text, expected } = functionTable(xs, s, null);
        expect(readLines(text)).toEqual({ tables: 1, lines: expected });
      }),
    );
  });

  it('gives the same lines when a page break (title and header again) falls after any row', () => {
    fc.assert(
      fc.property(items, style, fc.nat(), (xs, s, k) => {
        const rowCount = xs.length + 3;
        const { text, expected } = functionTable(xs, s, 1 + (k % (rowCount - 1)));
        expect(readLines(text)).toEqual({ tables: 1, lines: expected });
      }),
    );
  });
});

describe('the row joiner: a project row wrapped over two lines', () => {
  const table = (projects: { name: string; amount: number; goal: string; cut: number | null }[]) =>
    `表十四：部门预算绩效管理项目情况表\n\n单位：万元\n\n科目编码\t科目名称\t项目名称\t项目金额\t绩效目标\t项目申报依据\n` +
    projects
      .map((p) => {
        const line = (goal: string) => `2010504\t信息事务\t${p.name}\t${p.amount}\t${goal}\t年度计划`;
        return p.cut === null ? line(p.goal) : `${line(p.goal.slice(0, p.cut))}\n\t\t\t\t${p.goal.slice(p.cut)}\t`;
      })
      .join('\n') +
    '\n';

  it('keeps one record per project with its whole goal, wherever the goal is cut', () => {
    const project = fc.record({
      name: fc.constantFrom('信息安全服务', '政务系统管理', '网络设备运维管理', '基础技术平台运营'),
      amount: fc.integer({ min: 1, max: 99_999 }),
      goal: fc.constantFrom('保障全区信息系统安全稳定运行，确保全区网络安全。', '提升电子会议保障服务水平。', '保障政务网络平稳、安全运行。'),
      cut: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 6 }), (ps) => {
        const t = layout(table(ps)).tables[0]!;
        const records = projectsFromCodedTable(t, 'f.txt', '万元', []);
        expect(records.map((r) => [r.name, r.amount, r.functionCode, r.goal])).toEqual(ps.map((p) => [p.name, BigInt(p.amount) * 1_000_000n, '2010504', p.goal]));
      }),
    );
  });
});

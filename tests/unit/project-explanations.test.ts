// 项目经费情况说明 pages (issue #37 item 5): a 部门预算's closing pages, one per key project, read as
// the project's listing. Every expected value below was read off the page image
// (`pdftoppm -r 80 -f N -l N -png FILE out`), never from the parser's output.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { projectsFromExplanations, readBudget } from '../../src/parse/readers/project-explanation.js';
import { projectAmountAnomalies } from '../../src/parse/anomalies.js';
import type { Diagnostic, Project } from '../../src/parse/records.js';
import { readSource } from '../../src/source/index.js';
import { printed } from './real-documents-truth.js';

const REAL = 'tests/fixtures/real/';
const wan = (s: string) => printed(s, '万元');

describe('the 年度预算安排 sentence', () => {
  it('reads the total, its parts and the printed 合计, "万" alone meaning 万元', () => {
    const b = readBudget('2025年度项目总预算2921.00万，其中支持外贸发展370.00万，支持商销稳增长30.00万，合计400.00万。');
    expect(b.total?.fen).toBe(wan('2,921.00'));
    expect(b.parts.map((p) => [p.name, p.amount.fen])).toEqual([['支持外贸发展', wan('370.00')], ['支持商销稳增长', wan('30.00')]]);
    expect(b.sum?.fen).toBe(wan('400.00'));
    expect(b.unplaced).toEqual([]);
  });
  it('reads an amount printed alone as the total', () => {
    expect(readBudget('795万元').total?.fen).toBe(wan('795'));
  });
  it('places no amount it cannot name: quarters and items without a total are unplaced', () => {
    const q = readBudget('第一季度用款计划15万元，第二季度用款计划15万元。');
    expect(q.total).toBeNull();
    expect(q.parts).toEqual([]);
    expect(q.unplaced).toHaveLength(2);
  });
});

// A page shaped as 商务委 25 p. 23 prints it, its lines numbered from 10.
const PAGE = ['科技创新专项经费情况说明', '一、项目概述', '加快推动本区企业创新驱动发展。', '三、实施主体', '上海市某区某中心', '六、年度预算安排', '2025年度项目总预算1720.00万，其中认定1700.00万，合计1720.00万。', '七、绩效目标', '详见单位的项目绩效目标表']
  .map((text, i) => ({ line: 10 + i, text, heading: false }));

describe('a 项目经费情况说明 page beside the document\'s other listings', () => {
  it('names a unit that is not the department, and puts the parts under the project', () => {
    const diagnostics: Diagnostic[] = [];
    const [p, part] = projectsFromExplanations(PAGE, 'x.txt', diagnostics, '上海市某区某局');
    expect([p?.name, p?.unit, p?.amount, p?.goal]).toEqual(['科技创新专项', '上海市某区某中心', wan('1,720.00'), null]);
    expect([part?.name, part?.parent, part?.level, part?.amount]).toEqual(['认定', '科技创新专项', 2, wan('1,700.00')]);
    expect(diagnostics).toEqual([]);
  });
  it('the same project in a table of the document, with another amount, is one project listed twice: PROJECT_LIST_MISMATCH', () => {
    const [p] = projectsFromExplanations(PAGE, 'x.txt', [], '上海市某区某中心');
    expect(p?.unit).toBeNull();
    const table: Project = { ...p!, unit: null, amount: wan('1,700.00'), level: null, sourceKind: 'KEY_PROJECT_TABLE', source: { file: 'x.txt', table: '重点项目表', line: 3, text: '科技创新专项 1,700.00' } };
    const found = projectAmountAnomalies([table, p!]);
    expect(found.map((a) => [a.kind, a.delta])).toEqual([['PROJECT_LIST_MISMATCH', wan('1,700.00') - wan('1,720.00')]]);
  });
  it('a printed 合计 that is not the total is a diagnostic, never a silent choice', () => {
    const diagnostics: Diagnostic[] = [];
    const page = PAGE.map((l) => (l.line === 16 ? { ...l, text: '2025年度项目总预算1720.00万，其中认定1700.00万，合计1700.00万。' } : l));
    const [p] = projectsFromExplanations(page, 'x.txt', diagnostics);
    expect(p?.amount).toBe(wan('1,720.00'));
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['PROJECT_SUM_PRINTED_DIFFERS', 16]]);
  });
});

const files = {
  商务委: '上海市普陀区商务委员会25年预算.pdf',
  司法局: 'dept_budget.pdf',
  办公室: '上海市普陀区人民政府办公室25年预算.pdf',
  财政局: '上海市普陀区财政局部门25年预算.pdf',
  万里24: '上海市普陀区人民政府万里街道办事处24年预算.pdf',
} as const;
const docs = new Map<string, ParsedDocument>();
const doc = (k: keyof typeof files) => docs.get(k)!;
const explained = (d: ParsedDocument) => d.projects.filter((p) => p.source.table.endsWith('经费情况说明'));

describe('项目经费情况说明 pages of the real PDFs', () => {
  beforeAll(async () => {
    for (const [k, f] of Object.entries(files)) {
      const source = await readSource(readFileSync(REAL + f), REAL + f);
      docs.set(k, parseDocument(source.text, f, source.notes, source.places));
    }
  }, 120_000);

  it('商务委 pp. 23-26: four projects, their year totals and the parts under each', () => {
    const ps = explained(doc('商务委'));
    const top = ps.filter((p) => p.level !== 2).map((p) => [p.name, p.amount, p.unit, p.period]);
    expect(top).toEqual([
      // 实施主体 上海市普陀区商务委员会 is the document's own department: no unit, as its tables print it.
      ['科技创新专项', wan('1,720.00'), null, '2025.1.1-2025.12.31'],
      ['生命健康专项（政策资金）', wan('1,170.00'), null, '2025.1.1-2025.12.31'],
      ['商业创新专项（政策资金）', wan('1,410.00'), null, '2025.1.1-2025.12.31'],
      ['贸易高质量发展专项（政策资金）', wan('2,921.00'), null, '2025.1.1-2025.12.31'],
    ]);
    // p. 24: the fourth part wraps onto the next line ("…协同化发展 / 180.00万").
    const parts = (parent: string) => ps.filter((p) => p.level === 2 && p.parent === parent).map((p) => [p.name, p.amount]);
    expect(parts('生命健康专项（政策资金）')).toEqual([['支持企业规模化发展', wan('870.00')], ['支持企业创新化发展', wan('70.00')], ['支持企业协同化发展', wan('180.00')], ['支持企业国际化发展', wan('50.00')]]);
    // Each part's line is the one its name starts on: p. 24 prints "180.00万，支持企业国际化发展50.00万，合计1170.00万。" on the budget's second line.
    const lineOf = (name: string) => ps.find((p) => p.name === name)!.source;
    expect(lineOf('支持企业国际化发展').line).toBe(lineOf('支持企业规模化发展').line + 1);
    expect(lineOf('支持企业国际化发展').text).toContain('支持企业国际化发展50.00万');
    expect(lineOf('支持企业协同化发展').text).toContain('支持企业协同化发展');
    // p. 26.
    expect(parts('贸易高质量发展专项（政策资金）')).toEqual([['支持外贸发展', wan('370.00')], ['支持商销稳增长', wan('30.00')], ['区级支持总部经济', wan('1,106.00')], ['市级支持总部经济', wan('1,262.00')], ['进博会推进专项', wan('153.00')]]);
    // p. 23: one part, the whole.
    expect(parts('科技创新专项')).toEqual([['各级企业技术中心及专精特新认定', wan('1,720.00')]]);
    // 绩效目标 only points to the target form: no goal of its own.
    expect(ps.every((p) => p.goal === null)).toBe(true);
    const tech = ps.find((p) => p.name === '科技创新专项')!;
    expect(tech.justification).toContain('普投资规范〔2023〕1号');
    expect(tech.source.text).toBe('科技创新专项经费情况说明');
    expect(tech.amountSource?.text).toContain('项目总预算1720.00万');
    // Parts add up to each total (p. 25: 340 + 120 + 800 + 70 + 80 = 1410): no sum anomaly.
    expect(doc('商务委').anomalies.filter((a) => a.kind === 'PROJECT_SUM_MISMATCH')).toEqual([]);
    expect(doc('商务委').diagnostics.filter((d) => d.code.startsWith('PROJECT_'))).toEqual([]);
  });

  it('司法局 p. 23: 人民调解项目, 795万元 printed alone, its goal; 实施主体 is the department itself', () => {
    const [p, ...rest] = explained(doc('司法局'));
    expect(rest).toEqual([]);
    expect(doc('司法局').meta.department).toBe('上海市普陀区司法局');
    expect([p?.name, p?.amount, p?.unit, p?.period]).toEqual(['人民调解', wan('795'), null, '2025年1月1日-2025年12月31日']);
    expect(p?.goal).toMatch(/^通过政府购买区人民调解协会服务工作模式/);
  });

  it('办公室 p. 22: the budget section prints no amount, 实施主体 a sentence: neither is guessed', () => {
    const [p, ...rest] = explained(doc('办公室'));
    expect(rest).toEqual([]);
    expect([p?.name, p?.amount, p?.unit]).toEqual(['区政府督查及建议提案工作业务经费', null, null]);
  });

  it('财政局 p. 24 and 万里 2024 p. 33: a page titled 项目经费情况说明 alone names no project; its amounts are a diagnostic', () => {
    for (const k of ['财政局', '万里24'] as const) {
      expect(explained(doc(k))).toEqual([]);
      const d = doc(k).diagnostics.filter((x) => x.code === 'PROJECT_NAME_MISSING' && x.message.startsWith('项目经费情况说明'));
      expect(d).toHaveLength(1);
    }
    expect(doc('财政局').diagnostics.find((x) => x.code === 'PROJECT_NAME_MISSING')?.original).toContain('中介机构服务费418.80万元');
    expect(doc('万里24').diagnostics.find((x) => x.code === 'PROJECT_NAME_MISSING')?.original).toContain('第一季度用款计划158.05万元');
  });
});

// The pipeline as data (#40 item 2): the stages a document goes through, in order, each saying what
// it does; parseDocument is running them; `npm run parse -- FILE --stage=NAME` shows any one of them.
// Read on data/000 (龙岗区政务服务数据管理局 2020 部门预算), whose lines are quoted where they are used.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { CHECKS, DERIVED, FIGURES, NOTES, PARSE_PIPELINE, READERS, SOURCE, STRUCTURE, TABLE_MODEL, UnknownStageError } from '../../src/parse/pipeline.js';
import { DOCUMENT_PIPELINE, LINKS, LOAD_PIPELINE, PLAN, PLAN_CHECKS, ROWS } from '../../src/load/pipeline.js';
import { buildPlan } from '../../src/load/plan.js';
import { PLAN_CHECK_RULES } from '../../src/load/plan-checks.js';
import { CHECK_FAMILIES } from '../../src/parse/checks/registry.js';
import { stageList, stageOutput, stageRefusal } from '../../src/cli/parse-stages.js';

const dataDir = join(import.meta.dirname, '../../data');
const file = readdirSync(dataDir).find((f) => f.startsWith('000_'))!;
const path = join(dataDir, file);
const text = readFileSync(path, 'utf8');
/** Line n of the document as printed (1-based). */
const line = (n: number) => text.split('\n')[n - 1]!;
const stage = async <T>(name: string): Promise<T> => JSON.parse(await stageOutput(path, name)) as T;

describe('the stages, in order', () => {
  it('go from the text to the load plan, each with a sentence saying what it does', () => {
    expect(DOCUMENT_PIPELINE.stages.map((s) => s.name)).toEqual(['source', 'table-model', 'structure', 'readers', 'derived', 'figures', 'checks', 'notes', 'links', 'plan-checks', 'rows', 'plan']);
    for (const s of DOCUMENT_PIPELINE.stages) expect(s.purpose.length, s.name).toBeGreaterThan(40);
    // The parse's stages, then the load plan's: the whole path is the two lists one after the other.
    expect(PARSE_PIPELINE.stages).toEqual(DOCUMENT_PIPELINE.stages.slice(0, 8));
    expect(LOAD_PIPELINE.stages).toEqual(DOCUMENT_PIPELINE.stages.slice(8));
    expect([LINKS, PLAN_CHECKS, ROWS, PLAN].map((s) => s.name)).toEqual(LOAD_PIPELINE.stages.map((s) => s.name));
  });

  it('--stage=list prints them one a line, numbered, with their purpose', () => {
    const lines = stageList().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[1]).toMatch(/^ 2\. table-model\s+the text as tables/);
    expect(lines[8]).toMatch(/^ 9\. links\s+what the load decides/);
    expect(lines[9]).toMatch(/^10\. plan-checks\s+the checks only the links reveal/);
    expect(lines[10]).toMatch(/^11\. rows\s+the rows each kind’s load statement writes/);
    expect(lines[11]).toMatch(/^12\. plan\s+the rows each load statement writes/);
  });

  it('parseDocument is the stages run one after the other', () => {
    const input = { text, file, sourceNotes: [] };
    const byHand = NOTES.run(CHECKS.run(FIGURES.run(DERIVED.run(READERS.run(STRUCTURE.run(TABLE_MODEL.run(SOURCE.run(input))))))));
    expect(parseDocument(text, file)).toEqual(byHand.doc);
    expect([SOURCE, TABLE_MODEL, STRUCTURE, READERS, DERIVED, FIGURES, CHECKS, NOTES].map((s) => s.name)).toEqual(PARSE_PIPELINE.stages.map((s) => s.name));
  });

  it('the plan stage is the load plan of the parsed document, from the text as stored', () => {
    const planned = DOCUMENT_PIPELINE.run({ text, file, sourceNotes: [] });
    expect(planned.plan).toEqual(buildPlan(parseDocument(text, file), text));
  });

  it('buildPlan is the load stages run one after the other: links, plan-checks, rows, plan', () => {
    const doc = parseDocument(text, file);
    const byHand = PLAN.run(ROWS.run(PLAN_CHECKS.run(LINKS.run({ doc, redaction: { text } }))));
    expect(buildPlan(doc, text)).toEqual(byHand.plan);
    // Each stage adds its part and hands on what came before: the plan is the rows, then what the checks and the links left.
    expect(byHand.plan).toMatchObject({ documentId: byHand.documentId, contentHash: byHand.contentHash, links: byHand.links, diagnostics: byHand.diagnostics });
    expect(byHand.plan).toMatchObject(byHand.rows);
    expect(byHand.plan.anomalies.slice(doc.anomalies.length).map((a) => a.kind)).toEqual(byHand.revealed.map((a) => a.kind));
    expect(byHand.revealed.length).toBeGreaterThan(0);
  });

  it('the checks the load plan adds are declared like the registry’s: a family of it, what they compare and why', () => {
    expect(PLAN_CHECK_RULES.map((r) => r.code)).toEqual(['LINKED_EXCEEDS_LINE', 'PROSE_RESTATES_TABLE', 'PROJECT_NAMED_TWICE']);
    for (const r of PLAN_CHECK_RULES) {
      expect(Object.keys(CHECK_FAMILIES)).toContain(r.family);
      expect(r.compares.length).toBeGreaterThan(20);
      expect(r.why.length).toBeGreaterThan(20);
    }
  });
});

interface ModelTable {
  title: string;
  number: string | null;
  titleLine: number;
  unit: { unit: string; line: number; text: string } | null;
  headers: { firstRowLine: number; paths: string[] }[];
  rows: { line: number; cells: string[] }[];
}

describe('--stage=table-model: the tables as the layout cut them', () => {
  it('holds 部门收支总表 as printed at line 169, 表一, in 万元 as line 173 declares, with its header paths and rows', async () => {
    expect(line(167)).toBe('表一');
    expect(line(169)).toBe('部门收支总表');
    expect(line(173)).toBe('单位：万元');
    expect(line(175).split('\t')).toEqual(['收 入', '', '支 出', '']);
    expect(line(177).split('\t')).toEqual(['一、一般公共预算拨款', '6,928', '一、一般公共服务支出', '6,265']);
    const { tables } = await stage<{ tables: ModelTable[] }>('table-model');
    const table = tables.find((t) => t.titleLine === 169)!;
    expect(table).toMatchObject({ title: '部门收支总表', number: '表一', unit: { unit: '万元', line: 173, text: '单位：万元' } });
    // 收 入 spans 收入项目 and 2020 年预算 (the spaces of the print squeezed).
    expect(table.headers[0]).toEqual({ firstRowLine: 177, paths: ['收入/收入项目', '收入/2020年预算', '支出/支出项目', '支出/2020年预算'] });
    expect(table.rows.find((r) => r.line === 177)!.cells).toEqual(['一、一般公共预算拨款', '6,928', '一、一般公共服务支出', '6,265']);
  });
});

interface StructureTable {
  title: string;
  titleLine: number;
  family: string;
  unit: { unit: string; from: string } | null;
  columns: { firstRowLine: number; columns: { index: number; path: string; measure: string }[] }[];
  classification: { firstDataLine: number; codeCells: number; total: { index: number; path: string } | null; basic: { index: number; path: string } | null; project: { index: number; path: string } | null } | null;
}

describe('--stage=structure: what the document is and how each table’s columns are read', () => {
  it('says the document is the 2020 budget the cover (line 3) names, in 万元', async () => {
    expect(line(3)).toBe('2020年深圳市龙岗区政务服务数据管理局部门预算');
    const { meta } = await stage<{ meta: { title: string; department: string; year: number; kinds: string[]; moneyUnit: string } }>('structure');
    expect(meta).toMatchObject({ title: line(3), department: '深圳市龙岗区政务服务数据管理局', year: 2020, kinds: ['BUDGET'], moneyUnit: '万元' });
  });

  it('gives 部门支出总表（按功能科目） (line 243) its column roles: 支出合计 the total, then 基本支出 and 项目支出', async () => {
    expect(line(243)).toBe('部门支出总表（按功能科目）');
    expect(line(249).split('\t')).toEqual(['科目编码', '科目名称', '支出合计', '基本支出', '项目支出']);
    expect(line(250).split('\t')).toEqual(['', '合计', '6,928', '2,383', '4,545']);
    const { tables } = await stage<{ tables: StructureTable[] }>('structure');
    const table = tables.find((t) => t.titleLine === 243)!;
    expect(table.family).toBe('EXPENDITURE_SUMMARY');
    expect(table.unit).toMatchObject({ unit: '万元', from: 'DECLARED' });
    expect(table.classification).toMatchObject({ firstDataLine: 250, codeCells: 1, total: { index: 2, path: '支出合计' }, basic: { index: 3, path: '基本支出' }, project: { index: 4, path: '项目支出' } });
    expect(table.columns[0]!.columns).toContainEqual({ index: 3, path: '基本支出', measure: 'MONEY' });
    // A table of no 科目 codes has no classification roles: 部门收支总表 reads its columns by header paths only.
    expect(tables.find((t) => t.titleLine === 169)!.classification).toBeNull();
  });
});

interface LinksShown {
  documentId: string;
  units: { id: string; name: string }[];
  allocations: { id: string; name: string; amount: string; functionCode: string | null; line: number }[];
  codeLinks: { allocationId: string; project: string; projectIndex: number; code: string; method: string; evidence: { table: string; line: number; text: string }[]; note: string }[];
}

describe('--stage=links: what the load decides of the document', () => {
  it('links 其他一般管理事务, which line 513 lists under 科目编码 2010302, to that 项 (line 254 of 部门支出总表)', async () => {
    // 部门预算绩效管理项目情况表 prints each project with its 科目 code; 部门支出总表 prints the 项 itself.
    expect(line(513).split('\t').slice(0, 4)).toEqual(['2010302', '一般行政管理事务', '其他一般管理事务', '2303']);
    expect(line(254).split('\t')).toEqual(['2010302', '一般行政管理事务', '2,945', '0', '2,945']);
    const links = await stage<LinksShown>('links');
    expect(links.documentId).toBe(file.replace(/\.txt$/, ''));
    const allocation = links.allocations.find((a) => a.line === 513)!;
    expect(allocation).toMatchObject({ name: '其他一般管理事务', amount: '2303.00', functionCode: '2010302' });
    const link = links.codeLinks.find((l) => l.allocationId === allocation.id)!;
    expect(link).toMatchObject({ project: '其他一般管理事务', code: '2010302', method: 'DIRECT', note: '部门预算绩效管理项目情况表 prints 科目编码 2010302' });
    expect(link.evidence).toEqual([expect.objectContaining({ table: '部门预算绩效管理项目情况表', line: 513, text: line(513) })]);
    // The code line it names is one the plan writes: the rows stage holds 2010302 among its codes.
    const rows = await stage<{ codes: { code: string }[]; codeLinks: { code: string }[] }>('rows');
    expect(rows.codes.map((c) => c.code)).toContain('2010302');
    expect(rows.codeLinks.filter((l) => l.code === '2010302').length).toBe(links.codeLinks.filter((l) => l.code === '2010302').length);
  });
});

describe('--stage=NAME prints each stage’s output as JSON', () => {
  it('every stage, money in 万元 strings as --json prints it', async () => {
    // stage() parses what stageOutput printed: it throws on anything but JSON.
    const shown = new Map<string, unknown>();
    for (const { name } of DOCUMENT_PIPELINE.stages) shown.set(name, await stage<unknown>(name));
    expect([...shown.keys()]).toHaveLength(12);
    expect(JSON.stringify([...shown.values()])).not.toMatch(/\d+n"/);
    // 合计 of 部门支出总表 (line 250: 6,928 | 2,383 | 4,545) as the readers read it.
    const readers = shown.get('readers') as { tables: { titleLine: number; readBy: string[] }[]; totals: { total: string; basic: string; project: string; source: { line: number } }[] };
    expect(readers.totals.find((t) => t.source.line === 250)).toMatchObject({ total: '6928.00', basic: '2383.00', project: '4545.00' });
    expect(readers.tables.find((t) => t.titleLine === 408)!.readBy).toEqual(['THREE_COSTS']);
    const checks = shown.get('checks') as { anomalies: { kind: string }[] };
    expect(checks.anomalies.length).toBeGreaterThan(0);
    const plan = shown.get('plan') as { documentId: string; anomalies: { kind: string }[] };
    expect(plan.documentId).toBe(file.replace(/\.txt$/, ''));
    // The plan lists the parser's findings, then what only its links reveal (plan-checks.ts): a 项
    // line its linked projects exceed, and two sentences restating a table otherwise.
    expect(plan.anomalies.slice(0, checks.anomalies.length).map((a) => a.kind)).toEqual(checks.anomalies.map((a) => a.kind));
    expect(plan.anomalies.slice(checks.anomalies.length).map((a) => a.kind)).toEqual(['LINKED_EXCEEDS_LINE', 'PROSE_TABLE_MISMATCH', 'PROSE_TABLE_MISMATCH']);
    // Which the plan-checks stage shows, in that order.
    const planChecks = shown.get('plan-checks') as { anomalies: { kind: string }[] };
    expect(planChecks.anomalies.map((a) => a.kind)).toEqual(['LINKED_EXCEEDS_LINE', 'PROSE_TABLE_MISMATCH', 'PROSE_TABLE_MISMATCH']);
    // The rows stage's rows are the plan's, money as 万元 strings or integers of fen as stored.
    const rows = shown.get('rows') as Record<string, unknown>;
    expect(Object.keys(plan)).toEqual(['documentId', 'contentHash', ...Object.keys(rows), 'anomalies', 'links', 'diagnostics']);
    expect((rows as { codes: unknown[] }).codes.length).toBeGreaterThan(0);
  });

  it('refuses a stage no one has, naming the stages', async () => {
    await expect(stageOutput(path, 'tables')).rejects.toThrow(UnknownStageError);
    await expect(stageOutput(path, 'tables')).rejects.toThrow(/the stages are source, table-model, structure/);
    // The CLI says so before reading any file.
    expect(stageRefusal('tables')).toMatch(/^no stage "tables"; the stages are source, table-model, .*, plan/);
    expect(stageRefusal('table-model')).toBeNull();
  });
});

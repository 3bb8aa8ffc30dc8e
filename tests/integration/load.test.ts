import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import type { Database } from '../../src/db/connection.js';
import { QueryRunner } from '../../src/db/run.js';
import { listDocuments, loadFiles } from '../../src/load/directory.js';
import { loadDocument, removeDocument } from '../../src/load/loader.js';
import { testDatabase, wipe } from './helpers.js';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { departmentIdentity } from '../../src/load/identity.js';

async function counts(runner: QueryRunner): Promise<Record<string, number>> {
  const res = await runner.read('graph-counts');
  return Object.fromEntries(res.records.map((r) => [`${r.get('kind')}:${r.get('name')}`, Number(r.get('n'))]));
}

describe('loading the five bundled documents', () => {
  let db: Database;
  let runner: QueryRunner;
  const files = listDocuments(join(projectRoot, 'data'));
  let reports: Awaited<ReturnType<typeof loadFiles>> = [];

  beforeAll(async () => {
    db = await testDatabase();
    await wipe(db);
    runner = new QueryRunner(db);
    reports = await loadFiles(runner, files);
  });
  afterAll(async () => db?.close());

  it('creates one Document per file and the expected facts', async () => {
    const c = await counts(runner);
    expect(c['node:Document']).toBe(5);
    expect(c['node:Department']).toBe(4); // 龙岗 2020 + 2024 are one department
    expect(c['node:InvestmentProject']).toBe(26);
    expect(c['rel:PUBLISHED']).toBe(5);
    // 004's 公开06 prints three 经济分类 blocks per row: each block is a line (163, was 112 when only the first was read).
    expect(c['node:BudgetLine']).toBe(103 + 53 + 67 + 0 + 163);
    // 合计 rows of classification tables, 000's three 预算单位 rows of its project table, 004's 明细表 合计.
    expect(c['node:TableTotal']).toBe(5 + 3 + 2 + 3 + 0 + 4 + 1);
    // What no richer record holds (investment-form cells, 资金来源 rates and 明细表 payments are typed).
    // 003: 3, the 金额合计 row; its line 14 机构运行保障 | … | 616.34 | 616.34 | 0.00 is a project (#38).
    expect(c['node:Figure']).toBe(136 + 102 + 546 + 3 + 246);
    expect(c['node:Payment']).toBe(8);
    expect(c['node:ProseAmount']).toBe(33 + 36 + 58 + 0 + 184);
  });

  it('changes nothing when the same files load again (content hash)', async () => {
    const before = await counts(runner);
    const reports = await loadFiles(runner, files);
    expect(reports.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED', 'UNCHANGED']);
    expect(await counts(runner)).toEqual(before);
  });

  it('leaves the graph exactly as it was when a document fails midway', async () => {
    const before = await counts(runner);
    const text = readFileSync(files[1]!, 'utf8') + '\n';
    await expect(loadDocument(runner, '001_958a9ca9db32ab73.txt', text, { failAfter: 'load-allocations' })).rejects.toThrow(/injected failure/);
    expect(await counts(runner)).toEqual(before);
  });

  it('answers which projects fed 2010504 信息事务 for 龙岗 in 2020 and 2024, one row per project with its counted method', async () => {
    const res = await runner.read('projects-feeding-code', { code: '2010504', department: '龙岗', years: [2020, 2024], includeDescendants: false, wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: true, withAlternatives: true });
    const feeds = res.records.map((r) => r.get('feed') as { year: unknown; project: string; method: string; support: { method: string }[] });
    const rows = feeds.map((f) => `${Number(f.year)} ${f.project} ${f.method}`);
    expect(rows).toContain('2020 信息安全服务 DIRECT');
    expect(rows).toContain('2020 网络设备运维管理 DIRECT');
    expect(rows).toContain('2024 城市建设-智慧城市建设-智慧龙岗 RECONCILED');
    expect(rows).toContain('2024 城市建设-智慧城市建设-政务信息化 RECONCILED');
    expect(rows).not.toContain('2024 城市建设-智慧城市建设-智慧龙岗 NAMED');
    expect(feeds.find((f) => f.project === '城市建设-智慧城市建设-智慧龙岗')!.support.map((s) => s.method)).toEqual(['RECONCILED', 'NAMED']);
    expect(feeds.filter((f) => Number(f.year) === 2020)).toHaveLength(5);
  });

  it('keeps the evidence of a RECONCILED link: the code line and the projects that add up to it', async () => {
    const res = await runner.read('projects-feeding-code', { code: '2010504', department: '龙岗', years: [2024], includeDescendants: false, wholeDepartment: false, wholeUnit: false, wholeProject: false, withSupport: true, withAlternatives: true });
    const rec = res.records.map((r) => r.get('feed') as { method: string; project: string; evidence: string[]; amountFen: { toString(): string } }).find((f) => f.method === 'RECONCILED' && f.project === '城市建设-智慧城市建设-智慧龙岗')!;
    const evidence = rec.evidence.map((e) => JSON.parse(e) as { table: string; line: number; text: string });
    expect(evidence[0]!.text).toContain('2010504\t信息事务\t2,110.00');
    expect(evidence.map((e) => e.text).join('\n')).toContain('城市建设-智慧城市建设-政务信息化');
    expect(rec.amountFen.toString()).toBe('2000000000');
  });

  it('resolves 龙岗 2020 and 2024 to one department with both titles as aliases', async () => {
    const res = await runner.read('department-by-alias', { name: '龙岗' });
    expect(res.records).toHaveLength(1);
    const dep = res.records[0]!;
    expect(dep.get('aliases')).toEqual(expect.arrayContaining(['深圳市龙岗区政务服务数据管理局', '深圳市龙岗区政务服务数据管理局（本级）']));
    expect((dep.get('years') as unknown[]).map((y) => Number(y)).sort()).toEqual([2020, 2024]);
  });

  it('holds every fact the parser read: per record kind, count and fen sums in the graph equal the parse', () => {
    expect(reports).toHaveLength(5);
    for (const r of reports) expect({ file: r.file, parity: r.parity }).toEqual({ file: r.file, parity: [] });
  });

  it('holds every fact of 36 generated documents of every family (parity on the re-laid-out corpus)', async () => {
    // The generator's departments include the bundled ones' names: leave out what would collide
    // with a bundled document (same department, year and kind is refused by design).
    const taken = new Set(reports.map((r) => `${String(r.plan!.department.id)}|${String(r.plan!.document.year)}`));
    const docs = generateCorpus(36, 424242).filter((d) => !taken.has(`${departmentIdentity(d.truth.department).id}|${d.truth.year}`));
    expect(docs.length).toBeGreaterThan(30);
    const out: string[] = [];
    for (const d of docs) {
      const r = await loadDocument(runner, d.file, d.text);
      out.push(...r.parity.map((p) => `${d.file}: ${p}`));
    }
    expect(out).toEqual([]);
    for (const d of docs) await runner.write('load-delete-document', { file: d.file });
    await runner.write('load-collect-orphans');
  });

  it('keeps two units’ same-named projects apart: 000’s 大数据中心 rows are their own allocations under their own codes', async () => {
    const res = await runner.read('test-allocations-of-project', { documentId: '000_5c682a4da5e2a113', name: '办公设备购置' });
    const rows = res.records.map((r) => `${r.get('unit')} ${r.get('code')} ${r.get('amountFen')}`).sort();
    expect(rows).toEqual(['深圳市龙岗区大数据中心 2010502 9000000', '深圳市龙岗区政务服务数据管理局 2010302 28000000']);
  });

  it('keeps each project\'s stored all-years total equal to its allocations through loads, replacements and removals', async () => {
    const stale = async () => {
      const r = (await runner.read('test-project-totals')).records[0]!;
      return { projects: Number(r.get('projects')), stale: r.get('stale') as string[] };
    };
    const loaded = await stale();
    expect(loaded.projects).toBeGreaterThan(50);
    expect(loaded.stale).toEqual([]);
    const file = files.find((f) => f.includes('/004_'))!;
    const text = readFileSync(file, 'utf8');
    const base = file.split('/').pop()!;
    // Replaced by an edited copy (every 1 in an amount becomes 2), removed, then loaded as it was.
    await loadDocument(runner, base, text.replace(/(\d),(\d)/g, '$1,$2').replace(/1(\d*\.\d\d)\b/g, '2$1'), {});
    expect((await stale()).stale).toEqual([]);
    expect(await removeDocument(runner, base)).toBe(true);
    const removed = await stale();
    expect(removed.projects).toBeLessThan(loaded.projects);
    expect(removed.stale).toEqual([]);
    await loadDocument(runner, base, text, {});
    expect(await stale()).toEqual(loaded);
  });

  it('reports a bad file and loads the ones after it (start-up and npm run load)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-graph-bad-'));
    try {
      const table = (dept: string) => `2025年深圳市${dept}部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;
      writeFileSync(join(dir, 'a-good.txt'), table('示例区甲局'));
      writeFileSync(join(dir, 'b-latin1.txt'), Buffer.from([0x32, 0x30, 0x32, 0x35, 0xc4, 0xea, 0x0a]));
      writeFileSync(join(dir, 'c-good.txt'), table('示例区乙局'));
      // A published PDF with one byte changed in its first page's flate stream (issue #36: pdf.js
      // threw uncaught and the batch ended "0 files … 3 not started").
      const damaged = Buffer.from(readFileSync(join(projectRoot, 'tests', 'fixtures', 'real', '上海市普陀区人民政府办公室单位25年预算.pdf')));
      damaged[688] = 0x75;
      writeFileSync(join(dir, 'b-damaged.pdf'), damaged);
      writeFileSync(join(dir, 'd-good.txt'), table('示例区丙局'));
      const bad: string[] = [];
      const reports = await loadFiles(runner, listDocuments(dir), {}, undefined, (file, err) => bad.push(`${file} ${err.code} ${err.message}`));
      expect(reports.map((r) => `${r.file} ${r.status}`)).toEqual(['a-good.txt LOADED', 'c-good.txt LOADED', 'd-good.txt LOADED']);
      expect(bad).toEqual([
        expect.stringMatching(/^b-damaged\.pdf BAD_DOCUMENT b-damaged\.pdf: page 1: the PDF's content cannot be read/),
        expect.stringMatching(/^b-latin1\.txt BAD_DOCUMENT b-latin1\.txt:1: the file is not valid UTF-8/),
      ]);
      for (const f of ['a-good.txt', 'c-good.txt', 'd-good.txt']) await runner.write('load-delete-document', { file: f });
      await runner.write('load-collect-orphans');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run load takes a folder (recursive), refuses an unknown flag, and writes its run report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-graph-cli-'));
    try {
      const table = (dept: string) => `2025年深圳市${dept}部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n201\t一般公共服务支出\t10.00\t4.00\t6.00\n`;
      mkdirSync(join(dir, 'docs', 'deep'), { recursive: true });
      writeFileSync(join(dir, 'docs', 'a.txt'), table('示例区丙局'));
      writeFileSync(join(dir, 'docs', 'deep', 'b.txt'), 'no title here\n');
      const cli = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(projectRoot, 'src', 'cli', 'load.ts'), ...args], { encoding: 'utf8', env: process.env, timeout: 120_000 });
      const typo = cli('--jsn', join(dir, 'docs'));
      expect(typo.status).toBe(64);
      expect(typo.stderr).toMatch(/Unknown option '--jsn'[\s\S]*usage: npm run load/);

      const run = cli(join(dir, 'docs'), '--report', join(dir, 'reports'));
      expect(run.status, run.stderr).toBe(1); // one file refused
      expect(run.stdout).toMatch(/^1\/2 a\.txt: LOADED/m);
      expect(run.stderr).toMatch(/2\/2 b\.txt: NOT LOADED \(BAD_DOCUMENT\)/);
      expect(run.stdout).toMatch(/2 files \(1 LOADED, 1 REFUSED\)/);
      const [json] = readdirSync(join(dir, 'reports')).filter((f) => f.endsWith('.json'));
      const report = JSON.parse(readFileSync(join(dir, 'reports', json!), 'utf8')) as { summary: { files: number }; files: { file: string; status: string; year: number | null; records: { lines?: number }; error: string | null }[] };
      expect(report.summary.files).toBe(2);
      expect(report.files.map((f) => [f.file, f.status, f.year, f.records.lines ?? null])).toEqual([['a.txt', 'LOADED', 2025, 1], ['b.txt', 'REFUSED', null, null]]);
      expect(report.files[1]!.error).toMatch(/^BAD_DOCUMENT: b\.txt:1:/);

      // Run again: the loaded file is skipped by its content hash (a stopped run resumes).
      const again = cli(join(dir, 'docs', 'a.txt'), '--report', join(dir, 'reports'));
      expect(again.stdout).toMatch(/a\.txt: UNCHANGED/);
      await runner.write('load-delete-document', { file: 'a.txt' });
      await runner.write('load-collect-orphans');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

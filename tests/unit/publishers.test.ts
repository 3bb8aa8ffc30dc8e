// The publisher as printed (issue #37, item 4): department and unit from the lines that name them,
// the title, the cover; a 单位预算 beside its department's 部门预算; a blank template refused. On the
// Shanghai disclosures of tests/fixtures/real; every expected value below was read off the page
// image (`pdftoppm -r 80 -f N -l N -png FILE out`, page N given beside it), never copied from the
// parser's output.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { BadDocumentError } from '../../src/errors.js';
import { departmentIdentity } from '../../src/load/identity.js';

const REAL = 'tests/fixtures/real';
const OFFICE = '上海市普陀区人民政府办公室25年预算.pdf';
const OFFICE_UNIT = '上海市普陀区人民政府办公室单位25年预算.pdf';
const FINANCE_FINAL = '上海市普陀区财政局2024年度部门决算.pdf';
const JUSTICE = 'dept_budget.pdf';
const FINANCE_2025 = '上海市普陀区财政局部门25年预算.pdf';
const WANLI_2025 = '上海市普陀区人民政府万里街道办事处25年预算.pdf';
const TEMPLATE = '附件2：部门决算模板.pdf';

const docs = new Map<string, ParsedDocument>();
const textOf = async (file: string) => (await readSource(readFileSync(`${REAL}/${file}`), file)).text;

beforeAll(async () => {
  for (const file of [OFFICE, OFFICE_UNIT, FINANCE_FINAL, JUSTICE, FINANCE_2025, WANLI_2025]) docs.set(file, parseDocument(await textOf(file), file));
}, 120_000);

const doc = (file: string) => docs.get(file)!;

describe('a 部门预算 of 上海市普陀区人民政府办公室, 2025', () => {
  it('is published by the department its cover names on the 预算主管部门 line (p. 1), not by the cover\'s first line', () => {
    const d = doc(OFFICE);
    expect(d.meta.department).toBe('上海市普陀区人民政府办公室');
    expect(d.meta.year).toBe(2025);
    expect(d.meta.kinds).toEqual(['BUDGET']);
    expect(d.meta.publisher).toMatchObject({ department: '上海市普陀区人民政府办公室', departmentFrom: 'LINE', unit: null });
    expect(d.meta.publisher!.departmentSource.text).toBe('预算主管部门：上海市普陀区人民政府办公室');
  });
});

describe('the same department\'s 单位预算 (上海市普陀区人民政府办公室单位25年预算)', () => {
  it('is the unit\'s document (p. 1: 预算单位：上海市普陀区人民政府办公室), a 单位预算, not a glued title', () => {
    const d = doc(OFFICE_UNIT);
    expect(d.meta.title).toBe('上海市普陀区2025年区级单位预算');
    expect(d.meta.department).toBe('上海市普陀区人民政府办公室');
    expect(d.meta.year).toBe(2025);
    expect(d.meta.kinds).toEqual(['UNIT_BUDGET']);
    expect(d.meta.publisher).toMatchObject({ unit: '上海市普陀区人民政府办公室', departmentFrom: 'UNIT' });
    expect(d.meta.publisher!.unitSource!.text).toBe('预算单位：上海市普陀区人民政府办公室');
  });

  it('stands beside the department\'s 部门预算 of the same year: same department, no kind in common (the load\'s same-slot rule)', () => {
    const unit = doc(OFFICE_UNIT).meta;
    const dept = doc(OFFICE).meta;
    expect(departmentIdentity(unit.department).id).toBe(departmentIdentity(dept.department).id);
    expect(unit.year).toBe(dept.year);
    // cypher/load-documents-same-slot.cypher: a rival is a document of the same department and year sharing a kind.
    expect(unit.kinds.filter((k) => dept.kinds.includes(k))).toEqual([]);
  });
});

describe('a 部门决算 in 万元 whose title wraps over two lines (上海市普陀区财政局, 2024)', () => {
  it('is published by the department its two-line title names (p. 1)', () => {
    const d = doc(FINANCE_FINAL);
    expect(d.meta.title).toBe('上海市普陀区财政局2024年度部门决算');
    expect(d.meta.department).toBe('上海市普陀区财政局');
    expect(d.meta.year).toBe(2024);
    expect(d.meta.kinds).toEqual(['FINAL_ACCOUNTS']);
    expect(d.meta.publisher).toMatchObject({ departmentFrom: 'TITLE', unit: null });
  });
});

describe('a 部门预算 of 上海市普陀区司法局, 2026', () => {
  it('is published by 上海市普陀区司法局 (p. 1: 预算主管部门：上海市普陀区司法局)', () => {
    expect(doc(JUSTICE).meta).toMatchObject({ department: '上海市普陀区司法局', year: 2026, kinds: ['BUDGET'] });
  });
});

describe('publishers of one district and year', () => {
  it('are three departments, as their covers print them (p. 1 of each), not one "上海市普陀区区级"', () => {
    const names = [OFFICE, FINANCE_2025, WANLI_2025].map((f) => doc(f).meta.department);
    expect(names).toEqual(['上海市普陀区人民政府办公室', '上海市普陀区财政局', '上海市普陀区人民政府万里街道办事处']);
    expect(new Set(names.map((n) => departmentIdentity(n).id)).size).toBe(3);
  });
});

describe('the blank template (附件2：部门决算模板.pdf: 上海市XX局, p. 1; empty tables, p. 12)', () => {
  it('is refused as BAD_DOCUMENT with a sentence saying it is a template', async () => {
    const text = await textOf(TEMPLATE);
    let error: unknown;
    try {
      parseDocument(text, TEMPLATE);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BadDocumentError);
    expect((error as BadDocumentError).code).toBe('BAD_DOCUMENT');
    expect((error as Error).message).toMatch(/blank template/);
    expect((error as Error).message).toContain('上海市XX局');
  });
});

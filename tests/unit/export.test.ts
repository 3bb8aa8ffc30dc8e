// /export: which rows an export query selects, the columns they become, and CSV quoting.
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/api/schema.js';
import { csvHeader, csvRow, exportRequest, planExport, rowsAt } from '../../src/api/export.js';
import { BudgetGraphError } from '../../src/errors.js';

const schema = await buildApiSchema();
const plan = (query: string, pageSize = 100) => planExport(schema, { query, variables: {}, format: 'csv', pageSize });

describe('an export query', () => {
  it('pages a connection itself: first = pageSize, after = the last cursor, provenance added where rows have a source', () => {
    const p = plan('{ investmentProjects(filter: {year: 2020}) { nodes { code name } } }', 7);
    expect(p.paged).toBe(true);
    // Page and box (#39 item 1): an exported fact says where on the page it is printed.
    // With OCR's confidence and the cells the fact read (#39 items 1 and 3): one list column a field.
    const cell = ['index', 'text', 'x0', 'y0', 'x1', 'y1', 'ocrConfidence'].map((n) => `source.cells.${n}`);
    expect(p.columns.map((c) => c.name)).toEqual(['code', 'name', 'source.document.file', 'source.table', 'source.line', 'source.page', 'source.box.x0', 'source.box.y0', 'source.box.x1', 'source.box.y1', 'source.ocrConfidence', ...cell]);
    expect(p.columns.filter((c) => c.name.startsWith('source.cells.')).every((c) => c.list)).toBe(true);
    // A fact read from cells 0, 3 and 4 of its row: each cell's field joined in its column.
    const row = { code: '2010601', name: '行政运行', source: { line: 131, page: 8, ocrConfidence: null, cells: [0, 3, 4].map((index, k) => ({ index, text: ['201', '行政运行', '1,511.90'][k], x0: 66.3 + k, y0: 275.5, x1: 108.5 + k, y1: 292.8, ocrConfidence: null })) } };
    expect(csvRow(p.columns, row).trimEnd()).toBe('2010601,行政运行,,,131,8,,,,,,0; 3; 4,"201; 行政运行; 1,511.90",66.3; 67.3; 68.3,275.5; 275.5; 275.5,108.5; 109.5; 110.5,292.8; 292.8; 292.8,"; ; "');
    const second = p.operation('CURSOR');
    expect(second).toContain('first: 7');
    expect(second).toContain('after: "CURSOR"');
    expect(second).toContain('pageInfo');
  });

  it('takes a plain list below one object (a document’s figures, aggregate cells); lists in rows become one column', () => {
    const figures = plan('{ document(id: "x") { title figures { item value column } } }');
    expect(figures.paged).toBe(false);
    expect(figures.rowsPath).toEqual(['document', 'figures']);
    const cells = plan('{ aggregate(measure: TOTAL, groupBy: [YEAR]) { total cells { year amount } } }');
    expect(cells.rowsPath).toEqual(['aggregate', 'cells']);
    const anomalies = plan('{ anomalies { nodes { kind sources { line } } } }');
    // A list of objects is one column per field it selects, its items joined in each cell.
    expect(anomalies.columns.filter((c) => c.name.startsWith('sources')).map((c) => [c.name, c.list])).toEqual([['sources.line', true]]);
  });

  it('refuses two roots, a mutation, hand-set paging and a query with no list, saying what to send', () => {
    expect(() => plan('{ projects { nodes { name } } health { ok } }')).toThrow(/one root field/);
    expect(() => plan('mutation { removeDocument(name: "x") }')).toThrow(/Only queries/);
    expect(() => plan('{ projects(after: "x") { nodes { name } } }')).toThrow(/pages by itself/);
    expect(() => plan('{ health { ok } }')).toThrow(BudgetGraphError);
    expect(() => exportRequest(new URLSearchParams('format=xml&query={x}'), undefined)).toThrow(/csv or ndjson/);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks; a list of objects is a column per field, items joined by "; " in order, never JSON', () => {
    const p = plan('{ anomalies { nodes { message sources { line table } } } }');
    const cols = p.columns.filter((c) => c.name === 'message' || c.name.startsWith('sources'));
    expect(csvHeader(cols)).toBe('message,sources.line,sources.table\r\n');
    const row = { message: 'a, "b"\nc', sources: [{ line: 1, table: '支出总表' }, { line: 2, table: null }, { line: 3, table: 'a;b\\c' }] };
    expect(csvRow(cols, row)).toBe('"a, ""b""\nc",1; 2; 3,支出总表; ; a\\;b\\\\c\r\n');
    expect(csvRow(cols, { message: 'm', sources: [] })).toBe('m,,\r\n');
    expect(csvRow(cols, { message: 'm', sources: [] })).not.toMatch(/[[{]/);
    expect(rowsAt({ a: { b: [{ x: 1 }, { x: 2 }] } }, ['a', 'b'])).toEqual([{ x: 1 }, { x: 2 }]);
  });
});

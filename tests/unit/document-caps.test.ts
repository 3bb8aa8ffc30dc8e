// Caps on one document's size (src/load/document-caps.ts, issue 35): a document over one is refused
// before it is parsed or written, naming the file, the line where the cap was passed, the count
// and the limit. Before, nothing capped a document: every refusal below failed (the 40,000-row
// table was read and planned in ~4 s and then written for 110 s; the texts of many short lines,
// of one giant line and of tables run together were read whole, the last into 48,000 figures that
// each repeated a 12,000-character line).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { BadDocumentError } from '../../src/errors.js';
import { DOCUMENT_CAPS, measureText, recordCount, refuseOversizedPlan, refuseOversizedRecords, refuseOversizedText } from '../../src/load/document-caps.js';
import { loadDocument, planRows } from '../../src/load/loader.js';
import { parseOffThread } from '../../src/load/parse-off-thread.js';
import { buildPlan } from '../../src/load/plan.js';
import { documentText, parseDocument } from '../../src/parse/index.js';
import type { QueryRunner } from '../../src/db/run.js';
import { functionTable, runTogetherTables } from '../../bench/stress/documents.js';

const TITLE = '2032年深圳市示例区大文件局部门预算\n\n表一：部门支出总表（按功能科目）\n\n单位：万元\n\n';

/** The refusal `work` ends in (it must end in one). */
async function refusal(work: () => unknown): Promise<BadDocumentError> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(BadDocumentError);
    return err as BadDocumentError;
  }
  throw new Error('the document was not refused');
}

function cpuMicros(work: () => unknown): number {
  const before = process.cpuUsage();
  try {
    work();
  } catch {
    // a refusal is the answer timed
  }
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

describe('a text over a cap is refused before it is parsed', () => {
  it("the issue's 40,000-row table: in the parse worker, with the line of row 5,001, the count and the limit", async () => {
    const err = await refusal(() => parseOffThread('big.txt', functionTable(40_000)));
    // Rows are lines 7 (the header) onwards: row 5,001 is on line 5,007.
    expect(err.message).toMatch(/^big\.txt:5007: the document has 40,001 table rows, more than the 5,000 one document may have/);
    expect(err.details).toMatchObject({ file: 'big.txt', line: 5_007, reason: 'DOCUMENT_TOO_LARGE', cap: 'rows', count: 40_001, limit: 5_000 });
  });

  it('costs a small part of reading it: one pass over the characters', () => {
    const text = functionTable(40_000);
    const scan = Math.min(...[1, 2, 3].map(() => cpuMicros(() => refuseOversizedText(text, 'big.txt'))));
    const parse = cpuMicros(() => parseDocument(text, 'big.txt'));
    expect(scan * 20).toBeLessThan(parse);
  });

  it('600,000 short lines: at line 25,001', async () => {
    const err = await refusal(() => parseOffThread('lines.txt', `${TITLE}${'a\n'.repeat(600_000)}`));
    expect(err.details).toMatchObject({ line: 25_001, cap: 'lines', count: 600_007, limit: DOCUMENT_CAPS.lines });
  });

  it('one line of 1.45 M characters: that line, its length', async () => {
    const err = await refusal(() => parseOffThread('line.txt', `${TITLE}${'1.00 '.repeat(290_000)}\n`));
    expect(err.details).toMatchObject({ line: 7, cap: 'lineChars', count: 1_450_000, limit: DOCUMENT_CAPS.lineChars });
    expect(err.message).toMatch(/1,450,000 characters on one line, more than the 20,000 one line may have/);
  });

  it("a text file of 15 MiB (under the source's byte cap) as bytes: the character cap, before its printed document is built", async () => {
    // Found by review: the printed document (a line and a cell object a line) of 7.8 M lines was
    // built before the cap was looked at, and ran the worker out of its heap (PARSER_OUT_OF_MEMORY).
    const bytes = new TextEncoder().encode(`${TITLE}${'a\n'.repeat(7_800_000)}`);
    const err = await refusal(() => parseOffThread('huge.txt', bytes));
    expect(err.details).toMatchObject({ cap: 'chars', limit: DOCUMENT_CAPS.chars });
  });

  it('more characters than the API takes: without reading past the cap', () => {
    const err = (() => {
      try {
        refuseOversizedText(`${TITLE}${'一'.repeat(1_600_000)}`, 'long.txt');
      } catch (e) {
        return e as BadDocumentError;
      }
    })();
    expect(err?.details).toMatchObject({ line: 7, cap: 'chars', count: 1_600_046, limit: DOCUMENT_CAPS.chars });
  });

  it('64,000 cells in 2,000 rows: the line where the 30,001st cell is', () => {
    const rows = Array.from({ length: 2_000 }, () => `201\t${'1.00\t'.repeat(30)}1.00`).join('\n');
    const err = (() => {
      try {
        refuseOversizedText(`${TITLE}${rows}\n`, 'wide.txt');
      } catch (e) {
        return e as BadDocumentError;
      }
    })();
    // 32 cells a row: the 30,001st is in row 938, on line 944.
    expect(err?.details).toMatchObject({ line: 944, cap: 'cells', count: 64_000, limit: 30_000 });
  });

  it('counts rows and cells as the layout reads them: a tab at the end of a line makes no cell', () => {
    expect(measureText('a\tb\t\t \n\t\n  \nc\t d\n')).toMatchObject({ lines: 5, rows: 2, cells: 4 });
  });
});

describe('records over a cap are refused after the parse, before they are planned or written', () => {
  it('tables run together on one line: the characters of source text their figures repeat', async () => {
    const err = await refusal(() => parseOffThread('flat.txt', runTogetherTables(4)));
    expect(err.details).toMatchObject({ cap: 'recordText', limit: DOCUMENT_CAPS.recordText });
    expect(err.details.count).toBeGreaterThan(100_000_000);
  });

  it('26 such tables: more records than one document may write', async () => {
    const err = await refusal(() => parseOffThread('flat.txt', runTogetherTables(26)));
    expect(err.details).toMatchObject({ cap: 'records', count: 62_401, limit: DOCUMENT_CAPS.records });
  });

  it('a plan over the cap, with the line where its rows passed it', () => {
    const err = (() => {
      try {
        refuseOversizedPlan('plan.txt', [5, 3, 9, 4, 7], 6, { ...DOCUMENT_CAPS, records: 3 });
      } catch (e) {
        return e as BadDocumentError;
      }
    })();
    expect(err?.details).toMatchObject({ line: 7, cap: 'records', count: 6, limit: 3 });
  });

  it('by the in-process load too (loadDocument), before anything is read from the database', async () => {
    const runner = {} as QueryRunner;
    const err = await refusal(() => loadDocument(runner, 'big.txt', functionTable(40_000)));
    expect(err.details).toMatchObject({ cap: 'rows', count: 40_001 });
  });
});

describe('the caps leave room for the real documents', () => {
  it('every bundled document is under a quarter of the caps on what it writes, a fifth of those on its text', () => {
    const files = readdirSync(join(projectRoot, 'data')).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(join(projectRoot, 'data', file), 'utf8');
      const size = measureText(text);
      const doc = parseDocument(text, file);
      const part = (cap: keyof typeof DOCUMENT_CAPS, n: number) => DOCUMENT_CAPS[cap] / n;
      expect(text.length, file).toBeLessThan(part('chars', 5));
      expect(size.lines, file).toBeLessThan(part('lines', 5));
      expect(size.rows, file).toBeLessThan(part('rows', 4));
      expect(size.cells, file).toBeLessThan(part('cells', 4));
      expect(recordCount(doc), file).toBeLessThan(part('records', 4));
      expect(planRows(buildPlan(doc, documentText(text, file))).total, file).toBeLessThan(part('records', 4));
      expect(() => refuseOversizedRecords(doc, file, { ...DOCUMENT_CAPS, recordText: DOCUMENT_CAPS.recordText / 5 }), file).not.toThrow();
    }
  });
});

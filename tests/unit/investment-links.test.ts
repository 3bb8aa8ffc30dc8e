// Given an investment table and the 项 lines of the same 决算, these links (or none).
import { describe, expect, it } from 'vitest';
import { linkInvestmentsToCodes } from '../../src/load/code-links.js';
import type { BudgetLine, Diagnostic, InvestmentProject } from '../../src/parse/records.js';

const src = (line: number, text: string) => ({ file: 'f.txt', table: 't', line, text });
const line = (code: string, project: bigint, at: number): BudgetLine => ({ scheme: 'FUNCTION', code, name: code, level: 3, unit: null, basis: 'ACTUAL', total: project, basic: 0n, project, columns: {}, source: src(at, `${code}\t…`) });
const ip = (code: string, completed: bigint | null, at: number): InvestmentProject => ({
  code, truncated: false, registrationYear: 2019, divisionCode: '440317', industryCode: '65', typeCode: '01', serial: '000001', name: code, unit: null,
  totalInvestment: null, totalFiscal: null, totalOther: null, targetAtYearStart: null, plannedInYear: null, completedInYear: completed, completedGeneralBudget: null, completedGovernmentFund: null,
  planExecutionRate: null, cumulativeCompleted: null, completionRate: null, imageProgress: null, industry: null, started: null, completed: null, progress: null, startDate: null, endDate: null, nature: null, source: src(at, code), fieldSources: {},
});

describe('investment project → 项 code by amounts', () => {
  it('links when the completed investment equals exactly one 项 line’s 项目支出, with both lines as evidence', () => {
    const links = linkInvestmentsToCodes([ip('A', 2_803_768n * 100n, 10)], [line('2013799', 2_803_768n * 100n, 50), line('2010504', 1_000_000n, 51)], []);
    expect(links).toEqual([{ investmentIndex: 0, code: '2013799', evidence: [src(10, 'A'), src(50, '2013799\t…')], note: expect.stringContaining('2013799') }]);
  });

  it('makes no link when two 项 lines share the amount, and says so', () => {
    const diagnostics: Diagnostic[] = [];
    expect(linkInvestmentsToCodes([ip('A', 5_000_000n, 10)], [line('2013799', 5_000_000n, 50), line('2010504', 5_000_000n, 51)], diagnostics)).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['INVESTMENT_RECONCILE_AMBIGUOUS']);
  });

  it('makes no link when the amount differs by one fen', () => {
    expect(linkInvestmentsToCodes([ip('A', 5_000_001n, 10)], [line('2013799', 5_000_000n, 50)], [])).toEqual([]);
  });
});

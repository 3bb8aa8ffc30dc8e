// Identity never loses a fact: one printed row's money is one allocation, and an investment
// project is tied to the project it reports on with a rule and a score, or to nothing, said aloud.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/index.js';
import { buildPlan, slotListings } from '../../src/load/plan.js';
import { unitId } from '../../src/load/identity.js';
import { bigramDice, linkInvestmentsToAllocations } from '../../src/load/investment-reports.js';
import type { Diagnostic, InvestmentProject, Project } from '../../src/parse/records.js';

const read = (f: string) => {
  const text = readFileSync(join(import.meta.dirname, '../../data', f), 'utf8');
  return { doc: parseDocument(text, f), text };
};

describe('allocations: document + unit + project + code line', () => {
  it('given 000’s project table, the 大数据中心 rows of 其他一般管理事务 and 办公设备购置 are allocations of their own', () => {
    const { doc, text } = read('000_5c682a4da5e2a113.txt');
    const plan = buildPlan(doc, text);
    const of = (name: string) => plan.allocations.filter((a) => a.name === name).map((a) => `${String(a.unitId).split('|')[1]} ${String(a.amountFen)}`);
    expect(of('办公设备购置')).toEqual(['本级 28000000', '龙岗区大数据中心 9000000']);
    expect(of('其他一般管理事务')).toEqual(['本级 2303000000', '龙岗区大数据中心 88000000']);
    // Lines 521 (2010302, under the department's own rows from line 512) and 524 (2010502, under
    // 大数据中心 from line 522): one project each since a project is department + unit + name
    // (f965dac), so each allocation is named by its unit, no longer '#2' of one project.
    const links = plan.codeLinks.filter((l) => String(l.allocationId).includes('办公设备购置')).map((l) => `${String(l.allocationId).split('|').slice(-2).join('|')} ${String(l.code)} ${String(l.method)}`);
    expect(links).toEqual(['本级|办公设备购置 2010302 DIRECT', '龙岗区大数据中心|办公设备购置 2010502 DIRECT']);
    // Every listing the parser read is kept, each under one allocation.
    expect(plan.listings).toHaveLength(doc.projects.length);
  });

  it('puts a listing that names no unit or code with the row whose amount it repeats', () => {
    const base = { parent: null, level: null, key: false, goal: null, executed: null, executionRate: null, funding: null, functionName: null } as unknown as Project;
    const row = (unit: string | null, code: string | null, amount: bigint, kind: Project['sourceKind']): Project => ({ ...base, name: '办公设备购置', unit, functionCode: code, amount, sourceKind: kind, source: { file: 'f', table: 't', line: 1, text: '' } }) as Project;
    const list = [row('某局', '2010302', 28n, 'PROJECT_TABLE'), row('某中心', '2010502', 9n, 'PROJECT_TABLE'), row(null, null, 9n, 'PROSE_LIST'), row(null, null, 5n, 'TARGET_FORM')];
    const slots = slotListings(list, (u) => unitId('某局', u));
    expect(slots.map((s) => s.map((p) => `${p.unit ?? '-'}:${p.amount}`))).toEqual([['某局:28', '-:5'], ['某中心:9', '-:9']]);
  });
});

describe('investment projects and the projects they report on', () => {
  const ip = (name: string, line: number) => ({ name, code: `2019-440310-65-01-00000${line}`, source: { file: 'f', table: 't', line, text: name } }) as unknown as InvestmentProject;
  const project = (name: string, line: number) => ({ name, source: { file: 'f', table: 'p', line, text: name } }) as unknown as Project;

  it('matches the same name, a name inside another, and a reworded name, each with rule and score', () => {
    const diagnostics: Diagnostic[] = [];
    const links = linkInvestmentsToAllocations(
      [ip('真三维实景地图', 1), ip('视频前端建设（一期）项目', 2), ip('“感知坪山”视频共享管理信息平台', 3), ip('坪山区机房扩容（二期）项目', 4)],
      [project('真三维实景地图', 10), project('视频前端建设(一期)', 11), project('感知坪山视频共享信息管理平台', 12), project('一般行政管理事务', 13)],
      diagnostics,
    );
    expect(links.map((l) => `${l.investmentIndex}→${l.allocationIndex} ${l.rule}`)).toEqual(['0→0 SAME_NAME', '1→1 SAME_NAME', '2→2 NAME_SIMILAR']);
    expect(links[2]!.score).toBeGreaterThan(0.6);
    expect(links[2]!.evidence.map((s) => s.line)).toEqual([3, 12]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'INVESTMENT_WITHOUT_PROJECT', line: 4 })]);
  });

  it('links nothing when two projects match equally, and says so', () => {
    const diagnostics: Diagnostic[] = [];
    expect(linkInvestmentsToAllocations([ip('智慧园区平台', 1)], [project('智慧园区平台一期', 2), project('智慧园区平台二期', 3)], diagnostics)).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'INVESTMENT_PROJECT_AMBIGUOUS', line: 1 });
  });

  it('scores names by character bigrams', () => {
    expect(bigramDice('感知坪山视频共享管理信息平台', '感知坪山视频共享管理信息平台')).toBe(1);
    expect(bigramDice('真三维实景地图', '一般行政管理事务')).toBe(0);
  });

  it('given 004, ties each of its 26 investment projects to a project, the last three by their 自评综述 wrapped over a blank line', () => {
    const { doc, text } = read('004_977ad1fe0b13bb92.txt');
    const plan = buildPlan(doc, text);
    expect(plan.investmentReports).toHaveLength(26);
    expect(plan.investments.every((i) => typeof i.unitId === 'string')).toBe(true);
    expect(plan.investments.every((i) => plan.investmentReports.some((r) => r.investmentId === i.id))).toBe(true);
    // 004 line 512 "(8) 坪山区智慧管理指挥平台项目绩效自评综述：…预算执行率" / line 514 "100%。", line 646
    // "（23）坪山区信息化项目管理信息系统项目绩效自评综" / line 648 "述：…", line 680 "（27）坪山区机房扩容（二期）项目…" / 682.
    const tiedBy = (name: string) => {
      const inv = plan.investments.find((i) => i.name === name)!;
      const report = plan.investmentReports.find((r) => r.investmentId === inv.id)!;
      const prose = report.evidence.map((e) => JSON.parse(e) as { table: string; line: number }).filter((e) => e.table === '正文');
      return [report.rule, prose.map((e) => e.line)];
    };
    expect(['坪山区智慧管理指挥平台项目', '坪山区信息化项目管理信息系统项目', '坪山区机房扩容（二期）项目'].map(tiedBy)).toEqual([
      ['SAME_NAME', [512]],
      ['SAME_NAME', [646]],
      ['SAME_NAME', [680]],
    ]);
  });
});

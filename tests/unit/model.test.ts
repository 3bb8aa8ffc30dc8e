// src/model is the one declaration of the graph: every other place that names a node kind or a
// closed set is derived from it or checked against it here.
import { upperSnake } from '../../src/api/types/enums.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { buildApiSchema } from '../../src/api/schema.js';
import { INTERNAL_NODE_KINDS, NODE_KINDS, NODE_KINDS_DECL, RELATIONSHIPS, isCodeKind, type NodeKindDecl } from '../../src/model/nodes.js';
import { buildPlan } from '../../src/load/plan.js';
import { parseDocument } from '../../src/parse/index.js';
import { CODE_SCHEMES, LINK_METHODS, codeKey, labelOfScheme, linkRank, schemeOfLabel } from '../../src/model/codes.js';
import { ANOMALY_KINDS, SEVERITIES } from '../../src/model/anomalies.js';
import { BASES, DOCUMENT_KINDS } from '../../src/model/documents.js';
import { LINEAGE_STEPS } from '../../src/model/lineage.js';
import { PROJECT_SOURCE_KINDS } from '../../src/model/projects.js';
import { FIGURE_MEASURES } from '../../src/model/figures.js';
import { THREE_COSTS_FIGURE_NAMES } from '../../src/model/three-costs.js';
import { parseGlobalId } from '../../src/query/graph-nodes.js';
import { threeCostsRow } from '../../src/query/rows.js';

const file = (...path: string[]) => readFileSync(join(projectRoot, ...path), 'utf8');

describe('the node kinds of src/model/nodes.ts', () => {
  it('each have a uniqueness constraint on their key in cypher/schema.cypher (a code kind: through Code.key)', () => {
    const constraints = new Set([...file('cypher', 'schema.cypher').matchAll(/FOR \(\w+:(\w+)\) REQUIRE \w+\.(\w+) IS UNIQUE/g)].map((m) => `${m[1]}.${m[2]}`));
    const declared = { ...NODE_KINDS_DECL, ...INTERNAL_NODE_KINDS } as Record<string, { key: string; codeLabel?: boolean }>;
    // A classification code's node is also a :Code, merged on Code.key = its label + ':' + its code
    // (cypher/load-codes.cypher): its code is unique under its label through that constraint, which
    // holds where no statement looks it up by its own (b3e2de8 dropped the unused ones).
    const mergedOnCodeKey = /MERGE \(\w+:Code \{key: row\.label \+ ':' \+ row\.code\}\)/.test(file('cypher', 'load-codes.cypher')) && constraints.has('Code.key');
    const unique = (kind: string, d: { key: string; codeLabel?: boolean }) => constraints.has(`${kind}.${d.key}`) || (d.codeLabel === true && d.key === 'code' && mergedOnCodeKey);
    const missing = Object.entries(declared).filter(([kind, d]) => !unique(kind, d)).map(([k, d]) => `${k}.${d.key}`);
    expect(missing).toEqual([]);
  });

  it('are every label schema.cypher constrains (no label the model does not know)', () => {
    const labels = new Set([...file('cypher', 'schema.cypher').matchAll(/FOR \(\w+:(\w+)\) REQUIRE/g)].map((m) => m[1]!));
    const known = new Set<string>([...NODE_KINDS, ...Object.keys(INTERNAL_NODE_KINDS)]);
    expect([...labels].filter((l) => !known.has(l))).toEqual([]);
  });

  it('each have a style in the explorer legend (web/src/graph.ts)', () => {
    const legend = file('web', 'src', 'graph.ts');
    expect(NODE_KINDS.filter((k) => !new RegExp(`^\\s*${k}: \\{ color:`, 'm').test(legend))).toEqual([]);
  });

  it('each appear in docs/graph-model.md', () => {
    const doc = file('docs', 'graph-model.md');
    expect([...NODE_KINDS, ...Object.keys(INTERNAL_NODE_KINDS)].filter((k) => !doc.includes(`\`${k}\``) && !doc.includes(` ${k} `) && !doc.includes(`${k} --`))).toEqual([]);
  });

  it('include every label the bench peer declares (bench/peer/type-defs.graphql)', () => {
    const peer = [...file('bench', 'peer', 'type-defs.graphql').matchAll(/^type (\w+) @node/gm)].map((m) => m[1]!);
    expect(peer.length).toBeGreaterThan(5);
    expect(peer.filter((l) => !(NODE_KINDS as string[]).includes(l))).toEqual([]);
  });

  it('give node ids: codes are looked up by their Code key, other kinds by their own key', () => {
    expect(parseGlobalId('FunctionCode:2010504')).toEqual({ label: 'Code', key: 'FunctionCode:2010504' });
    expect(parseGlobalId('Project:龙岗区政务服务数据管理局|政务系统管理')).toEqual({ label: 'Project', key: '龙岗区政务服务数据管理局|政务系统管理' });
    expect(() => parseGlobalId('Nothing:1')).toThrow(/not a node id/);
    expect(NODE_KINDS.filter(isCodeKind)).toEqual(Object.values(CODE_SCHEMES).map((s) => s.label));
  });
});

describe('code schemes and link methods', () => {
  it('map each scheme to its label and back, and build the Code key from it', () => {
    for (const scheme of Object.keys(CODE_SCHEMES) as (keyof typeof CODE_SCHEMES)[]) expect(schemeOfLabel(labelOfScheme(scheme))).toBe(scheme);
    expect(schemeOfLabel('Project')).toBeNull();
    expect(codeKey('ECONOMIC', '30101')).toBe('EconomicCode:30101');
  });

  it('rank DIRECT strongest and an unknown method after every known one', () => {
    const byRank = Object.keys(LINK_METHODS).sort((a, b) => linkRank(a) - linkRank(b));
    expect(byRank).toEqual(['DIRECT', 'RECONCILED', 'NAMED', 'SPLIT']);
    expect(linkRank('GUESSED')).toBeGreaterThan(linkRank('SPLIT'));
  });
});

describe('the GraphQL enums', () => {
  it('are exactly the closed sets of src/model, with their meanings', async () => {
    const schema = await buildApiSchema();
    const sets: Record<string, Record<string, string>> = {
      // Spelled UPPER_SNAKE in the schema; its internal value is the label.
      NodeKind: Object.fromEntries(NODE_KINDS.map((k) => [upperSnake(k), k])),
      CodeScheme: Object.fromEntries(Object.entries(CODE_SCHEMES).map(([k, v]) => [k, v.description])),
      LinkMethod: Object.fromEntries(Object.entries(LINK_METHODS).map(([k, v]) => [k, v.description])),
      AnomalyKind: ANOMALY_KINDS,
      Severity: SEVERITIES,
      DocumentKind: DOCUMENT_KINDS,
      Basis: BASES,
      LineageStepKind: LINEAGE_STEPS,
      ListingKind: PROJECT_SOURCE_KINDS,
      FigureMeasure: FIGURE_MEASURES,
    };
    for (const [name, values] of Object.entries(sets)) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum`);
      expect(type.getValues().map((v) => v.name).sort(), name).toEqual(Object.keys(values).sort());
      if (name === 'NodeKind') for (const v of type.getValues()) expect(v.value, `NodeKind.${v.name}`).toBe(values[v.name]);
      else for (const v of type.getValues()) expect(v.description, `${name}.${v.name}`).toBe(values[v.name]);
    }
  });
});

describe('the 三公 figures', () => {
  it('are read from the stored <figure>Fen properties, each one (a row with one figure set holds only that one)', () => {
    for (const figure of THREE_COSTS_FIGURE_NAMES) {
      const row = threeCostsRow({ id: 'd|T0', documentId: 'd', origin: 'TABLE', year: 2024, basis: 'BUDGET', [`${figure}Fen`]: 123n, byFund: JSON.stringify([{ fund: '一般公共预算', [figure]: '45' }]), srcTable: 't', srcLine: 3, srcText: 'x' });
      const set = Object.entries(row).filter(([k, v]) => k.endsWith('Fen') && v !== null);
      expect(set, figure).toEqual([[`${figure}Fen`, 123n]]);
      expect(Object.entries(row.byFund[0]!).filter(([k, v]) => k.endsWith('Fen') && v !== null), figure).toEqual([[`${figure}Fen`, 45n]]);
    }
  });
});

describe('ids (src/model/ids.ts): built and taken apart in one place', () => {
  it('give a fact its document, kind tag and index', async () => {
    const { factId, FACT_TAGS } = await import('../../src/model/ids.js');
    expect(factId('000_5c682a4da5e2a113', 'BudgetLine', 12)).toBe('000_5c682a4da5e2a113|L12');
    expect(new Set(Object.values(FACT_TAGS)).size).toBe(Object.keys(FACT_TAGS).length);
  });

  it('take project, unit and allocation ids apart into what they were made of', async () => {
    const ids = await import('../../src/model/ids.js');
    const pid = ids.projectId('龙岗区政务服务数据管理局', '', '政务系统管理');
    expect(ids.projectIdParts(pid)).toEqual({ departmentId: '龙岗区政务服务数据管理局', unitKey: '', normName: '政务系统管理' });
    const ofUnit = ids.projectId('龙岗区政务服务数据管理局', ids.unitKeyOf(ids.unitId('龙岗区政务服务数据管理局', '龙岗区大数据中心')), 'A|B');
    expect(ids.projectIdParts(ofUnit)).toEqual({ departmentId: '龙岗区政务服务数据管理局', unitKey: '龙岗区大数据中心', normName: 'A|B' });
    expect(ids.departmentOfUnit(ids.unitId('龙岗区政务服务数据管理局', ids.SELF_UNIT))).toBe('龙岗区政务服务数据管理局');
    const second = ids.allocationId('004_977ad1fe0b13bb92', pid, 1);
    expect(second).toBe('004_977ad1fe0b13bb92|龙岗区政务服务数据管理局||政务系统管理#2');
    expect(ids.documentOfAllocation(ids.listingId(second, 3))).toBe('004_977ad1fe0b13bb92');
    expect(ids.parseYearName(ids.yearName(2024, '信息事务: 其他'))).toEqual({ year: 2024, name: '信息事务: 其他' });
  });
});

describe('relationships (RELATIONSHIPS in src/model/nodes.ts)', () => {
  const loadStatements = () =>
    readdirSync(join(projectRoot, 'cypher'))
      .filter((f) => f.startsWith('load-'))
      .map((f) => file('cypher', f))
      .join('\n');

  it('are every type the load statements write, and each declared type is written', () => {
    const written = new Set([...loadStatements().matchAll(/(?:CREATE|MERGE) \([^)]*\)-\[\w*:([A-Z_]+)/g)].map((m) => m[1]!));
    expect([...written].filter((t) => !(t in RELATIONSHIPS)).sort()).toEqual([]);
    expect(Object.keys(RELATIONSHIPS).filter((t) => !written.has(t)).sort()).toEqual([]);
  });

  it('are what docs/graph-model.md draws: every edge of its diagram is declared, every type drawn', () => {
    const edges = [...file('docs', 'graph-model.md').matchAll(/^\s+(\w+) -- "?([A-Z_]+)[^-]*?"? --> (\w+)$/gm)].map((m) => ({ from: m[1]!, type: m[2]!, to: m[3]! }));
    expect(edges.length).toBeGreaterThan(20);
    const declared = RELATIONSHIPS as Record<string, { from: readonly string[]; to: readonly string[] }>;
    expect(edges.filter((e) => !declared[e.type] || !declared[e.type]!.from.includes(e.from) || !declared[e.type]!.to.includes(e.to))).toEqual([]);
    expect(Object.keys(RELATIONSHIPS).filter((t) => !edges.some((e) => e.type === t))).toEqual([]);
  });
});

describe('money and provenance per node kind', () => {
  const ROWS: [keyof ReturnType<typeof buildPlan>, keyof typeof NODE_KINDS_DECL][] = [
    ['lines', 'BudgetLine'],
    ['allocations', 'ProjectAllocation'],
    ['listings', 'ProjectListing'],
    ['investments', 'InvestmentProject'],
    ['evaluations', 'SelfEvaluation'],
    ['threeCosts', 'ThreeCosts'],
    ['tableTotals', 'TableTotal'],
    ['figures', 'Figure'],
    ['proseAmounts', 'ProseAmount'],
    ['payments', 'Payment'],
    ['anomalies', 'Anomaly'],
    ['indicators', 'Indicator'],
  ];

  it('the load plan of every bundled document writes exactly the money fields the model declares, each fact with its line', () => {
    const plans = readdirSync(join(projectRoot, 'data')).map((f) => {
      const text = file('data', f);
      return buildPlan(parseDocument(text, f), text);
    });
    for (const [rows, kind] of ROWS) {
      const decl: NodeKindDecl = NODE_KINDS_DECL[kind];
      const written = new Set(plans.flatMap((p) => (p[rows] as Record<string, unknown>[]).flatMap((r) => Object.keys(r).filter((k) => k.endsWith('Fen')))));
      expect([...written].sort(), kind).toEqual([...(decl.money ?? [])].sort());
      for (const p of plans) {
        for (const r of p[rows] as Record<string, unknown>[]) {
          if (decl.provenance === 'line') expect(r.srcLine, `${kind} ${String(r.id)}`).toBeDefined();
          if (decl.provenance === 'lines') expect(Array.isArray(r.sources), `${kind} ${String(r.id)}`).toBe(true);
        }
      }
    }
    expect(Object.keys(plans[0]!.document).filter((k) => k.endsWith('Fen'))).toEqual(NODE_KINDS_DECL.Document.money);
  });
});

describe('a plan row refers to a fact of its plan by an index that is there', () => {
  it('an investment report naming an allocation the plan does not have stops the load naming it (was a row with allocationId undefined)', async () => {
    const { investmentReportRows } = await import('../../src/load/plan/investments.js');
    const evidence = [{ file: 'x.txt', table: 't', line: 3, text: 'x' }];
    const report = { investmentIndex: 0, allocationIndex: 2, rule: 'SAME_NAME' as const, score: 1, evidence };
    expect(investmentReportRows([{ ...report, allocationIndex: 1 }], 'd', ['a0', 'a1'])[0]?.allocationId).toBe('a1');
    expect(() => investmentReportRows([report], 'd', ['a0', 'a1'])).toThrow(expect.objectContaining({ code: 'INTERNAL', details: { reason: 'PLAN_REFERENCE' }, message: expect.stringMatching(/investment report’s allocation 2 refers to none of the 2/) }));
  });
});

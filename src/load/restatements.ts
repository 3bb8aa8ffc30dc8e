// Which table fact a prose amount restates, and where prose and table disagree. Pure: decided
// here where it can be unit-tested; cypher/load-prose-amounts.cypher only writes the links.
//
// A prose amount names its item in words ("基本公用支出 N 万元", under "基本支出 M 万元，其中：").
// A table fact offers names: a line's 科目名称, a 合计 row's column path ("…基本支出/商品和服务支出"),
// a figure's row label, a project's name. Words the documents use for the same column
// (公用经费 = 商品和服务支出, 人员支出 = 工资福利支出 …) are declared once below.
import { formatWan } from '../model/money.js';
import type { Anomaly, ParsedDocument, ProseAmount, Source } from '../parse/records.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES } from '../model/three-costs.js';
import { pushTo } from '../multimap.js';
import { COLUMN_QUALIFIERS, GENERIC_COLUMN, ITEM_NUMBERING, NAME_STEM, NAME_SYNONYMS, STATED_YEAR, TABLE_SCOPES, TOTAL_ROW } from '../parse/glossary/index.js';

export type RestatedKind = 'BudgetLine' | 'TableTotal' | 'Figure' | 'ProjectAllocation' | 'ThreeCosts';

export interface Restatement {
  proseIndex: number;
  kind: RestatedKind;
  /** Index into the document's lines / totals / figures, or the allocation id. */
  target: number | string;
  rule: 'NAME_AND_AMOUNT';
}

interface Candidate {
  /** A column of a line is named by the line too: the prose must name the line as the item's parent. */
  requires?: string;
  kind: RestatedKind;
  target: number | string;
  names: Set<string>;
  /** The names without synonyms folded: only these can make a contradiction. */
  literal: Set<string>;
  amount: bigint;
  source: Source;
  /** The year a 三公 row is of: a table prints last year's row beside this year's, often equal. */
  year?: number;
}

/** One word per concept: the synonyms documents print for the same column or line. */
const SYNONYMS = NAME_SYNONYMS;

/** The comparable stem of a name: brackets, 的, 支出, 经费 and years dropped, synonyms folded. */
export function stemOf(name: string, fold = true): string {
  const s = name
    .replace(NAME_STEM.year, '')
    .replace(NAME_STEM.decoration, '')
    .replace(NAME_STEM.possessive, '')
    .replace(NAME_STEM.totalSuffix, '')
    .replace(NAME_STEM.genericSuffix, '')
    .replace(NAME_STEM.genericSuffix, '');
  if (fold) for (const [re, word] of SYNONYMS) if (re.test(s)) return word;
  return s;
}

const GENERIC = GENERIC_COLUMN;

function pathNames(path: string): string[] {
  return path.split('/').map((p) => p.replace(COLUMN_QUALIFIERS, '')).filter((p) => p !== '' && !GENERIC.test(p));
}

function candidates(doc: ParsedDocument, allocations: { id: string; name: string; amount: bigint | null; source: Source }[]): Candidate[] {
  const out: Candidate[] = [];
  const add = (kind: RestatedKind, target: number | string, names: string[], amount: bigint | null, source: Source, requires?: string, year?: number) => {
    if (amount === null) return;
    out.push({ kind, target, names: new Set(names.map((x) => stemOf(x)).filter((n) => n !== '')), literal: new Set(names.map((x) => stemOf(x, false)).filter((n) => n !== '')), amount, source, ...(requires ? { requires: stemOf(requires) } : {}), ...(year !== undefined ? { year } : {}) });
  };
  doc.lines.forEach((l, i) => {
    add('BudgetLine', i, [l.name], l.total, l.source);
    for (const [path, fen] of Object.entries(l.columns)) add('BudgetLine', i, pathNames(path), fen, l.source, l.name);
  });
  doc.totals.forEach((t, i) => {
    add('TableTotal', i, [TOTAL_ROW, t.unit ?? ''], t.total, t.source);
    for (const [path, fen] of Object.entries(t.columns ?? {})) add('TableTotal', i, pathNames(path), fen, t.source);
  });
  for (const a of allocations) add('ProjectAllocation', a.id, [a.name], a.amount, a.source);
  doc.threeCosts.forEach((t, i) => {
    if (t.origin !== 'TABLE') return;
    for (const f of THREE_COSTS_FIGURE_NAMES) add('ThreeCosts', i, [...THREE_COSTS_FIGURES[f].names].filter((n) => n !== TOTAL_ROW), t[f], t.source, undefined, t.year);
  });
  doc.figures.forEach((f, i) => add('Figure', i, [f.item.replace(ITEM_NUMBERING, ''), ...pathNames(f.column)], f.amount, f.source));
  return out;
}

/** Words that tie a sentence to one family of tables. */
const SCOPES = TABLE_SCOPES;

const PREFERENCE: RestatedKind[] = ['BudgetLine', 'ProjectAllocation', 'ThreeCosts', 'TableTotal', 'Figure'];

/**
 * For each prose amount: the first table fact (lines before projects before totals before figures,
 * then document order) whose names include the amount's item — and its parent's, when the parent
 * is itself a column of that fact (基本支出 → …基本支出/商品和服务支出) — and whose amount is the
 * same. When facts name the item but none prints the amount, and those facts agree on one amount,
 * the prose and the table disagree: an anomaly with both lines.
 */
export function restatements(doc: ParsedDocument, allocations: { id: string; name: string; amount: bigint | null; source: Source }[]): { links: Restatement[]; anomalies: Anomaly[] } {
  const all = candidates(doc, allocations).sort((a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind));
  const byName = new Map<string, Candidate[]>();
  // A column name such as 基本支出 is shared by every line of a table: its list grows long.
  for (const c of all) for (const n of c.names) pushTo(byName, n, c);
  const links: Restatement[] = [];
  const anomalies: Anomaly[] = [];
  doc.proseAmounts.forEach((p: ProseAmount, proseIndex) => {
    const item = stemOf(p.item);
    if (item.length < 2) return;
    const parent = p.parent ? stemOf(p.parent) : '';
    let named = (byName.get(item) ?? []).filter((c) => !c.requires || c.requires === parent);
    const underParent = parent ? named.filter((c) => c.names.has(parent)) : [];
    // "政府性基金预算财政拨款年初结转和结余 0 万元" speaks of that table, not of the 收支总表.
    const sentence = p.source.text.slice(0, Math.max(0, p.source.text.indexOf(p.item))).split('。').pop() ?? '';
    const scope = SCOPES.find((x) => sentence.includes(x));
    const inScope = (list: Candidate[]) => (scope ? list.filter((c) => c.source.table.includes(scope)) : list);
    // A 三公 row of another year than the sentence's (公务用车购置费 0 in 2019 and 2020 alike) is
    // taken only when no row of its year prints the amount: the year the item or its line states,
    // else the document's.
    const year = Number(STATED_YEAR.exec(p.item)?.[1] ?? STATED_YEAR.exec(p.source.text.slice(p.source.text.indexOf(p.item)))?.[1] ?? doc.meta.year);
    const agreeing = [...underParent, ...inScope(named), ...named].filter((c) => c.amount === p.amount);
    const same = agreeing.find((c) => c.year === undefined || c.year === year) ?? agreeing[0];
    if (same) {
      links.push({ proseIndex, kind: same.kind, target: same.target, rule: 'NAME_AND_AMOUNT' });
      return;
    }
    // A contradiction needs strong evidence: the table places the item under the parent the prose
    // names, or (no parent) a line, figure or 三公 item of exactly the printed name.
    const literal = stemOf(p.item, false);
    const evidence = p.parent !== null ? underParent : inScope(named).filter((c) => c.kind !== 'TableTotal' && c.literal.has(literal));
    if (evidence.length === 0) return;
    named = evidence;
    const amounts = new Set(named.map((c) => c.amount));
    if (amounts.size !== 1) return;
    const table = named[0]!;
    const delta = p.amount - table.amount;
    // A prose figure in whole 万元 against a table in decimals: within half a 万元 is rounding.
    const rounding = (delta < 0n ? -delta : delta) <= 500_000n && (p.amount % 1_000_000n === 0n || table.amount % 1_000_000n === 0n);
    anomalies.push({
      kind: 'PROSE_TABLE_MISMATCH',
      severity: rounding ? 'INFO' : 'WARNING',
      message: `the prose states ${p.item} ${formatWan(p.amount)} 万元 (line ${p.source.line}); the table prints ${formatWan(table.amount)} 万元 (${table.source.table}, line ${table.source.line})${rounding ? ' — within the rounding of whole 万元' : ''}`,
      delta,
      sources: [p.source, table.source],
    });
  });
  return { links, anomalies };
}


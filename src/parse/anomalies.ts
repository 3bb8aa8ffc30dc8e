// Contradictions inside one document, computed and reported, never fixed.
import { normaliseProjectName } from '../model/names.js';
import type { ClassificationResult } from './classification.js';
import { formatWan, halfUnitOfPrinted } from '../model/money.js';
import { exactDecimals, parseAmount, type MoneyUnit } from './amount.js';
import type { Anomaly, BudgetLine, Figure, InvestmentProject, Project, ProseAmount, SelfEvaluation, Source, TableTotal, TableUnit, ThreeCosts } from './records.js';
import { THREE_COSTS_FIGURES, THREE_COSTS_FIGURE_NAMES, type ThreeCostsFigure } from '../model/three-costs.js';
import { pushTo } from '../multimap.js';
import { PROJECT_FORM } from './glossary/index.js';

// What a fact prints, said by its type: a filter by these guards leaves records whose amount (or
// total) is there, so the sums below read it with no `!`.
type WithAmount<T extends { amount: bigint | null }> = T & { amount: bigint };
type WithTotal<T extends { total: bigint | null }> = T & { total: bigint };
const hasAmount = <T extends { amount: bigint | null }>(x: T): x is WithAmount<T> => x.amount !== null;
const hasTotal = <T extends { total: bigint | null }>(x: T): x is WithTotal<T> => x.total !== null;
const isPrinted = (a: bigint | undefined): a is bigint => a !== undefined;

/** The rounding a sum of printed figures can show, and whether the document declares it (尾数误差) or only prints it. */
interface Tolerance {
  fen: bigint;
  declared: boolean;
}

/** A figure of a sum and the line it is printed on: where the digits it was printed with are read. */
export interface PrintedFigure {
  fen: bigint | null;
  text: string;
}

/**
 * The decimals of the cell printing `fen` on a line as read (its tab-separated cells), the fewest
 * when several cells print it; null when no cell reads as it (the line's text is not its cells).
 */
function printedDecimals(text: string, fen: bigint, unit: MoneyUnit): number | null {
  let fewest: number | null = null;
  for (const cell of text.split('\t')) {
    const c = cell.trim();
    if (!/^-?[\d,.]+$/.test(c) || parseAmount(c, unit)?.fen !== fen) continue;
    const decimals = /\.(\d+)$/.exec(c)?.[1]?.length ?? 0;
    fewest = fewest === null ? decimals : Math.min(fewest, decimals);
  }
  return fewest;
}

/**
 * Half the last printed digit of each figure printed coarser than the fen (a whole-元 total among
 * figures printed to the 分): what rounding each to the digits it prints can have moved the sum.
 * A zero is nothing, not a rounding.
 */
export function printedRounding(figures: PrintedFigure[], unit: MoneyUnit): bigint {
  let half = 0n;
  for (const f of figures) {
    if (f.fen === null || f.fen === 0n) continue;
    const decimals = printedDecimals(f.text, f.fen, unit);
    if (decimals === null) continue;
    const step = 10n ** BigInt(Math.max(0, exactDecimals(unit) - decimals));
    if (step > 1n) half += step / 2n;
  }
  return half;
}

/**
 * The rounding a table can show: half its last printed digit, per summed child. The last digit is
 * counted in the unit the table prints (`unit`): 0.01 of 万元 is 10,000 fen, 0.01 of 元 one fen.
 * Figures printed coarser than the fen (two decimals of 万元, whole 元) were rounded from the fen
 * money is kept in, so their sums carry that rounding whether or not the document says so (#38);
 * figures printed to the fen are exact, unless the document declares a rounding of its own. When
 * the lines print the 分 and no rounding is declared, each figure's own digits (`figures`, where
 * its cell can be found) still count: a total printed in whole 元 over them is rounded though they
 * are not.
 */
function tolerance(values: BudgetLine[], roundingNote: boolean, unit: MoneyUnit = '万元', figures: PrintedFigure[] = []): Tolerance {
  const decimals = Math.max(0, ...values.map((l) => (/\.(\d+)/.exec(l.source.text)?.[1]?.length ?? 0)));
  const step = 10n ** BigInt(Math.max(0, exactDecimals(unit) - decimals));
  if (roundingNote || step > 1n) return { fen: step * BigInt(Math.max(1, Math.ceil(values.length / 2))), declared: roundingNote };
  // Every line printed to the 分 and no rounding declared: only a figure printed coarser rounds.
  return { fen: printedRounding(figures, unit), declared: false };
}

/**
 * How a sum that does not add up is said (#38): beyond the rounding the document declares or
 * prints a WARNING; inside it an INFO that says so and how much the rounding allows — a difference
 * the rounding explains is still a difference the printed figures show. Null when equal.
 */
function sumSeverity(delta: bigint, tol: Tolerance): { severity: 'INFO' | 'WARNING'; note: string } | null {
  if (delta === 0n) return null;
  if (delta > tol.fen || -delta > tol.fen) return { severity: 'WARNING', note: '' };
  const which = tol.declared ? 'the rounding the document declares (尾数误差)' : 'the rounding of the printed figures (each rounded to its last printed digit)';
  return { severity: 'INFO', note: `; within ${which}, which allows ±${formatWan(tol.fen)} 万元 here` };
}

type Column = 'total' | 'basic' | 'project';
const COLUMNS: Column[] = ['total', 'basic', 'project'];
const COLUMN_CN: Record<Column, string> = { total: '合计', basic: '基本支出', project: '项目支出' };

export function sumAnomalies(table: ClassificationResult, roundingNote: boolean, unit: MoneyUnit = '万元'): Anomaly[] {
  const out: Anomaly[] = [];
  const lines = table.lines;
  // Children indexed under every proper prefix of their code (codes are at most a few digits),
  // so finding a parent's children is a lookup, not a scan: linear in the table's lines.
  const group = (l: (typeof lines)[number], level: number, prefix: string) => `${l.scheme}\u0000${l.unit ?? ''}\u0000${l.source.table}\u0000${level}\u0000${prefix}`;
  const byParent = new Map<string, (typeof lines)[number][]>();
  for (const c of lines) {
    for (let n = 1; n < c.code.length; n++) {
      const key = group(c, c.level, c.code.slice(0, n));
      const list = byParent.get(key);
      if (list) list.push(c);
      else byParent.set(key, [c]);
    }
  }
  for (const parent of lines) {
    const children = byParent.get(group(parent, parent.level + 1, parent.code)) ?? [];
    if (children.length === 0) continue;
    // What the three named columns found, so a printed column holding the same figures is not said twice.
    const said = new Set<string>();
    for (const col of COLUMNS) {
      const p = parent[col];
      // A child printing a blank cell where its parent prints a figure adds nothing (a PDF grid's
      // 决算 table leaves 30205 水费 blank under 302); only a column no child prints is no sum.
      if (p === null || children.every((c) => c[col] === null)) continue;
      const sum = children.reduce((s, c) => s + (c[col] ?? 0n), 0n);
      const delta = p - sum;
      const figures = [parent, ...children].map((l) => ({ fen: l[col], text: l.source.text }));
      const found = sumSeverity(delta, tolerance([parent, ...children], roundingNote, unit, figures));
      if (found) {
        said.add(`${p}|${sum}`);
        out.push({
          kind: 'PARENT_SUM_MISMATCH',
          severity: found.severity,
          message: `${parent.source.table}: ${parent.code} ${parent.name} ${COLUMN_CN[col]} ${formatWan(p)} ≠ Σ children ${formatWan(sum)} (Δ ${formatWan(delta)} 万元)${found.note}`,
          delta,
          sources: [parent.source, ...children.map((c) => c.source)],
        });
      }
    }
    // Every other amount column the table prints (本年收入, 财政拨款, 年初结转和结余 …) adds up the
    // same way: a 类 is the sum of its 款 in each of them, not only in 合计 / 基本 / 项目.
    for (const [key, p] of Object.entries(parent.columns)) {
      const amounts = children.map((c) => c.columns[key]);
      if (!amounts.every(isPrinted)) continue;
      const sum = amounts.reduce((s, a) => s + a, 0n);
      const delta = p - sum;
      const figures = [parent, ...children].map((l) => ({ fen: l.columns[key] ?? null, text: l.source.text }));
      const found = sumSeverity(delta, tolerance([parent, ...children], roundingNote, unit, figures));
      if (!found || said.has(`${p}|${sum}`)) continue;
      said.add(`${p}|${sum}`);
      out.push({
        kind: 'PARENT_SUM_MISMATCH',
        severity: found.severity,
        message: `${parent.source.table}: ${parent.code} ${parent.name} ${key} ${formatWan(p)} ≠ Σ children ${formatWan(sum)} (Δ ${formatWan(delta)} 万元)${found.note}`,
        delta,
        sources: [parent.source, ...children.map((c) => c.source)],
      });
    }
  }
  for (const line of lines) {
    if (line.total === null || line.basic === null || line.project === null) continue;
    const delta = line.total - (line.basic + line.project);
    const figures = [line.total, line.basic, line.project].map((fen) => ({ fen, text: line.source.text }));
    const found = sumSeverity(delta, tolerance([line, line], roundingNote, unit, figures));
    if (found) {
      out.push({
        kind: 'PARENT_SUM_MISMATCH',
        severity: found.severity,
        message: `${line.source.table}: ${line.code} ${line.name} 合计 ${formatWan(line.total)} ≠ 基本支出 + 项目支出 ${formatWan(line.basic + line.project)} (Δ ${formatWan(delta)} 万元)${found.note}`,
        delta,
        sources: [line.source],
      });
    }
  }
  for (const total of table.totals) {
    const tops = lines.filter((l) => l.level === 1 && l.unit === (total.unit ?? l.unit) && l.source.table === total.source.table && l.scheme !== 'PROCUREMENT');
    if (tops.length === 0) continue;
    for (const col of COLUMNS) {
      const t = total[col];
      if (t === null || tops.every((l) => l[col] === null)) continue;
      const sum = tops.reduce((s, l) => s + (l[col] ?? 0n), 0n);
      const delta = t - sum;
      const figures = [{ fen: t, text: total.source.text }, ...tops.map((l) => ({ fen: l[col], text: l.source.text }))];
      const found = sumSeverity(delta, tolerance(tops, roundingNote, unit, figures));
      if (found) {
        out.push({
          kind: 'TOTAL_SUM_MISMATCH',
          severity: found.severity,
          message: `${total.source.table}: ${total.unit ?? '合计'} ${COLUMN_CN[col]} ${formatWan(t)} ≠ Σ 类 ${formatWan(sum)} (Δ ${formatWan(delta)} 万元)${found.note}`,
          delta,
          sources: [total.source, ...tops.map((l) => l.source)],
        });
      }
    }
  }
  return out;
}

// The anomaly message names a figure as the tables print it ('合计' for the total).
const THREE_COST_FIELDS: [ThreeCostsFigure, string][] = THREE_COSTS_FIGURE_NAMES.map((f) => [f, f === 'total' ? '合计' : THREE_COSTS_FIGURES[f].names[0]]);

export function threeCostsAnomalies(items: ThreeCosts[]): Anomaly[] {
  const out: Anomaly[] = [];
  for (const prose of items.filter((t) => t.origin === 'PROSE')) {
    const table = items.find((t) => t.origin === 'TABLE' && t.year === prose.year && t.basis === prose.basis);
    if (!table) continue;
    for (const [field, label] of THREE_COST_FIELDS) {
      const a = prose[field];
      const b = table[field];
      if (a === null || b === null || a === b) continue;
      out.push({
        kind: 'PROSE_TABLE_MISMATCH',
        severity: 'WARNING',
        message: `"三公"经费 ${label}: the text says ${formatWan(a)} 万元, the table ${formatWan(b)} 万元`,
        delta: a - b,
        sources: [prose.source, table.source],
      });
    }
  }
  return out;
}

/** The same project listed with different amounts in two places of one document. */
export function projectAmountAnomalies(projects: Project[]): Anomaly[] {
  const out: Anomaly[] = [];
  const byName = new Map<string, WithAmount<Project>[]>();
  for (const p of projects.filter(hasAmount)) {
    const key = `${normaliseProjectName(p.name)}|${p.unit ?? ''}`;
    pushTo(byName, key, p);
  }
  for (const [first, ...others] of byName.values()) {
    if (!first) continue;
    for (const other of others) {
      if (other.amount !== first.amount && other.sourceKind !== first.sourceKind) {
        out.push({
          kind: 'PROJECT_LIST_MISMATCH',
          severity: 'WARNING',
          message: `Project ${first.name}: ${first.source.table} says ${formatWan(first.amount)} 万元, ${other.source.table} ${formatWan(other.amount)} 万元`,
          delta: first.amount - other.amount,
          sources: [first.source, other.source],
        });
      }
    }
  }
  return out;
}

export function selfEvaluationAnomalies(evals: SelfEvaluation[]): Anomaly[] {
  const out: Anomaly[] = [];
  for (const prose of evals.filter((e) => e.origin === 'PROSE')) {
    const table = evals.find((e) => e.origin === 'TABLE' && normaliseProjectName(e.project) === normaliseProjectName(prose.project));
    if (!table) continue;
    for (const field of ['budget', 'executed'] as const) {
      const a = prose[field];
      const b = table[field];
      if (a !== null && b !== null && a !== b) {
        out.push({
          kind: 'PROSE_TABLE_MISMATCH',
          severity: 'WARNING',
          message: `Self-evaluation of ${prose.project}: the summary says ${field} ${formatWan(a)} 万元, the form ${formatWan(b)} 万元`,
          delta: a - b,
          sources: [prose.source, table.source],
        });
      }
    }
  }
  return out;
}

export function truncatedCodeAnomaly(code: string, source: Source): Anomaly {
  return {
    kind: 'TRUNCATED_CODE',
    severity: 'WARNING',
    message: `国家编码 "${code}" is cut short; kept as printed, not completed`,
    delta: null,
    sources: [source],
  };
}

/**
 * 项目总体完成率 printed against 累计完成投资 ÷ 项目总投资, compared at the printed precision (a
 * rate printed with two decimals may differ by half a unit of the last one).
 */
export function completionRateAnomalies(investments: InvestmentProject[]): Anomaly[] {
  const out: Anomaly[] = [];
  for (const ip of investments) {
    const m = /^(\d+)(?:\.(\d+))?%$/.exec((ip.completionRate ?? '').replace(/\s+/g, ''));
    if (!m || ip.cumulativeCompleted === null || ip.totalInvestment === null || ip.totalInvestment <= 0n) continue;
    const decimals = (m[2] ?? '').length;
    // Both sides in units of 10^-(decimals+1) percent, exactly (bigint), then compared.
    const scale = 10n ** BigInt(decimals + 1);
    const printed = BigInt(`${m[1]}${(m[2] ?? '').padEnd(decimals, '0')}`) * 10n;
    const computed = (ip.cumulativeCompleted * 100n * scale * 2n + ip.totalInvestment) / (ip.totalInvestment * 2n);
    const diff = printed > computed ? printed - computed : computed - printed;
    if (diff <= 5n) continue;
    const shown = (v: bigint) => `${v / scale}.${(v % scale).toString().padStart(decimals + 1, '0')}%`;
    out.push({
      kind: 'COMPLETION_RATE_MISMATCH',
      // Within one unit of the printed last decimal: a rounding of the inputs, said but not alarmed.
      severity: diff <= 10n ? 'INFO' : 'WARNING',
      message: `${ip.name}: 项目总体完成率 printed ${ip.completionRate}, but 累计完成投资 ÷ 项目总投资 = ${shown(computed)}`,
      delta: null,
      sources: [ip.rateSource ?? ip.source, ip.totalSource ?? ip.source],
    });
  }
  return out;
}

/**
 * What an investment form planned against what it completed: 年初设定的目标 and 下达计划 against
 * 本年实际完成投资. A gap is recorded (INFO: a plan missed is a fact to see, not an error of print).
 */
export function planActualAnomalies(investments: InvestmentProject[]): Anomaly[] {
  const out: Anomaly[] = [];
  for (const ip of investments) {
    const done = ip.completedInYear;
    const doneAt = ip.fieldSources.completedInYear;
    if (done === null || !doneAt) continue;
    for (const [field, label] of [['targetAtYearStart', '年初设定的目标'], ['plannedInYear', '下达政府投资计划']] as const) {
      const plan = ip[field];
      const planAt = ip.fieldSources[field];
      if (plan === null || !planAt || plan === done) continue;
      out.push({
        kind: 'PLAN_ACTUAL_GAP',
        severity: 'INFO',
        message: `${ip.name}: ${label} ${formatWan(plan)} 万元, 本年实际完成投资 ${formatWan(done)} 万元`,
        delta: done - plan,
        sources: [planAt, doneAt],
      });
    }
  }
  return out;
}

/** A row label naming the project, whole or cut where the PDF wrapped it ("信息化新建项目(非政"). */
function namesParent(item: string, parentKey: string): boolean {
  return item.includes(parentKey) || (item.length >= 4 && parentKey.startsWith(item));
}

/**
 * A level-1 project against the sum of its level-2 items (a task's amount against the
 * items its sentence lists). When the document prints the difference elsewhere (the 上年结转 of
 * the task's row in a 项目支出总表) that line is cited and the gap is INFO; else a WARNING.
 */
export function projectSumAnomalies(projects: Project[], figures: Figure[]): Anomaly[] {
  const out: Anomaly[] = [];
  const priced = projects.filter(hasAmount);
  const children = new Map<string, WithAmount<Project>[]>();
  for (const p of priced) if (p.level === 2 && p.parent) pushTo(children, normaliseProjectName(p.parent), p);
  for (const [parentKey, items] of children) {
    const parent = priced.find((p) => p.level !== 2 && normaliseProjectName(p.name) === parentKey);
    if (!parent || items.length < 2) continue;
    // Items listed twice (a form and the prose) count once, by name.
    const unique = [...new Map(items.map((p) => [normaliseProjectName(p.name), p])).values()];
    const [firstItem] = unique;
    if (!firstItem) continue;
    const sum = unique.reduce((a, p) => a + p.amount, 0n);
    const delta = parent.amount - sum;
    if (delta === 0n) continue;
    // The difference printed beside the parent (its row of a 项目支出总表, e.g. its 上年结转), to the
    // rounding of the listed items (each printed to 0.01 万元).
    const tolerance = 10_000n * BigInt(unique.length);
    const printed = figures.find((f) => f.amount !== null && namesParent(normaliseProjectName(f.item), parentKey) && (f.amount - delta <= tolerance && delta - f.amount <= tolerance));
    out.push({
      kind: 'PROJECT_SUM_MISMATCH',
      severity: printed ? 'INFO' : 'WARNING',
      message: `${parent.name} ${formatWan(parent.amount)} 万元 ≠ Σ its ${unique.length} items ${formatWan(sum)} 万元 (Δ ${formatWan(delta)})${printed ? `; the difference is printed at line ${printed.source.line} (${printed.source.table}${printed.column ? `, ${printed.column}` : ''})` : ''}`,
      delta,
      sources: [parent.source, firstItem.source, ...(printed ? [printed.source] : [])],
    });
  }
  return out;
}

/** Digits an amount is printed with, trailing zeros of its fen left out (9,101.68 万元 → 6). */
function significantDigits(fen: bigint): number {
  return (fen < 0n ? -fen : fen).toString().replace(/0+$/, '').length;
}

const within = (a: bigint, b: bigint, tolerance: bigint) => (a > b ? a - b : b - a) <= tolerance;

/**
 * A table's total against the amounts the prose states: when no sentence states the total as the
 * table is read, but one states it times or divided by a power of ten (91,016,775.35 read in 万元
 * against "9,101.68万元"), one of the two is not in the unit it is read in — the table's unit
 * line, a missing one, or a misprint. An ERROR naming both lines (and the unit line, when the table
 * prints one); neither figure is changed. Sentences of fewer than four digits are not compared
 * (a "10 万元" is a power of ten of too many things), nor are zeros; each table once.
 */
export function unitMismatchAnomalies(totals: TableTotal[], prose: ProseAmount[], units: TableUnit[] = []): Anomaly[] {
  const out: Anomaly[] = [];
  const stated = prose.filter((p) => p.amount > 0n);
  const telling = stated.filter((p) => significantDigits(p.amount) >= 4);
  const done = new Set<string>();
  for (const t of totals) {
    const total = t.total;
    if (t.unit !== null || total === null || total <= 0n || done.has(t.table)) continue;
    // Stated as read, to the rounding of the sentence: the unit is right.
    if (stated.some((p) => within(total, p.amount, halfUnitOfPrinted(p.amount)))) continue;
    let best: { p: ProseAmount; power: number } | null = null;
    for (const p of telling) {
      const tolerance = halfUnitOfPrinted(p.amount);
      for (let k = 1; k <= 8; k++) {
        const scale = 10n ** BigInt(k);
        const power = within(total, p.amount * scale, tolerance * scale) ? k : within(total * scale, p.amount, tolerance) ? -k : 0;
        if (power !== 0 && (!best || significantDigits(p.amount) > significantDigits(best.p.amount))) best = { p, power };
      }
    }
    if (!best) continue;
    done.add(t.table);
    const { p, power } = best;
    const unit = units.find((u) => u.table === t.table);
    const readIn = unit ? (unit.source ? `read in ${unit.unit} as line ${unit.source.line} declares` : `declaring no unit, read in the document's ${unit.unit}`) : 'as read';
    const n = (10n ** BigInt(Math.abs(power))).toLocaleString('en-US');
    const ratio = power > 0 ? `${n} times` : `1/${n} of`;
    out.push({
      kind: 'UNIT_MISMATCH',
      severity: 'ERROR',
      message: `${t.table}: 合计 ${formatWan(total)} 万元 (${readIn}, line ${t.source.line}) is ${ratio} the ${formatWan(p.amount)} 万元 the text states for ${p.item || 'it'} (line ${p.source.line}): one of them is not in the unit it is read in; neither is corrected`,
      delta: total - p.amount,
      sources: [t.source, p.source, ...(unit?.source ? [unit.source] : [])],
    });
  }
  return out;
}

/**
 * A project table's 预算单位 rows against what they head (部门预算绩效管理项目情况表 and its
 * kind): a unit row ≠ Σ the projects printed under it up to the next unit row, and a unit row
 * with no project under it that heads the unit rows after it (the department's row over 本级 and
 * its units) ≠ Σ those rows. Both sides' lines; a WARNING, INFO within the rounding the document
 * declares (尾数误差): half a printed unit for each amount summed.
 */
export function unitProjectsAnomalies(totals: TableTotal[], projects: Project[], roundingNote: boolean): Anomaly[] {
  const out: Anomaly[] = [];
  const unitRows = new Map<string, WithTotal<TableTotal>[]>();
  for (const t of totals.filter(hasTotal)) if (t.unit !== null) pushTo(unitRows, t.table, t);
  for (const [table, rows] of unitRows) {
    const listed = projects.filter(hasAmount).filter((p) => p.source.table === table);
    if (listed.length === 0) continue;
    rows.sort((a, b) => a.source.line - b.source.line);
    rows.forEach((row, i) => {
      const next = rows[i + 1]?.source.line ?? Number.POSITIVE_INFINITY;
      const under = listed.filter((p) => p.source.line > row.source.line && p.source.line < next);
      const heads = under.length === 0 ? rows.slice(i + 1) : [];
      // A row heading the rows after it heads them all; one heading nothing is not a check.
      if (under.length === 0 && heads.length < 2) return;
      const parts = under.length ? under.map((p) => ({ amount: p.amount, source: p.source })) : heads.map((h) => ({ amount: h.total, source: h.source }));
      const sum = parts.reduce((a, p) => a + p.amount, 0n);
      const delta = row.total - sum;
      if (delta === 0n) return;
      const tolerance = roundingNote ? parts.reduce((a, p) => a + halfUnitOfPrinted(p.amount), halfUnitOfPrinted(row.total)) : 0n;
      const rounding = (delta < 0n ? -delta : delta) <= tolerance;
      out.push({
        kind: 'UNIT_PROJECTS_SUM_MISMATCH',
        severity: rounding ? 'INFO' : 'WARNING',
        message: `${table}: ${row.unit} ${formatWan(row.total)} 万元 ≠ Σ ${under.length ? `its ${under.length} projects` : `the ${heads.length} unit rows under it`} ${formatWan(sum)} 万元 (Δ ${formatWan(delta)})${rounding ? '; within the rounding the document declares (尾数误差)' : ''}`,
        delta,
        sources: [row.source, ...parts.map((p) => p.source)],
      });
    });
  }
  return out;
}

/**
 * A form's money block (项目资金 of a 绩效目标填报表 or 自评表): its 资金总额 and the sources printed
 * under it, as the project's funding lines (the left block) or as figures on the lines below the
 * total (a block beside it: 年度资金申请总额, 其中：当年财政拨款, 上年结转资金, 其他资金). Parts of a
 * whole never add up to more than it; where the parts end with 其他资金 (the catch-all) they are all
 * of it and add up to it exactly. A list of 其中 items without 其他 may name only some sources, so less is no finding.
 */
export function formFundsAnomalies(projects: Project[], figures: Figure[]): Anomaly[] {
  const out: Anomaly[] = [];
  const check = (total: { label: string; amount: bigint; source: Source }, parts: { label: string; amount: bigint; source: Source }[]) => {
    if (parts.length === 0) return;
    const sum = parts.reduce((a, p) => a + p.amount, 0n);
    const exhaustive = parts.some((p) => PROJECT_FORM.otherSources.matches.test(p.label.replace(PROJECT_FORM.ofWhich.matches, '')));
    if (sum === total.amount || (sum < total.amount && !exhaustive)) return;
    const firstPart = parts[0];
    if (!firstPart) return;
    out.push({
      kind: 'PARENT_SUM_MISMATCH',
      severity: 'WARNING',
      message: `${total.label} ${formatWan(total.amount)} 万元 ≠ Σ its ${parts.length} sources ${formatWan(sum)} 万元 (${parts.map((p) => `${p.label} ${formatWan(p.amount)}`).join(', ')}; Δ ${formatWan(total.amount - sum)})${sum > total.amount ? ': the parts are more than the whole' : ''}`,
      delta: total.amount - sum,
      sources: [total.source, firstPart.source],
    });
  };
  for (const p of projects) {
    if (p.amount === null || !p.funding?.length || !p.amountSource || (p.sourceKind !== 'TARGET_FORM' && p.sourceKind !== 'SELF_EVALUATION')) continue;
    check({ label: `${p.name} 资金总额`, amount: p.amount, source: p.amountSource }, p.funding.flatMap((f) => (f.budget === null ? [] : [{ label: f.source, amount: f.budget, source: f.line }])));
  }
  // A block of figures: a 资金总额 figure, then its sources' figures on the lines right below it in the same table.
  const byLine = new Map<string, Figure[]>();
  for (const f of figures) if (f.measure === 'MONEY' && f.amount !== null) pushTo(byLine, `${f.source.table}\u0000${f.source.line}`, f);
  for (const f of figures) {
    if (f.measure !== 'MONEY' || f.amount === null || !PROJECT_FORM.blockTotal.matches.test(f.item)) continue;
    const parts: { label: string; amount: bigint; source: Source }[] = [];
    for (let line = f.source.line + 1; ; line++) {
      const row = (byLine.get(`${f.source.table}\u0000${line}`) ?? []).filter((x) => x.item !== '' && PROJECT_FORM.fundingLabel.matches.test(x.item) && !PROJECT_FORM.blockTotal.matches.test(x.item));
      const part = row.length === 1 ? row[0] : undefined;
      if (!part || part.amount === null) break;
      parts.push({ label: part.item, amount: part.amount, source: part.source });
    }
    check({ label: f.item, amount: f.amount, source: f.source }, parts);
  }
  return out;
}

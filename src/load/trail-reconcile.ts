// Two more ways amounts explain a 功能分类 项 line's project money, decided at load time so that
// the money trail, lineage and projectsFeedingCode read the same links:
//   SPLIT       one project spread over two lines: its amount equals its own (inferred, not
//               printed) line's 项目支出 plus exactly one other line's, which nothing else explains (e.g. a project's
//               1,000.00 = one line's 600.00 + another's 400.00).
//   group       every investment project of the document together: Σ 本年完成投资 equals the part of
//               one line that its projects leave unexplained, to the line's printed precision
//               (0.005 万元); linked as RECONCILED with the group named in the note.
// Deterministic and bounded: each test is one pass over the lines; two candidates are reported as
// ambiguous, never picked.
import { formatWan } from '../model/money.js';
import type { Anomaly, BudgetLine, Diagnostic, InvestmentProject, Project } from '../parse/records.js';
import type { CodeLink, InvestmentLink } from './code-links.js';
import { countedLinks } from '../model/codes.js';

/** Half a unit of a line printed to 0.01 万元, in fen. */
const PRINTED_PRECISION_FEN = 5_000n;

/** The 项 lines the trail reads: the basis of the document, one line per code (first printed). */
function itemLines(lines: BudgetLine[], actual: boolean): BudgetLine[] {
  const seen = new Map<string, BudgetLine>();
  for (const l of lines) {
    if (l.scheme !== 'FUNCTION' || l.level !== 3 || l.project === null || l.basis !== (actual ? 'ACTUAL' : 'BUDGET')) continue;
    if (!seen.has(l.code)) seen.set(l.code, l);
  }
  return [...seen.values()];
}

export function splitLinks(projects: Project[], lines: BudgetLine[], links: CodeLink[], actual: boolean, diagnostics: Diagnostic[]): CodeLink[] {
  const items = itemLines(lines, actual);
  const money = (p: Project) => (actual ? (p.executed ?? p.amount) : p.amount);
  const counted = countedLinks(links, (l) => l.projectIndex);
  const explainedCodes = new Set(counted.map((l) => l.code));
  const out: CodeLink[] = [];
  for (const link of counted) {
    // A printed code (DIRECT) is where the document books the money: an excess there is a
    // contradiction to report, not a split to infer.
    if (link.method === 'DIRECT') continue;
    const p = projects[link.projectIndex]!;
    const own = items.find((l) => l.code === link.code);
    const amount = money(p);
    if (!own || amount === null || own.project === null || amount <= own.project) continue;
    // Only this project is counted at its line: otherwise the excess is not its alone.
    if (counted.filter((l) => l.code === link.code).length !== 1) continue;
    const excess = amount - own.project;
    const others = items.filter((l) => l.code !== own.code && !explainedCodes.has(l.code) && l.project === excess);
    if (others.length === 1) {
      const other = others[0]!;
      link.amountFen = own.project;
      out.push({
        projectIndex: link.projectIndex,
        code: other.code,
        method: 'SPLIT',
        amountFen: excess,
        evidence: [p.source, own.source, other.source],
        note: `${p.name} ${actual ? 'spent' : 'amounts to'} ${formatWan(amount)} = ${own.code} 项目支出 ${formatWan(own.project)} + ${other.code} 项目支出 ${formatWan(excess)}, which nothing else explains`,
      });
    } else if (others.length > 1) {
      diagnostics.push({ level: 'INFO', code: 'SPLIT_AMBIGUOUS', message: `${p.name} exceeds ${own.code} by ${formatWan(excess)}, which ${others.map((o) => o.code).join(' and ')} each print; not split`, line: p.source.line });
    }
  }
  return out;
}

export function investmentGroupLinks(investments: InvestmentProject[], projects: Project[], lines: BudgetLine[], links: CodeLink[], actual: boolean, diagnostics: Diagnostic[]): InvestmentLink[] {
  const members = investments.map((ip, i) => ({ ip, i })).filter(({ ip }) => ip.completedInYear !== null && ip.completedInYear > 0n);
  if (members.length < 2) return [];
  const groupSum = members.reduce((s, { ip }) => s + ip.completedInYear!, 0n);
  const money = (p: Project) => (actual ? (p.executed ?? p.amount) : p.amount) ?? 0n;
  const counted = countedLinks(links, (l) => l.projectIndex);
  const candidates = itemLines(lines, actual)
    .map((l) => {
      const linked = counted.filter((k) => k.code === l.code).reduce((s, k) => s + (k.amountFen ?? money(projects[k.projectIndex]!)), 0n);
      return { l, linked, delta: l.project! - linked - groupSum };
    })
    .filter((c) => c.l.project! - c.linked > 0n && (c.delta < 0n ? -c.delta : c.delta) <= PRINTED_PRECISION_FEN);
  if (candidates.length !== 1) {
    if (candidates.length > 1) diagnostics.push({ level: 'INFO', code: 'INVESTMENT_GROUP_AMBIGUOUS', message: `the investment projects' 本年完成投资 (Σ ${formatWan(groupSum)}) fit ${candidates.map((c) => c.l.code).join(' and ')}; none chosen`, line: members[0]!.ip.source.line });
    return [];
  }
  const { l, linked, delta } = candidates[0]!;
  const note = `all ${members.length} investment projects of the document: Σ 本年完成投资 ${formatWan(groupSum)} + projects linked to ${l.code} ${formatWan(linked)} = ${l.code} 项目支出 ${formatWan(l.project!)}${delta === 0n ? ' exactly' : ` (Δ ${formatWan(delta)}, within the line's printed precision)`}`;
  return members.map(({ ip, i }) => ({ investmentIndex: i, code: l.code, evidence: [l.source, ip.source], note }));
}

/**
 * A 项 line to which more project money is linked (projects at their strongest links, their
 * split parts, investment projects) than the line prints: both sides' lines, INFO within the
 * line's printed precision, WARNING beyond. A document that declares its rounding (尾数误差,
 * 四舍五入: `roundingNote`) may differ by the rounding of every amount summed, half a printed
 * 0.01 万元 each: within that it is INFO too, and says so.
 */
export function linkedExceedsLineAnomalies(projects: Project[], investments: InvestmentProject[], lines: BudgetLine[], links: CodeLink[], investmentLinks: InvestmentLink[], actual: boolean, roundingNote = false): Anomaly[] {
  const money = (p: Project) => (actual ? (p.executed ?? p.amount) : p.amount) ?? 0n;
  const counted = countedLinks(links, (l) => l.projectIndex);
  const out: Anomaly[] = [];
  for (const line of itemLines(lines, actual)) {
    const own = counted.filter((k) => k.code === line.code);
    const ips = investmentLinks.filter((k) => k.code === line.code);
    const linked = own.reduce((s, k) => s + (k.amountFen ?? money(projects[k.projectIndex]!)), 0n) + ips.reduce((s, k) => s + (investments[k.investmentIndex]!.completedInYear ?? 0n), 0n);
    const excess = linked - line.project!;
    if (excess <= 0n) continue;
    const declaredRounding = roundingNote ? PRINTED_PRECISION_FEN * BigInt(own.length + ips.length + 1) : 0n;
    const rounding = excess <= PRINTED_PRECISION_FEN ? '' : excess <= declaredRounding ? `; within the rounding the document declares (尾数误差) of ${own.length + ips.length + 1} amounts` : null;
    out.push({
      kind: 'LINKED_EXCEEDS_LINE',
      severity: rounding === null ? 'WARNING' : 'INFO',
      message: `${line.code} ${line.name ?? ''} prints 项目支出 ${formatWan(line.project!)}, but ${own.length + ips.length} linked project(s) amount to ${formatWan(linked)} (${formatWan(excess)} more)${rounding ?? ''}`,
      delta: excess,
      sources: [line.source, ...own.map((k) => projects[k.projectIndex]!.source), ...ips.slice(0, 3).map((k) => investments[k.investmentIndex]!.source)],
    });
  }
  return out;
}

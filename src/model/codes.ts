// The classification schemes and how a project is tied to a code: declared once here. The Neo4j
// label of each scheme, the GraphQL enums CodeScheme and LinkMethod, the parser's schemes and the
// loader's link ranking all read these tables.
import { isKeyOf, keysOf } from '../keys.js';


/** CodeScheme // 科目体系: which classification a code belongs to. */
export const CODE_SCHEMES = {
  FUNCTION: {
    label: 'FunctionCode',
    term: '支出功能分类科目',
    description: 'FunctionCode // 支出功能分类科目: what the money is for (类 201 / 款 20105 / 项 2010504).',
  },
  ECONOMIC: {
    label: 'EconomicCode',
    term: '支出经济分类科目',
    description: 'EconomicCode // 支出经济分类科目: what the money is spent on (类 301 / 款 30101).',
  },
  PROCUREMENT: {
    label: 'ProcurementItem',
    term: '政府采购品目',
    description: 'ProcurementItem // 政府采购品目.',
  },
} as const;

export type CodeScheme = keyof typeof CODE_SCHEMES;
/** The Neo4j label a code of each scheme carries besides `Code`. */
export type CodeLabel = (typeof CODE_SCHEMES)[CodeScheme]['label'];

export const CODE_SCHEME_NAMES = keysOf(CODE_SCHEMES);

export function labelOfScheme(scheme: CodeScheme): CodeLabel {
  return CODE_SCHEMES[scheme].label;
}

export function schemeOfLabel(label: string): CodeScheme | null {
  return CODE_SCHEME_NAMES.find((s) => CODE_SCHEMES[s].label === label) ?? null;
}

/** A Code node's key: "FunctionCode:2010504" (its global id is "ClassificationCode:" + key, src/model/ids.ts). */
export function codeKey(scheme: CodeScheme, code: string): string {
  return `${CODE_SCHEMES[scheme].label}:${code}`;
}

/** The code one level up: 项 → 款 → 类 by two digits; 采购 items by their own steps (A → A01 → A0101). */
export function parentCode(scheme: CodeScheme, code: string): string | null {
  if (scheme === 'PROCUREMENT') return code.length > 1 ? code.slice(0, code.length <= 3 ? 1 : code.length - 2) : null;
  return code.length > 3 ? code.slice(0, code.length - 2) : null;
}

/** 类 / 款 / 项: a function code's level from its length (3, 5, 7 digits). */
export function codeLevel(code: string): 1 | 2 | 3 | null {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : null;
}

/**
 * LinkMethod // 关联方式: how a project was linked to a classification code. `rank` orders the
 * methods by strength of evidence (a stronger link of the same project to the same code wins).
 */
export const LINK_METHODS = {
  DIRECT: { rank: 0, description: 'A table prints the code beside the project.' },
  RECONCILED: { rank: 1, description: 'Amounts prove it to 0.01 yuan: the project, or a unique set of projects, equals the code line’s 项目支出 (at the line’s printed precision).' },
  NAMED: { rank: 2, description: 'The project or its task carries the code’s 项 name.' },
  SPLIT: { rank: 3, description: 'The project’s amount equals its own line’s 项目支出 plus exactly this line’s, which nothing else explains (the part booked here is the link’s amount).' },
} as const;

export type LinkMethod = keyof typeof LINK_METHODS;
export const LINK_METHOD_NAMES = keysOf(LINK_METHODS);

/** A method's rank (lower is stronger); an unknown method ranks after every known one. */
export function linkRank(method: string): number {
  return isKeyOf(LINK_METHODS, method) ? LINK_METHODS[method].rank : LINK_METHOD_NAMES.length;
}

/**
 * The links an owner's money is counted at: its strongest ones (lowest rank), and its SPLIT parts
 * beside them. A project NAMED under one 项 but RECONCILED to another by amount counts at the
 * RECONCILED one only; a split project counts at each of its lines with its part.
 */
export function countedLinks<L extends { method: string }>(links: L[], ownerOf: (link: L) => string | number): L[] {
  const best = new Map<string | number, number>();
  for (const l of links) if (l.method !== 'SPLIT') best.set(ownerOf(l), Math.min(best.get(ownerOf(l)) ?? Number.POSITIVE_INFINITY, linkRank(l.method)));
  return links.filter((l) => l.method === 'SPLIT' || linkRank(l.method) === best.get(ownerOf(l)));
}

/**
 * LinkStatus // 关联结论: a link's part in the answers. COUNTED: the money is counted at this code
 * (one per owner and code; every question that lists a code's projects lists these). SUPPORTING:
 * a weaker method that reaches the same code (a NAMED link the amounts confirm). REJECTED: a
 * weaker method that points elsewhere than the counted link; kept with its reason, never counted.
 */
export const LINK_STATUSES = {
  COUNTED: { description: 'The money is counted at this code: the strongest link of its owner (and a SPLIT part beside it).' },
  SUPPORTING: { description: 'Another method reaching the same code as the counted link; evidence, not a second row.' },
  REJECTED: { description: 'A weaker method pointing to another code than the counted link; kept with its reason.' },
} as const;
export type LinkStatus = keyof typeof LINK_STATUSES;
export const LINK_STATUS_NAMES = keysOf(LINK_STATUSES);

/**
 * Each link with its status under the strength rule (countedLinks), and for a rejected one the link
 * that outranks it, in the links' order. One COUNTED link per owner and code: a second method
 * reaching the same code supports it.
 */
export function linkStatuses<L extends { method: string; code: string }>(links: L[], ownerOf: (link: L) => string | number): { link: L; status: LinkStatus; reason: string | null }[] {
  const counted = new Set(countedLinks(links, ownerOf));
  const countedAt = new Map<string, L>();
  const firstCounted = new Set<L>();
  for (const l of links) {
    if (!counted.has(l)) continue;
    const key = `${ownerOf(l)}\u0000${l.code}`;
    if (!countedAt.has(key)) {
      countedAt.set(key, l);
      firstCounted.add(l);
    }
  }
  return links.map((l) => {
    if (firstCounted.has(l)) return { link: l, status: 'COUNTED', reason: null };
    const same = countedAt.get(`${ownerOf(l)}\u0000${l.code}`);
    if (same) return { link: l, status: 'SUPPORTING', reason: `confirms the ${same.method} link` };
    const winner = links.find((x) => firstCounted.has(x) && ownerOf(x) === ownerOf(l));
    return { link: l, status: 'REJECTED', reason: winner ? `${winner.method} to ${winner.code} is stronger evidence than ${l.method}: the money is counted there` : 'a stronger link outranks it' };
  });
}

/**
 * The money a counted link puts at its code — one rule for the money trail and the code's project
 * lists: the part booked there (SPLIT), else what was spent for final accounts (决算), else the
 * budget.
 */
export function countedAmount(link: { partFen: bigint | null; amountFen: bigint | null; executedFen: bigint | null }, actual: boolean): bigint | null {
  return link.partFen ?? (actual ? (link.executedFen ?? link.amountFen) : link.amountFen);
}

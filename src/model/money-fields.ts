// Which properties are money, for display: the explorer formats these as 万元 amounts (web/src/
// format.ts) and nothing else. Taken from the declarations (a fact kind's money properties,
// NODE_KINDS_DECL's money lists), under the name the graph view shows them by: the stored name
// without its Fen suffix (src/query/graph-nodes.ts displayProperties).
import { NODE_KINDS_DECL, type NodeKindDecl } from './nodes.js';
import { FACT_KINDS } from './kinds/index.js';
import { propertiesOf, type FactKindDecl } from './fact-kind.js';

// Every node kind's declaration under its common type (the table satisfies it: no cast).
const NODE_DECLS: Readonly<Record<string, NodeKindDecl>> = NODE_KINDS_DECL;

/** A kind's money properties under their display names (totalInvestment, not totalInvestmentFen). */
export function moneyDisplayNames(kind: FactKindDecl): string[] {
  return propertiesOf(kind)
    .filter(([, p]) => p.type === 'money')
    .map(([name]) => name);
}

/** Every property shown as money by the explorer, whatever its kind. */
export function allMoneyDisplayNames(kinds: readonly FactKindDecl[] = Object.values(FACT_KINDS)): ReadonlySet<string> {
  const names = new Set<string>();
  for (const decl of Object.values(NODE_DECLS)) for (const stored of decl.money ?? []) names.add(stored.replace(/Fen$/, ''));
  for (const kind of kinds) for (const name of moneyDisplayNames(kind)) names.add(name);
  return names;
}

export const MONEY_DISPLAY_NAMES = allMoneyDisplayNames();

/**
 * Each node kind's money under its display names: a name is money for one kind and not for
 * another (BudgetLine.project is an amount, SelfEvaluation.project a project's name).
 */
export const MONEY_BY_KIND: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(NODE_DECLS).map(([kind, decl]) => [kind, new Set((decl.money ?? []).map((stored) => stored.replace(/Fen$/, '')))]),
);

// What one statement cost Neo4j, from its PROFILE: db hits over the whole plan and the operators
// doing most of them, with the rows each produced. bench/scale.ts compares them across graph sizes;
// tests count them (a db-hit budget fails when a change makes a statement read more, not slower).
import type { ProfiledPlan } from 'neo4j-driver';

export interface OperatorWork {
  operator: string;
  dbHits: number;
  rows: number;
  /** What the operator reads or orders by (its Details argument, shortened). */
  details: string;
}

export interface PlanWork {
  statement: string;
  dbHits: number;
  /** The most rows any operator produced. */
  maxRows: number;
  /** The operators with the most db hits, most first (ties: more rows first). */
  top: OperatorWork[];
  operators: OperatorWork[];
}

/** Every operator of a profiled plan, depth first. */
export function operators(plan: ProfiledPlan): OperatorWork[] {
  const details = plan.arguments?.['Details'];
  const own: OperatorWork = {
    operator: plan.operatorType.replace(/@.*$/, ''),
    dbHits: Number(plan.dbHits),
    rows: Number(plan.rows),
    details: typeof details === 'string' ? details.slice(0, 160) : '',
  };
  return [own, ...plan.children.flatMap(operators)];
}

export function planWork(plan: ProfiledPlan | false, statement: string, topN = 4): PlanWork {
  if (!plan) throw new Error(`${statement}: no profile in the summary`);
  const ops = operators(plan);
  return {
    statement,
    dbHits: ops.reduce((n, o) => n + o.dbHits, 0),
    maxRows: Math.max(0, ...ops.map((o) => o.rows)),
    top: [...ops].sort((a, b) => b.dbHits - a.dbHits || b.rows - a.rows).slice(0, topN),
    operators: ops,
  };
}

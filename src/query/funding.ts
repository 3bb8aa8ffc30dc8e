// 资金来源 stored on an allocation as JSON (see load/plan.ts) → funding rows with provenance.
import type { SourceRef } from './records.js';

export interface FundingRow {
  fund: string;
  budgetFen: bigint | null;
  executedFen: bigint | null;
  rate: string | null;
  source: SourceRef;
}

export function fundingSources(json: string | null | undefined, documentId: string): FundingRow[] {
  if (!json) return [];
  const list = JSON.parse(json) as { source: string; budgetFen: string | null; executedFen: string | null; rate?: string | null; line: { table: string; line: number; text: string } }[];
  return list.map((f) => ({
    fund: f.source,
    budgetFen: f.budgetFen === null ? null : BigInt(f.budgetFen),
    executedFen: f.executedFen === null ? null : BigInt(f.executedFen),
    rate: f.rate ?? null,
    source: { documentId, table: f.line.table, line: f.line.line, text: f.line.text },
  }));
}

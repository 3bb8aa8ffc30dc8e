// 资金来源 stored on an allocation as JSON (see load/plan.ts) → funding rows with provenance.
import type { SourceRef } from './records.js';
import { list, numOrNull, parseJson, props, str, strOrNull } from './props.js';

export interface FundingRow {
  fund: string;
  budgetFen: bigint | null;
  executedFen: bigint | null;
  rate: string | null;
  source: SourceRef;
}

export function fundingSources(json: string | null | undefined, documentId: string): FundingRow[] {
  if (!json) return [];
  // Each entry checked field by field: {source, budgetFen, executedFen (decimal strings or null), rate?, line}.
  const fen = (f: Record<string, unknown>, key: string) => (f[key] === null ? null : BigInt(str(f, key)));
  return list({ funding: parseJson(json) }, 'funding').map((f) => {
    const line = props(f, 'line');
    return {
      fund: str(f, 'source'),
      budgetFen: fen(f, 'budgetFen'),
      executedFen: fen(f, 'executedFen'),
      rate: strOrNull(f, 'rate'),
      source: { documentId, table: strOrNull(line, 'table'), line: numOrNull(line, 'line'), text: strOrNull(line, 'text') },
    };
  });
}

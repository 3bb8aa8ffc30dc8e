// The anomaly list: every contradiction, filtered by kind, severity, document and department,
// largest difference first; each opens its sides in the document view.
import { gql } from './api.js';
import { escapeHtml } from './format.js';
import { t } from './i18n.js';
import type { SourceRef } from './docview.js';

export interface AnomalyItem {
  id: string;
  kind: string;
  severity: string;
  delta: string | null;
  message: string;
  document: { id: string; file: string; title: string; year: number; department: { name: string } };
  sources: { table: string | null; line: number | null; document: { id: string } }[];
}

export interface AnomalyFilters {
  kind?: string;
  severity?: string;
  document?: string;
  department?: string;
}

export async function listAnomalies(filters: AnomalyFilters): Promise<{ total: number; items: AnomalyItem[] }> {
  const filter = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const data = await gql<{ anomalies: { totalCount: number; nodes: AnomalyItem[] } }>(
    `query($f: AnomalyFilter) { anomalies(filter: $f, first: 100, orderBy: [{ field: DELTA, direction: DESC }]) { totalCount
      nodes { id kind severity delta message document { id file title year department { name } } sources { table line document { id } } } } }`,
    { f: filter },
  );
  return { total: data.anomalies.totalCount, items: data.anomalies.nodes };
}

/** The closed sets the filters offer, read from the schema itself. */
export async function anomalyChoices(): Promise<{ kinds: string[]; severities: string[]; documents: { id: string; label: string }[] }> {
  const data = await gql<{ kinds: { enumValues: { name: string }[] }; severities: { enumValues: { name: string }[] }; documents: { nodes: { id: string; title: string; file: string }[] } }>(
    `{ kinds: __type(name: "AnomalyKind") { enumValues { name } } severities: __type(name: "Severity") { enumValues { name } } documents(first: 100) { nodes { id title file } } }`,
  );
  return { kinds: data.kinds.enumValues.map((v) => v.name), severities: data.severities.enumValues.map((v) => v.name), documents: data.documents.nodes.map((d) => ({ id: d.id, label: d.title || d.file })) };
}

export function sourcesOf(a: AnomalyItem): SourceRef[] {
  // The sides' places (a PDF's page and boxes) are asked when the view opens (docview.ts).
  return a.sources.slice(0, 2).map((s, i) => ({ documentId: s.document.id, table: s.table, line: s.line, nodeId: a.id, sourceIndex: i }));
}

export function renderAnomalyRows(items: AnomalyItem[]): string {
  return items
    .map(
      (a, i) => `<tr data-anomaly="${escapeHtml(a.id)}" class="sev-${escapeHtml(a.severity)}">
        <td>${escapeHtml(a.kind)}</td><td>${escapeHtml(a.severity)}</td><td class="num">${escapeHtml(a.delta ?? '')}</td>
        <td>${escapeHtml(a.document.department.name)} ${a.document.year}</td>
        <td>${escapeHtml(a.message)}</td>
        <td><button class="open-sides" data-index="${i}">${escapeHtml(a.sources.length > 1 ? t('btn.bothSides') : t('btn.openDoc'))}</button></td></tr>`,
    )
    .join('');
}

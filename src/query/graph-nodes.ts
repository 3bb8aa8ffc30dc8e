// Generic graph view for the explorer: any node or relationship as {id, kind, name, properties}.
// A node's global id is the one Node.id gives, "<__typename>:<key>" (e.g. "Project:<department
// id>|<normalised name>", "ClassificationCode:FunctionCode:2010504"), so a link or URL names a
// node without knowing internal ids.
import { formatWan } from '../model/money.js';
import { BudgetGraphError } from '../errors.js';
import type { GraphEdgeRow, GraphNodeRow } from './records.js';
import { NODE_KINDS, isCodeKind, type NodeKind } from '../model/nodes.js';
import { codeGlobalId, globalId, splitGlobalId } from '../model/ids.js';
import { parseJson } from './props.js';


export interface RawNode {
  elementId: string;
  labels: string[];
  props: Record<string, unknown>;
  anomalies?: number;
}

export interface RawEdge {
  elementId: string;
  type: string;
  start: string;
  end: string;
  props: Record<string, unknown>;
}

/** A global id → the label and key property value to look the node up by (old code ids "FunctionCode:…" too). */
export function parseGlobalId(id: string): { label: string; key: string } {
  const parts = splitGlobalId(id);
  if (!parts || !isNodeKind(parts.kind)) {
    throw new BudgetGraphError('BAD_USER_INPUT', `"${id}" is not a node id; node ids look like "Project:<id>" or "ClassificationCode:FunctionCode:2010504" (take them from search or neighbours).`);
  }
  return isCodeKind(parts.kind) ? { label: 'Code', key: `${parts.kind}:${parts.key}` } : { label: parts.kind, key: parts.key };
}

/** A label or a global id's kind that is one of the node kinds (narrowed, not cast). */
export function isNodeKind(kind: string): kind is NodeKind {
  return NODE_KINDS.some((k) => k === kind);
}

function kindOf(labels: string[]): NodeKind {
  return NODE_KINDS.find((k) => labels.includes(k)) ?? 'Document';
}

// matchText: a department's id, name and aliases joined for its index (department-match-text-set), not a fact.
const HIDDEN = new Set(['searchText', 'matchText', 'normName', 'contentHash', 'columns']);

function displayName(kind: NodeKind, p: Record<string, unknown>): string {
  switch (kind) {
    case 'FunctionCode':
    case 'EconomicCode':
    case 'ProcurementItem':
      return `${p.code} ${p.name ?? ''}`.trim();
    case 'Document':
      return String(p.title ?? p.file);
    case 'BudgetLine':
      return `${p.code} ${p.name ?? ''}`.trim();
    case 'Indicator':
      return String(p.name);
    case 'SelfEvaluation':
      return `自评 ${p.project}`;
    case 'ThreeCosts':
      return `三公 ${p.year ?? ''} (${p.origin})`;
    case 'Anomaly':
      return String(p.kind);
    case 'InvestmentProject':
      return String(p.name);
    case 'Figure':
      return `${p.item || '(no label)'} ${p.column ? `· ${p.column}` : ''} ${p.value}`.replace(/\s+/g, ' ').trim();
    case 'TableTotal':
      return `合计 ${p.unitName ?? ''} ${p.table}`.replace(/\s+/g, ' ').trim();
    case 'Payment':
      return `${p.item} ${typeof p.amountFen === 'bigint' ? formatWan(p.amountFen) : ''}`;
    case 'ProseAmount':
      return `${p.item} ${typeof p.amountFen === 'bigint' ? formatWan(p.amountFen) : ''} 万元`;
    default:
      return String(p.name ?? p.id);
  }
}

/**
 * Display form of stored properties: money in 万元 strings, JSON lists parsed, keys in alphabetical
 * order. The store's own order is the order a load happened to set them (a batched load and a
 * single one differ), so one node would answer in two orders from two graphs of the same documents.
 */
export function displayProperties(p: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (HIDDEN.has(k) || k.startsWith('src')) continue;
    if (k.endsWith('Fen')) out[k.slice(0, -3)] = typeof v === 'bigint' ? formatWan(v) : v;
    else if ((k === 'evidence' || k === 'sources') && Array.isArray(v)) out[k] = v.map((s): unknown => JSON.parse(String(s)));
    else if (k === 'funding' && typeof v === 'string') out[k] = parseJson(v);
    else out[k] = v;
  }
  return out;
}

export function graphNode(raw: RawNode): GraphNodeRow {
  const kind = kindOf(raw.labels);
  const p = raw.props;
  const id = isCodeKind(kind) ? codeGlobalId(String(p.key)) : globalId(kind, String(p.id));
  const properties = displayProperties(p);
  if (isCodeKind(kind)) delete properties.key; // the global id already carries it
  if (p.srcLine !== undefined) properties.source = { documentId: p.documentId ?? null, table: p.srcTable ?? null, line: p.srcLine, text: p.srcText ?? null };
  return { id, kind, name: displayName(kind, p), properties, anomalies: raw.anomalies ?? 0 };
}

export function graphEdge(raw: RawEdge, ids: Map<string, string>): GraphEdgeRow {
  const from = ids.get(raw.start) ?? raw.start;
  const to = ids.get(raw.end) ?? raw.end;
  // A stable id from what the relationship joins (Neo4j's element ids change with every load);
  // two links of one type between the same nodes differ by their method (BOOKED_UNDER).
  const method = typeof raw.props.method === 'string' ? `|${raw.props.method}` : '';
  return { id: `${raw.type}:${from}->${to}${method}`, type: raw.type, from, to, properties: displayProperties(edgeOwnProperties(raw)) };
}

/** A BOOKED_UNDER's code and ownerId copy its ends (for the index booked_under_code_owner): from and to already say them. */
function edgeOwnProperties(raw: RawEdge): Record<string, unknown> {
  if (raw.type !== 'BOOKED_UNDER') return raw.props;
  const { code: _code, ownerId: _ownerId, ...own } = raw.props;
  return own;
}

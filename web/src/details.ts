// The details panel: every property of the selected node or relationship, and where it came
// from (document, table, line and the line as printed). A project→code link shows its method
// and each evidence line.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { KINDS } from './graph.js';
import { escapeHtml, isMoneyKey, wan } from './format.js';
import type { TrailLine } from './api.js';

interface SourceLike {
  documentId?: string | null;
  file?: string | null;
  table?: string | null;
  line?: number | null;
  text?: string | null;
}

function sourceBlock(s: SourceLike, heading = 'Source 出处', nodeId?: string): string {
  const doc = s.file ?? s.documentId ?? '—';
  return `<div class="source"><h3>${escapeHtml(heading)}</h3>
    <dl><dt>Document</dt><dd data-field="source-document">${escapeHtml(doc)}</dd>
    <dt>Table</dt><dd data-field="source-table">${escapeHtml(s.table ?? '—')}</dd>
    <dt>Line</dt><dd data-field="source-line">${escapeHtml(s.line ?? '—')}</dd></dl>
    <pre class="source-text" data-field="source-text">${escapeHtml(s.text ?? '')}</pre>
    ${s.documentId && s.line ? `<button class="open-doc" data-doc="${escapeHtml(s.documentId)}" data-line="${escapeHtml(s.line)}" data-table="${escapeHtml(s.table ?? '')}"${nodeId ? ` data-node="${escapeHtml(nodeId)}"` : ''}>Open in document 在原文中查看</button>` : ''}</div>`;
}

function value(key: string, v: unknown, kind?: string): string {
  if (isMoneyKey(key, kind) && typeof v === 'string') return escapeHtml(wan(v));
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? escapeHtml(JSON.stringify(x)) : escapeHtml(x))).join('<br>');
  if (v !== null && typeof v === 'object') return `<code>${escapeHtml(JSON.stringify(v))}</code>`;
  return escapeHtml(v ?? '—');
}

/** `kind`: the node kind, whose declared money is formatted as 万元 (none for an edge: money of any kind). */
function propertyTable(props: Record<string, unknown>, skip: string[], kind?: string): string {
  const rows = Object.entries(props)
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `<tr data-property="${escapeHtml(k)}"><th>${escapeHtml(k)}</th><td>${value(k, v, kind)}</td></tr>`)
    .join('');
  return `<table class="props">${rows}</table>`;
}

export function renderNode(el: NodeSingular, cy: Core): string {
  const props = el.data('props') as Record<string, unknown>;
  const kind = el.data('kind') as string;
  const neighbours = el
    .neighborhood('node')
    .map((n) => `<li><button class="link" data-select="${escapeHtml(n.id())}"><span class="dot" style="background:${KINDS[n.data('kind')]?.color ?? '#999'}"></span>${escapeHtml(n.data('name'))}</button></li>`)
    .join('');
  const funding = Array.isArray(props.funding) ? (props.funding as { source: string; budgetFen: string | null; line: SourceLike }[]) : [];
  void cy;
  return `<p class="kind">${escapeHtml(KINDS[kind]?.label ?? kind)}</p>
    <h3 class="name" data-field="name">${escapeHtml(el.data('name'))}</h3>
    <p class="id"><code>${escapeHtml(el.id())}</code></p>
    ${el.data('anomalies') > 0 ? `<p class="warn">⚠ ${el.data('anomalies')} anomal${el.data('anomalies') > 1 ? 'ies concern' : 'y concerns'} this node: expand it to see.</p>` : ''}
    ${propertyTable(props, ['source', 'funding'], kind)}
    ${funding.length ? `<h3>Funding 资金来源</h3><ul>${funding.map((f) => `<li>${escapeHtml(f.source)} (line ${escapeHtml(f.line?.line)})</li>`).join('')}</ul>` : ''}
    ${props.source ? sourceBlock(props.source as SourceLike, undefined, el.id()) : '<p class="hint">An identity node: its facts (and their sources) hang off its neighbours.</p>'}
    ${neighbours ? `<h3>On the canvas, connected</h3><ul class="neighbours">${neighbours}</ul>` : ''}`;
}

export function renderEdge(el: EdgeSingular): string {
  const props = el.data('props') as Record<string, unknown>;
  const evidence = Array.isArray(props.evidence) ? (props.evidence as SourceLike[]) : [];
  const method = typeof props.method === 'string' ? props.method : null;
  return `<p class="kind">Relationship</p>
    <h3 class="name" data-field="name">${escapeHtml(el.data('type'))}</h3>
    <p>${escapeHtml(el.source().data('name'))} → ${escapeHtml(el.target().data('name'))}</p>
    ${method ? `<p class="method" data-field="method">Method: <strong>${escapeHtml(method)}</strong> — ${escapeHtml(METHOD_HELP[method] ?? '')}</p>` : ''}
    ${propertyTable(props, ['evidence'])}
    ${evidence.map((e, i) => sourceBlock(e, `Evidence ${i + 1}`)).join('')}`;
}

const METHOD_HELP: Record<string, string> = {
  DIRECT: 'the document prints the code beside the project.',
  RECONCILED: 'amounts prove it to 0.01 yuan (inferred).',
  NAMED: 'the project or its task carries the code’s name (inferred).',
  SPLIT: 'the project’s amount is its own line’s plus exactly this line’s (inferred).',
};

/** A 功能分类 line's money trail: its 项目支出, what explains it (method, amount) and what does not. */
export function renderTrail(line: TrailLine | undefined, table: string | null, basis: string): string {
  if (!line) return `<div class="trail" data-field="money-trail"><h3>Money trail 资金去向</h3><p class="hint">This code has no 项 line with project money in ${escapeHtml(table ?? 'the document')}.</p></div>`;
  const rows = line.contributions
    .map((c) => `<li data-method="${escapeHtml(c.method)}"><strong>${escapeHtml(c.method)}</strong> ${escapeHtml(c.project?.name ?? c.investmentProject?.name ?? '—')}: ${escapeHtml(wan(c.amount))}</li>`)
    .join('');
  const unexplained = line.unexplained.startsWith('-') ? `<span class="warn">${escapeHtml(wan(line.unexplained))}</span> (more is linked than the line prints)` : escapeHtml(wan(line.unexplained));
  return `<div class="trail" data-field="money-trail"><h3>Money trail 资金去向</h3>
    <p>${escapeHtml(basis === 'ACTUAL' ? '项目支出 spent' : '项目支出 budgeted')} <strong data-field="trail-project">${escapeHtml(wan(line.projectMoney))}</strong> =
    explained <strong data-field="trail-explained">${escapeHtml(wan(line.explained))}</strong> + unexplained <strong data-field="trail-unexplained">${unexplained}</strong></p>
    <p class="hint">Read from ${escapeHtml(table ?? '—')}, line ${escapeHtml(line.source.line ?? '—')}.</p>
    ${rows ? `<ul class="contributions">${rows}</ul>` : '<p class="hint">Nothing in the documents explains this money.</p>'}</div>`;
}

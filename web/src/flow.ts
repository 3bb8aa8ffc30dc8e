// Money flow for a department and year, left to right (d3-sankey; widths = amounts in 万元):
// funding sources → units → projects (and investment projects) → 功能分类 lines, with the part of
// each line that no project explains entering as its own grey band. Amounts are shown exactly as
// the API gives them; only band widths use numbers.
import { sankey, sankeyLinkHorizontal, sankeyLeft } from 'd3-sankey';
import { gql } from './api.js';
import { escapeHtml } from './format.js';
import { t } from './i18n.js';
import { svgEl } from './svg.js';
import type { SourceRef } from './docview.js';

interface TrailLine {
  code: string;
  name: string;
  /** Null: the line is printed for the department as a whole. */
  unit: string | null;
  projectMoney: string | null;
  explained: string;
  unexplained: string;
  source: { line: number | null; table: string | null; document: { id: string } };
  contributions: { amount: string; method: string; note: string | null; project: { name: string } | null; investmentProject: { name: string; code: string } | null }[];
}

interface Allocation {
  year: number;
  name: string;
  unit: { name: string } | null;
  amount: string | null;
  funding: { fund: string; budget: string | null }[];
}

export interface FlowNode {
  id: string;
  label: string;
  column: 'fund' | 'unit' | 'project' | 'line' | 'unexplained';
  amount: number;
  source?: SourceRef;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  /** Exact amount as printed or computed by the API, for the label. */
  exact: string;
  method?: string;
  note?: string | null;
  kind: 'fund' | 'unit' | 'contribution' | 'unexplained';
}

export interface Flow {
  nodes: FlowNode[];
  links: FlowLink[];
  table: string | null;
}

const num = (s: string | null | undefined) => (s ? Number(s) : 0);

/** The flow as nodes and links, from the money trail and the projects' funding rows. */
export async function loadFlow(department: string, year: number): Promise<Flow> {
  const data = await gql<{ moneyTrail: { table: string | null; department: { name: string } | null; lines: TrailLine[] }; projects: { nodes: { name: string; allocations: Allocation[] }[] } }>(
    `query($d: String!, $y: Int!) {
      moneyTrail(department: $d, year: $y) { table department { name } lines { code name unit projectMoney explained unexplained source { line table document { id } }
        contributions { amount method note project { name } investmentProject { name code } } } }
      projects(first: 100, filter: { department: $d, year: $y }) { nodes { name allocations { year name unit { name } amount funding { fund budget } } } }
    }`,
    { d: department, y: year },
  );
  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, FlowLink>();
  const node = (id: string, label: string, column: FlowNode['column'], source?: SourceRef) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, column, amount: 0, source });
    return nodes.get(id)!;
  };
  const link = (l: FlowLink) => {
    const key = `${l.source}→${l.target}|${l.kind}|${l.method ?? ''}`;
    const prev = links.get(key);
    if (prev) {
      prev.value += l.value;
      prev.exact = (Number(prev.exact) + Number(l.exact)).toFixed(2);
    } else links.set(key, { ...l });
  };
  const funding = new Map<string, { fund: string; budget: number }[]>();
  for (const p of data.projects.nodes) for (const a of p.allocations) if (a.year === year && a.funding.length) funding.set(a.name, a.funding.map((f) => ({ fund: f.fund, budget: num(f.budget) })));

  // Flow into each project, per unit, so what leaves a project is what came into it.
  const intoProject = new Map<string, { unit: string; value: number }>();
  // A line printed for the department as a whole is the department's money, not a unit's.
  const whole = data.moneyTrail.department?.name ?? '?';
  for (const line of data.moneyTrail.lines) {
    // A line with no project money has nothing to draw.
    if (!line.contributions.some((c) => num(c.amount) > 0) && num(line.unexplained) <= 0) continue;
    const lineId = `line:${line.code}:${line.unit}`;
    node(lineId, `${line.code} ${line.name}`, 'line', { documentId: line.source.document.id, table: line.source.table, line: line.source.line });
    for (const c of line.contributions) {
      const value = num(c.amount);
      if (value <= 0) continue;
      const label = c.investmentProject ? `${c.investmentProject.name} (${c.investmentProject.code})` : (c.project?.name ?? '?');
      const pid = c.investmentProject ? `ip:${c.investmentProject.code}` : `project:${label}`;
      node(pid, label, 'project');
      link({ source: pid, target: lineId, value, exact: c.amount, method: c.method, note: c.note, kind: 'contribution' });
      const prev = intoProject.get(pid);
      intoProject.set(pid, { unit: line.unit ?? whole, value: (prev?.value ?? 0) + value });
    }
    const unexplained = num(line.unexplained);
    if (unexplained > 0) {
      node('unexplained', t('flow.unexplained'), 'unexplained');
      link({ source: 'unexplained', target: lineId, value: unexplained, exact: line.unexplained, kind: 'unexplained' });
    }
  }
  for (const [pid, into] of intoProject) {
    const unitId = `unit:${into.unit}`;
    node(unitId, into.unit, 'unit');
    link({ source: unitId, target: pid, value: into.value, exact: into.value.toFixed(2), kind: 'unit' });
    const name = nodes.get(pid)!.label;
    const funds = funding.get(name) ?? [];
    const total = funds.reduce((s, f) => s + f.budget, 0);
    if (total > 0) {
      for (const f of funds) if (f.budget > 0) link({ source: `fund:${f.fund}`, target: unitId, value: (into.value * f.budget) / total, exact: ((into.value * f.budget) / total).toFixed(2), kind: 'fund' }), node(`fund:${f.fund}`, f.fund, 'fund');
    } else {
      node('fund:?', t('flow.fundUnknown'), 'fund');
      link({ source: 'fund:?', target: unitId, value: into.value, exact: into.value.toFixed(2), kind: 'fund' });
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], table: data.moneyTrail.table };
}

const el = svgEl;
const COLOURS: Record<FlowNode['column'], string> = { fund: '#2e7d32', unit: '#6a1b9a', project: '#1565c0', line: '#ef6c00', unexplained: '#9e9e9e' };

/** Draws the flow into an SVG; `onPick` gets the node or link clicked. */
export function drawFlow(svg: SVGSVGElement, flow: Flow, width: number, onPick: (picked: { node?: FlowNode; link?: FlowLink }) => void): void {
  svg.replaceChildren();
  const height = Math.max(360, flow.nodes.length * 22);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  type N = FlowNode & { x0?: number; x1?: number; y0?: number; y1?: number; value?: number };
  type L = { source: N; target: N; value: number; width?: number; y0?: number; y1?: number; data: FlowLink };
  const layout = sankey<N, L>()
    .nodeId((d) => d.id)
    .nodeAlign(sankeyLeft)
    .nodeWidth(14)
    .nodePadding(10)
    .extent([[8, 8], [width - 260, height - 8]]);
  const graph = layout({ nodes: flow.nodes.map((n) => ({ ...n })), links: flow.links.map((l) => ({ source: l.source as unknown as N, target: l.target as unknown as N, value: l.value, data: l })) });
  const path = sankeyLinkHorizontal<N, L>();
  const linksG = el('g', { fill: 'none', 'stroke-opacity': 0.45 });
  for (const l of graph.links) {
    const p = el('path', { d: path(l) ?? '', stroke: l.data.kind === 'unexplained' ? COLOURS.unexplained : COLOURS[l.source.column], 'stroke-width': Math.max(1, l.width ?? 1), class: `band band-${l.data.kind}`, tabindex: 0 });
    p.appendChild(el('title', {}, `${l.source.label} → ${l.target.label}: ${l.data.exact} 万元${l.data.method ? ` (${l.data.method})` : ''}`));
    p.addEventListener('click', () => onPick({ link: l.data }));
    linksG.appendChild(p);
  }
  svg.appendChild(linksG);
  for (const n of graph.nodes) {
    const g = el('g', { class: `flow-node flow-${n.column}`, tabindex: 0, 'data-id': n.id });
    g.appendChild(el('rect', { x: n.x0 ?? 0, y: n.y0 ?? 0, width: (n.x1 ?? 0) - (n.x0 ?? 0), height: Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0)), fill: COLOURS[n.column] }));
    g.appendChild(el('text', { x: (n.x1 ?? 0) + 4, y: ((n.y0 ?? 0) + (n.y1 ?? 0)) / 2, 'dominant-baseline': 'middle', 'font-size': 11 }, `${n.label} ${(n.value ?? 0).toFixed(2)}`));
    g.addEventListener('click', () => onPick({ node: flow.nodes.find((x) => x.id === n.id)! }));
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') onPick({ node: flow.nodes.find((x) => x.id === n.id)! });
    });
    svg.appendChild(g);
  }
}

export function describePick(p: { node?: FlowNode; link?: FlowLink }): string {
  if (p.node) return `<strong>${escapeHtml(p.node.label)}</strong>`;
  const l = p.link!;
  return `<strong>${escapeHtml(l.exact)} 万元</strong> ${l.method ? `· ${escapeHtml(l.method)}` : ''}${l.note ? `<br><span class="hint">${escapeHtml(l.note)}</span>` : ''}`;
}
